// The measurement behind the safety detector's method (README, "What the safety note catches"): a small
// classifier (naive Bayes on character 2-5-grams, accent-folded) in 5-fold cross-validation on the TUNE split
// only, with its threshold set so that at most 5% of idioms set it off. Prints figures only.
// `node scripts/safety-classifier-cv.mjs`
import { readFileSync } from 'node:fs';

const items = JSON.parse(readFileSync(new URL('../test/fixtures/danger.json', import.meta.url), 'utf8')).items.filter((x) => x.split === 'tune');
const norm = (t) => ` ${t.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, ' ')} `;
const feats = (t) => {
  const s = norm(t);
  const out = new Set();
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
  return out;
};
// A fixed shuffle, so the figure is the same every run.
let seed = 1;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const shuffled = items.map((x) => [rand(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
const K = 5;
const scored = [];
for (let k = 0; k < K; k++) {
  const train = shuffled.filter((_, i) => i % K !== k);
  const test = shuffled.filter((_, i) => i % K === k);
  const count = { true: new Map(), false: new Map() };
  const n = { true: 0, false: 0 };
  for (const x of train) {
    const y = x.label === 'danger';
    n[y]++;
    for (const f of feats(x.text)) count[y].set(f, (count[y].get(f) ?? 0) + 1);
  }
  const score = (t) => {
    let s = Math.log(n.true / n.false);
    for (const f of feats(t)) s += Math.log(((count.true.get(f) ?? 0) + 0.5) / (n.true + 1)) - Math.log(((count.false.get(f) ?? 0) + 0.5) / (n.false + 1));
    return s;
  };
  for (const x of test) scored.push([score(x.text), x]);
}
const of = (label) => scored.filter(([, x]) => x.label === label).map(([s]) => s);
const idioms = of('idiom').sort((a, b) => a - b);
const threshold = idioms[Math.floor(idioms.length * 0.95)];
const rate = (xs) => ((100 * xs.filter((s) => s > threshold).length) / xs.length).toFixed(1);
console.log(`naive Bayes, 5-fold CV on tune: danger caught ${rate(of('danger'))}% with idiom false alarms ${rate(idioms)}%, everyday ${rate(of('everyday'))}%`);
