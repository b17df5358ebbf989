// CSV for spreadsheets: one row per record, a header, RFC 4180 quoting by csv-stringify (CRLF between rows).
// Lists inside a cell: free-text lists (other thoughts, evidence, answers) one item per line; short lists
// (feelings, patterns, tags) joined with "; ". Feelings read "anxious 80->40" ("anxious 80" before re-rating).
// Cells that start with = + - @, a tab or a carriage return get a leading ' so no spreadsheet runs them as a
// formula (CSV injection). `when` is the local time of occurredAt, which spreadsheets read as a date.
// After the fixed columns, two number columns per feeling named in the export ("anxious before",
// "anxious after", in the order of FEELING_ORDER), so a spreadsheet can average a feeling without parsing
// text; a record without that feeling (or not re-rated yet) leaves the cell empty, which AVERAGE skips.
// Wide rather than one row per record and feeling: a row stays a record (the shape scripts already read, and
// what a filter or pivot in a spreadsheet counts), and no text is repeated once per feeling.
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

/** The feeling columns' names, in order: most used first, then by name (the export's first pass counts). */
export function feelingColumns(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The header: the fixed columns, then "<feeling> before" and "<feeling> after" for each feeling. */
export function csvHeader(feelings: readonly string[] = []): string[] {
  return [...CSV_COLUMNS, ...feelings.flatMap((f) => [guardCell(`${f} before`), guardCell(`${f} after`)])];
}

export function csvRow(r: ThoughtRecord, feelings: readonly string[] = []): (string | number)[] {
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
    // After the fixed columns; the feelings' number columns (as many as the export names) come last.
    t(r.whenTrue ? [r.whenTrue.help && `help: ${r.whenTrue.help}`, r.whenTrue.friend && `friend: ${r.whenTrue.friend}`].filter(Boolean).join('\n') || 'yes' : undefined),
    ...feelings.flatMap((f) => {
      const e = r.emotions.find((x) => x.name === f);
      return [n(e?.before), n(e?.after)];
    }),
  ];
}

// Rows end with CRLF; a cell holding any line break (CR or LF alone too), or white space at either end, is quoted,
// so every spreadsheet (not only those that split rows on CRLF alone) keeps it in one cell.
const OPTS = { record_delimiter: 'windows' as const, quoted_match: [/[\r\n]/, /^\s|\s$/] };

/** The header, then rows in batches: a generator of chunks, so a big export never sits in memory. */
export function* csvChunks(records: Iterable<ThoughtRecord>, o: { bom?: boolean; feelings?: readonly string[] } = {}): Generator<string> {
  const feelings = o.feelings ?? [];
  yield stringify([csvHeader(feelings)], { ...OPTS, bom: o.bom === true });
  let batch: (string | number)[][] = [];
  for (const r of records) {
    batch.push(csvRow(r, feelings));
    if (batch.length >= 200) {
      yield stringify(batch, OPTS);
      batch = [];
    }
  }
  if (batch.length) yield stringify(batch, OPTS);
}
