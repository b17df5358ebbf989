// Text -> the plain form the safety phrases are written against: " word word word " (lower case, accents
// folded, apostrophes dropped, chat spellings and near-misses of the key words put right), so one phrase
// catches "I don't want to live", "i dont wanna live" and "je ne veux plus vivre" alike.
//
// Why this much: the blind texts spell the dangerous words every which way ("sucidal", "suicdal", "kil myself",
// "want 2 die", "thinkin bout endin my life"), and a missed note costs far more than a note shown once too often.
import { CANONICAL, FUZZY_KEYS } from './phrases';
import { MEMO_MAX, Memo } from './memo';

/** Longest text looked at, in characters: a record's field is short; a pasted book is looked at in part. */
export const MAX_CHARS = 20_000;

// French and Italian elisions (j'ai, d'en, l'ho, m'ammazzo): the letter before the apostrophe is a word of its own.
const ELISION = /(^|[^\p{L}])(j|d|l|m|n|s|t|c|qu|un|all|dell|nell)['\u2019\u02bc`](?=\p{L})/gu;
const APOSTROPHE = /['\u2018\u2019\u02bc\u2032`\u00b4]/g;
const MARKS = /\p{M}+/gu;
const SENTENCE = /[.!?;:\n\u2026\u3002]+/g; // where one sentence ends: kept as a "." word, so a gap never spans it
const NOT_WORD = /[^\p{L}\p{N}.]+/gu;
const DISTANCE = /(\d)\s*kms\b/g; // "ran 5 kms": kilometres, not "kill myself"
// "my self" is "myself", unless it is "my self-esteem", "my self-doubt" and the like.
const MY_SELF = / my self (?!(esteem|doubt|worth|confidence|image|respect|care|control|belief|pity|awareness|love|talk|sabotage|discipline|consciousness|conscious|esteems|help|improvement|hatred|loathing) )/g;
const REPEATS = /(\p{L})\1{2,}/gu; // "sooo", "diiie", "killl": three or more of a letter become one

/** Damerau (optimal string alignment) distance, stopping early past 1: is `a` within one edit of `b`? */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // One substitution, or one swap of neighbours.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more or less.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// The fuzzy keys by every form with one letter left out, so a near-miss is found with a few lookups
// (the token itself, each of its one-letter-less forms, each with two neighbours swapped) instead of a
// comparison with every key. Only words of 5 letters or more, chosen because no everyday word sits one edit
// away from them (phrases.ts says which).
const NEAR = new Map<string, string[]>();
for (const key of FUZZY_KEYS) {
  const add = (k: string) => {
    const xs = NEAR.get(k) ?? [];
    if (!xs.includes(key)) xs.push(key);
    NEAR.set(k, xs);
  };
  add(key);
  for (let i = 0; i < key.length; i++) add(key.slice(0, i) + key.slice(i + 1));
}

function fuzzy(token: string): string | undefined {
  const tries = [token];
  for (let i = 0; i < token.length; i++) tries.push(token.slice(0, i) + token.slice(i + 1));
  for (let i = 0; i + 1 < token.length; i++) tries.push(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
  for (const t of tries) {
    for (const key of NEAR.get(t) ?? []) if (withinOne(token, key)) return key;
  }
  return undefined;
}


// Letters written as digits inside a word ("k1ll", "su1c1de", "d13"): only in a word that has letters too.
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };
const MIXED = /^(?=.*\p{L})(?=.*\d)[\p{L}\d]+$/u;

function putRight(raw: string): string {
  const w = MIXED.test(raw) && CANONICAL.get(raw) === undefined ? raw.replace(/\d/g, (d) => LEET[d] ?? d) : raw;
  const fixed = CANONICAL.get(w);
  if (fixed !== undefined) return fixed;
  if (w.length < 5 || w.length > 16) return w;
  return fuzzy(w) ?? w;
}

/** A word put right: as text (" " between, when it became several: "im" is "i am"), and its words. */
interface PutRight {
  text: string;
  words: string[];
}

/** Each word put right once. */
const CANONICAL_WORDS = new Memo(MEMO_MAX, (raw: string): PutRight => {
  const text = putRight(raw);
  return { text, words: text.split(' ').filter((w) => w !== '') };
});

// The same for a text of ASCII characters only, where a letter (\p{L}) is a-z once lower-cased and a number
// (\p{N}) is 0-9: the same results, found faster (most texts are ASCII; the Unicode forms are slower to run).
const ASCII = /^[\x00-\x7f]*$/;
const ELISION_ASCII = /(^|[^a-z])(j|d|l|m|n|s|t|c|qu|un|all|dell|nell)['`](?=[a-z])/g;
const APOSTROPHE_ASCII = /['`]/g;
const SENTENCE_ASCII = /[.!?;:\n]+/g;
const NOT_WORD_ASCII = /[^a-z0-9.]+/g;
const REPEATS_ASCII = /([a-z])\1{2,}/g;

/** fold() of an ASCII text, one expression at a time: what foldAscii() gives, the plain way (for its test). */
export function foldAsciiByExpressions(text: string): string {
  return text
    .toLowerCase()
    .replace(ELISION_ASCII, '$1$2 ')
    .replace(APOSTROPHE_ASCII, '')
    .replace(DISTANCE, '$1 km')
    .replace(SENTENCE_ASCII, ' . ')
    .replace(NOT_WORD_ASCII, ' ')
    .replace(REPEATS_ASCII, '$1');
}

// foldAscii() and fold() read the text once instead of running six expressions over it: for the short texts of
// a record (~50 characters), each expression's call cost more than its matching (import reads every record it adds).
const ELIDED = new Set(['j', 'd', 'l', 'm', 'n', 's', 't', 'c', 'qu', 'un', 'all', 'dell', 'nell']);

// What each character is to the expressions above (a bit each), worked out once per character: a letter (\p{L}), a
// number (\p{N}), a sentence end (SENTENCE), an apostrophe an elision ends with (ELISION), one dropped (APOSTROPHE).
const LETTER = 1;
const NUMBER = 2;
const END = 4;
const ELIDES = 8;
const DROPPED = 16;
const KNOWN = 128;
const CLASS = new Uint8Array(65536);

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{N}/u.test(ch) ? NUMBER : 0) | (/[.!?;:\n\u2026\u3002]/.test(ch) ? END : 0)
      | (/['\u2019\u02bc`]/.test(ch) ? ELIDES : 0) | (/['\u2018\u2019\u02bc\u2032`\u00b4]/.test(ch) ? DROPPED : 0);
    CLASS[c] = k;
  }
  return k;
}

const isLetter = (c: number) => (c >= 97 && c <= 122) || (c > 127 && (classOf(c) & LETTER) !== 0);

/** ELISION then APOSTROPHE: an apostrophe after an elided word (start, or not a letter, then "l", "qu", ... then a
 * letter) becomes a space, unless the mark before that word is the apostrophe of the elision just before it (the
 * expression's match took it); every other apostrophe goes. */
function dropApostrophes(x: string): string {
  let out = '';
  let from = 0;
  let elided = -2;
  for (let i = 0; i < x.length; i++) {
    const k = classOf(x.charCodeAt(i));
    if ((k & DROPPED) === 0) continue;
    let elide = false;
    if ((k & ELIDES) !== 0) {
      let j = i;
      while (j > 0 && isLetter(x.charCodeAt(j - 1))) j--;
      elide = j < i && j - 1 !== elided && i + 1 < x.length && isLetter(x.charCodeAt(i + 1)) && ELIDED.has(x.slice(j, i));
    }
    out += x.slice(from, i);
    if (elide) {
      out += ' ';
      elided = i;
    }
    from = i + 1;
  }
  return from === 0 ? x : out + x.slice(from);
}

/** SENTENCE, NOT_WORD then REPEATS, in one reading, as the words they leave: each run of sentence ends a "." word,
 * every other run of marks a space between words, and three or more of a letter in a row one letter. */
function wordsAndEnds(y: string): string[] {
  const words: string[] = [];
  const n = y.length;
  let i = 0;
  while (i < n) {
    const k = classOf(y.charCodeAt(i));
    if ((k & (LETTER | NUMBER)) !== 0) {
      let word = '';
      let from = i;
      while (i < n) {
        const d = y.charCodeAt(i);
        const kd = classOf(d);
        if ((kd & (LETTER | NUMBER)) === 0) break;
        if ((kd & LETTER) !== 0 && i + 2 < n && y.charCodeAt(i + 1) === d && y.charCodeAt(i + 2) === d) {
          word += y.slice(from, i + 1);
          i += 3;
          while (i < n && y.charCodeAt(i) === d) i++;
          from = i;
          continue;
        }
        i++;
      }
      words.push(from === i ? word : word + y.slice(from, i));
    } else if ((k & END) !== 0) {
      words.push('.');
      while (i < n && (classOf(y.charCodeAt(i)) & END) !== 0) i++;
    } else i++;
  }
  return words;
}

/** The text wordsAndEnds() reads, as the expressions leave it: its words with a space between, and a space at
 * either end where it starts or ends with anything but a letter or a number. */
function asText(y: string, words: string[]): string {
  if (y === '') return '';
  if (words.length === 0) return ' ';
  const wordAt = (i: number) => (classOf(y.charCodeAt(i)) & (LETTER | NUMBER)) !== 0;
  return (wordAt(0) ? '' : ' ') + words.join(' ') + (wordAt(y.length - 1) ? '' : ' ');
}

/** fold() of an ASCII text: foldAsciiByExpressions(), read once (its test holds the two to the same result). */
export function foldAscii(text: string): string {
  const x = asciiReady(text);
  return asText(x, wordsAndEnds(x));
}

/** An ASCII text lower-cased, its apostrophes dropped and its distances written out: what wordsAndEnds() reads. */
function asciiReady(text: string): string {
  let x = text.toLowerCase();
  if (x.indexOf("'") >= 0 || x.indexOf('`') >= 0) x = dropApostrophes(x);
  if (x.indexOf('kms') >= 0) x = x.replace(DISTANCE, '$1 km');
  return x;
}

// A letter or number outside the first 65,536 characters (written as two): the expressions read those (rare).
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;
const ASTRAL_WORD = /[\u{10000}-\u{10ffff}](?<=[\p{L}\p{N}])/u;
const SPECIAL_LETTERS = /[\u00df\u00f8\u00e6\u0153]/;

/** Any text folded up to what wordsAndEnds() reads; undefined when it holds a letter or number written as two
 * characters (left to the expressions). */
function ready(text: string): string | undefined {
  let x = text.normalize('NFKD').replace(MARKS, '').toLowerCase();
  if (SPECIAL_LETTERS.test(x)) x = x.replace(/\u00df/g, 'ss').replace(/\u00f8/g, 'o').replace(/\u00e6/g, 'ae').replace(/\u0153/g, 'oe');
  if (ASTRAL.test(x) && ASTRAL_WORD.test(x)) return undefined;
  x = dropApostrophes(x);
  if (x.indexOf('kms') >= 0) x = x.replace(DISTANCE, '$1 km');
  return x;
}

/** fold() of any text, one expression at a time: what fold() gives, the plain way (for its test). */
export function foldByExpressions(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/\u00df/g, 'ss')
    .replace(/\u00f8/g, 'o')
    .replace(/\u00e6/g, 'ae')
    .replace(/\u0153/g, 'oe')
    .replace(ELISION, '$1$2 ')
    .replace(APOSTROPHE, '')
    .replace(DISTANCE, '$1 km')
    .replace(SENTENCE, ' . ')
    .replace(NOT_WORD, ' ')
    .replace(REPEATS, '$1');
}

/**
 * Lower case, accents and marks folded, apostrophes dropped, sentence ends as " . " and every other mark a space.
 * `ascii`: the text is ASCII only (the ASCII forms: the same result, faster); for normalise() and its test.
 */
export function fold(text: string, ascii: boolean): string {
  // NFKD leaves ASCII as it is, so it has no marks to drop, and lower-casing keeps it ASCII (no ß, ø, æ, œ).
  if (ascii) return foldAscii(text);
  const x = ready(text);
  return x === undefined ? foldByExpressions(text) : asText(x, wordsAndEnds(x));
}

/** The words of fold()'s result (split at its spaces), found without writing it out. */
function foldedWords(text: string): string[] {
  if (ASCII.test(text)) return wordsAndEnds(asciiReady(text));
  const x = ready(text);
  return x === undefined ? foldByExpressions(text).split(' ').filter((w) => w !== '') : wordsAndEnds(x);
}

/** The plain form, padded with a space at each end so every phrase can start and end at a word. */
export function normalise(text: string): string {
  return plainWords(text).s;
}

/** A plain form (normalise()), and its words in order ("." for each sentence end), read once for the rules and the
 * classifier. */
export interface PlainWords {
  readonly s: string;
  readonly words: string[];
}

/** A plain form kept as its pieces until it is read: most texts' words rule out every phrase (prefilter.ts), and
 * then no expression reads the form itself. */
class Pieces implements PlainWords {
  constructor(private parts: string[] | undefined, readonly words: string[], private joined = '') {}

  get s(): string {
    if (this.parts !== undefined) {
      this.joined = this.parts.join(' ');
      this.parts = undefined;
    }
    return this.joined;
  }
}

/** A plain form already written out, and its words (the form split at its spaces). */
export function plainOf(s: string): PlainWords {
  return new Pieces(undefined, s.split(' ').filter((w) => w !== ''), s);
}

/** normalise(), the plain way: every expression, each word put right on its own (for its test). */
export function normaliseByExpressions(text: string): string {
  const cut = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  let out = ' ';
  for (const w of foldByExpressions(cut).split(' ')) if (w !== '') out += putRight(w) + ' ';
  if (!out.endsWith(' . ')) out += '. ';
  return out.replace(MY_SELF, ' myself ');
}

/** normalise(), with the plain form's words; with `opening`, both start with a "." word (detect.ts prepared()). */
export function plainWords(text: string, opening = false): PlainWords {
  const cut = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  // The plain form's pieces, joined once with a space between: "", the opening ".", each word put right, the
  // closing "." when the text doesn't end a sentence itself, "" (so it starts and ends with a space).
  const parts: string[] = opening ? ['', '.'] : [''];
  const words: string[] = opening ? ['.'] : [];
  let mySelf = false;
  for (const w of foldedWords(cut)) {
    const right = CANONICAL_WORDS.get(w);
    parts.push(right.text);
    for (const x of right.words) {
      if (x === 'self' && words.length > 0 && words[words.length - 1] === 'my') mySelf = true;
      words.push(x);
    }
  }
  // Every text ends a sentence, so a phrase can say "here the sentence ends" ("friday is the day \\.").
  const last = parts[parts.length - 1];
  if (parts.length === (opening ? 2 : 1) || (last !== '.' && !last.endsWith(' .'))) {
    parts.push('.');
    words.push('.');
  }
  parts.push('');
  if (!mySelf) return new Pieces(parts, words);
  const s = parts.join(' ');
  const out = (opening ? s.slice(2) : s).replace(MY_SELF, ' myself ');
  const again = out.split(' ').filter((w) => w !== '');
  if (opening) again.unshift('.');
  return new Pieces(undefined, again, opening ? ' .' + out : out);
}
