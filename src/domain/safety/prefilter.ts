// Which strings a phrase's regular expression cannot match without, so the detector runs only the phrases that
// could match a text: a typical record has the words of a handful of the ~600 phrases, and running every phrase
// over every text was ~40% of the detector's time (import reads every record it adds).
//
// The same idea as a code search engine's trigram query (Russ Cox, "Regular Expression Matching with a Trigram
// Index", 2012), with whole strings instead of trigrams: from the expression's syntax, work out what any match
// must contain (an AND and OR of strings), using what each part's matches start and end with to join strings
// across parts. A text that contains none of a condition's strings can't match. Then look phrases up by whole
// words (a text's plain form is " word word . word ", so a required " want to " means the words "want" and "to"),
// and run a phrase only on a text that has a key of each of its key sets (keySets(): "die" and "want" or "wish").
// A repeat that may be absent (the gaps "~3") is known to start and end as its item does when present, so the
// words on either side of a gap are still found as whole words.
// Sound by construction: every step only forgets what it is not sure of (a character class: nothing known; a
// repeat that may be absent: nothing needed, and what it starts and ends with only when present, with the parts
// beside it then allowed to meet directly; a look-ahead consumes nothing, so it adds nothing to the match), and an
// expression it can't read gives no condition (run on every text).
// test/unit/safety-prefilter.test.ts checks, on every labelled text and on random expressions, that no phrase that
// matches was left out by any of its key sets.
import { WORD_SHARES } from './word-shares';

/** A condition on a text: true (nothing known), a string it must contain, or all / any of conditions. */
export type Need = true | string | { all: Need[] } | { any: Need[] };

interface Info {
  /** Every string the expression can match, when few; null when not known. */
  exact: Set<string> | null;
  /** When `exact` is null: strings one of which every match starts with ('' among them: nothing known). */
  starts: Set<string>;
  /** ...ends with. */
  ends: Set<string>;
  /** ...contains, besides those. */
  need: Need;
  /**
   * When `exact` is null: it may match the empty string (a repeat that may be absent: "(?:[^ .]+ ){0,3}"); then
   * `starts` and `ends` speak of its other matches only, and `need` is true.
   */
  empty?: boolean;
}

/** Whether the expression may match the empty string. */
function mayBeEmpty(info: Info): boolean {
  return info.exact ? info.exact.has('') : info.empty === true;
}

/** More strings than this and a set is forgotten (into less precise knowledge). */
const MAX_SET = 256;
const UNKNOWN: ReadonlySet<string> = new Set(['']);

function exactly(xs: Set<string>): Info {
  return { exact: xs, starts: xs, ends: xs, need: true };
}

function nothingKnown(): Info {
  return { exact: null, starts: new Set(UNKNOWN), ends: new Set(UNKNOWN), need: true };
}

class Unreadable extends Error {}

