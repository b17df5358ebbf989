// What the safety classifier (model.ts) looks at in a text: the plain form normalise.ts makes (chat spellings
// and near-misses of the key words already put right), turned into a set of features:
//   w:word         each word
//   b:word_word    each pair of neighbouring words in a sentence
//   c:xyz          each run of 3 to 5 characters inside " word " (so "c: kil" is a word starting "kil")
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

/** The features one word brings whatever its neighbours: the word, and its character runs. */
export function wordFeatures(w: string): string[] {
  const out = ['w:' + w];
  if (w === CUT) return out;
  const p = ' ' + w + ' ';
  for (let k = CHAR_MIN; k <= CHAR_MAX; k++) for (let i = 0; i + k <= p.length; i++) out.push('c:' + p.slice(i, i + k));
  return out;
}

/** The feature of two neighbouring words in a sentence (none with a cut). */
export function pairFeature(prev: string, w: string): string | undefined {
  return prev === '' || prev === CUT || w === CUT ? undefined : 'b:' + prev + '_' + w;
}

/** The features of one text's plain form (" word word . word "), each once. */
export function features(plain: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const w of plain.split(' ')) {
    if (w === '') continue;
    if (isBreak(w)) {
      prev = '';
      continue;
    }
    for (const f of wordFeatures(w)) out.add(f);
    const pair = pairFeature(prev, w);
    if (pair) out.add(pair);
    prev = w;
  }
  return out;
}
