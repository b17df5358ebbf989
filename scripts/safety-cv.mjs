// How well the safety detector generalises to texts written by someone else: leave-one-set-out over the tune
// split (danger-A to F; each written by different people). For each set, each classifier (danger, abuse) is
// trained and its threshold chosen on the other five, then measured on the one left out. Prints figures only,
// never a text.
//
//   node scripts/safety-cv.mjs            # rules, classifier, and rules OR classifier, per set left out
//   node scripts/safety-cv.mjs --grid     # the totals for a few settings of the classifiers (how they were chosen)
//
// The threshold is chosen without looking at the set left out: inner leave-one-set-out over the five training
// sets gives every training text a score from a model that never saw it; the threshold is the one that keeps
// false alarms on quiet texts (counting the rules' own) at or under the bar (safety-learn.mjs: IDIOM_BAR for
// danger, ABUSE_BAR for abuse). The danger rules were tuned on A-D (A and B first; C and D read after they were
// measured once), so their figure on A-D is fit, not generalisation: their E and F figures (E and F measured
// once, blind, before they became tune; no rule written on them since) say how they generalise, and so the
// "E+F" lines are the honest figure for rules OR classifier. The classifiers are honest on every fold.
import { DEFAULTS, ORDINARY, PROBES, TARGETS, detector, ordinaryItems, optsFor, outOfSetScores, probeItems, rowsFor, scoreItem, thresholdFromScores, train, tuneItems } from './safety-learn.mjs';

const det = await detector();
const all = tuneItems().concat(probeItems(det), ordinaryItems(det)).map((x) => ({
  ...x,
  set: x.source.replace(/^danger-(.)\.jsonl$/, '$1'),
  feats: det.features(det.plainForModel(x.text)),
  wins: det.windowFeatures(det.plainForModel(x.text)),
  rule: det.rulesSay(x.text),
  abuseRule: det.abuseRulesSay(x.text),
}));
// The hand-written probes and generated journal texts are learnt from in every fold and never measured on.
const always = all.filter((x) => x.source === PROBES || x.source === ORDINARY);
const items = all.filter((x) => x.source !== PROBES && x.source !== ORDINARY);
const SETS = [...new Set(items.map((x) => x.set))].sort();
const BLIND_RULES = ['E', 'F']; // the sets no danger rule was written on

const LABELS = ['danger', 'abuse', 'idiom', 'everyday'];
const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) : '-');
const count = (rows, says) => Object.fromEntries(LABELS.map((l) => {
  const xs = rows.filter((x) => x.label === l);
  return [l, [xs.filter(says).length, xs.length]];
}));
const add = (fs) => Object.fromEntries(LABELS.map((l) => [l, fs.reduce((a, f) => [a[0] + f[l][0], a[1] + f[l][1]], [0, 0])]));
const fig = ([n, d]) => `${String(n).padStart(3)}/${d} (${pct(n, d)}%)`;
const dangerLine = (name, f) => `${name.padEnd(30)} danger ${fig(f.danger)}  idiom alarms ${fig(f.idiom)}  everyday alarms ${fig(f.everyday)}`;
const abuseLine = (name, f) => `${name.padEnd(30)} abuse ${fig(f.abuse)}  idiom alarms ${fig(f.idiom)}  everyday alarms ${fig(f.everyday)}  danger texts ${fig(f.danger)}`;

/** One target, every fold: the held-out set's items with `rule`, `clf` (alone, its own threshold) and `or`. */
function folds(target, opts) {
  const out = [];
  for (const s of SETS) {
    const trainItems = items.filter((x) => x.set !== s);
    const oof = outOfSetScores(trainItems, always, target, opts);
    const t = thresholdFromScores(oof, target, true);
    const tAlone = thresholdFromScores(oof, target, false);
    const model = train(rowsFor(trainItems.concat(always), target, opts), optsFor(target, opts));
    const held = items.filter((x) => x.set === s).map((x) => {
      const z = scoreItem(model, x);
      return { ...x, ruleSays: x[target.rule], clf: z > tAlone, or: x[target.rule] || z > t };
    });
    out.push({ set: s, held });
  }
  return out;
}