/** Reads the subset of regular-expression syntax compilePhrase (detect.ts) writes; anything else: Unreadable. */
class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const out = this.alternation();
    if (this.i !== this.src.length) throw new Unreadable();
    return out;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Info {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0];
    if (alts.every((a) => a.exact)) {
      const all = union(alts.map((a) => a.exact!));
      if (all) return exactly(all);
    }
    return {
      exact: null,
      starts: union(alts.map((a) => a.starts)) ?? new Set(UNKNOWN),
      ends: union(alts.map((a) => a.ends)) ?? new Set(UNKNOWN),
      need: anyOf(alts.map(needOf)),
      empty: alts.some(mayBeEmpty),
    };
  }

  private sequence(): Info {
    let out = exactly(new Set(['']));
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === '|' || c === ')') return out;
      out = concat(out, this.quantified(this.atom()));
    }
  }

  private atom(): Info {
    const c = this.src[this.i++];
    if (c === '(') {
      let look = false;
      if (this.src.startsWith('?:', this.i)) this.i += 2;
      else if (this.src.startsWith('?!', this.i) || this.src.startsWith('?=', this.i)) {
        this.i += 2;
        look = true;
      } else if (this.peek() === '?') throw new Unreadable();
      const inner = this.alternation();
      if (this.src[this.i++] !== ')') throw new Unreadable();
      // A look-ahead consumes nothing: whatever it says, the match itself is the empty string here.
      return look ? exactly(new Set([''])) : inner;
    }
    if (c === '[') {
      const end = this.src.indexOf(']', this.i);
      if (end < 0) throw new Unreadable();
      this.i = end + 1;
      return nothingKnown();
    }
    if (c === '\\') {
      const e = this.src[this.i++];
      if (e === undefined || /[A-Za-z0-9]/.test(e)) throw new Unreadable(); // \d, \b, \1...: not written here
      return exactly(new Set([e]));
    }
    if (c === '.') return nothingKnown();
    if (c === undefined || '^$*+?{}|)'.includes(c)) throw new Unreadable();
    return exactly(new Set([c]));
  }

  private quantified(item: Info): Info {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unreadable();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return item;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: the same strings
    if (min === 0) {
      if (max === 1 && item.exact && item.exact.size < MAX_SET) return exactly(new Set([...item.exact, '']));
      // Absent, or it starts as the item's first match that isn't empty, and ends as its last.
      return { exact: null, starts: new Set(item.starts), ends: new Set(item.ends), need: true, empty: true };
    }
    if (min === 1 && max === 1) return item;
    // At least once: what one match needs, the whole needs; it starts as the first, ends as the last.
    return { exact: null, starts: item.starts, ends: item.ends, need: needOf(item), empty: mayBeEmpty(item) };
  }
}

function union(sets: ReadonlySet<string>[]): Set<string> | null {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out.size <= MAX_SET ? out : null;
}

function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** What a match of `a` then `b` is known to be. */
function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact) {
    const both = cross(a.exact, b.exact);
    if (both) return exactly(both);
  }
  // A part that may match nothing (Info.empty): the whole starts (ends) as the other part may, and the two parts
  // need not meet.
  const aEmpty = !a.exact && a.empty === true;
  const bEmpty = !b.exact && b.empty === true;
  const empty = mayBeEmpty(a) && mayBeEmpty(b);
  return {
    exact: null,
    starts: aEmpty ? union([a.starts, b.starts]) ?? new Set(UNKNOWN)
      : bEmpty ? new Set(a.exact ?? a.starts)
        : (a.exact ? cross(a.exact, b.starts) : null) ?? new Set(a.starts),
    ends: bEmpty ? union([b.ends, a.ends]) ?? new Set(UNKNOWN)
      : aEmpty ? new Set(b.exact ?? b.ends)
        : (b.exact ? cross(a.ends, b.exact) : null) ?? new Set(b.ends),
    // Inside each, and where they meet: an ending of a's match, then a start of b's (when that is too much to
    // write out: each on its own). How the whole starts and ends is kept in `starts` and `ends`.
    need: empty ? true : allOf([a.exact ? true : a.need, b.exact ? true : b.need, aEmpty || bEmpty ? true : meeting(a.ends, b.starts)]),
    empty,
  };
}

function meeting(ends: ReadonlySet<string>, starts: ReadonlySet<string>): Need {
  const both = cross(ends, starts);
  if (both) return anyString(both);
  // Too many to write out: each on its own, and what every ending ends with (" ") before each start, and each
  // ending before what every start begins with.
  const parts = [anyString(ends), anyString(starts)];
  const suffix = common([...ends], (x, n) => x.slice(x.length - n));
  const prefix = common([...starts], (x, n) => x.slice(0, n));
  const before = suffix ? cross(new Set([suffix]), starts) : null;
  const after = prefix ? cross(ends, new Set([prefix])) : null;
  if (before) parts.push(anyString(before));
  if (after) parts.push(anyString(after));
  return allOf(parts);
}

/** The longest string every one of `xs` ends with (or starts with: `part` says which end). */
function common(xs: string[], part: (x: string, n: number) => string): string {
  if (xs.length === 0) return '';
  let n = Math.min(...xs.map((x) => x.length));
  while (n > 0 && !xs.every((x) => part(x, n) === part(xs[0], n))) n--;
  return part(xs[0], n);
}

