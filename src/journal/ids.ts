// An id, or a unique prefix of it of 6+ characters, for the tables whose ids are upper-case ULIDs (notes,
// beliefs, experiments). Records have their own (records.ts: ids of any case, and first words on a terminal).
import { UsageError } from '../errors';
import { msg } from '../messages';
import type { JournalDb } from './database';

const TABLES = {
  note: { table: 'notes', at: 'written_at' },
  belief: { table: 'beliefs', at: 'created_at' },
  experiment: { table: 'experiments', at: 'created_at' },
} as const;

export interface IdErrors {
  short: string;
  none: (id: string) => string;
  hint: string;
}

/** The one id a prefix names. An ambiguous prefix lists the candidates, as git does, by id and date only (no
 *  words: an error may be logged). */
export function resolvePrefix(d: JournalDb, kind: keyof typeof TABLES, prefix: string, errs: IdErrors): string {
  const shown = prefix.trim();
  const p = shown.toUpperCase();
  if (p.length < 6) throw new UsageError(errs.short, errs.hint);
  const { table, at } = TABLES[kind];
  const rows = d.read(() => d.stmt(`SELECT id, ${at} AS at FROM ${table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 11`)
    .all(p, p + '\uffff')) as { id: string; at: string }[];
  if (rows.length === 0) throw new UsageError(errs.none(shown), errs.hint);
  if (rows.length === 1) return rows[0].id;
  const total = rows.length > 10
    ? (d.read(() => d.stmt(`SELECT count(*) FROM ${table} WHERE id >= ? AND id < ?`).pluck().get(p, p + '\uffff')) as number)
    : rows.length;
  const lines = rows.slice(0, 10).map((r) => `  ${r.id}  ${r.at.slice(0, 10)}`);
  if (total > 10) lines.push(msg.shell.ambiguousIdMore(total - 10));
  throw new UsageError(`${msg.shell.ambiguousOther(shown, total, kind)}\n${lines.join('\n')}`, msg.shell.ambiguousIdHint);
}
