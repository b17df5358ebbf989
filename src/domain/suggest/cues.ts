// The cue language: how the patterns in the library (data/patterns.json "cues") say which words show them,
// compiled once per process and lexicon.
//
// Cue syntax: space-separated tokens matched against a run of consecutive words of the normalised
// thought (lower case, straight quotes, contractions expanded, punctuation gone). A plain word matches
// itself and its regular forms ("leave": leaves, leaving, left); `word*` is a prefix; `a|b|c` are
// alternatives (each may end in `*`; `i+am|i+was` joins a few words into one alternative, and so does a
// hyphen: "write-off"); `_` is exactly one word; `..` is a gap of 0-3 words inside one clause (`.. ..` may
// reach past a comma). A cue may match anywhere.
// Word sets: `@name` (also among alternatives: `@name|other`) stands for every entry of that set of the
// library's lexicon (data/patterns.json "lexicon": self-label nouns, catastrophe words, other people, ways of
// leaving...). An entry is written like an alternative, or as a few words ("back off", "get* bored of me").
// A set keeps the vocabulary of a kind of thinking in one place, so every cue built on it reaches all its
// words, and the cues can say the structure ("@others .. @mind-verb .. my|i|me .. @label-adj"). A cue that
// names a set the lexicon lacks never matches.
// Hints: a cue written `~cue` is weak evidence (a lone "always", a label word). It counts only in a thought
// where some full cue has found a pattern, so it can bring a second pattern into view but never makes a
// neutral sentence show anything.
// Generic language handling, for every cue: contractions typed without the apostrophe ("im", "cant", "its",
// "shouldve"; "ill"/"id" when their neighbours say "I'll"/"I'd"), a noun's 's that can only be "is" ("my
// brother's a loser"), a few chat spellings ("u", "ppl", "cuz") and common misspellings; a "not"/"never"/"no"/
// "without" just before the words, early in a gap or just before the words after a gap cancels the match ("I'm
// not a failure", "she thinks my idea is not bad") unless the cue says the negation itself; a cue about me
// reported as someone else's view ("they think [I'm boring]", "she'll realise [I'm boring]") does not count as
// the person's own; a sentence that settles what it says ("..., and that's okay", "it's fine if...", a plan
// for next time) suggests nothing.
//
// Speed: a library has ~1,500 cues, so a cue is compiled only when a thought has a word its first token can
// match, tokens are shared between cues, and a word set is searched by first word (compileToken, lazyCue).
import { NEGATORS, STOPWORDS } from './words';
import { APOSTROPHES, expandWord, isForm, type Word } from './normalise';

/** One word of a cue. A plain content word also matches its inflections ("leave": leaves, leaving, left). */
type Unit = { prefix: boolean; w: string; inflect?: boolean; ingStem?: string };


function makeUnit(w: string, alone: boolean): Unit {
  return { prefix: false, w, inflect: alone && w.length >= 3 && !STOPWORDS.has(w) && !NEGATORS.has(w) };
}
/**
 * A token of alternatives, in parts: a word set named in it is one part, shared by every token that names it, and the
 * words written between sets make the others. Tried in the written order.
 */
export type AltsTok = { kind: 'alts'; parts: Part[]; weight: number; negation: boolean };
type Tok = AltsTok | { kind: 'any' } | { kind: 'gap' };
/** Some alternatives; a long list (a word set) is indexed by first word, so a word is tried only where it can start. */
interface Part { alts: Unit[][]; weightSum: number; negation: boolean; index?: AltIndex }
/** Alternatives by the word their first unit names, and those that start with a prefix (tried for every word). */
interface AltIndex { byWord: Map<string, number[]>; prefixed: number[] }
const GAP: Tok = { kind: 'gap' };
const ANY: Tok = { kind: 'any' };

/** Whether one word of a cue matches this word of the thought (its forms too, for content words). */
export function unitMatches(u: Unit, word: Word): boolean {
  const w = word.w;
  if (u.prefix) return w.startsWith(u.w) || (u.ingStem !== undefined && w.startsWith(u.ingStem));
  return w === u.w || (u.inflect === true && word.bases !== undefined && word.bases.includes(u.w) && isForm(u.w, w));
}

