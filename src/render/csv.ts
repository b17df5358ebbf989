// CSV for spreadsheets: one row per record, a header, RFC 4180 quoting by csv-stringify (CRLF between rows).
// Lists inside a cell: free-text lists (other thoughts, evidence, answers) one item per line; short lists
// (feelings, patterns, tags) joined with "; ". Feelings read "anxious 80->40" ("anxious 80" before re-rating).
// Cells that start with = + - @, a tab or a carriage return get a leading ' so no spreadsheet runs them as a
// formula (CSV injection). `when` is the local time of occurredAt, which spreadsheets read as a date.
import { format } from 'date-fns';
import { stringify } from 'csv-stringify/sync';
import type { ThoughtRecord } from '../domain/record';

export const CSV_COLUMNS = [
  'when', 'id', 'createdAt', 'occurredAt', 'situation', 'emotions', 'thought', 'beliefBefore', 'otherThoughts',
  'distortions', 'evidenceFor', 'evidenceAgainst', 'answers', 'reframe', 'reframeBelief', 'beliefAfter',
  'actionPlan', 'tags', 'whenTrue',
] as const;

/** A text cell that a spreadsheet would take for a formula gets a leading single quote. */
export function guardCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvRow(r: ThoughtRecord): (string | number)[] {
  const t = (s: string | undefined) => (s === undefined ? '' : guardCell(s));
  const n = (v: number | undefined) => (v === undefined ? '' : v);
  return [
    format(new Date(r.occurredAt), 'yyyy-MM-dd HH:mm'),
    r.id,
    r.createdAt,
    r.occurredAt,
    t(r.situation),
    t(r.emotions.map((e) => (e.after === undefined ? `${e.name} ${e.before}` : `${e.name} ${e.before}->${e.after}`)).join('; ')),
    t(r.thought),
    n(r.beliefBefore),
    t(r.otherThoughts.join('\n')),
    t(r.distortions.join('; ')),
    t(r.evidenceFor.join('\n')),
    t(r.evidenceAgainst.join('\n')),
    t(r.answers.map((a) => `Q: ${a.question}\nA: ${a.answer}`).join('\n')),
    t(r.reframe),
    n(r.reframeBelief),
    n(r.beliefAfter),
    t(r.actionPlan),
    t(r.tags.join('; ')),
    // Last, so the columns before it keep their places.
    t(r.whenTrue ? [r.whenTrue.help && `help: ${r.whenTrue.help}`, r.whenTrue.friend && `friend: ${r.whenTrue.friend}`].filter(Boolean).join('\n') || 'yes' : undefined),
  ];
}

// Rows end with CRLF; a cell holding any line break (CR or LF alone too), or white space at either end, is quoted,
// so every spreadsheet (not only those that split rows on CRLF alone) keeps it in one cell.
const OPTS = { record_delimiter: 'windows' as const, quoted_match: [/[\r\n]/, /^\s|\s$/] };

/** The header, then rows in batches: a generator of chunks, so a big export never sits in memory. */
export function* csvChunks(records: Iterable<ThoughtRecord>, o: { bom?: boolean } = {}): Generator<string> {
  yield stringify([[...CSV_COLUMNS]], { ...OPTS, bom: o.bom === true });
  let batch: (string | number)[][] = [];
  for (const r of records) {
    batch.push(csvRow(r));
    if (batch.length >= 200) {
      yield stringify(batch, OPTS);
      batch = [];
    }
  }
  if (batch.length) yield stringify(batch, OPTS);
}
