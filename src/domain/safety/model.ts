// The safety classifier: logistic regression over the features of features.ts, its weights learnt from the
// labelled texts by scripts/safety-model.mjs and shipped as model-weights.ts (generated; reviewable: one
// feature a line, sorted by weight, the strongest signs of danger first). It raises the crisis note beside the rules
// (detect.ts): either one is enough, because a kind note shown once too often costs little and a missed one
// costs a lot. Why both: measured leave-one-set-out (scripts/safety-cv.mjs, README), the rules catch what
// they were written for and the classifier catches wordings nobody wrote a rule for.
import { BIAS, THRESHOLD, WEIGHTS } from './model-weights';
import { features, isBreak } from './features';

/** Words per window: the labelled texts the model learnt from are at most ~45 words, so a longer text is
 * scored in overlapping windows of this many words and the highest score counts. */
export const WINDOW = 40;
const STRIDE = WINDOW / 2;

let weights: Map<string, number> | undefined;
function model(): Map<string, number> {
  if (!weights) {
    weights = new Map();
    for (const line of WEIGHTS.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) weights.set(line.slice(tab + 1), Number(line.slice(0, tab)));
    }
  }
  return weights;
}

function scoreWindow(plain: string): number {
  const w = model();
  let z = BIAS;
  for (const f of features(plain)) z += w.get(f) ?? 0;
  return z;
}

/** The model's score for a plain form (normalise.ts): a log-odds, higher is more likely danger. */
export function modelScore(plain: string): number {
  const words = plain.split(' ').filter((x) => x !== '');
  let content = 0;
  for (const x of words) if (!isBreak(x)) content++;
  if (content <= WINDOW + STRIDE / 2) return scoreWindow(plain);
  // Windows over the words (sentence ends kept, so word pairs still stop at them), each starting STRIDE
  // words after the last.
  let best = -Infinity;
  const starts: number[] = [];
  let seen = 0;
  for (let i = 0; i < words.length; i++) {
    if (isBreak(words[i])) continue;
    if (seen % STRIDE === 0) starts.push(i);
    seen++;
  }
  for (const s of starts) {
    let n = 0;
    let e = s;
    while (e < words.length && n < WINDOW) if (!isBreak(words[e++])) n++;
    const z = scoreWindow(' ' + words.slice(s, e).join(' ') + ' ');
    if (z > best) best = z;
    if (e >= words.length) break;
  }
  return best;
}

/** True when the model says the plain form suggests danger. */
export function modelSaysDanger(plain: string): boolean {
  return modelScore(plain) > THRESHOLD;
}
