// `export --split`: one markdown file per record, named YYYY-MM-DD-HHmm-<first 8 of id>.md (local time of
// occurredAt), starting with YAML front matter that Obsidian and static-site generators read.
// The front matter is written by the yaml library (never quoted by hand), in YAML 1.1 style so that words
// such as "no", "on" or "2026-11-22" stay text for 1.1 readers (Jekyll, older Hugo) as well as 1.2 ones.
import { format } from 'date-fns';
import { stringify } from 'yaml';
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

export function frontMatter(r: ThoughtRecord): string {
  return `---\n${stringify(frontMatterData(r), { version: '1.1', lineWidth: 0 })}---\n`;
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
