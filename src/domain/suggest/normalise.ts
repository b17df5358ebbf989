// Normalising a thought for matching: lower case, straight quotes, contractions expanded, punctuation gone,
// with each word's span of the original text and where clauses and sentences end (suggest/words.ts has the tables).
import { BARE, BARE_IN_CONTEXT, IRREGULAR, S_AFTER, S_HAS, S_IS, OWN_WORDS } from './words';

/** A normalised word, with the span of the original text it came from. */
export interface Word {
  w: string;
  start: number;
  end: number;
  /** Punctuation or a line break separates this word from the one before. */
  boundary: boolean;
  /** The punctuation ends a sentence (. ! ? ; : or a line break), not just a clause (a comma, a dash). */
  sentence: boolean;
  /** Words this one may be a form of ("leaving": leave, leav), for cues that name the plain word. */
  bases?: string[];
}

export const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const CHUNK = /[\p{L}\p{M}\p{N}'\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]+/gu;
const CLAUSE_PUNCT = /[,.;:!?()\u2014\u2013\n"\u201C\u201D]|\s-\s/;
const SENTENCE_PUNCT = /[.;:!?\n]/;





/** One lower-cased chunk (letters, digits, apostrophes) -> its words, contractions expanded. */
export function expandWord(chunk: string): string[] {
  let c = chunk.toLowerCase().replace(APOSTROPHES, "'").replace(/^'+|'+$/g, '');
  if (c === '') return [];
  if (c.includes("'")) {
    if (c === "can't") return ['can', 'not'];
    if (c === "won't") return ['will', 'not'];
    if (c === "shan't") return ['shall', 'not'];
    if (c === "ain't") return ['am', 'not'];
    if (c === "i'm") return ['i', 'am'];
    let m = /^(.+)'(ll|re|ve|d)$/.exec(c);
    if (m) return [...expandWord(m[1]), { ll: 'will', re: 'are', ve: 'have', d: 'would' }[m[2] as 'll']];
    m = /^(.+)n't$/.exec(c);
    if (m) return [...expandWord(m[1]), 'not'];
    m = /^(.+)'s$/.exec(c);
    if (m && S_IS.has(m[1])) return [m[1], 'is'];
    c = c.replace(/'/g, '');
    if (c === '') return [];
  }
  return Object.hasOwn(BARE, c) ? BARE[c] : [c]; // not BARE[c]: "constructor" is a word too
}

/** The thought as words: lower case, straight quotes, contractions expanded, punctuation gone. */
export function normalise(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(CHUNK)) {
    const start = m.index!;
    const end = start + m[0].length;
    const between = text.slice(last, start);
    const boundary = out.length === 0 || CLAUSE_PUNCT.test(between);
    const sentence = out.length === 0 || SENTENCE_PUNCT.test(between);
    let ws = expandWord(m[0]);
    const next = () => /^[\p{L}\p{M}\p{N}']+/u.exec(text.slice(end).replace(/^[ \t]+/, ''))?.[0].toLowerCase().replace(APOSTROPHES, "'");
    // "my brother's a loser": a noun's 's before these words is "is" (or "has"), not a possessive ("my brother's car").
    const own = /^(.+)['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]s$/u.exec(m[0].toLowerCase());
    if (own && ws.length === 1) {
      const after = next();
      if (after !== undefined && S_AFTER.has(after)) ws = [own[1].replace(APOSTROPHES, "'").replace(/'/g, ''), S_HAS.has(after) ? 'has' : 'is'];
    }
    const bare = ws.length === 1 && Object.hasOwn(BARE_IN_CONTEXT, ws[0]) ? BARE_IN_CONTEXT[ws[0]] : undefined;
    if (bare && !m[0].includes("'")) {
      const prev = boundary ? undefined : out[out.length - 1]?.w;
      const after = next();
      if ((prev === undefined || !bare.notAfter.has(prev)) && after !== undefined && !bare.notBefore.has(after)) ws = bare.as;
    }
    ws.forEach((w, i) => out.push({ w, start, end, boundary: boundary && i === 0, sentence: sentence && i === 0, bases: basesOf(w) }));
    last = end;
  }
  return out;
}

// ---- word forms ------------------------------------------------------------------------------------

/** True when x is w or one of its forms: walks, walked, walking; hates, hated, hating; stops, stopped; tries, tried. */
export function isForm(w: string, x: string): boolean {
  if (x === w || (Object.hasOwn(IRREGULAR, w) && IRREGULAR[w].includes(x))) return true;
  if (/[^aeiou]y$/.test(w)) {
    const base = w.slice(0, -1);
    return x === base + 'ies' || x === base + 'ied' || x === w + 'ing';
  }
  if (x === (/(s|x|z|ch|sh)$/.test(w) ? w + 'es' : w + 's')) return true;
  if (w.endsWith('e')) return x === w + 'd' || x === w.slice(0, -1) + 'ing';
  if (x === w + 'ed' || x === w + 'ing') return true;
  // stop -> stopped, run -> running (one short vowel before a final consonant)
  return /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w) && (x === w + w.slice(-1) + 'ed' || x === w + w.slice(-1) + 'ing');
}

const IRREGULAR_BASE = new Map<string, string>(Object.entries(IRREGULAR).flatMap(([base, forms]) => forms.map((f) => [f, base] as [string, string])));

/** The plain words x could be a form of (a superset; isForm decides). */
function basesOf(x: string): string[] | undefined {
  if (x.length < 4 || OWN_WORDS.has(x)) return undefined;
  const out: string[] = [];
  const irregular = IRREGULAR_BASE.get(x);
  if (irregular) out.push(irregular);
  if (x.endsWith('ies') || x.endsWith('ied')) out.push(x.slice(0, -3) + 'y');
  if (x.endsWith('es')) out.push(x.slice(0, -2));
  if (x.endsWith('s')) out.push(x.slice(0, -1));
  if (x.endsWith('ed')) out.push(x.slice(0, -2), x.slice(0, -1), x.slice(0, -3));
  if (x.endsWith('ing')) out.push(x.slice(0, -3), x.slice(0, -3) + 'e', x.slice(0, -4));
  return out.length ? out : undefined;
}
