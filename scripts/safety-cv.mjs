// How well the safety detector generalises to texts written by someone else: leave-one-set-out over the tune
// split (danger-A to N; each written by different people). For each set, each classifier (danger, abuse) is
// trained and its threshold chosen on the other thirteen, then measured on the one left out. Prints figures only,
// never a text.
//
//   node scripts/safety-cv.mjs            # rules, classifier, and rules OR classifier, per set left out
//   node scripts/safety-cv.mjs --curve    # the same, then the danger threshold's trade-off: recall against idiom
//                                         # alarms for a range of idiom bars (how IDIOM_BAR was chosen)
//   node scripts/safety-cv.mjs --dump F   # the same, and each fold's scores written to the file F (no texts)
//   node scripts/safety-cv.mjs --grid     # the totals for a few settings of the classifiers (how they were chosen)
//
// The threshold is chosen without looking at the set left out: inner leave-one-set-out over the thirteen training
// sets gives every training text a score from a model that never saw it; the threshold is the one that keeps
// false alarms on quiet texts (counting the rules' own) at or under the bar (safety-learn.mjs: IDIOM_BAR for
// danger, ABUSE_BAR for abuse). The danger rules were tuned on A-D (A and B first; C and D read after they were
// measured once), so their figure on A-D is fit, not generalisation: no rule was written on E-N (each pair
// measured once, blind, before it became tune) until the sixth pass wrote rules from A-J's misses: BLIND_RULES
// below says which sets no rule was written on, and the BLIND lines are the honest figure for the rules and for
// rules OR classifier. The classifiers are honest on every fold.
import { writeFileSync } from 'node:fs';
import { DEFAULTS, LIBRARY, ORDINARY, PROBES, libraryItems, TARGETS, detector, ordinaryItems, optsFor, outOfSetScores, probeItems, rowsFor, scoreItem, thresholdFromScores, thresholdsFromScores, train, tuneItems } from './safety-learn.mjs';

const det = await detector();
const all = tuneItems().map((x, n) => ({ ...x, n })).concat(probeItems(det), ordinaryItems(det), libraryItems()).map((x) => ({
  ...x,
  set: x.source.replace(/^danger-(.)\.jsonl$/, '$1'),
  feats: det.features(det.plainForModel(x.text)),
  wins: det.windowFeatures(det.plainForModel(x.text)),
  rule: det.rulesSay(x.text),
  ruleTrusted: det.trustedRulesSay(x.text),
  abuseRule: det.abuseRulesSay(x.text),
}));
// The hand-written probes and generated journal texts are learnt from in every fold and never measured on.
const always = all.filter((x) => x.source === PROBES || x.source === ORDINARY || x.source === LIBRARY);
const items = all.filter((x) => x.source !== PROBES && x.source !== ORDINARY && x.source !== LIBRARY);
const SETS = [...new Set(items.map((x) => x.set))].sort();
// The sets no rule was written on. Until the sixth pass that was E-L (its "before" figures, README); the sixth
// pass wrote rules from what A-J missed and alarmed on, never from K's or L's texts, so then only K and L. M and
// N (the sixth pass's blind pair, tune since the seventh) were never read for a rule either, and the seventh
// pass writes its rules from A-L only (K and L's texts read now), so now only M and N.
const BLIND_RULES = ['M', 'N'];
const BLIND = 'M-N'; // how the lines on BLIND_RULES are named

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

/** One target, every fold: the inner out-of-set scores of its training sets (for the threshold), and the
 * held-out set's items with the fold model's score `z` and `ruleSays`. The threshold is applied by decide(). */
function foldScores(target, opts) {
  const out = [];
  for (const s of SETS) {
    const trainItems = items.filter((x) => x.set !== s);
    const oof = outOfSetScores(trainItems, always, target, opts);
    const model = train(rowsFor(trainItems.concat(always), target, opts), optsFor(target, opts));
    const held = items.filter((x) => x.set === s).map((x) => ({ ...x, ruleSays: x[target.rule], z: scoreItem(model, x) }));
    out.push({ set: s, oof, held });
  }
  return out;
}

/** Each fold's held-out items with `clf` (the classifier alone, its own threshold) and `or` (rules OR classifier,
 * as the program decides: a rule's hit counts above the rules' threshold), the thresholds chosen on the fold's
 * training sets at the target's bar. */
function decide(fs, target) {
  return fs.map(({ set, oof, held }) => {
    const { threshold: t, ruleThreshold: v } = thresholdsFromScores(oof, target);
    const tAlone = thresholdFromScores(oof, target, false);
    const sure = (x) => target.trusted !== undefined && x[target.trusted];
    return { set, held: held.map((x) => ({ ...x, clf: x.z > tAlone, or: sure(x) || (x.ruleSays && x.z > v) || x.z > t })) };
  });
}

const total = (fs, key, only) => add(fs.filter((f) => !only || only.includes(f.set)).map((f) => count(f.held, (x) => x[key])));
/** Either note on a text: the danger and abuse folds' decisions together. */
const eitherOf = (d, a, only) => add(d.filter((f) => !only || only.includes(f.set)).map((f) => {
  const abuseBy = new Map(a.find((g) => g.set === f.set).held.map((x) => [x.text, x.or]));
  return count(f.held, (x) => x.or || abuseBy.get(x.text));
}));

/** Danger recall per category on the given sets (counts only, never a text). */
function categories(d, only) {
  const cats = new Map();
  for (const f of d) if (only.includes(f.set)) for (const x of f.held) if (x.label === 'danger') {
    const c = cats.get(x.cat) ?? [0, 0];
    c[1]++;
    if (x.or) c[0]++;
    cats.set(x.cat, c);
  }
  return [...cats].sort(([a], [b]) => a.localeCompare(b)).map(([c, [n, m]]) => `${c} ${n}/${m}`).join(', ');
}

