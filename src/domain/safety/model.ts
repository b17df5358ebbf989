// The safety classifier: logistic regression over the features of features.ts, its weights learnt from the
// labelled texts by scripts/safety-model.mjs and shipped as model-weights.ts (generated; reviewable: one
// feature a line, sorted by weight, the strongest signs of danger first). It raises the crisis note beside the rules
// (detect.ts): either one is enough, because a kind note shown once too often costs little and a missed one
// costs a lot. Why both: measured leave-one-set-out (scripts/safety-cv.mjs, README), the rules catch what
// they were written for and the classifier catches wordings nobody wrote a rule for.
import { BIAS, THRESHOLD, WEIGHTS } from './model-weights';
import { isBreak, pairFeature, wordFeatures } from './features';

/** Words per window at most: the labelled texts the model learnt from are at most ~45 words, so a longer text
 * is scored in windows (windows(), below) and the highest score counts. */
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

/** Sentences per window at most, in a long text: one. Windows of two or three sentences caught a little more
 * in a long entry, but joined quiet sentences of different records (import reads a batch as one text) into
 * false alarms. */
export const SENTENCES = 1;

/**
 * Where the windows of a long text are, as [start, end) word positions (sentence ends not counted), given where
 * each sentence starts (`starts`, then the number of words). A text of up to WINDOW + STRIDE / 2 words is one
 * window, as the texts the model learnt from were. A longer one: each sentence (with the next, up to SENTENCES
 * sentences, as long as they stay within WINDOW words); a sentence longer than WINDOW alone is read
 * in windows of WINDOW words, each STRIDE words after the last. So a dangerous sentence in a long entry is read
 * among its own few neighbours, not drowned in the rest.
 */
export function windows(starts: number[], n: number): [number, number][] {
  if (n <= WINDOW + STRIDE / 2) return [[0, n]];
  const out: [number, number][] = [];
  const bounds = [...starts, n];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i];
    if (bounds[i + 1] - s > WINDOW) {
      for (let w = s; ; w += STRIDE) {
        const e = Math.min(bounds[i + 1], w + WINDOW);
        out.push([w, e]);
        if (e >= bounds[i + 1]) break;
      }
      continue;
    }
    for (let k = i + 1; k < bounds.length && k - i <= SENTENCES && bounds[k] - s <= WINDOW; k++) out.push([s, bounds[k]]);
  }
  return out;
}

/**
 * The model's score for a plain form (normalise.ts): a log-odds, higher is more likely danger; the same as
 * BIAS plus the weights of `features(plain)` (features.ts), worked out faster. A long text scores its highest
 * window (windows(), above); with `stopAbove`, the first window above it is enough.
 */
export function modelScore(plain: string, stopAbove = Infinity): number {
  const t = table();
  if (marks.length < t.size) marks = new Uint32Array(t.size);
  // Per word of the text (sentence ends left out): its features' numbers, and its pair with the word before
  // (-1: none); and where each sentence starts.
  const own: Int32Array[] = [];
  const pair: number[] = [];
  const starts: number[] = [];
  let prev = '';
  for (const w of plain.split(' ')) {
    if (w === '') continue;
    if (isBreak(w)) {
      prev = '';
      continue;
    }
    if (prev === '') starts.push(own.length);
    own.push(wordIds(w));
    const pf = pairFeature(prev, w);
    pair.push(pf === undefined ? -1 : t.get(pf) ?? -1);
    prev = w;
  }
  let best = -Infinity;
  for (const [s, e] of windows(starts, own.length)) {
    if (++window === 0xffffffff) {
      marks.fill(0);
      window = 1;
    }
    let z = BIAS;
    for (let i = s; i < e; i++) {
      for (const id of own[i]) {
        if (marks[id] !== window) {
          marks[id] = window;
          z += weight[id];
        }
      }
      // A window's first word counts without its pair.
      const p = i > s ? pair[i] : -1;
      if (p >= 0 && marks[p] !== window) {
        marks[p] = window;
        z += weight[p];
      }
    }
    if (z > best) best = z;
    if (best > stopAbove) break;
  }
  return best;
}

/** True when the model says the plain form suggests danger. */
export function modelSaysDanger(plain: string): boolean {
  return modelScore(plain, THRESHOLD) > THRESHOLD;
}
