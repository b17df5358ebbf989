// What the safety classifier (model.ts) looks at in a text: the plain form normalise.ts makes (chat spellings
// and near-misses of the key words already put right), turned into a set of features:
//   w:word         each word
//   b:word_word    each pair of neighbouring words in a sentence
//   s:word_word    each pair of words with one word between them in a sentence ("want to die", "want 2 die" and
//                  "wanna die" all give s:want_die; "ending it all" and "ending my life" share nothing else)
//   c:xyz          each run of 3 to 5 characters inside " word " (so "c: kil" is a word starting "kil")
//   l:kind         the window has a word of one of the small word lists below (LEXICON): speaking to "you",
//                  kind words and self-care, affection. One weight learnt from every such word, so a kind or
//                  affectionate text the model never saw still reads as one ("be gentle with yourself tonight",
//                  "she cuddled me when I got in"), where the words it shares with danger or abuse texts
//                  ("tonight", "when I got home") would otherwise decide.
// Shared by the detector at run time and by the script that trains it (scripts/safety-model.mjs), so both
// always see the same features.

/** Run lengths of the character features. */
const CHAR_MIN = 3;
const CHAR_MAX = 5;

/** A sentence end: word pairs stop there. */
export function isBreak(w: string): boolean {
  return w === '.';
}

/** Where detect.ts cut out an everyday turn of phrase ("dying of laughter"): a word of its own (the model learns
 * what such a cut says), with no character runs, and no pair with the words beside it. */
export const CUT = '|';

/**
 * Small word lists (the plain form's spelling: lower case, no accents, no apostrophes), each a feature of its own
 * (l:name) for a window with any of its words. Chosen for the fifth pass (README): the fourth pass raised the crisis
 * note on a kind balanced thought and the abuse note on a hug, because no single word of such texts had been seen
 * often enough as quiet. Words that danger or abuse texts use both ways ("care": "nobody would care"; "held": "he
 * held me down"; "rest": "the rest of my life"; "calm": "calm now that I've decided"; "deserve", "kind of",
 * "nice", "flowers") are left out: a list's weight is learnt from the labelled texts like any other.
 */
const LISTS: Record<string, string[]> = {
  you: ['you', 'your', 'yourself', 'youre', 'youve', 'youll', 'youd', 'yours', 'yourselves'],
  kind: [
    'gentle', 'gently', 'kindly', 'kindness', 'breathe', 'relax', 'relaxed', 'recharge', 'proud', 'allowed',
    'enjoy', 'enjoyed', 'lovely', 'tea', 'nap', 'cuidate', 'descansa', 'descansar', 'reposer', 'ausruhen',
    'riposati', 'riposare', 'descanse', 'cuide',
  ],
  affection: [
    'hug', 'hugs', 'hugged', 'hugging', 'cuddle', 'cuddles', 'cuddled', 'cuddling', 'kiss', 'kissed', 'kisses',
    'kissing', 'snuggle', 'snuggled', 'abrazo', 'abrazos', 'abrazame', 'bisou', 'bisous', 'calin', 'umarmt',
    'umarmung', 'umarmen', 'abbraccio', 'abbracciato', 'abraco', 'beijo',
  ],
};
const LEXICON = new Map<string, string>();
for (const [name, words] of Object.entries(LISTS)) for (const w of words) LEXICON.set(w, 'l:' + name);

/** The features one word brings whatever its neighbours: the word, its character runs, and its list (if any). */
export function wordFeatures(w: string): string[] {
  const out = ['w:' + w];
  if (w === CUT) return out;
  const list = LEXICON.get(w);
  if (list !== undefined) out.push(list);
  const p = ' ' + w + ' ';
  for (let k = CHAR_MIN; k <= CHAR_MAX; k++) for (let i = 0; i + k <= p.length; i++) out.push('c:' + p.slice(i, i + k));
  return out;
}

/** The feature of two neighbouring words in a sentence (none with a cut). */
export function pairFeature(prev: string, w: string): string | undefined {
  return prev === '' || prev === CUT || w === CUT ? undefined : 'b:' + prev + '_' + w;
}

/** The feature of two words of a sentence with one between (none with a cut at either end). */
export function skipFeature(prev2: string, w: string): string | undefined {
  return prev2 === '' || prev2 === CUT || w === CUT ? undefined : 's:' + prev2 + '_' + w;
}

/** The features of one text's plain form (" word word . word "), each once. */
export function features(plain: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  let prev2 = '';
  for (const w of plain.split(' ')) {
    if (w === '') continue;
    if (isBreak(w)) {
      prev = prev2 = '';
      continue;
    }
    for (const f of wordFeatures(w)) out.add(f);
    const pair = pairFeature(prev, w);
    if (pair) out.add(pair);
    const skip = skipFeature(prev2, w);
    if (skip) out.add(skip);
    prev2 = prev;
    prev = w;
  }
  return out;
}