function run(opts, verbose, scores = { danger: foldScores(TARGETS.danger, opts), abuse: foldScores(TARGETS.abuse, opts) }) {
  const d = decide(scores.danger, TARGETS.danger);
  const a = decide(scores.abuse, TARGETS.abuse);
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
    console.log(`danger caught by category, rules OR classifier, ${BLIND}: ${categories(d, BLIND_RULES)}`);
    console.log(`danger caught by category, rules OR classifier, all ${SETS.length} folds: ${categories(d, SETS)}`);
  }
  // Either note on an idiom counts against the 5% bar: the two detectors' alarms together.
  return {
    rules: total(d, 'ruleSays', BLIND_RULES), clf: total(d, 'clf'), or: total(d, 'or'), orBlind: total(d, 'or', BLIND_RULES),
    abuseRules: total(a, 'ruleSays'), abuseClf: total(a, 'clf'), abuseOr: total(a, 'or'), abuseRulesBlind: total(a, 'ruleSays', BLIND_RULES), abuseOrBlind: total(a, 'or', BLIND_RULES),
    either: eitherOf(d, a), eitherBlind: eitherOf(d, a, BLIND_RULES),
  };
}

/** The danger threshold's trade-off: the folds scored once, then the threshold chosen at each bar in turn (the
 * abuse note's at its own bar). */
function curve(scores) {
  const ds = scores.danger;
  const a = decide(scores.abuse, TARGETS.abuse);
  console.log(`idiom bar (inner) | danger caught, ${SETS.length} folds | idioms, either note | everyday alarms | danger caught, ${BLIND} (honest) | idioms, either note, ${BLIND} (honest)`);
  for (const bar of [0.01, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.08]) {
    const d = decide(ds, { ...TARGETS.danger, bar });
    const or = total(d, 'or');
    const e = eitherOf(d, a);
    const eb = eitherOf(d, a, BLIND_RULES);
    console.log(`${(bar * 100).toFixed(1).padStart(4)}% | ${fig(or.danger)} | ${fig(e.idiom)} | ${fig(e.everyday)} | ${fig(total(d, 'or', BLIND_RULES).danger)} | ${fig(eb.idiom)}`);
  }
}

function summary(t) {
  console.log('  ' + dangerLine(`danger rules on ${BLIND} (honest)`, t.rules));
  console.log('  ' + dangerLine('danger classifier', t.clf));
  console.log('  ' + dangerLine('danger rules OR classifier', t.or));
  console.log('  ' + dangerLine(`  the same, ${BLIND} (honest)`, t.orBlind));
  console.log('  ' + abuseLine('abuse rules (fit on A-D)', t.abuseRules));
  console.log('  ' + abuseLine('abuse classifier', t.abuseClf));
  console.log('  ' + abuseLine('abuse rules OR classifier', t.abuseOr));
  console.log('  ' + abuseLine(`abuse rules on ${BLIND} (honest)`, t.abuseRulesBlind));
  console.log('  ' + abuseLine(`  rules OR classifier, ${BLIND}`, t.abuseOrBlind));
  console.log('  ' + `${'either note on quiet texts'.padEnd(30)} idiom alarms ${fig(t.either.idiom)}  everyday alarms ${fig(t.either.everyday)}`);
  console.log('  ' + `${`  the same, ${BLIND} (honest)`.padEnd(30)} idiom alarms ${fig(t.eitherBlind.idiom)}  everyday alarms ${fig(t.eitherBlind.everyday)}`);
}

console.log(`leave-one-set-out on the tune split (${items.length} texts in ${SETS.length} sets; ${always.length} hand-written probes and generated journal texts learnt from in every fold); thresholds chosen on the training sets (danger: at most ${(TARGETS.danger.bar * 100).toFixed(1)}% idiom alarms; abuse: at most ${(TARGETS.abuse.bar * 100).toFixed(1)}% of idioms and everyday texts)`);
if (process.argv.includes('--grid')) {
  for (const positiveWeight of [1, 2, 3]) for (const minDf of [1, 2]) {
    const opts = { ...DEFAULTS, positiveWeight, minDf };
    console.log(`positiveWeight ${positiveWeight} minDf ${minDf}:`);
    summary(run(opts, false));
  }
} else {
  const scores = { danger: foldScores(TARGETS.danger, DEFAULTS), abuse: foldScores(TARGETS.abuse, DEFAULTS) };
  const t = run(DEFAULTS, true, scores);
  console.log(`all ${SETS.length} sets left out in turn:`);
  summary(t);
  if (process.argv.includes('--curve')) curve(scores);
  const dump = process.argv.indexOf('--dump');
  if (dump > 0) {
    // Each fold's scores for a closer look (scripts never print a text: items are named by their place in the
    // fixture's tune split, `n`).
    const slim = (x, z) => ({ n: x.n, set: x.set, label: x.label, cat: x.cat, rule: x.rule, ruleTrusted: x.ruleTrusted, abuseRule: x.abuseRule, z: Math.round(z * 1e4) / 1e4 });
    const out = Object.fromEntries(Object.entries(scores).map(([k, fs]) => [k, fs.map((f) => ({
      set: f.set, oof: f.oof.map(([x, z]) => slim(x, z)), held: f.held.map((x) => slim(x, x.z)),
    }))]));
    writeFileSync(process.argv[dump + 1], JSON.stringify(out));
  }
}
