// Sync's rows in the journal (migration 12; the engine is src/sync/): this device, the outbox the triggers fill,
// the version of each thing held, the versions seen, how far each other device's file was read, the kept
// conflicts. Small and plain: `self()` is the one cheap check every command may make (is sync set up, is it on
// auto?), so this file imports nothing heavy.
import type { JournalDb } from './database';

type Db = JournalDb & { write<T>(fn: () => T): T };

export interface SyncSelf {
  device: string;
  dir: string;
  auto: boolean;
  hlcWall: number;
  hlcCount: number;
  createdAt: string;
  lastSync?: string;
  lastSent: number;
  lastGot: number;
  lastError?: string;
  sentTotal: number;
  gotTotal: number;
}

export interface OutboxEntry { kind: string; id: string; at: number }
export interface EntityVersion { stamp: string; base: string | null }
export interface Cursor { offset: number; size: number; mtime: number }
export interface KeptConflict { kind: string; id: string; stamp: string; device: string; winner: string; keptAt: string; data: unknown }

interface SelfRow {
  device: string; dir: string; auto: number; hlc_wall: number; hlc_count: number; created_at: string; last_sync: string | null;
  last_sent: number; last_got: number; last_error: string | null; sent_total: number; got_total: number;
}

export class SyncState {
  constructor(private readonly d: Db) {}

  /** This journal's sync set-up, or undefined when `sync init` was never run. One indexed read. */
  self(): SyncSelf | undefined {
    const row = this.d.read(() => this.d.stmt('SELECT * FROM sync_self WHERE id = 1').get()) as SelfRow | undefined;
    if (!row) return undefined;
    return {
      device: row.device, dir: row.dir, auto: row.auto === 1, hlcWall: row.hlc_wall, hlcCount: row.hlc_count,
      createdAt: row.created_at, lastSync: row.last_sync ?? undefined, lastSent: row.last_sent, lastGot: row.last_got,
      lastError: row.last_error ?? undefined, sentTotal: row.sent_total, gotTotal: row.got_total,
    };
  }

  /** Whether the triggers have noted a change not yet written to the folder. */
  hasOutbox(): boolean {
    return this.d.read(() => this.d.stmt('SELECT 1 FROM sync_outbox LIMIT 1').get() !== undefined);
  }

  /**
   * Tie the journal to a folder (inside a write). A first init notes everything already in the journal as
   * changed, so the first sync sends it; a second one only moves the folder (cursors start again: the new folder
   * may hold other files).
   */
  init(device: string, dir: string, now: string, auto: boolean | undefined): 'new' | 'moved' | 'same' {
    const mine = this.self();
    if (mine) {
      if (auto !== undefined) this.d.stmt('UPDATE sync_self SET auto = ? WHERE id = 1').run(auto ? 1 : 0);
      if (mine.dir === dir) return 'same';
      this.d.stmt('UPDATE sync_self SET dir = ? WHERE id = 1').run(dir);
      this.d.stmt('DELETE FROM sync_cursors').run();
      this.enqueueEverything();
      return 'moved';
    }
    this.d.stmt('INSERT INTO sync_self (id, device, dir, capture, auto, created_at) VALUES (1, ?, ?, 1, ?, ?)')
      .run(device, dir, auto ? 1 : 0, now);
    this.enqueueEverything();
    return 'new';
  }

  /** Every thing the journal holds, noted as changed (what a first sync to a folder sends). */
  private enqueueEverything(): void {
    const now = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
    const put = (sql: string) => this.d.db.exec(`INSERT INTO sync_outbox (kind, id, at) ${sql} ON CONFLICT (kind, id) DO NOTHING`);
    put(`SELECT 'record', id, ${now} FROM records WHERE true`);
    put(`SELECT 'belief', id, ${now} FROM beliefs WHERE true`);
    put(`SELECT 'experiment', id, ${now} FROM experiments WHERE true`);
    put(`SELECT 'checkin', id, ${now} FROM checkins WHERE true`);
    put(`SELECT 'followup', record_id, ${now} FROM followups WHERE true`);
    put(`SELECT 'plan', 'plan', ${now} FROM safety_plan WHERE true`);
  }

