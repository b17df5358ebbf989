// How well the safety detector generalises to texts written by someone else: leave-one-set-out over the tune
// split (danger-A, B, C, D; each written by different people). For each set, the classifier is trained and its
// threshold chosen on the other three, then measured on the one left out. Prints figures only, never a text.
//
//   node scripts/safety-cv.mjs            # rules, classifier, and rules OR classifier, per set left out
//   node scripts/safety-cv.mjs --grid     # the same for a few settings of the classifier (how they were chosen)
//
// The threshold is chosen without looking at the set left out: inner leave-one-set-out over the three training
// sets gives every training text a score from a model that never saw it; the threshold is the one that keeps
// idiom false alarms (counting the rules' own) at or under IDIOM_BAR on those. The rules themselves were tuned
// on A and B (and read C and D's figures once), so their figure on A and B is fit, not generalisation: only
// their C and D figures (measured once, blind, before C and D became tune) say how they generalise.
import { DEFAULTS, IDIOM_BAR, ORDINARY, PROBES, detector, ordinaryItems, probeItems, score, thresholdFor, train, tuneItems } from './safety-learn.mjs';

const det = await detector();
const rulesOnly = det.rulesSay;
const all = tuneItems().concat(probeItems(det), ordinaryItems(det)).map((x) => ({
  ...x,
  set: x.source.replace(/^danger-(.)\.jsonl$/, '$1'),
  feats: det.features(det.plainForModel(x.text)),
  rule: rulesOnly(x.text),
  y: x.label === 'danger' ? 1 : 0,
  weight: x.weight,
}));
// The hand-written probes are learnt from in every fold and never measured on.
const probes = all.filter((x) => x.source === PROBES || x.source === ORDINARY);
const items = all.filter((x) => x.source !== PROBES && x.source !== ORDINARY);
const SETS = [...new Set(items.map((x) => x.set))].sort();

function fitAndThreshold(trainItems, opts) {
  // Out-of-set scores for the training texts, by inner leave-one-set-out.
  const inner = [...new Set(trainItems.map((x) => x.set))];
  const oof = [];
  for (const s of inner) {
    const m = train(trainItems.filter((x) => x.set !== s).concat(probes), opts);
    for (const x of trainItems.filter((x) => x.set === s)) oof.push([x, score(m, x.feats)]);
  }
  const idioms = oof.filter(([x]) => x.label === 'idiom');
  const t = thresholdFor(idioms.map(([, s]) => s), idioms.map(([x]) => x.rule), IDIOM_BAR);
  const tAlone = thresholdFor(idioms.map(([, s]) => s), idioms.map(() => false), IDIOM_BAR);
  return { model: train(trainItems.concat(probes), opts), t, tAlone };
}

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) : '-');
function figures(rows, says) {
  const f = {};
  for (const label of ['danger', 'idiom', 'everyday', 'abuse']) {
    const xs = rows.filter((x) => x.label === label);
    f[label] = [xs.filter(says).length, xs.length];
  }
  return f;
}
const line = (name, f) => `${name.padEnd(26)} danger ${String(f.danger[0]).padStart(3)}/${f.danger[1]} (${pct(...f.danger)}%)  idiom alarms ${f.idiom[0]}/${f.idiom[1]} (${pct(...f.idiom)}%)  everyday alarms ${f.everyday[0]}/${f.everyday[1]} (${pct(...f.everyday)}%)`;

function run(opts, verbose) {
  const total = { rules: [], clf: [], or: [] };
  for (const s of SETS) {
    const held = items.filter((x) => x.set === s);
    const { model, t, tAlone } = fitAndThreshold(items.filter((x) => x.set !== s), opts);
    const sc = new Map(held.map((x) => [x, score(model, x.feats)]));
    const r = figures(held, (x) => x.rule);
    const c = figures(held, (x) => sc.get(x) > tAlone);
    const o = figures(held, (x) => x.rule || sc.get(x) > t);
    total.rules.push(r);
    total.clf.push(c);
    total.or.push(o);
    if (verbose) {
      console.log(`left out ${s} (trained on ${SETS.filter((x) => x !== s).join(', ')}):`);
      console.log('  ' + line(`rules${['A', 'B'].includes(s) ? ' (fit: tuned on it)' : ''}`, r));
      console.log('  ' + line('classifier', c));
      console.log('  ' + line('rules OR classifier', o));
    }
  }
  const sum = (fs) => Object.fromEntries(['danger', 'idiom', 'everyday', 'abuse'].map((k) => [k, fs.reduce((a, f) => [a[0] + f[k][0], a[1] + f[k][1]], [0, 0])]));
  return { rules: sum(total.rules), rulesCD: sum(total.rules.slice(2)), clf: sum(total.clf), or: sum(total.or), orCD: sum(total.or.slice(2)) };
}

console.log(`leave-one-set-out on the tune split (${items.length} texts; ${probes.length} hand-written probes and generated journal texts learnt from in every fold), threshold for at most ${(IDIOM_BAR * 100).toFixed(0)}% idiom alarms chosen on the training sets`);
if (process.argv.includes('--grid')) {
  for (const minDf of [1, 2, 3]) for (const l2 of [1e-5, 1e-4, 1e-3]) for (const epochs of [15, 30]) {
    const opts = { ...DEFAULTS, minDf, l2, epochs };
    const t = run(opts, false);
    console.log(`minDf ${minDf} l2 ${l2} epochs ${epochs}:`);
    console.log('  ' + line('classifier', t.clf));
    console.log('  ' + line('rules OR classifier', t.or));
  }
} else {
  const t = run(DEFAULTS, true);
  console.log('all four sets left out in turn:');
  console.log('  ' + line('rules on C+D (honest)', t.rulesCD));
  console.log('  ' + line('classifier', t.clf));
  console.log('  ' + line('rules OR classifier', t.or));
  console.log('  ' + line('rules OR classifier, C+D', t.orCD));
}