export interface CompiledCue {
  source: string;
  toks: Tok[];
  /** The cue says the negation itself ("can't trust"): a token of it is a negation, so a "not" does not cancel it. */
  negated: boolean;
  /** 0-1: how much a match of this cue says on its own. */
  strength: number;
  /** A hint (`~cue`): weak evidence that only counts when some full cue found a pattern in the same thought. */
  hint: boolean;
}

/** How much a hint says, against a full cue of the same words. */
const HINT = 0.6;


function unitWeight(u: Unit[]): number {
  if (u.length > 1) return 1; // an expanded contraction: "shouldnt" says a lot
  const { w, prefix } = u[0];
  if (prefix) return w.length >= 4 ? 0.8 : 0.5;
  return STOPWORDS.has(w) ? 0.3 : 1;
}

/** Named word sets cues may use as `@name`. */
export type Lexicon = Readonly<Record<string, readonly string[]>>;
export const NO_LEXICON: Lexicon = Object.freeze({});

/** Compiled cues, per lexicon (a cue's meaning depends on the sets it names). */
const compiledBy = new WeakMap<Lexicon, Map<string, CompiledCue>>();
/** Compiled tokens, per lexicon: cues share many ("@others", "i", "will|going"). See compileToken for null and false. */
export const tokensBy = new WeakMap<Lexicon, Map<string, AltsTok | null | false>>();
const altCache = new Map<string, Unit[] | undefined>();
/** Each set's entries as words, per lexicon. */
const setCache = new WeakMap<Lexicon, Map<string, Unit[][]>>();

function setUnits(lexicon: Lexicon, name: string): Unit[][] | undefined {
  let sets = setCache.get(lexicon);
  if (!sets) setCache.set(lexicon, (sets = new Map()));
  const hit = sets.get(name);
  if (hit) return hit;
  const entries = Object.hasOwn(lexicon, name) ? lexicon[name] : undefined;
  if (!Array.isArray(entries)) return undefined;
  const units = entries.map(entryUnits).filter((u): u is Unit[] => u !== undefined);
  sets.set(name, units);
  return units;
}

/**
 * An alternative or an entry of a word set -> its words; a few words may be joined by spaces ("back off") or +, and a
 * hyphen parts words as it does in a thought ("write-off" is "write off").
 */
function entryUnits(entry: string): Unit[] | undefined {
  const parts = entry.trim().split(/[\s+-]+/).filter((x) => x !== '');
  if (parts.length === 1) return altUnits(parts[0]);
  const units: Unit[] = [];
  for (const part of parts) {
    const u = altUnits(part);
    if (!u) return undefined;
    units.push(...u);
  }
  return units.length ? units : undefined;
}