function anyString(xs: ReadonlySet<string> | null): Need {
  if (!xs || xs.has('')) return true;
  return anyOf([...xs]);
}

function needOf(info: Info): Need {
  if (info.exact) return anyString(info.exact);
  if (info.empty) return true;
  return allOf([info.need, anyString(info.starts), anyString(info.ends)]);
}

function anyOf(xs: Need[]): Need {
  if (xs.some((x) => x === true)) return true;
  return xs.length === 1 ? xs[0] : { any: xs };
}

function allOf(xs: Need[]): Need {
  const known: Need[] = [];
  for (const x of xs) {
    if (x === true) continue;
    if (typeof x === 'object' && 'all' in x) known.push(...x.all);
    else if (!known.some((k) => implies(k, x))) known.push(x);
  }
  if (known.length === 0) return true;
  return known.length === 1 ? known[0] : { all: known };
}

/** Cheap: does holding `a` already say `b` holds (the same condition, or a string inside a required string)? */
function implies(a: Need, b: Need): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b);
  return a === b;
}

/** What any match of the expression must contain; true when nothing is known (or it can't be read). */
export function needOfSource(source: string): Need {
  try {
    return needOf(new Reader(source).read());
  } catch (e) {
    if (e instanceof Unreadable) return true;
    throw e;
  }
}

// Words common in what people write: a phrase is looked up by its less common words. Only speed depends on this
// list and on WORD_SHARES, never what is found.
const COMMON = new Set(
  ('. | i me my myself mine you your we us our he him his she her they them their it its a an the to of in on at ' +
    'for with from by as and or but not no nor so if then than that this these those there here is am are was ' +
    'were be been being do does did doing done have has had having will would can could should shall may might ' +
    'must just only really very too also all any some every each more most much many one what when where who why ' +
    'how about up down out off over again still even get got go going went come came make made take took know ' +
    'think thought feel felt want like say said tell told day time way thing things people now today tonight ' +
    'back after before because into through never always ever nothing something everything anything ' +
    'work good bad well right need see look give let keep last fine nobody someone hurt left home care').split(' '),
);

/**
 * A key: a word ("pills"), the start of a word ending in "*" ("suicid*"), or two words in a row joined by "+"
 * ("do+it": rarer than either word on its own). A key set is met by a text that has any of its keys as a word (or
 * a word starting so, or the two words one after the other).
 */
export type KeySet = string[];

/** How many in a thousand everyday texts hold each word (word-shares.ts): which keys rule out the most. */
export type Shares = Readonly<Record<string, number>>;

/** Shortest start of a word kept as a key: shorter ones say too little to be worth looking up. */
export const PREFIX_MIN = 3;

/** What a key costs: 1 and up for a word, graded by how many everyday texts hold it; 50 and up for a common word
 * (COMMON) or a start of three letters; 2 and up for two words in a row, graded the same; sentence ends and cuts
 * (in every text) never worth it. */
function keyCost(key: string, shares: Shares): number {
  if (key === '.' || key === '|') return 1000;
  // Own entries only: a word such as "constructor" must not find the object's own machinery.
  const share = (k: string) => (Object.hasOwn(shares, k) ? shares[k] : 0);
  const plus = key.indexOf('+');
  if (plus > 0) return 2 + share(key.slice(0, plus) + ' ' + key.slice(plus + 1));
  if (!key.endsWith('*')) return (COMMON.has(key) ? 50 : 1) + share(key);
  const start = key.slice(0, -1);
  let starting = 0;
  for (const w of Object.keys(shares)) if (w.startsWith(start)) starting += shares[w];
  return (start.length >= 4 ? 2 : 50) + starting;
}

/** How much looking texts up by the key set costs: more for common words. */
function setCost(keys: KeySet, shares: Shares): number {
  let c = 0;
  for (const k of keys) c += keyCost(k, shares);
  return c;
}

const KEYS = new WeakMap<Shares, Map<string, string | undefined>>();

/** The cheapest key a required string gives: a whole word (a space on both sides), two whole words in a row, or a
 * word's start at its end. */
