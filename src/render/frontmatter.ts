// `export --split`: one markdown file per record, named YYYY-MM-DD-HHmm-<first 8 of id>.md (local time of
// occurredAt), starting with YAML front matter that Obsidian and static-site generators read.
// The front matter is written by the yaml library (never quoted by hand), with every string that a YAML 1.1
// or 1.2 reader could take for something else ("no", "on", "<<", "=", "2026-11-22", "~") in double quotes, so
// Jekyll, older Hugo and PyYAML (1.1) read the same as 1.2 readers (plainSafe below).
import { format } from 'date-fns';
import { Document, Scalar } from 'yaml';
import type { ThoughtRecord } from '../domain/record';
import { renderMdRecord, type PatternNames } from './markdown';

/** The front matter's fields, in this order. */
export function frontMatterData(r: ThoughtRecord): Record<string, unknown> {
  const d: Record<string, unknown> = {
    id: r.id,
    createdAt: r.createdAt,
    occurredAt: r.occurredAt,
    emotions: r.emotions.map((e) => (e.after === undefined ? { name: e.name, before: e.before } : { name: e.name, before: e.before, after: e.after })),
  };
  if (r.beliefBefore !== undefined) d.beliefBefore = r.beliefBefore;
  if (r.beliefAfter !== undefined) d.beliefAfter = r.beliefAfter;
  if (r.reframeBelief !== undefined) d.reframeBelief = r.reframeBelief;
  d.distortions = [...r.distortions];
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
  const quote = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (plainSafe(v)) return v;
      const sc = new Scalar(v);
      sc.type = 'QUOTE_DOUBLE';
      return sc;
    }
    if (Array.isArray(v)) return v.map(quote);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, quote(x)]));
    return v;
  };
  // Written by the 1.2 writer (the library's 1.1 writer puts `<<` out plain whatever it is told); the
  // quoting above is what makes it read the same under 1.1.
  const doc = new Document(quote(frontMatterData(r)), { version: '1.2' });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/**
 * The file name for a record. `used` holds the names already given in this export: two records in the same
 * minute whose ids share their first 8 characters (ids made in the same quarter second) get the full id instead.
 */
export function splitFileName(r: ThoughtRecord, used: Set<string>): string {
  const stamp = format(new Date(r.occurredAt), 'yyyy-MM-dd-HHmm');
  let name = `${stamp}-${r.id.slice(0, 8)}.md`;
  if (used.has(name)) name = `${stamp}-${r.id}.md`;
  used.add(name);
  return name;
}

/** The whole file: front matter, a blank line, then the record as a markdown section with a level-1 title. */
export function renderSplitFile(r: ThoughtRecord, library: PatternNames): string {
  return `${frontMatter(r)}\n${renderMdRecord(r, { library, level: 1 })}`;
}
