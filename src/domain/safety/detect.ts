// Does a text suggest someone may be in danger (the crisis note), or that someone else is hurting them (the
// note about abuse)? Used only to show where help is, gently; never to block a save, never logged.
//
// The method (chosen by measuring, see the README's "What the safety note catches"): shapes (word-sets for
// ideas, near each other) and curated phrases over a plain form of the text, with chat spellings and
// near-misses of the key words put right first (normalise.ts, phrases.ts). A small classifier trained on the labelled texts was measured beside it and caught fewer of the
// held-back dangerous texts at the same false alarms; and phrases can be read and reviewed, a weight can't.
import { normalise } from './normalise';
import { ABUSE, DANGER, OTHER_PEOPLE, QUIET, type PhraseGroup } from './phrases';

/** A phrase as written in phrases.ts -> a regular expression over the plain form (" word word . word "). */
export function compilePhrase(phrase: string): RegExp {
  let s = phrase.trim();
  // [x] optional words, then the gaps, then word* prefixes, then plain groups become non-capturing.
  s = s.replace(/\[([^\]]+)\] ?/g, (_m, x: string) => `(?:(?:${x}) )?`);
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
  res: RegExp[];
  /** All of the group's phrases in one expression: one pass over the text instead of one per phrase. */
  any: RegExp;
}

function compileGroups(groups: PhraseGroup[]): Compiled[] {
  return groups.map((g) => {
    const res = g.phrases.map(compilePhrase);
    return { id: g.id, res, any: new RegExp(res.map((r) => `(?:${r.source})`).join('|')) };
  });
}

let compiled: { danger: Compiled[]; abuse: Compiled[]; quiet: RegExp } | undefined;
function phrases() {
  if (!compiled) {
    const quiet = compileGroups(QUIET).flatMap((g) => g.res);
    // Quiet phrases are cut out of the text; the spaces at their edges stay, so the words around still meet.
    compiled = {
      danger: compileGroups(DANGER),
      abuse: compileGroups(ABUSE),
      quiet: new RegExp(quiet.map((r) => `(?:${r.source})`).join('|'), 'g'),
    };
  }
  return compiled;
}

export interface Assessment {
  /** The words suggest thoughts of suicide or self-harm: show the crisis note. */
  danger: boolean;
  /** The words suggest someone else is hurting or threatening the person: show where help for abuse is. */
  abuse: boolean;
}

/** The plain form with the quiet turns of phrase taken out, opening with a "." so a phrase can say "at the start
 * of a sentence" (\\.) for texts that leave out the "I" ("wanna die fr", "thinking about ctb"). */
function prepared(text: string): string {
  return (' .' + normalise(text)).replace(phrases().quiet, ' | ');
}

function matchGroup(groups: Compiled[], s: string): string | undefined {
  for (const g of groups) if (g.any.test(s)) return g.id;
  return undefined;
}

/** What one text suggests, and which group of phrases said so (for the tests' reports; never logged). */
export function explain(text: string): { danger?: string; abuse?: string } {
  const s = prepared(text);
  const { danger, abuse } = phrases();
  return { danger: matchGroup(danger, s), abuse: matchGroup(abuse, s) };
}

/** What any of the texts suggests. */
export function assess(texts: Iterable<string | undefined>): Assessment {
  const out: Assessment = { danger: false, abuse: false };
  const { danger, abuse } = phrases();
  for (const t of texts) {
    if (!t) continue;
    const s = prepared(t);
    if (!out.danger && matchGroup(danger, s)) out.danger = true;
    if (!out.abuse && matchGroup(abuse, s)) out.abuse = true;
    if (out.danger && out.abuse) break;
  }
  return out;
}

/** True when any of the texts suggests thoughts of suicide or self-harm. */
export function mayBeInDanger(texts: Iterable<string | undefined>): boolean {
  const { danger } = phrases();
  for (const t of texts) if (t && matchGroup(danger, prepared(t))) return true;
  return false;
}
