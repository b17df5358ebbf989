// Drafts: the guided flow's answers so far, saved after every answer so Ctrl-C loses nothing (`new --resume`).
import { n2u, type JournalDb } from './database';

export interface Draft {
  id: string;
  kind: string;
  targetId?: string;
  createdAt: string;
  updatedAt: string;
  data: unknown;
}

/** What Drafts needs of the journal: statements, reads, and a write transaction. */
type Db = JournalDb & { write<T>(fn: () => T): T };

export class Drafts {
  constructor(private readonly d: Db) {}

  /** Delete a draft (inside a write: the record it became is saved in the same one). */
  deleteRaw(id: string): void {
    this.d.stmt('DELETE FROM drafts WHERE id = ?').run(id);
  }

  saveDraft(d: Draft): void {
    this.d.write(() => {
      this.d.stmt(
        `INSERT INTO drafts (id, kind, target_id, created_at, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, data = excluded.data`,
      ).run(d.id, d.kind, d.targetId ?? null, d.createdAt, d.updatedAt, JSON.stringify(d.data));
    });
  }

  /** The newest draft of a kind (and target, for edits). */
  latestDraft(kind: string, targetId?: string): Draft | undefined {
    const row = this.d.read(() =>
      (targetId === undefined
        ? this.d.stmt('SELECT * FROM drafts WHERE kind = ? ORDER BY updated_at DESC LIMIT 1').get(kind)
        : this.d.stmt('SELECT * FROM drafts WHERE kind = ? AND target_id = ? ORDER BY updated_at DESC LIMIT 1').get(kind, targetId)),
    ) as { id: string; kind: string; target_id: string | null; created_at: string; updated_at: string; data: string } | undefined;
    if (!row) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(row.data);
    } catch {
      data = {};
    }
    return { id: row.id, kind: row.kind, targetId: n2u(row.target_id), createdAt: row.created_at, updatedAt: row.updated_at, data };
  }

  deleteDraft(id: string): void {
    this.d.write(() => this.d.stmt('DELETE FROM drafts WHERE id = ?').run(id));
  }

  listDrafts(): { id: string; kind: string; targetId?: string; updatedAt: string }[] {
    return this.d.read(() => this.d.stmt('SELECT id, kind, target_id, updated_at FROM drafts ORDER BY updated_at DESC').all() as {
      id: string; kind: string; target_id: string | null; updated_at: string;
    }[]).map((r) => ({ id: r.id, kind: r.kind, targetId: n2u(r.target_id), updatedAt: r.updated_at }));
  }
}
