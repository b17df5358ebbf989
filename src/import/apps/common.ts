// Small helpers the importers share: errors with a position, JSON and CSV with positions, times, ids.
import { createHash } from 'node:crypto';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import type { AppName } from './types';

/** A malformed file: exit 2, the position and the reason, never the person's words. */
export function bad(where: string, pos: string, reason: string, app?: AppName): UsageError {
  return new UsageError(msg.imports.badAt(where, pos, reason), app ? msg.imports.badHint(app) : msg.transfer.fixAndRetry);
}

/** JSON text -> value; a syntax error names its line and column. */
export function parseJson(text: string, where: string, app: AppName): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const at = m ? Number(m[1]) : text.length;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    throw bad(where, msg.imports.lineCol(line, col), msg.imports.notJson, app);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stable id for an entry an app gave none (jrnl, Daylio): a hash of what it holds. */
export function contentId(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** Optional text: a string kept as it is (blank -> undefined); anything else is an error. */
export function text(v: unknown, field: string, fail: (reason: string) => Error): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw fail(msg.imports.mustBeText(field));
  return v.trim() === '' ? undefined : v;
}

/** A point in time as apps write it: ISO 8601 (with a zone), or milliseconds since 1970. -> UTC ISO. */
export function instant(v: unknown, field: string, fail: (reason: string) => Error): string {
  let d: Date | undefined;
  if (typeof v === 'number' && Number.isFinite(v)) d = new Date(v);
  else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(v.trim())) {
    const s = v.trim().replace(' ', 'T');
    // No zone: SQLite's CURRENT_TIMESTAMP form, which is UTC.
    d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : s + 'Z');
  }
  if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 9999) throw fail(msg.imports.badTime(field));
  return d.toISOString();
}

/** A local wall-clock time (no zone, as jrnl and Daylio write) -> UTC ISO, in this computer's time zone. */
export function localInstant(y: number, mo: number, d: number, h: number, mi: number, s = 0): string | undefined {
  if (!(y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59)) return undefined;
  const t = new Date(y, mo - 1, d, h, mi, s);
  if (t.getMonth() !== mo - 1 || t.getDate() !== d) return undefined; // 30 February
  return t.toISOString();
}

/** "10:00 pm", "22:00", "9:05 AM", "21:30:15" -> [hours, minutes, seconds]. */
export function clockTime(s: string): [number, number, number] | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?\s*m\.?)?$/i.exec(s.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    const pm = m[4].toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59) return undefined;
  return [h, mi, Number(m[3] ?? 0)];
}

/** A tag from another app's word: "@work" or "Went for a walk" -> "work", "went-for-a-walk". */
export function tagFrom(s: string): string | undefined {
  const t = s.trim().replace(/^[@#]+/, '').toLowerCase().replace(/[\s,]+/g, '-').replace(/[\p{Cc}]/gu, '');
  return t && t.length <= 40 ? t : t ? t.slice(0, 40) : undefined;
}

export interface CsvRow { line: number; cells: Record<string, string> }

/** CSV text (CRLF or LF, quoted cells may hold commas and newlines) -> rows by header, each with its line. */
export function readCsv(text: string, where: string, app: AppName): { header: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // CRLF (Windows, and Excel's CSV) read as LF, so line numbers count the way an editor shows them.
    records = parseCsvSync(text.replace(/\r\n?/g, '\n'), { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; code?: string };
    throw bad(where, msg.imports.line(e.lines ?? 1), e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? msg.imports.csvColumns
      : e.code === 'CSV_QUOTE_NOT_CLOSED' ? msg.imports.csvQuote : msg.imports.csvBroken, app);
  }
  if (records.length === 0) return { header: [], rows: [] };
  const header = records[0].record.map((h) => h.trim());
  const rows = records.slice(1).map(({ record, info }) => ({
    // info.lines is the line the row ends on; a quoted cell may span several lines, so count back to its start.
    line: info.lines - (record.join('').match(/\n/g)?.length ?? 0),
    cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
  }));
  return { header, rows };
}

/** Simple HTML in a note (Daylio) -> plain text: line breaks kept, tags dropped, entities read. */
export function htmlToText(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