function stringKey(s: string, shares: Shares): string | undefined {
  let known = KEYS.get(shares);
  if (!known) KEYS.set(shares, (known = new Map()));
  if (known.has(s)) return known.get(s);
  const key = keyOfString(s, shares);
  known.set(s, key);
  return key;
}

function keyOfString(s: string, shares: Shares): string | undefined {
  const parts = s.split(' ');
  let best: string | undefined;
  const better = (key: string) => {
    if (!best || keyCost(key, shares) < keyCost(best, shares)) best = key;
  };
  for (let j = 1; j < parts.length - 1; j++) if (parts[j] !== '') better(parts[j]);
  for (let j = 1; j + 2 < parts.length; j++) {
    const [a, b] = [parts[j], parts[j + 1]];
    if (a !== '' && b !== '' && a !== '.' && b !== '.' && a !== '|' && b !== '|') better(a + '+' + b);
  }
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && last.length >= PREFIX_MIN) better(last + '*');
  return best;
}

/**
 * Keys such that any text meeting the condition has one of them (the cheapest such set found); undefined when
 * there is none.
 */
export function lookupKeys(need: Need, shares: Shares = WORD_SHARES): KeySet | undefined {
  if (need === true) return undefined;
  if (typeof need === 'string') {
    const k = stringKey(need, shares);
    return k === undefined ? undefined : [k];
  }
  if ('all' in need) {
    let best: KeySet | undefined;
    for (const x of need.all) {
      const k = lookupKeys(x, shares);
      if (k && (!best || setCost(k, shares) < setCost(best, shares))) best = k;
    }
    return best;
  }
  const keys = new Set<string>();
  for (const x of need.any) {
    const k = lookupKeys(x, shares);
    if (!k) return undefined;
    for (const key of k) keys.add(key);
  }
  return [...keys];
}

/** A short fingerprint of an expression's source (FNV-1a, 32 bits, hex): how phrase-keys.ts names a phrase. */
export function sourceHash(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Key sets a phrase needs beside its lookup keys, at most; none with a common word or a short word start in it (they
 * would rule out little, and every text holding one would look at the phrase). */
const MORE_SETS = 3;

/**
 * Every key set a text matching the condition must meet (one of its keys in the text): the one lookupKeys() gives
 * first, then up to MORE_SETS more from the other parts of an "all", the least common first (none with a common
 * word or a short word start): a phrase looked up by "die" that also needs "want" or "wish" is run only on texts with both. Empty when
 * there is none.
 */
export function keySets(need: Need, shares: Shares = WORD_SHARES): KeySet[] {
  const first = lookupKeys(need, shares);
  if (!first) return [];
  const all: KeySet[] = [];
  const collect = (n: Need) => {
    if (n !== true && typeof n !== 'string' && 'all' in n) for (const x of n.all) collect(x);
    else {
      const k = lookupKeys(n, shares);
      if (k) all.push(k);
    }
  };
  collect(need);
  const seen = new Set([first.join(' ')]);
  const more = all
    .filter((k) => {
      const id = k.join(' ');
      if (seen.has(id) || k.some((key) => keyCost(key, shares) >= 50)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => setCost(a, shares) - setCost(b, shares))
    .slice(0, MORE_SETS);
  return [first, ...more];
}

/** Key sets as phrase-keys.ts writes them: each set's keys with spaces between, the sets with commas. */
export function keySetsText(sets: KeySet[]): string {
  return sets.map((k) => k.join(' ')).join(',');
}

/**
 * A phrase's key sets (keySets()): from the table worked out when the phrases last changed (phrase-keys.ts, written
 * by scripts/safety-keys.mjs; working them out takes ~50 ms, too long for the first check of a record), or worked
 * out now for a phrase the table does not know. Empty: run the phrase on every text.
 */
export function phraseKeys(source: string, table: Readonly<Record<string, string>>): KeySet[] {
  const known = table[sourceHash(source)];
  if (known !== undefined) return known === '' ? [] : known.split(',').map((k) => k.split(' '));
  return keySets(needOfSource(source));
}