function run(opts, verbose) {
  const d = folds(TARGETS.danger, opts);
  const a = folds(TARGETS.abuse, opts);
  const total = (fs, key, only) => add(fs.filter((f) => !only || only.includes(f.set)).map((f) => count(f.held, (x) => x[key])));
  if (verbose) {
    for (const f of d) {
      console.log(`left out ${f.set} (trained on ${SETS.filter((x) => x !== f.set).join(', ')}):`);
      console.log('  ' + dangerLine(`danger rules${BLIND_RULES.includes(f.set) ? '' : ' (fit: tuned on it)'}`, count(f.held, (x) => x.ruleSays)));
      console.log('  ' + dangerLine('danger classifier', count(f.held, (x) => x.clf)));
      console.log('  ' + dangerLine('danger rules OR classifier', count(f.held, (x) => x.or)));
      const g = a.find((x) => x.set === f.set);
      console.log('  ' + abuseLine('abuse rules', count(g.held, (x) => x.ruleSays)));
      console.log('  ' + abuseLine('abuse rules OR classifier', count(g.held, (x) => x.or)));
    }
  }
  // Either note on an idiom counts against the 5% bar: the two detectors' alarms together.
  const either = add(d.map((f, i) => {
    const abuseBy = new Map(a[i].held.map((x) => [x.text, x.or]));
    return count(f.held, (x) => x.or || abuseBy.get(x.text));
  }));
  return {
    rules: total(d, 'ruleSays', BLIND_RULES), clf: total(d, 'clf'), or: total(d, 'or'), orBlind: total(d, 'or', BLIND_RULES),
    abuseRules: total(a, 'ruleSays'), abuseClf: total(a, 'clf'), abuseOr: total(a, 'or'), abuseRulesBlind: total(a, 'ruleSays', BLIND_RULES), abuseOrBlind: total(a, 'or', BLIND_RULES), either,
  };
}

function summary(t) {
  console.log('  ' + dangerLine('danger rules on E+F (honest)', t.rules));
  console.log('  ' + dangerLine('danger classifier', t.clf));
  console.log('  ' + dangerLine('danger rules OR classifier', t.or));
  console.log('  ' + dangerLine('  the same, E+F', t.orBlind));
  console.log('  ' + abuseLine('abuse rules (fit on A-D)', t.abuseRules));
  console.log('  ' + abuseLine('abuse classifier', t.abuseClf));
  console.log('  ' + abuseLine('abuse rules OR classifier', t.abuseOr));
  console.log('  ' + abuseLine('abuse rules on E+F (honest)', t.abuseRulesBlind));
  console.log('  ' + abuseLine('  rules OR classifier, E+F', t.abuseOrBlind));
  console.log('  ' + `${'either note on quiet texts'.padEnd(30)} idiom alarms ${fig(t.either.idiom)}  everyday alarms ${fig(t.either.everyday)}`);
}

console.log(`leave-one-set-out on the tune split (${items.length} texts in ${SETS.length} sets; ${always.length} hand-written probes and generated journal texts learnt from in every fold); thresholds chosen on the training sets (danger: at most ${(TARGETS.danger.bar * 100).toFixed(1)}% idiom alarms; abuse: at most ${(TARGETS.abuse.bar * 100).toFixed(1)}% of idioms and everyday texts)`);
if (process.argv.includes('--grid')) {
  for (const positiveWeight of [1, 2, 3]) for (const minDf of [1, 2]) {
    const opts = { ...DEFAULTS, positiveWeight, minDf };
    console.log(`positiveWeight ${positiveWeight} minDf ${minDf}:`);
    summary(run(opts, false));
  }
} else {
  const t = run(DEFAULTS, true);
  console.log(`all ${SETS.length} sets left out in turn:`);
  summary(t);
}
