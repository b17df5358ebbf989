// Does a text suggest someone may be in danger (the crisis note), or that someone else is hurting them (the
// note about abuse)? Used only to show where help is, gently; never to block a save, never logged.
//
// The method (chosen by measuring leave-one-set-out, see the README's "What the detector catches and misses"
// and scripts/safety-cv.mjs): two detectors over the same plain form of the text (normalise.ts: chat
// spellings and near-misses of the key words put right; everyday turns of phrase cut out):
// - rules: shapes (word-sets for ideas, near each other) and curated phrases (phrases.ts), reviewable line
//   by line; they catch what they were written for, and generalise poorly to wordings nobody foresaw;
// - a classifier (model.ts: logistic regression on words, word pairs and character runs, weights learnt from
//   the labelled texts), which generalises much better.
// The crisis note comes up when a rule of an ungated group sees danger (whatever the classifier says: those
// groups hardly ever fire on idioms, so the note is never withheld from what they see), or the classifier's score
// is above its threshold (THRESHOLD), or a rule of a gated group (phrases.ts: the groups that also fire on idioms,
// "sugar overdose", "wrote a will") sees danger and the score is above a lower threshold (RULE_THRESHOLD): such a
// hit needs only a little agreement, and those groups' hits on idioms mostly score far below their hits on danger
// texts. Both thresholds are chosen together, on texts the model never saw, to catch the most danger texts within
// the idiom bar, the gate silencing at most 3% of the gated groups' hits on danger texts
// (scripts/safety-learn.mjs, thresholdsFromScores()).
// The note about abuse is found the same way: its own rules (phrases.ts, ABUSE) OR its own classifier (model.ts,
// learnt from the same labelled texts: harm from someone else against everything else).
import { MAX_CHARS, plainOf, plainWords, type PlainWords } from './normalise';
import { DANGER_THRESHOLD, RULE_THRESHOLD, modelSaysAbuse, modelScore, modelScoreWords } from './model';
import { ABUSE, DANGER, OTHER_PEOPLE, QUIET, type PhraseGroup } from './phrases';
import { PHRASE_KEYS } from './phrase-keys';
import { PREFIX_MIN, phraseKeys } from './prefilter';
import { MEMO_MAX, Memo } from './memo';