  setAuto(on: boolean): void {
    this.d.write(() => { this.d.stmt('UPDATE sync_self SET auto = ? WHERE id = 1').run(on ? 1 : 0); });
  }

  /** Noting changes on (1) or off (0, while this device applies what others wrote): inside the same write. */
  setCapture(on: boolean): void {
    this.d.stmt('UPDATE sync_self SET capture = ? WHERE id = 1').run(on ? 1 : 0);
  }

  outbox(): OutboxEntry[] {
    return this.d.read(() => this.d.stmt('SELECT kind, id, at FROM sync_outbox ORDER BY at, kind, id').all()) as OutboxEntry[];
  }

  /** Take out what was written to the folder, unless it changed again since it was read. */
  clearOutbox(done: OutboxEntry[]): void {
    const del = this.d.stmt('DELETE FROM sync_outbox WHERE kind = ? AND id = ? AND at = ?');
    for (const e of done) del.run(e.kind, e.id, e.at);
  }

  saveClock(wall: number, count: number): void {
    this.d.stmt('UPDATE sync_self SET hlc_wall = ?, hlc_count = ? WHERE id = 1').run(wall, count);
  }

  entity(kind: string, id: string): EntityVersion | undefined {
    return this.d.stmt('SELECT stamp, base FROM sync_entities WHERE kind = ? AND id = ?').get(kind, id) as EntityVersion | undefined;
  }

  setEntity(kind: string, id: string, stamp: string, base: string | null): void {
    this.d.stmt(`INSERT INTO sync_entities (kind, id, stamp, base) VALUES (?, ?, ?, ?)
      ON CONFLICT (kind, id) DO UPDATE SET stamp = excluded.stamp, base = excluded.base`).run(kind, id, stamp, base);
  }

  /** How many versions this journal has seen, and how many it had at its last snapshot. */
  versionCounts(): { now: number; atSnapshot: number } {
    const now = (this.d.stmt('SELECT count(*) AS n FROM sync_versions').get() as { n: number }).n;
    const at = (this.d.stmt('SELECT snapshot_versions AS n FROM sync_self WHERE id = 1').get() as { n: number } | undefined)?.n ?? 0;
    return { now, atSnapshot: at };
  }

  noteSnapshot(versions: number): void {
    this.d.stmt('UPDATE sync_self SET snapshot_versions = ? WHERE id = 1').run(versions);
  }

  /** Whether this journal has read anything from the folder yet (a new device starts from a snapshot). */
  hasCursors(): boolean {
    return this.d.stmt('SELECT 1 FROM sync_cursors LIMIT 1').get() !== undefined;
  }

  /** Every thing's version, for a snapshot. */
  entities(): { kind: string; id: string; stamp: string; base: string | null }[] {
    return this.d.stmt('SELECT kind, id, stamp, base FROM sync_entities ORDER BY kind, id').all() as { kind: string; id: string; stamp: string; base: string | null }[];
  }

  /** The base of a version seen before; null when it had none; undefined when never seen. */
  version(stamp: string): string | null | undefined {
    const row = this.d.stmt('SELECT base FROM sync_versions WHERE stamp = ?').get(stamp) as { base: string | null } | undefined;
    return row ? row.base : undefined;
  }

  addVersion(stamp: string, base: string | null): void {
    this.d.stmt('INSERT INTO sync_versions (stamp, base) VALUES (?, ?) ON CONFLICT DO NOTHING').run(stamp, base);
  }

  cursor(file: string): Cursor | undefined {
    return this.d.read(() => this.d.stmt('SELECT offset, size, mtime FROM sync_cursors WHERE file = ?').get(file)) as Cursor | undefined;
  }

  setCursor(file: string, c: Cursor): void {
    this.d.stmt(`INSERT INTO sync_cursors (file, offset, size, mtime) VALUES (?, ?, ?, ?)
      ON CONFLICT (file) DO UPDATE SET offset = excluded.offset, size = excluded.size, mtime = excluded.mtime`).run(file, c.offset, c.size, c.mtime);
  }

