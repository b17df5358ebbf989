// `export --split`: one markdown file per record, named YYYY-MM-DD-HHmmZ-<first 8 of id>.md from the UTC time
// of occurredAt (so exporting again under another time zone replaces the files instead of adding new ones),
// starting with YAML front matter that Obsidian shows as typed properties.
//
// The properties are flat, as Obsidian's properties panel wants them: `date` and `datetime` are the local date
// and time the thing happened, written unquoted (Obsidian reads them as a date and a date & time; YAML 1.1
// readers such as PyYAML and Jekyll read them as timestamps); ratings are numbers; the hot thought is text;
// `patterns` and `tags` are lists of text; each feeling is two numbers, `<feeling>-before` and
// `<feeling>-after`. No nested objects.
// The front matter is written by the yaml library (never quoted by hand), with every string that a YAML 1.1
// or 1.2 reader could take for something else ("no", "on", "<<", "=", "2026-11-22", "~") in double quotes, so
// Jekyll, older Hugo and PyYAML (1.1) read the same as 1.2 readers (plainSafe below).
import { format } from 'date-fns';
import { Document, Scalar } from 'yaml';
import type { ThoughtRecord } from '../domain/record';
import { renderMdRecord, type PatternNames } from './markdown';

/** A value written plain on purpose: a local date or date-time, which YAML 1.1 readers load as a timestamp. */
export class PlainDate {
  constructor(readonly text: string) {}
}

/** A feeling's name as a property key: lower case, runs of spaces and punctuation made one hyphen. */
export function feelingKey(name: string): string {
  const k = name.trim().toLowerCase().replace(/[\s:#,[\]{}"'`|>&*!%@\\/]+/gu, '-').replace(/^-+|-+$/g, '');
  return k || 'feeling';
}

/** The front matter's fields, in this order. Dates are PlainDate (local time), ratings numbers. */
export function frontMatterData(r: ThoughtRecord): Record<string, unknown> {
  const at = new Date(r.occurredAt);
  const d: Record<string, unknown> = {
    id: r.id,
    date: new PlainDate(format(at, 'yyyy-MM-dd')),
    datetime: new PlainDate(format(at, "yyyy-MM-dd'T'HH:mm:ss")),
    created: new PlainDate(format(new Date(r.createdAt), "yyyy-MM-dd'T'HH:mm:ss")),
    thought: r.thought,
  };
  if (r.beliefBefore !== undefined) d.beliefBefore = r.beliefBefore;
  if (r.beliefAfter !== undefined) d.beliefAfter = r.beliefAfter;
  if (r.reframeBelief !== undefined) d.reframeBelief = r.reframeBelief;
  for (const e of r.emotions) {
    const key = feelingKey(e.name);
    if (`${key}-before` in d) continue; // two names that make the same key: the first one counts
    d[`${key}-before`] = e.before;
    if (e.after !== undefined) d[`${key}-after`] = e.after;
  }
  d.patterns = [...r.distortions];
  d.tags = [...r.tags];
  return d;
}

/**
 * A string that every YAML reader, 1.1 or 1.2, reads back as that same string when written plain: a word of
 * letters, digits, `_` and `-` that starts with a letter and is not one of 1.1's booleans or nulls. Anything
 * else (`<<` and `=`, which 1.1 readers such as PyYAML take for merge and value keys, `~`, numbers, times,
 * dates, ids that start with a digit) is written in double quotes.
 */
const PLAIN_SAFE = /^\p{L}[\p{L}\p{N}_-]*$/u;
const YAML11_WORDS = /^(y|yes|n|no|true|false|on|off|null)$/i;
export function plainSafe(s: string): boolean {
  return PLAIN_SAFE.test(s) && !YAML11_WORDS.test(s);
}

export function frontMatter(r: ThoughtRecord): string {
  // Each unsafe string is made a double-quoted scalar up front (the 1.1 schema would write `<<` plain).
  const scalar = (v: string, type: Scalar.Type): Scalar => {
    const sc = new Scalar(v);
    sc.type = type;
    return sc;
  };
  const quote = (v: unknown): unknown => {
    if (v instanceof PlainDate) return scalar(v.text, 'PLAIN');
    if (typeof v === 'string') return plainSafe(v) ? v : scalar(v, 'QUOTE_DOUBLE');
    if (Array.isArray(v)) return v.map(quote);
    return v;
  };
  const doc = new Document({}, { version: '1.2' });
  // Keys are written through the same rule, so a feeling called "yes" or "1" can't become a boolean key.
  for (const [k, v] of Object.entries(frontMatterData(r))) doc.set(plainSafe(k) ? k : scalar(k, 'QUOTE_DOUBLE'), quote(v));
  // Written by the 1.2 writer (the library's 1.1 writer puts `<<` out plain whatever it is told); the
  // quoting above is what makes it read the same under 1.1.
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/**
 * The file name for a record, from the UTC time it happened (the same whatever the time zone of the export).
 * `used` holds the names already given in this export: two records in the same minute whose ids share their
 * first 8 characters (ids made in the same quarter second) get the full id instead.
 */
export function splitFileName(r: ThoughtRecord, used: Set<string>): string {
  const iso = new Date(r.occurredAt).toISOString(); // 2026-11-22T19:05:00.000Z
  const stamp = `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  let name = `${stamp}-${r.id.slice(0, 8)}.md`;
  if (used.has(name)) name = `${stamp}-${r.id}.md`;
  used.add(name);
  return name;
}

/** The whole file: front matter, a blank line, then the record as a markdown section with a level-1 title. */
export function renderSplitFile(r: ThoughtRecord, library: PatternNames): string {
  return `${frontMatter(r)}\n${renderMdRecord(r, { library, level: 1 })}`;
}
