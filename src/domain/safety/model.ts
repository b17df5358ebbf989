// The safety classifiers: logistic regression over the features of features.ts, their weights learnt from the
// labelled texts by scripts/safety-model.mjs and shipped as model-weights.ts (generated; reviewable: one
// feature a line, sorted by weight, the strongest signs first). One model for danger (the crisis note), one for
// harm from someone else (the abuse note), each read the same way. It raises the crisis note beside the rules
// (detect.ts): above THRESHOLD on its own, and above the lower RULE_THRESHOLD when a rule sees danger too, because
// a kind note shown once too often costs little and a missed one costs a lot. Why both: measured
// leave-one-set-out (scripts/safety-cv.mjs, README), the rules catch what they were written for and the
// classifier catches wordings nobody wrote a rule for; a rule's hit the classifier scores very low is more often
// an idiom than danger.
import { ABUSE_BIAS, ABUSE_THRESHOLD, ABUSE_WEIGHTS, BIAS, THRESHOLD, WEIGHTS } from './model-weights';

export { THRESHOLD as DANGER_THRESHOLD, RULE_THRESHOLD } from './model-weights';
import { ONE_WINDOW, SENTENCE_MIN, isBreak, pairFeature, skipFeature, windowsInto, wordFeatures } from './features';
import { MEMO_MAX, Memo } from './memo';

export { SENTENCES, WINDOW, windows } from './features';

/** A word as a model knows it: its own features' numbers, and its pairs' and skips' numbers with the words after it. */
interface Word {
  text: string;
  own: Int32Array;
  /** The number of the feature of this word then that one (-1: none). */
  pairs: Map<Word, number> | undefined;
  skips: Map<Word, number> | undefined;
}

/** One shipped model: its weights as a table (feature -> number, and each number's weight), built on first use
 * (~10 ms), so loading the program costs nothing for it; and each word's weighted features, worked out once. */
class Model {
  private ids: Map<string, number> | undefined;
  private weight = new Float64Array(0);
  // Each word, worked out once (memo.ts), with its pairs found by the next word itself, not by building their names.
  private readonly words = new Memo(MEMO_MAX, (w: string): Word => ({ text: w, own: this.featureIds(w), pairs: undefined, skips: undefined }));
  // Counting each feature once per window: a feature's mark is the number of the window that last counted it (and
  // in sentenceMarks, of the sentence, when a short text's sentences are scored with it in one reading).
  private marks = new Uint32Array(0);
  private window = 0;
  private sentenceMarks = new Uint32Array(0);
  private sentence = 0;
  // Per word of the text being scored (reused): its own features, its pair's and skip's numbers.
  private own: Int32Array[] = [];
  private pair = new Int32Array(64);
  private skip = new Int32Array(64);
  private starts: number[] = [];
  private spans: Int32Array = new Int32Array(64);

  constructor(readonly bias: number, private readonly source: string) {}

  private table(): Map<string, number> {
    if (!this.ids) {
      const ids = new Map<string, number>();
      const lines = this.source.split('\n');
      this.weight = new Float64Array(lines.length);
      for (const line of lines) {
        const tab = line.indexOf('\t');
        if (tab <= 0) continue;
        this.weight[ids.size] = Number(line.slice(0, tab));
        ids.set(line.slice(tab + 1), ids.size);
      }
      this.ids = ids;
    }
    return this.ids;
  }

  private featureIds(w: string): Int32Array {
    const t = this.table();
    const xs: number[] = [];
    for (const f of wordFeatures(w)) {
      const id = t.get(f);
      if (id !== undefined) xs.push(id);
    }
    return Int32Array.from(xs);
  }

  // Pairs of words kept, counted: past MEMO_MAX, every word is forgotten with its pairs (the words' memory is
  // emptied: each Word holds its own pairs), as a Memo does.
  private twoWords = 0;

  /** The number of the feature of `a` then `b` (pairFeature, or skipFeature with `skip`), -1 when none. */
  private twoWordId(a: Word, b: Word, skip: boolean): number {
    let byB = skip ? a.skips : a.pairs;
    if (byB === undefined) {
      byB = new Map();
      if (skip) a.skips = byB;
      else a.pairs = byB;
    }
    let id = byB.get(b);
    if (id === undefined) {
      const f = skip ? skipFeature(a.text, b.text) : pairFeature(a.text, b.text);
      id = f === undefined ? -1 : this.table().get(f) ?? -1;
      byB.set(b, id);
      if (++this.twoWords >= MEMO_MAX) {
        this.words.clear();
        this.twoWords = 0;
      }
    }
    return id;
  }

  /** See modelScore(). */
  score(plain: string, stopAbove: number): number {
    return this.scoreWords(plain.split(' '), stopAbove);
  }