  keepConflict(c: KeptConflict): void {
    this.d.stmt(`INSERT INTO sync_conflicts (kind, id, stamp, device, winner, kept_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, id, stamp) DO NOTHING`).run(c.kind, c.id, c.stamp, c.device, c.winner, c.keptAt, JSON.stringify(c.data));
  }

  conflicts(kind?: string, id?: string): KeptConflict[] {
    const rows = this.d.read(() => (kind === undefined
      ? this.d.stmt('SELECT * FROM sync_conflicts ORDER BY seq').all()
      : this.d.stmt('SELECT * FROM sync_conflicts WHERE kind = ? AND id = ? ORDER BY seq').all(kind, id))) as
      { kind: string; id: string; stamp: string; device: string; winner: string; kept_at: string; data: string }[];
    return rows.map((r) => ({ kind: r.kind, id: r.id, stamp: r.stamp, device: r.device, winner: r.winner, keptAt: r.kept_at, data: JSON.parse(r.data) }));
  }

  /** Set aside the kept versions of one thing (after the person has looked at them). */
  dropConflicts(kind: string, id: string): number {
    return this.d.write(() => this.d.stmt('DELETE FROM sync_conflicts WHERE kind = ? AND id = ?').run(kind, id).changes);
  }

  /** What the last sync did, kept for `sync status`. */
  noteSync(at: string, sent: number, got: number, error?: string): void {
    this.d.stmt(`UPDATE sync_self SET last_sync = ?, last_sent = ?, last_got = ?, last_error = ?,
      sent_total = sent_total + ?, got_total = got_total + ? WHERE id = 1`).run(at, sent, got, error ?? null, sent, got);
  }

  noteError(error: string): void {
    this.d.write(() => { this.d.stmt('UPDATE sync_self SET last_error = ? WHERE id = 1').run(error); });
  }
}

// ---- what applying another device's change writes (inside the sync's write) -----------------------------------
// Records go through the facade (their parts, search text and monthly sums); the rest is plain rows here.

export interface SyncRating { at: string; beliefAfter?: number; emotions?: { name: string; after: number }[] }

export class SyncRows {
  constructor(private readonly d: Db) {}

  recordMeta(id: string): { updatedAt: string; source?: string; sourceId?: string } | undefined {
    const row = this.d.stmt('SELECT updated_at, source, source_id FROM records WHERE id = ?').get(id) as
      { updated_at: string; source: string | null; source_id: string | null } | undefined;
    if (!row) return undefined;
    return { updatedAt: row.updated_at, ...(row.source !== null ? { source: row.source, sourceId: row.source_id ?? undefined } : {}) };
  }

  setRecordSource(id: string, source: string | undefined, sourceId: string | undefined): void {
    // Another record here with the same source (the same export imported on both computers under other ids):
    // the unique index would refuse it; that one keeps the mark, this one is kept without it.
    const clash = source !== undefined && this.d.stmt('SELECT 1 FROM records WHERE source = ? AND source_id IS ? AND id <> ?').get(source, sourceId ?? null, id);
    this.d.stmt('UPDATE records SET source = ?, source_id = ? WHERE id = ?').run(clash ? null : source ?? null, clash ? null : sourceId ?? null, id);
  }

  replaceReratings(id: string, ratings: SyncRating[]): void {
    const seq = (this.d.stmt('SELECT seq FROM records WHERE id = ?').get(id) as { seq: number } | undefined)?.seq;
    if (seq === undefined) return;
    this.d.stmt('DELETE FROM record_ratings WHERE record_seq = ?').run(seq);
    const ins = this.d.stmt('INSERT INTO record_ratings (record_seq, at, belief_after, emotions) VALUES (?, ?, ?, ?)');
    for (const r of ratings) ins.run(seq, r.at, r.beliefAfter ?? null, r.emotions?.length ? JSON.stringify(r.emotions) : null);
  }