/** Words per window at most: the labelled texts the model learnt from are at most ~45 words, so a longer text
 * is scored in windows (windows(), below) and the highest score counts. */
export const WINDOW = 40;
const STRIDE = WINDOW / 2;
/** Words a text may have and still be read whole as one window (windows()). */
export const ONE_WINDOW = WINDOW + STRIDE / 2;

/** Sentences per window at most, in a long text: one. Windows of two or three sentences caught a little more
 * in a long entry, but joined quiet sentences of different records (import reads a batch as one text) into
 * false alarms. */
export const SENTENCES = 1;

/** Words a sentence needs to be read on its own in a short text of two sentences or more. */
export const SENTENCE_MIN = 3;

/**
 * Where the windows of a text are, as [start, end) word positions (sentence ends not counted), given where
 * each sentence starts (`starts`, then the number of words). A text of up to ONE_WINDOW words is one
 * window, as the texts the model learnt from were, and, when it has two sentences or more, each of its sentences
 * of SENTENCE_MIN words or more is a window too: "Work was fine, dinner was nice. I have the pills ready." is read
 * whole and sentence by sentence, so a dangerous sentence beside ordinary ones is not drowned by them. A longer one: each sentence (with the next, up to SENTENCES
 * sentences, as long as they stay within WINDOW words); a sentence longer than WINDOW alone is read
 * in windows of WINDOW words, each STRIDE words after the last. So a dangerous sentence in a long entry is read
 * among its own few neighbours, not drowned in the rest.
 */
export function windows(starts: number[], n: number): [number, number][] {
  if (n <= ONE_WINDOW) {
    const out: [number, number][] = [[0, n]];
    if (starts.length < 2) return out;
    const bounds = [...starts, n];
    for (let i = 0; i + 1 < bounds.length; i++) if (bounds[i + 1] - bounds[i] >= SENTENCE_MIN) out.push([bounds[i], bounds[i + 1]]);
    return out;
  }
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

/** windows(), written into `buffer` as start, end, start, end... (grown when too small): `count` windows. For the
 * classifier, which reads every text an import adds (no arrays made per text). Its test holds it to windows(). */
export function windowsInto(starts: number[], n: number, buffer: Int32Array): { buffer: Int32Array; count: number } {
  let count = 0;
  const put = (s: number, e: number) => {
    if (2 * count + 2 > buffer.length) {
      const more = new Int32Array(Math.max(8, buffer.length * 2));
      more.set(buffer);
      buffer = more;
    }
    buffer[2 * count] = s;
    buffer[2 * count + 1] = e;
    count++;
  };
  const bound = (i: number) => (i < starts.length ? starts[i] : n);
  if (n <= ONE_WINDOW) {
    put(0, n);
    if (starts.length < 2) return { buffer, count };
    for (let i = 0; i < starts.length; i++) if (bound(i + 1) - bound(i) >= SENTENCE_MIN) put(bound(i), bound(i + 1));
    return { buffer, count };
  }
  for (let i = 0; i < starts.length; i++) {
    const s = bound(i);
    const next = bound(i + 1);
    if (next - s > WINDOW) {
      for (let w = s; ; w += STRIDE) {
        const e = Math.min(next, w + WINDOW);
        put(w, e);
        if (e >= next) break;
      }
      continue;
    }
    for (let k = i + 1; k <= starts.length && k - i <= SENTENCES && bound(k) - s <= WINDOW; k++) put(s, bound(k));
  }
  return { buffer, count };
}

/**
 * The features of each window of a plain form (windows(), above): what the model scores, the highest window
 * counting. The slow, plain way, for the training scripts and the tests; model.ts works the same out faster.
 */
export function windowFeatures(plain: string): Set<string>[] {
  const sentences: string[][] = [];
  let cur: string[] = [];
  for (const w of plain.split(' ')) {
    if (w === '') continue;
    if (isBreak(w)) {
      if (cur.length) sentences.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
  }
  if (cur.length) sentences.push(cur);
  const words = sentences.flat();
  const starts: number[] = [];
  let n = 0;
  for (const x of sentences) {
    starts.push(n);
    n += x.length;
  }
  const isStart = new Set(starts);
  return windows(starts, n).map(([s, e]) => {
    const parts: string[] = [];
    for (let i = s; i < e; i++) {
      if (i > s && isStart.has(i)) parts.push('.');
      parts.push(words[i]);
    }
    return features(' ' + parts.join(' ') + ' ');
  });
}