/** One alternative of a cue token -> the words it stands for (a contraction stands for two). */
function altUnits(alt: string): Unit[] | undefined {
  if (altCache.has(alt)) return altCache.get(alt);
  let units: Unit[] | undefined;
  if (alt.endsWith('*')) {
    const p = alt.slice(0, -1).toLowerCase().replace(APOSTROPHES, "'").replace(/'/g, '');
    // "change*" also takes "changing": a final e drops before -ing.
    if (p) units = [{ prefix: true, w: p, ...(p.length >= 4 && p.endsWith('e') ? { ingStem: p.slice(0, -1) + 'ing' } : {}) }];
  } else if (alt !== '') {
    const ws = expandWord(alt);
    if (ws.length) units = ws.map((w) => makeUnit(w, ws.length === 1));
  }
  altCache.set(alt, units);
  return units;
}

/** Compile one cue (once per process and lexicon: compiled cues are cached by their text). */
export function compileCue(source: string, lexicon: Lexicon = NO_LEXICON): CompiledCue {
  let compiled = compiledBy.get(lexicon);
  if (!compiled) compiledBy.set(lexicon, (compiled = new Map()));
  const hit = compiled.get(source);
  if (hit) return hit;
  const toks: Tok[] = [];
  let negated = false;
  let spec = 0;
  let unknownSet = false;
  const hint = source.trimStart().startsWith('~');
  let tokens = tokensBy.get(lexicon);
  if (!tokens) tokensBy.set(lexicon, (tokens = new Map()));
  for (const raw of source.trim().replace(/^~/, '').split(/\s+/)) {
    if (raw === '..') {
      toks.push(GAP);
      spec -= 0.1;
      continue;
    }
    if (raw === '_') {
      toks.push(ANY);
      spec += 0.1;
      continue;
    }
    let tok = tokens.get(raw);
    if (tok === undefined) tokens.set(raw, (tok = compileToken(raw, lexicon)));
    if (tok === null) unknownSet = true;
    if (!tok) continue;
    // The cue says the negation itself when a token can only be matched by one ("not|cannot trust"); in "always|never"
    // a negation before the words still cancels them ("it's not that they always...").
    if (tok.negation) negated = true;
    spec += tok.weight;
    toks.push(tok);
  }
  // Trim gaps at the edges: they would only widen the quoted words.
  while (toks.length && toks[0].kind === 'gap') toks.shift();
  while (toks.length && toks[toks.length - 1].kind === 'gap') toks.pop();
  if (unknownSet) toks.length = 0;
  const strength = toks.length ? (0.3 + 0.65 * (1 - Math.exp(-Math.max(0, spec) / 1.8))) * (hint ? HINT : 1) : 0;
  const c: CompiledCue = { source, toks, negated, strength, hint };
  compiled.set(source, c);
  return c;
}

/** One token of alternatives; null when it names a set the lexicon lacks, false when it stands for nothing. */
export function compileToken(raw: string, lexicon: Lexicon): AltsTok | null | false {
  const parts: Part[] = [];
  let own: Unit[][] = [];
  const flush = () => {
    if (own.length) parts.push(makePart(own));
    own = [];
  };
  for (const alt of raw.split('|')) {
    if (alt.startsWith('@')) {
      const set = setPart(lexicon, alt.slice(1));
      if (!set) return null;
      flush();
      if (set.alts.length) parts.push(set);
      continue;
    }
    const u = alt.includes('+') || alt.includes('-') ? entryUnits(alt) : altUnits(alt);
    if (u) own.push(u);
  }
  flush();
  let n = 0;
  let sum = 0;
  let negation = true;
  for (const part of parts) {
    n += part.alts.length;
    sum += part.weightSum;
    negation &&= part.negation;
  }
  if (!n) return false;
  return { kind: 'alts', parts, weight: (sum / n) * (n > 1 ? 0.85 : 1), negation };
}

function makePart(alts: Unit[][]): Part {
  let weightSum = 0;
  let negation = true;
  for (const a of alts) {
    weightSum += unitWeight(a);
    if (negation && !a.some((x) => !x.prefix && NEGATORS.has(x.w))) negation = false;
  }
  return { alts, weightSum, negation };
}

/** Each word set as one part, per lexicon. */
const setPartsBy = new WeakMap<Lexicon, Map<string, Part>>();

function setPart(lexicon: Lexicon, name: string): Part | undefined {
  let parts = setPartsBy.get(lexicon);
  if (!parts) setPartsBy.set(lexicon, (parts = new Map()));
  let part = parts.get(name);
  if (!part) {
    const units = setUnits(lexicon, name);
    if (!units) return undefined;
    parts.set(name, (part = makePart(units)));
  }
  return part;
}

/** Index a part's alternatives by their first word (built when first matched: most parts are never reached). */
function altIndex(part: Part): AltIndex {
  const byWord = new Map<string, number[]>();
  const prefixed: number[] = [];
  part.alts.forEach((a, k) => {
    if (a[0].prefix) prefixed.push(k);
    else {
      const list = byWord.get(a[0].w);
      if (list) list.push(k);
      else byWord.set(a[0].w, [k]);
    }
  });
  return (part.index = { byWord, prefixed });
}

const NONE: readonly number[] = [];
/** A part this short is just tried in full. */
export const SHORT = 4;

/** The alternatives of a part that could match from this word, in their written order. */
export function candidates(part: Part, word: Word): readonly number[] {
  const { byWord, prefixed } = part.index ?? altIndex(part);
  let only: readonly number[] = byWord.get(word.w) ?? NONE;
  let out: number[] | undefined;
  const add = (k: number) => {
    if (!out) out = [...only];
    out.push(k);
  };
  if (word.bases) for (const b of word.bases) if (b !== word.w) for (const k of byWord.get(b) ?? NONE) add(k);
  for (const k of prefixed) if (unitMatches(part.alts[k][0], word)) add(k);
  if (!out) return only;
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

/** Whether some alternative of the token could begin at this word. */
export function canStart(t: AltsTok, word: Word): boolean {
  for (const part of t.parts) {
    if (part.alts.length > SHORT) {
      if (candidates(part, word).length) return true;
    } else for (const a of part.alts) if (unitMatches(a[0], word)) return true;
  }
  return false;
}