  setRecordBelief(recordId: string, beliefId: string | undefined): void {
    if (beliefId !== undefined && this.d.stmt('SELECT 1 FROM beliefs WHERE id = ?').get(beliefId)) {
      this.d.stmt('INSERT INTO record_beliefs (record_id, belief_id) VALUES (?, ?) ON CONFLICT (record_id) DO UPDATE SET belief_id = excluded.belief_id')
        .run(recordId, beliefId);
    } else {
      this.d.stmt('DELETE FROM record_beliefs WHERE record_id = ?').run(recordId);
    }
  }

  putBelief(b: { id: string; createdAt: string; updatedAt: string; text: string; type: string; alternative?: string;
    ratings: { at: string; conviction: number; alternativeConviction?: number }[]; evidence: { at: string; text: string }[] }): void {
    this.d.stmt(`INSERT INTO beliefs (id, created_at, updated_at, text, type, alternative) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, updated_at = excluded.updated_at, text = excluded.text,
        type = excluded.type, alternative = excluded.alternative`).run(b.id, b.createdAt, b.updatedAt, b.text, b.type, b.alternative ?? null);
    this.d.stmt('DELETE FROM belief_ratings WHERE belief_id = ?').run(b.id);
    this.d.stmt('DELETE FROM belief_evidence WHERE belief_id = ?').run(b.id);
    const r = this.d.stmt('INSERT INTO belief_ratings (belief_id, at, conviction, alternative_conviction) VALUES (?, ?, ?, ?)');
    for (const x of b.ratings) r.run(b.id, x.at, x.conviction, x.alternativeConviction ?? null);
    const e = this.d.stmt('INSERT INTO belief_evidence (belief_id, at, text) VALUES (?, ?, ?)');
    for (const x of b.evidence) e.run(b.id, x.at, x.text);
  }

  deleteBelief(id: string): void { this.d.stmt('DELETE FROM beliefs WHERE id = ?').run(id); }
  deleteExperiment(id: string): void { this.d.stmt('DELETE FROM experiments WHERE id = ?').run(id); }

  putFollowUp(f: { record: string; at: string; text: string }): void {
    this.d.stmt('INSERT INTO followups (record_id, at, text) VALUES (?, ?, ?) ON CONFLICT (record_id) DO UPDATE SET at = excluded.at, text = excluded.text')
      .run(f.record, f.at, f.text);
  }

  deleteFollowUp(recordId: string): void { this.d.stmt('DELETE FROM followups WHERE record_id = ?').run(recordId); }

  checkinRow(id: string): Record<string, unknown> | undefined {
    return this.d.stmt('SELECT id, created_at, mood, words, prompt_id, answer, source, source_id, mood_label, tags FROM checkins WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  }

  putCheckin(c: { id: string; createdAt: string; mood: number; words?: string; promptId?: string; answer?: string;
    source?: string; sourceId?: string; moodLabel?: string; tags?: string[] }): void {
    const clash = c.source !== undefined && this.d.stmt('SELECT 1 FROM checkins WHERE source = ? AND source_id IS ? AND id <> ?').get(c.source, c.sourceId ?? null, c.id);
    this.d.stmt(`INSERT INTO checkins (id, created_at, mood, words, prompt_id, answer, source, source_id, mood_label, tags)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, mood = excluded.mood,
        words = excluded.words, prompt_id = excluded.prompt_id, answer = excluded.answer, source = excluded.source,
        source_id = excluded.source_id, mood_label = excluded.mood_label, tags = excluded.tags`)
      .run(c.id, c.createdAt, c.mood, c.words ?? null, c.promptId ?? null, c.answer ?? null, clash ? null : c.source ?? null,
        clash ? null : c.sourceId ?? null, c.moodLabel ?? null, c.tags?.length ? JSON.stringify(c.tags) : null);
  }

  deleteCheckin(id: string): void { this.d.stmt('DELETE FROM checkins WHERE id = ?').run(id); }
  deletePlan(): void { this.d.stmt('DELETE FROM safety_plan WHERE id = 1').run(); }
}
