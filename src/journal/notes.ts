// Notes (migration 9): journal entries brought in from other apps (jrnl, Day One), and cbt-toolkit-app's
// behavioural experiments until Reframe has its own. Also what every imported thing keeps of where it came from
// (source, source_id on records, notes and check-ins), so the same export imported twice adds nothing.
// Call the writing methods inside Journal.write().
import { UsageError } from '../errors';
import { msg } from '../messages';
import { planSearch } from './query';
import { n2u, type JournalDb } from './database';
import { resolvePrefix } from './ids';

export type NoteKind = 'entry' | 'experiment';

export interface Note {
  id: string;
  kind: NoteKind;
  /** The app it came from (freecbt, cbt-toolkit, jrnl, dayone), and its id there. */
  source?: string;
  sourceId?: string;
  /** When it was written (UTC ISO). */
  writtenAt: string;
  importedAt: string;
  title?: string;
  body: string;
  tags: string[];
  starred: boolean;
}

export interface NoteFilters {
  search?: string;
  kind?: NoteKind;
  limit?: number;
}

interface NoteRow {
  seq: number; id: string; kind: NoteKind; source: string | null; source_id: string | null; written_at: string;
  imported_at: string; title: string | null; body: string; tags: string | null; starred: number;
}

const fromRow = (r: NoteRow): Note => ({
  id: r.id, kind: r.kind, source: n2u(r.source), sourceId: n2u(r.source_id), writtenAt: r.written_at,
  importedAt: r.imported_at, title: n2u(r.title), body: r.body, tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
  starred: r.starred === 1,
});

/** The searchable text of a note: its title, body and tags. */
export const noteText = (n: Pick<Note, 'title' | 'body' | 'tags'>): string => [n.title ?? '', n.body, n.tags.join(' ')].join('\n');

export type SourceTable = 'records' | 'notes' | 'checkins';

export class Notes {
  constructor(private readonly d: JournalDb) {}

  insertRaw(n: Note): void {
    const info = this.d.stmt(`INSERT INTO notes (id, kind, source, source_id, written_at, imported_at, title, body, tags, starred)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(n.id, n.kind, n.source ?? null, n.sourceId ?? null, n.writtenAt, n.importedAt,
      n.title ?? null, n.body, n.tags.length ? JSON.stringify(n.tags) : null, n.starred ? 1 : 0);
    this.d.stmt('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)').run(Number(info.lastInsertRowid), noteText(n));
  }

  /** Notes matching the filters, newest first. */
  list(f: NoteFilters = {}): Note[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.kind) { where.push('n.kind = ?'); params.push(f.kind); }
    if (f.search !== undefined) {
      const plan = planSearch(f.search);
      if (plan.match !== undefined) {
        where.push('n.seq IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)');
        params.push(plan.match);
      }
      for (const w of plan.substrings) {
        const forms = [...new Set([w.normalize('NFC'), w.normalize('NFD')])];
        where.push(`(${forms.map(() => "(n.body LIKE ? ESCAPE '\\' OR n.title LIKE ? ESCAPE '\\' OR n.tags LIKE ? ESCAPE '\\')").join(' OR ')})`);
        for (const x of forms) {
          const like = `%${x.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
          params.push(like, like, like);
        }
      }
    }
    let sql = `SELECT * FROM notes n${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY n.written_at DESC, n.id DESC`;
    if (f.limit !== undefined) { sql += ' LIMIT ?'; params.push(f.limit); }
    return this.d.read(() => (this.d.stmt(sql).all(...params) as NoteRow[]).map(fromRow));
  }

  count(): number {
    return this.d.read(() => (this.d.stmt('SELECT count(*) AS n FROM notes').get() as { n: number }).n);
  }

  get(id: string): Note | undefined {
    return this.d.read(() => {
      const row = this.d.stmt('SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
      return row ? fromRow(row) : undefined;
    });
  }

  /** The one note an id or a unique prefix of 6+ characters names (an ambiguous one lists the candidates). */
  resolveId(prefix: string): string {
    return resolvePrefix(this.d, 'note', prefix, { short: msg.notes.shortId, none: msg.notes.noNote, hint: msg.notes.noNoteHint });
  }

  /** Which of these source ids (of one app) a table holds already: one query for a whole import. */
  sourceIds(table: SourceTable, source: string, ids: string[]): Set<string> {
    if (ids.length === 0) return new Set();
    return this.d.read(() => new Set(this.d.stmt(
      `SELECT source_id FROM ${table} WHERE source = ? AND source_id IN (SELECT value FROM json_each(?))`,
    ).pluck().all(source, JSON.stringify(ids)) as string[]));
  }

  /** Mark a record (saved just now) with the app and id it came from. */
  markRecordSource(id: string, source: string, sourceId: string): void {
    this.d.stmt('UPDATE records SET source = ?, source_id = ? WHERE id = ?').run(source, sourceId, id);
  }
}
