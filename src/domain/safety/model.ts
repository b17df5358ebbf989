// The safety classifier: logistic regression over the features of features.ts, its weights learnt from the
// labelled texts by scripts/safety-model.mjs and shipped as model-weights.ts (generated; reviewable: one
// feature a line, sorted by weight, the strongest signs of danger first). It raises the crisis note beside the rules
// (detect.ts): either one is enough, because a kind note shown once too often costs little and a missed one
// costs a lot. Why both: measured leave-one-set-out (scripts/safety-cv.mjs, README), the rules catch what
// they were written for and the classifier catches wordings nobody wrote a rule for.
import { BIAS, THRESHOLD, WEIGHTS } from './model-weights';
import { isBreak, pairFeature, wordFeatures } from './features';

/** Words per window: the labelled texts the model learnt from are at most ~45 words, so a longer text is
 * scored in overlapping windows of this many words and the highest score counts. */
export const WINDOW = 40;
const STRIDE = WINDOW / 2;

// The weights as a table: feature -> number, and each number's weight. Built on first use (~10 ms), so loading
// the program costs nothing for it.
let ids: Map<string, number> | undefined;
let weight: Float64Array;
function table(): Map<string, number> {
  if (!ids) {
    ids = new Map();
    const lines = WEIGHTS.split('\n');
    weight = new Float64Array(lines.length);
    for (const line of lines) {
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      weight[ids.size] = Number(line.slice(0, tab));
      ids.set(line.slice(tab + 1), ids.size);
    }
  }
  return ids;
}

// Each word's weighted features (their numbers), worked out once: most words of a journal come back again and
// again. Bounded, so a long import can't grow it.
const WORDS = new Map<string, Int32Array>();
const WORDS_MAX = 50_000;
function wordIds(w: string): Int32Array {
  let hit = WORDS.get(w);
  if (hit === undefined) {
    const t = table();
    const xs: number[] = [];
    for (const f of wordFeatures(w)) {
      const id = t.get(f);
      if (id !== undefined) xs.push(id);
    }
    hit = Int32Array.from(xs);
    if (WORDS.size >= WORDS_MAX) WORDS.clear();
    WORDS.set(w, hit);
  }
  return hit;
}

// Counting each feature once per window: a feature's mark is the number of the window that last counted it.
let marks = new Uint32Array(0);
let window = 0;

/**
 * The model's score for a plain form (normalise.ts): a log-odds, higher is more likely danger; the same as
 * BIAS plus the weights of `features(plain)` (features.ts), worked out faster. A text longer than a window
 * scores its highest window; with `stopAbove`, the first window above it is enough.
 */
export function modelScore(plain: string, stopAbove = Infinity): number {
  const t = table();
  if (marks.length < t.size) marks = new Uint32Array(t.size);
  // Per word of the text (sentence ends left out): its features' numbers, and its pair with the word before (-1: none).
  const own: Int32Array[] = [];
  const pair: number[] = [];
  let prev = '';
  for (const w of plain.split(' ')) {
    if (w === '') continue;
    if (isBreak(w)) {
      prev = '';
      continue;
    }
    own.push(wordIds(w));
    const pf = pairFeature(prev, w);
    pair.push(pf === undefined ? -1 : t.get(pf) ?? -1);
    prev = w;
  }
  const n = own.length;
  // One window when the text is short enough (as the texts it learnt from), otherwise windows of WINDOW words,
  // each starting STRIDE words after the last; a window's first word counts without its pair.
  const size = n <= WINDOW + STRIDE / 2 ? n : WINDOW;
  let best = -Infinity;
  for (let s = 0; ; s += STRIDE) {
    if (++window === 0xffffffff) {
      marks.fill(0);
      window = 1;
    }
    let z = BIAS;
    const e = Math.min(n, s + size);
    for (let i = s; i < e; i++) {
      for (const id of own[i]) {
        if (marks[id] !== window) {
          marks[id] = window;
          z += weight[id];
        }
      }
      const p = i > s ? pair[i] : -1;
      if (p >= 0 && marks[p] !== window) {
        marks[p] = window;
        z += weight[p];
      }
    }
    if (z > best) best = z;
    if (best > stopAbove || e >= n) break;
  }
  return best;
}

/** True when the model says the plain form suggests danger. */
export function modelSaysDanger(plain: string): boolean {
  return modelScore(plain, THRESHOLD) > THRESHOLD;
}