/** A phrase as written in phrases.ts -> a regular expression over the plain form (" word word . word "). */
export function compilePhrase(phrase: string): RegExp {
  let s = phrase.trim();
  // [x] optional words (at the start of a word; inside a word, [sz] is one of those letters: "fantasi[sz]e"), then
  // the gaps, then word* prefixes, then plain groups become non-capturing.
  s = s.replace(/(^|[ (|])\[([^\]]+)\] ?/g, (_m, before: string, x: string) => `${before}(?:(?:${x}) )?`);
  // ~n: up to n words, never across a sentence end; ~n+: may cross one ("stop. Permanently."); ~n!: none of
  // the words is another person ("I hope she doesn't die" is not "I hope I die").
  s = s.replace(/ ?~(\d*)([+!]?) ?/g, (_m, n: string, kind: string) => {
    const word = kind === '+' ? '[^ ]+' : kind === '!' ? `(?!(?:${OTHER_PEOPLE})s? )[^ .]+` : '[^ .]+';
    return ` (?:${word} ){0,${n || 3}}`;
  });
  s = s.replace(/\*/g, '[^ .]*');
  s = s.replace(/\((?!\?)/g, '(?:');
  return new RegExp(` ${s} `);
}

interface Compiled {
  id: string;
  gated: boolean;
  res: RegExp[];
  /** All of the group's phrases in one expression: where the first match of any starts (a gated group's span). */
  any: RegExp;
  /** The phrases with no key words (prefilter.ts): run on every text. */
  always: number[];
}

/** A group's phrase (its place in the group), as looked up by its key words (prefilter.ts). */
interface Keyed {
  g: Compiled;
  k: number;
  /** One bit for each of its key sets (prefilter.ts keySets): a text must hold a key of every one. */
  full: number;
  /** The number of the last text that looked at it (plain()), and which of its sets that text has met so far. */
  text: number;
  met: number;
}

/** A key of one of a phrase's key sets (the set's bit). */
interface Entry {
  p: Keyed;
  bit: number;
}

/** Where phrases are looked up: by a whole word, by the first PREFIX_MIN letters of a word's start, and by two
 * words in a row. */
interface Index {
  words: Map<string, Entry[]>;
  /** The first PREFIX_MIN letters -> each word start beginning so, and its phrases. */
  starts: Map<string, Map<string, Entry[]>>;
  /** A first word -> each word after it that makes a key, and its phrases. */
  pairs: Map<string, Map<string, Entry[]>>;
  /** Each word seen -> what it is a key of. */
  triggers: Memo<string, Triggers>;
}

/** What a word is a key of: phrases (as a whole word, and by its start), and, with the word after it, more (a key
 * of two words: the word after -> its phrases). */
interface Triggers {
  hit: Entry[];
  after: Map<string, Entry[]> | undefined;
}

function newIndex(): Index {
  const index: Index = { words: new Map(), starts: new Map(), pairs: new Map(), triggers: new Memo(MEMO_MAX, (w) => triggers(w, index)) };
  return index;
}

function add(map: Map<string, Entry[]>, key: string, e: Entry) {
  const xs = map.get(key);
  if (xs === undefined) map.set(key, [e]);
  else xs.push(e);
}

function compileGroups(groups: PhraseGroup[], index: Index): Compiled[] {
  return groups.map((g) => {
    const res = g.phrases.map(compilePhrase);
    const out: Compiled = { id: g.id, gated: g.gated === true, res, any: new RegExp(res.map((r) => `(?:${r.source})`).join('|')), always: [] };
    res.forEach((r, k) => {
      const sets = phraseKeys(r.source, PHRASE_KEYS);
      if (sets.length === 0) {
        out.always.push(k);
        return;
      }
      const p: Keyed = { g: out, k, full: (1 << sets.length) - 1, text: 0, met: 0 };
      sets.forEach((keys, set) => {
        const e: Entry = { p, bit: 1 << set };
        for (const key of keys) {
          const plus = key.indexOf('+');
          if (plus > 0) {
            const first = key.slice(0, plus);
            const after = index.pairs.get(first) ?? new Map<string, Entry[]>();
            index.pairs.set(first, after);
            add(after, key.slice(plus + 1), e);
          } else if (!key.endsWith('*')) add(index.words, key, e);
          else {
            const first = key.slice(0, PREFIX_MIN);
            const byStart = index.starts.get(first) ?? new Map<string, Entry[]>();
            index.starts.set(first, byStart);
            add(byStart, key.slice(0, -1), e);
          }
        }
      });
    });
    return out;
  });
}

interface Phrases {
  danger: Compiled[];
  trusted: Compiled[];
  gated: Compiled[];
  abuse: Compiled[];
  quiet: Compiled[];
  /** Every quiet phrase in one expression, to cut them all out in one pass. */
  quietAll: RegExp;
  /** Each key -> the phrases that can't match a text without it. */
  index: Index;
}

let compiled: Phrases | undefined;
function phrases(): Phrases {
  if (!compiled) {
    const index = newIndex();
    const quiet = compileGroups(QUIET, index);
    // Quiet phrases are cut out of the text; the spaces at their edges stay, so the words around still meet.
    const danger = compileGroups(DANGER, index);
    compiled = {
      danger,
      trusted: danger.filter((g) => !g.gated),
      gated: danger.filter((g) => g.gated),
      abuse: compileGroups(ABUSE, index),
      quiet,
      quietAll: new RegExp(quiet.flatMap((g) => g.res).map((r) => `(?:${r.source})`).join('|'), 'g'),
      index,
    };
  }
  return compiled;
}

/** A text's plain form (written out when first read), its words (sentence ends as "."), and the phrases of each
 * group that may match it (those whose key words it has). */
class Plain {
  /** Undefined while no phrase may match (most texts). */
  maybe: Map<Compiled, number[]> | undefined;

  constructor(private readonly form: PlainWords) {}

  get s(): string {
    return this.form.s;
  }

  get words(): string[] {
    return this.form.words;
  }
}

function triggers(w: string, index: Index): Triggers {
  const hit = [...(index.words.get(w) ?? [])];
  const byStart = w.length >= PREFIX_MIN ? index.starts.get(w.slice(0, PREFIX_MIN)) : undefined;
  if (byStart !== undefined) for (const [start, entries] of byStart) if (w.startsWith(start)) hit.push(...entries);
  return { hit, after: index.pairs.get(w) };
}

let texts = 0;

/** A text (numbered `text`) has a key of these phrases' sets: each phrase that has now met all its sets may match. */
function meet(entries: Entry[], text: number, into: Plain): void {
  for (const { p, bit } of entries) {
    if (p.text !== text) {
      p.text = text;
      p.met = 0;
    }
    if ((p.met & bit) !== 0) continue;
    p.met |= bit;
    // Every one of its key sets met (once): it may match.
    if (p.met !== p.full) continue;
    const maybe = (into.maybe ??= new Map());
    const ks = maybe.get(p.g);
    if (ks === undefined) maybe.set(p.g, [p.k]);
    else ks.push(p.k);
  }
}

function plain(form: PlainWords, index = phrases().index): Plain {
  const out = new Plain(form);
  const { words } = form;
  const text = ++texts;
  // The keys of two words that start with the word before (none after a sentence end: "." is never a key's word).
  let after: Map<string, Entry[]> | undefined;
  for (const w of words) {
    const t = index.triggers.get(w);
    if (after !== undefined) {
      const both = after.get(w);
      if (both !== undefined) meet(both, text, out);
    }
    meet(t.hit, text, out);
    after = t.after;
  }
  return out;
}

/**
 * For the tests: which of these groups (the first) sees a match in a plain form, found the way the detector finds
 * it (each phrase looked up by its keys, or run on every text when it has none).
 */
export function groupsSay(groups: PhraseGroup[]): (plainForm: string) => string | undefined {
  const index = newIndex();
  const compiledGroups = compileGroups(groups, index);
  return (s) => matchGroup(compiledGroups, plain(plainOf(s), index));
}

/** Whether any of a group's phrases matches the plain form: the same answer as g.any.test(p.s), found by running
 * only the phrases whose key words are in it. */
function groupSays(g: Compiled, p: Plain): boolean {
  for (const k of g.always) if (g.res[k].test(p.s)) return true;
  const ks = p.maybe?.get(g);
  if (ks !== undefined) for (const k of ks) if (g.res[k].test(p.s)) return true;
  return false;
}

export interface Assessment {
  /** The words suggest thoughts of suicide or self-harm: show the crisis note. */
  danger: boolean;
  /** The words suggest someone else is hurting or threatening the person: show where help for abuse is. */
  abuse: boolean;
}

/** The plain form with the quiet turns of phrase taken out, opening with a "." so a phrase can say "at the start
 * of a sentence" (\\.) for texts that leave out the "I" ("wanna die fr", "thinking about ctb"). */
function prepared(text: string): Plain {
  const p = plain(plainWords(text, true));
  const { quiet, quietAll } = phrases();
  if (!quiet.some((g) => groupSays(g, p))) return p; // none is in the text: nothing to cut
  const s = p.s.replace(quietAll, ' | ');
  return s === p.s ? p : plain(plainOf(s));
}

/** The plain form the classifier reads (the same the rules read); for scripts/safety-cv.mjs and safety-model.mjs. */
export function plainForModel(text: string): string {
  return prepared(text).s;
}

/** Whether the rules alone see danger in one text (without the classifier); for the measuring scripts. */
export function rulesSay(text: string): boolean {
  return matchGroup(phrases().danger, prepared(text)) !== undefined;
}

/** Whether an ungated danger group (phrases.ts: not `gated`) sees danger in one text: enough on its own, whatever
 * the classifier says; for the measuring scripts. */
export function trustedRulesSay(text: string): boolean {
  return matchGroup(phrases().trusted, prepared(text)) !== undefined;
}

/** Whether the abuse rules alone see harm from someone else in one text; for the measuring scripts. */
export function abuseRulesSay(text: string): boolean {
  return matchGroup(phrases().abuse, prepared(text)) !== undefined;
}

function abuseIn(p: Plain): boolean {
  return matchGroup(phrases().abuse, p) !== undefined || modelSaysAbuse(p.s);
}

/** Why a plain form raises the crisis note: an ungated rule group (its id), the classifier's score above THRESHOLD
 * ("classifier"), or a gated rule group (its id) with the score above RULE_THRESHOLD; undefined when none. */
function dangerWhy(p: Plain): string | undefined {
  const { trusted, gated } = phrases();
  const sure = matchGroup(trusted, p); // an ungated group's hit is enough on its own
  if (sure !== undefined) return sure;
  const z = modelScoreWords(p.words, DANGER_THRESHOLD); // the first window above the threshold is enough
  if (z > DANGER_THRESHOLD) return 'classifier';
  if (z <= RULE_THRESHOLD) return undefined;
  // A gated group's hit counts when the classifier agrees on the sentences the hit spans, not anywhere in the
  // text: in a long entry, a shape that happens to span quiet sentences is not vouched for by another sentence.
  for (const g of gated) {
    if (!groupSays(g, p)) continue; // the same as exec() finding nothing, found faster
    const { s } = p;
    const m = g.any.exec(s);
    if (!m) continue;
    const from = s.lastIndexOf(' . ', m.index);
    const to = s.indexOf(' . ', m.index + m[0].length - 1);
    const span = ' ' + s.slice(from < 0 ? 0 : from + 3, to < 0 ? s.length : to + 1);
    if (modelScore(span, RULE_THRESHOLD) > RULE_THRESHOLD) return g.id;
  }
  return undefined;
}

function dangerIn(p: Plain): boolean {
  return dangerWhy(p) !== undefined;
}

function matchGroup(groups: Compiled[], p: Plain): string | undefined {
  for (const g of groups) if (groupSays(g, p)) return g.id;
  return undefined;
}

/** What one text suggests, and what said so: a group of phrases or "classifier" (for the tests' reports; never
 * logged). */
export function explain(text: string): { danger?: string; abuse?: string } {
  const p = prepared(text);
  return {
    danger: dangerWhy(p),
    abuse: matchGroup(phrases().abuse, p) ?? (modelSaysAbuse(p.s) ? 'classifier' : undefined),
  };
}

/** What any of the texts suggests. */
export function assess(texts: Iterable<string | undefined>): Assessment {
  const out: Assessment = { danger: false, abuse: false };
  for (const t of texts) {
    if (!t) continue;
    const p = prepared(t);
    if (!out.danger && dangerIn(p)) out.danger = true;
    if (!out.abuse && abuseIn(p)) out.abuse = true;
    if (out.danger && out.abuse) break;
  }
  return out;
}

/** True when any of the texts suggests thoughts of suicide or self-harm. */
export function mayBeInDanger(texts: Iterable<string | undefined>): boolean {
  for (const t of texts) if (t && textInDanger(t)) return true;
  return false;
}

/** Texts this short (a feeling's name, a tag, a word or two) come back again and again: each is read once. */
const SHORT = 24;
const SHORT_TEXTS = new Memo(MEMO_MAX, (t: string) => dangerIn(prepared(t)));

/** What dangerIn(prepared(t)) says, for a text of at most MAX_CHARS characters. */
function textInDanger(t: string): boolean {
  return t.length > SHORT ? dangerIn(prepared(t)) : SHORT_TEXTS.get(t);
}

/** How far each piece of a long text starts before the end of the one before: far longer than any phrase. */
const OVERLAP = 2_000;

/**
 * True when any part of any of the texts suggests danger: a text longer than the detector reads at once (MAX_CHARS)
 * is read in pieces of that length, each starting OVERLAP characters before the last one ended, so that words
 * across a cut are read whole in the next piece (the first piece is what mayBeInDanger reads). For imports, whose
 * texts can be long (a note from another app up to 1 MB); ~4-5 MB of text a second.
 */
export function mayBeInDangerAnywhere(texts: Iterable<string | undefined>): boolean {
  for (const t of texts) {
    if (!t) continue;
    for (let at = 0; at < t.length; at += MAX_CHARS - OVERLAP) {
      if (textInDanger(t.slice(at, at + MAX_CHARS))) return true;
      if (at + MAX_CHARS >= t.length) break;
    }
  }
  return false;
}