  /** See modelScoreWords(). */
  scoreWords(words: string[], stopAbove: number): number {
    const t = this.table();
    if (this.marks.length < t.size) {
      this.marks = new Uint32Array(t.size);
      this.sentenceMarks = new Uint32Array(t.size);
    }
    if (this.pair.length < words.length) {
      this.pair = new Int32Array(words.length * 2);
      this.skip = new Int32Array(words.length * 2);
    }
    const { marks, weight, own, pair, skip, starts } = this;
    starts.length = 0;
    // Per word of the text (sentence ends left out): its features' numbers, its pair with the word before and
    // with the one before that (-1: none); and where each sentence starts.
    let n = 0;
    let prev: Word | undefined;
    let prev2: Word | undefined;
    for (const w of words) {
      if (w === '') continue;
      if (isBreak(w)) {
        prev = prev2 = undefined;
        continue;
      }
      const word = this.words.get(w);
      if (prev === undefined) starts.push(n);
      own[n] = word.own;
      pair[n] = prev === undefined ? -1 : this.twoWordId(prev, word, false);
      skip[n] = prev2 === undefined ? -1 : this.twoWordId(prev2, word, true);
      n++;
      prev2 = prev;
      prev = word;
    }
    // A short text of two sentences or more: its windows are the whole text and each sentence of SENTENCE_MIN words
    // or more (windows()), all scored in one reading.
    if (n <= ONE_WINDOW && starts.length >= 2) return this.wholeAndSentences(n);
    let best = -Infinity;
    const spans = windowsInto(starts, n, this.spans);
    this.spans = spans.buffer;
    for (let w = 0; w < spans.count; w++) {
      const s = spans.buffer[2 * w];
      const e = spans.buffer[2 * w + 1];
      if (++this.window === 0xffffffff) {
        marks.fill(0);
        this.window = 1;
      }
      const mark = this.window;
      let z = this.bias;
      for (let i = s; i < e; i++) {
        const ids = own[i];
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j];
          if (marks[id] !== mark) {
            marks[id] = mark;
            z += weight[id];
          }
        }
        // A window's first word counts without its pair, and its first two without their skips.
        const p = i > s ? pair[i] : -1;
        if (p >= 0 && marks[p] !== mark) {
          marks[p] = mark;
          z += weight[p];
        }
        const q = i > s + 1 ? skip[i] : -1;
        if (q >= 0 && marks[q] !== mark) {
          marks[q] = mark;
          z += weight[q];
        }
      }
      if (z > best) best = z;
      if (best > stopAbove) break;
    }
    return best;
  }

  /**
   * The highest score of a short text's windows (the whole text, and each sentence of SENTENCE_MIN words or more):
   * the same sums the windows give one by one, feature by feature in the same order, found in one reading. A
   * feature new to its sentence may be new to the whole text; one the sentence has counted, the whole has too.
   * The words' features, pairs and skips are those scoreWords() found; a sentence's first word has no pair and
   * its first two no skips, as at the start of any window.
   */
  private wholeAndSentences(n: number): number {
    const { marks, sentenceMarks, weight, own, pair, skip, starts } = this;
    if (++this.window === 0xffffffff) {
      marks.fill(0);
      this.window = 1;
    }
    const whole = this.window;
    let all = this.bias;
    let best = -Infinity;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      const e = k + 1 < starts.length ? starts[k + 1] : n;
      if (++this.sentence === 0xffffffff) {
        sentenceMarks.fill(0);
        this.sentence = 1;
      }
      const mark = this.sentence;
      let z = this.bias;
      for (let i = s; i < e; i++) {
        const ids = own[i];
        for (let j = 0; j < ids.length; j++) {
          const id = ids[j];
          if (sentenceMarks[id] !== mark) {
            sentenceMarks[id] = mark;
            z += weight[id];
            if (marks[id] !== whole) {
              marks[id] = whole;
              all += weight[id];
            }
          }
        }
        const p = i > s ? pair[i] : -1;
        if (p >= 0 && sentenceMarks[p] !== mark) {
          sentenceMarks[p] = mark;
          z += weight[p];
          if (marks[p] !== whole) {
            marks[p] = whole;
            all += weight[p];
          }
        }
        const q = i > s + 1 ? skip[i] : -1;
        if (q >= 0 && sentenceMarks[q] !== mark) {
          sentenceMarks[q] = mark;
          z += weight[q];
          if (marks[q] !== whole) {
            marks[q] = whole;
            all += weight[q];
          }
        }
      }
      if (e - s >= SENTENCE_MIN && z > best) best = z;
    }
    return all > best ? all : best;
  }
}

const DANGER_MODEL = new Model(BIAS, WEIGHTS);
const ABUSE_MODEL = new Model(ABUSE_BIAS, ABUSE_WEIGHTS);

/**
 * The danger model's score for a plain form (normalise.ts): a log-odds, higher is more likely danger; the highest
 * of its windows' scores (features.ts: windows(), windowFeatures()), each BIAS plus the weights of the window's
 * features, worked out faster. With `stopAbove`, a score above it may stop the reading: what comes back is then
 * above it too (not always the highest).
 */
export function modelScore(plain: string, stopAbove = Infinity): number {
  return DANGER_MODEL.score(plain, stopAbove);
}

/** modelScore() of a plain form's words in order (the form split at its spaces). */
export function modelScoreWords(words: string[], stopAbove = Infinity): number {
  return DANGER_MODEL.scoreWords(words, stopAbove);
}

/** True when the model says the plain form suggests danger. */
export function modelSaysDanger(plain: string): boolean {
  return modelScore(plain, THRESHOLD) > THRESHOLD;
}

/** The abuse model's score for a plain form, as modelScore() (ABUSE_BIAS plus the weights of ABUSE_WEIGHTS). */
export function abuseScore(plain: string, stopAbove = Infinity): number {
  return ABUSE_MODEL.score(plain, stopAbove);
}

/** True when the abuse model says the plain form suggests someone else is hurting the person. */
export function modelSaysAbuse(plain: string): boolean {
  return abuseScore(plain, ABUSE_THRESHOLD) > ABUSE_THRESHOLD;
}
