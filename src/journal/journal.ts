// The journal is a repository: rows <-> domain objects only happen in this folder.
import type { Statement } from 'better-sqlite3';
import { writeSync } from 'node:fs';
import type { DB } from './open';
import { journalFailure } from './open';
import type { ThoughtRecord } from '../domain/record';
import { savedText, type SavedText } from './saved-text';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { buildListQuery, type ListFilters } from './query';
import { MonthSums, partFacts, type PartFacts } from './stats';
import { checkNoRestore, retryAfterRestore, retryAfterRestoreAsync } from './restore-lock';

interface RecordRow {
  seq: number;
  id: string;
  created_at: string;
  occurred_at: string;
  situation: string;
  thought: string;
  belief_before: number | null;
  reframe: string | null;
  reframe_belief: number | null;
  belief_after: number | null;
  action_plan: string | null;
}

export interface Draft {
  id: string;
  kind: string;
  targetId?: string;
  createdAt: string;
  updatedAt: string;
  data: unknown;
}

export interface Checkin {
  id: string;
  createdAt: string;
  mood: number;
  words?: string;
  promptId?: string;
}

const n2u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** A record's time, ratings and patterns (Journal.iterateRatings). */
export type RecordRatings = Pick<ThoughtRecord, 'occurredAt' | 'beliefBefore' | 'beliefAfter' | 'emotions' | 'distortions'>;

/**
 * For the crash tests only (test/faults/crash.test.ts): REFRAME_TEST_SLOW_WRITE_MS=N holds every record's
 * save open for N ms between its row and its parts, after saying so on stderr, so a kill -9 can land inside
 * the transaction. Ignored unless set.
 */
const TEST_SLOW_WRITE_MS = Number(process.env.REFRAME_TEST_SLOW_WRITE_MS) || 0;
function testPauseInsideSave(): void {
  writeSync(2, 'reframe-test: inside a save\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, TEST_SLOW_WRITE_MS);
}

// The text columns a record is saved with (JSON lists, searchable text) are worked out in saved-text.ts.
export { ftsBody, savedText, type SavedText } from './saved-text';

export class Journal {
  private stmts = new Map<string, Statement>();
  /** Inside write(): what the records saved so far add to the monthly sums, written as it ends (once, however many). */
  private saved: MonthSums | undefined;

  /** Set when the journal can only be read (an upgrade without room: upgrade-space.ts); writes throw it. */
  readOnlyBecause: Error | undefined;

  constructor(readonly db: DB, readonly path: string) {}

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, made once per process. */
  stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /**
   * An error from a read or a write, as the person should hear it. SQLite's own errors and file-system errors
   * are about the journal; anything else (a UsageError, a bug, a worker thread out of memory) passes through
   * unchanged, so nobody is told to restore a journal that is fine.
   */
  private failure(err: unknown): unknown {
    if (err instanceof Error && (err.name === 'SqliteError' || (err as NodeJS.ErrnoException).syscall)) return journalFailure(this.path, err);
    return err;
  }

  /** Run fn in one immediate (write-locked) transaction; SQLite errors become plain JournalErrors. */
  write<T>(fn: () => T): T {
    if (this.readOnlyBecause) throw this.readOnlyBecause;
    try {
      if (this.saved) {
        // Inside another write(), this is a savepoint: what the outer one saved so far is added to the monthly
        // sums first, so that this one may change those records (update, delete), and a rollback of this one
        // alone leaves the sums right.
        this.addSaved();
        return this.db.transaction(() => {
          try {
            return fn();
          } catch (err) {
            this.saved = new MonthSums(); // rolled back with their rows
            throw err;
          }
        })();
      }
      // Waits for a `backup --restore` under way, then saves into the restored journal (restore-lock.ts).
      return retryAfterRestore(this.path, () => this.db.transaction(() => {
        checkNoRestore(this.path);
        this.saved = new MonthSums();
        try {
          const out = fn();
          this.addSaved();
          return out;
        } finally {
          this.saved = undefined;
        }
      }).immediate());
    } catch (err) {
      throw this.failure(err);
    }
  }

  /**
   * write() for work that waits in between (an import saving records as another thread checks them): one
   * immediate transaction around all of fn, committed when it resolves, rolled back when it throws. Nothing
   * else may use this journal while fn waits.
   */
  async writeAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readOnlyBecause) throw this.readOnlyBecause;
    return retryAfterRestoreAsync(this.path, () => this.writeAsyncOnce(fn));
  }

  private async writeAsyncOnce<T>(fn: () => Promise<T>): Promise<T> {
    if (this.saved || this.db.inTransaction) throw new Error('writeAsync inside another transaction');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw journalFailure(this.path, err);
    }
    try {
      checkNoRestore(this.path);
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    this.saved = new MonthSums();
    try {
      const out = await fn();
      this.addSaved();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) {
        try { this.db.exec('ROLLBACK'); } catch { /* SQLite rolled it back itself */ }
      }
      throw this.failure(err);
    } finally {
      this.saved = undefined;
    }
  }

  /** Run a read; SQLite errors become plain JournalErrors. */
  read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.failure(err);
    }
  }

  // ---- records -------------------------------------------------------------------------------

  private insertRow(r: ThoughtRecord, updatedAt: string): number {
    const info = this.stmt(
      `INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought, belief_before,
         reframe, reframe_belief, belief_after, action_plan)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.createdAt, r.occurredAt, updatedAt, r.situation, r.thought, r.beliefBefore ?? null,
      r.reframe ?? null, r.reframeBelief ?? null, r.beliefAfter ?? null, r.actionPlan ?? null);
    return Number(info.lastInsertRowid);
  }

  private insertParts(seq: number, r: ThoughtRecord, t: SavedText): PartFacts {
    // Stats facts (migration 4): the record's time and relief ride on each part row (first uses only), for covering
    // indexes. (Plain loops and arguments: an import runs this for every part of every record.)
    const f = partFacts(r);
    const at = r.occurredAt;
    const em = this.stmt('INSERT INTO emotions (record_seq, position, name, before, after, occurred_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < r.emotions.length; i++) {
      const e = r.emotions[i];
      em.run(seq, i, e.name, e.before, e.after ?? null, f.emotionFirst[i] ? at : null);
    }
    const di = this.stmt(`INSERT INTO record_distortions (record_seq, position, distortion_id, occurred_at, belief_relief,
      emotion_relief, emotion_rated) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < r.distortions.length; i++) {
      if (f.distortionFirst[i]) di.run(seq, i, r.distortions[i], at, f.beliefRelief, f.emotionRelief, f.emotionRated);
      else di.run(seq, i, r.distortions[i], null, null, null, null);
    }
    const tg = this.stmt(`INSERT INTO tags (record_seq, position, tag, occurred_at, belief_relief, emotion_relief, emotion_rated)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < r.tags.length; i++) {
      if (f.tagFirst[i]) tg.run(seq, i, r.tags[i], at, f.beliefRelief, f.emotionRelief, f.emotionRated);
      else tg.run(seq, i, r.tags[i], null, null, null, null);
    }
    // The free-text lists, one row for all of them (migration 7); none when all are empty.
    if (t.otherThoughts !== null || t.evidenceFor !== null || t.evidenceAgainst !== null || t.answers !== null) {
      this.stmt('INSERT INTO record_lists (record_seq, other_thoughts, evidence_for, evidence_against, answers) VALUES (?, ?, ?, ?, ?)')
        .run(seq, t.otherThoughts, t.evidenceFor, t.evidenceAgainst, t.answers);
    }
    this.stmt('INSERT INTO records_fts (rowid, body) VALUES (?, ?)').run(seq, t.body);
    return f;
  }


  private deleteParts(seq: number): void {
    for (const t of ['emotions', 'record_distortions', 'tags', 'record_lists']) {
      this.stmt(`DELETE FROM ${t} WHERE record_seq = ?`).run(seq);
    }
    this.stmt('DELETE FROM records_fts WHERE rowid = ?').run(seq);
  }

  /**
   * Add (sign 1) or take away (sign -1) these records in the monthly stats sums (migration 6): their row, and
   * the part rows that count (first uses, with occurred_at set), grouped by month. Always inside the write
   * that changes them, so the sums can never disagree with the rows.
   */
  /** Add the records saved so far in this write() to the monthly sums. */
  private addSaved(): void {
    const m = this.saved;
    if (!m?.size) return;
    const records = this.stmt(`INSERT INTO stats_month_records VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (month) DO UPDATE SET records = records + excluded.records,
        belief_before_sum = belief_before_sum + excluded.belief_before_sum, belief_before_n = belief_before_n + excluded.belief_before_n,
        belief_after_sum = belief_after_sum + excluded.belief_after_sum, belief_after_n = belief_after_n + excluded.belief_after_n,
        belief_both = belief_both + excluded.belief_both`);
    for (const b of m.months.values()) records.run(b.month, ...b.records);
    const keys = this.stmt(`INSERT INTO stats_month_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, key, month) DO UPDATE SET records = records + excluded.records,
        belief_relief_sum = belief_relief_sum + excluded.belief_relief_sum, belief_rated = belief_rated + excluded.belief_rated,
        emotion_relief_sum = emotion_relief_sum + excluded.emotion_relief_sum, emotion_rated = emotion_rated + excluded.emotion_rated`);
    for (const b of m.months.values()) {
      for (const [k, x] of b.distortion) keys.run('distortion', k, b.month, ...x);
      for (const [k, x] of b.tag) keys.run('tag', k, b.month, ...x);
    }
    const emotions = this.stmt(`INSERT INTO stats_month_emotions VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (name, month) DO UPDATE SET records = records + excluded.records, before_sum = before_sum + excluded.before_sum,
        after_sum = after_sum + excluded.after_sum, after_n = after_n + excluded.after_n`);
    for (const b of m.months.values()) for (const [name, x] of b.emotions) emotions.run(name, b.month, ...x);
    this.saved = new MonthSums();
  }

  private monthly(sign: 1 | -1, seqs: number[]): void {
    // Records saved in one write have consecutive seqs: one range (runs of them, should they ever not).
    for (let i = 0; i < seqs.length;) {
      let j = i;
      while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
      this.monthlyRange(sign, seqs[i], seqs[j]);
      i = j + 1;
    }
  }

  private monthlyRange(sign: 1 | -1, lo: number, hi: number): void {
    const which = 'BETWEEN @lo AND @hi';
    const params = { sign, lo, hi };
    this.stmt(`INSERT INTO stats_month_records
        SELECT substr(occurred_at, 1, 7), @sign * count(*), @sign * coalesce(sum(belief_before), 0), @sign * count(belief_before),
          @sign * coalesce(sum(belief_after), 0), @sign * count(belief_after), @sign * count(belief_before - belief_after)
        FROM records WHERE seq ${which} GROUP BY 1
      ON CONFLICT (month) DO UPDATE SET records = records + excluded.records,
        belief_before_sum = belief_before_sum + excluded.belief_before_sum, belief_before_n = belief_before_n + excluded.belief_before_n,
        belief_after_sum = belief_after_sum + excluded.belief_after_sum, belief_after_n = belief_after_n + excluded.belief_after_n,
        belief_both = belief_both + excluded.belief_both`).run(params);
    for (const [kind, table, col] of [['distortion', 'record_distortions', 'distortion_id'], ['tag', 'tags', 'tag']]) {
      this.stmt(`INSERT INTO stats_month_keys
          SELECT '${kind}', ${col}, substr(occurred_at, 1, 7), @sign * count(*), @sign * coalesce(sum(belief_relief), 0),
            @sign * count(belief_relief), @sign * coalesce(sum(emotion_relief), 0), @sign * coalesce(sum(emotion_rated), 0)
          FROM ${table} WHERE record_seq ${which} AND occurred_at IS NOT NULL GROUP BY 2, 3
        ON CONFLICT (kind, key, month) DO UPDATE SET records = records + excluded.records,
          belief_relief_sum = belief_relief_sum + excluded.belief_relief_sum, belief_rated = belief_rated + excluded.belief_rated,
          emotion_relief_sum = emotion_relief_sum + excluded.emotion_relief_sum, emotion_rated = emotion_rated + excluded.emotion_rated`).run(params);
    }
    this.stmt(`INSERT INTO stats_month_emotions
        SELECT name, substr(occurred_at, 1, 7), @sign * count(*), @sign * sum(before), @sign * coalesce(sum(after), 0), @sign * count(after)
        FROM emotions WHERE record_seq ${which} AND occurred_at IS NOT NULL GROUP BY 1, 2
      ON CONFLICT (name, month) DO UPDATE SET records = records + excluded.records, before_sum = before_sum + excluded.before_sum,
        after_sum = after_sum + excluded.after_sum, after_n = after_n + excluded.after_n`).run(params);
  }

  /** Insert one record (call inside write() to group several); `text` when worked out already (savedText). */
  insertRaw(r: ThoughtRecord, updatedAt = r.createdAt, text = savedText(r)): void {
    const seq = this.insertRow(r, updatedAt);
    if (TEST_SLOW_WRITE_MS > 0) testPauseInsideSave();
    const f = this.insertParts(seq, r, text);
    if (this.saved) this.saved.add(r, f); // added to the monthly sums once, as the write() ends
    else this.monthly(1, [seq]);
  }

  /** Save a new record in one transaction; optionally drop the draft it came from in the same one. */
  insert(r: ThoughtRecord, opts: { draftId?: string } = {}): void {
    this.write(() => {
      this.insertRaw(r);
      if (opts.draftId) this.stmt('DELETE FROM drafts WHERE id = ?').run(opts.draftId);
    });
  }

  /** Replace a record's contents, keeping its id and creation time. */
  update(r: ThoughtRecord, updatedAt: string, opts: { draftId?: string } = {}): void {
    this.write(() => {
      const row = this.stmt('SELECT seq FROM records WHERE id = ?').get(r.id) as { seq: number } | undefined;
      if (!row) throw new UsageError(msg.errors.noRecord(r.id), msg.errors.noRecordHint);
      this.monthly(-1, [row.seq]); // as it was; added back as it is now below
      this.stmt(
        `UPDATE records SET occurred_at = ?, updated_at = ?, situation = ?, thought = ?, belief_before = ?,
           reframe = ?, reframe_belief = ?, belief_after = ?, action_plan = ? WHERE seq = ?`,
      ).run(r.occurredAt, updatedAt, r.situation, r.thought, r.beliefBefore ?? null, r.reframe ?? null,
        r.reframeBelief ?? null, r.beliefAfter ?? null, r.actionPlan ?? null, row.seq);
      this.deleteParts(row.seq);
      this.insertParts(row.seq, r, savedText(r));
      this.monthly(1, [row.seq]);
      if (opts.draftId) this.stmt('DELETE FROM drafts WHERE id = ?').run(opts.draftId);
    });
  }

  delete(id: string): boolean {
    return this.write(() => {
      const row = this.stmt('SELECT seq FROM records WHERE id = ?').get(id) as { seq: number } | undefined;
      if (!row) return false;
      this.monthly(-1, [row.seq]);
      this.deleteParts(row.seq);
      this.stmt('DELETE FROM records WHERE seq = ?').run(row.seq);
      return true;
    });
  }

  has(id: string): boolean {
    return this.read(() => this.stmt('SELECT 1 FROM records WHERE id = ?').get(id) !== undefined);
  }

  /** Which of these ids the journal holds: one query for a whole batch (an import checks thousands). */
  holding(ids: string[]): Set<string> {
    if (ids.length === 0) return new Set();
    return this.read(() => new Set(this.stmt('SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))')
      .pluck().all(JSON.stringify(ids)) as string[]));
  }

  /** Whether any record names this pattern id (one that left the library may still be in old records). */
  usesDistortion(id: string): boolean {
    return this.read(() => this.stmt('SELECT 1 FROM record_distortions WHERE distortion_id = ? LIMIT 1').get(id) !== undefined);
  }

  count(): number {
    return this.read(() => (this.stmt('SELECT count(*) AS n FROM records').get() as { n: number }).n);
  }

  /** Find the one record an id or a unique prefix of 6+ characters names. */
  resolveId(prefix: string): string {
    const p = prefix.trim();
    if (p.length < 6) throw new UsageError(msg.errors.shortId, msg.errors.noRecordHint);
    const candidates = new Set<string>();
    for (const form of new Set([p, p.toUpperCase(), p.toLowerCase()])) {
      const rows = this.read(() =>
        this.stmt('SELECT id FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT 3').all(form, form + '\uffff'),
      ) as { id: string }[];
      rows.forEach((r) => candidates.add(r.id));
    }
    if (candidates.size === 0) throw new UsageError(msg.errors.noRecord(p), msg.errors.noRecordHint);
    if (candidates.size > 1) throw new UsageError(msg.errors.ambiguousId(p, candidates.size), msg.errors.ambiguousIdHint);
    return [...candidates][0];
  }

  get(id: string): ThoughtRecord | undefined {
    return this.read(() => {
      const row = this.stmt('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
      return row ? this.hydrate([row])[0] : undefined;
    });
  }

  /** How many records match the filters (for progress bars). */
  countMatching(filters: ListFilters = {}): number {
    const q = buildListQuery(filters);
    try {
      return (this.db.prepare(`SELECT count(*) AS n FROM (${q.sql})`).get(...q.params) as { n: number }).n;
    } catch (err) {
      if (filters.search !== undefined && /fts5|syntax|no such column|unterminated|malformed MATCH/i.test(String((err as Error).message ?? ''))) {
        throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
      }
      throw journalFailure(this.path, err);
    }
  }

  /**
   * Run fn inside one read transaction, so every read in it (several iterate() passes, across awaits)
   * sees the same snapshot while other processes keep writing (WAL readers never block writers).
   */
  async readSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn();
    this.read(() => this.db.exec('BEGIN DEFERRED'));
    try {
      return await fn();
    } finally {
      if (this.db.inTransaction) this.read(() => this.db.exec('COMMIT'));
    }
  }

  /** Records matching the filters, newest first. */
  list(filters: ListFilters = {}): ThoughtRecord[] {
    return [...this.iterate(filters)];
  }

  /**
   * Records matching the filters, newest first, fetched in batches so memory stays flat (small batches: fewer
   * objects live at once means a smaller heap; an export of 100,000 records peaks ~40 MB lower than at 500).
   */
  *iterate(filters: ListFilters = {}, batchSize = 100): Generator<ThoughtRecord> {
    for (const chunk of this.matchingBatches(filters, batchSize)) {
      const rows = this.read(() => this.fetchRows(chunk));
      yield* this.read(() => this.hydrate(rows));
    }
  }

  /**
   * The same records as iterate(), with only their time, ratings and patterns: no text. For summaries over
   * a whole export, which then read a third of what whole records take.
   */
  *iterateRatings(filters: ListFilters = {}, batchSize = 100): Generator<RecordRatings> {
    for (const chunk of this.matchingBatches(filters, batchSize)) {
      yield* this.read(() => {
        const rows = new Map(this.forSeqs<{ seq: number; occurred_at: string; belief_before: number | null; belief_after: number | null }>(
          'SELECT seq, occurred_at, belief_before, belief_after FROM records WHERE seq $IN', chunk).map((r) => [r.seq, r]));
        const emotions = this.partsOf<[name: string, before: number, after: number | null]>(
          'SELECT record_seq, name, before, after FROM emotions WHERE record_seq $IN ORDER BY record_seq, position', chunk);
        const distortions = this.partsOf<[id: string]>(
          'SELECT record_seq, distortion_id FROM record_distortions WHERE record_seq $IN ORDER BY record_seq, position', chunk);
        return chunk.filter((seq) => rows.has(seq)).map((seq) => {
          const row = rows.get(seq)!;
          return {
            occurredAt: row.occurred_at,
            beliefBefore: n2u(row.belief_before),
            beliefAfter: n2u(row.belief_after),
            emotions: (emotions.get(seq) ?? []).map(([name, before, after]) => ({ name, before, after: n2u(after) })),
            distortions: (distortions.get(seq) ?? []).map(([id]) => id),
          };
        });
      });
    }
  }

  /** The seqs of the records matching the filters, in their order, in batches. */
  private *matchingBatches(filters: ListFilters, batchSize: number): Generator<number[]> {
    const q = buildListQuery(filters);
    let seqs: number[];
    try {
      seqs = (this.db.prepare(q.sql).pluck().all(...q.params) as number[]);
    } catch (err) {
      const m = String((err as Error).message ?? '');
      if (filters.search !== undefined && /fts5|syntax|no such column|unterminated|malformed MATCH/i.test(m)) {
        throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
      }
      throw journalFailure(this.path, err);
    }
    for (let i = 0; i < seqs.length; i += batchSize) yield seqs.slice(i, i + batchSize);
  }

  /**
   * Rows of `sql` (which says `seq $IN` or `record_seq $IN`) for a batch of seqs. Records are mostly read in the
   * order they were written, so a batch is usually a run of neighbours: then it is one range (a seek and a scan,
   * with a statement prepared once) instead of a seek per seq. The range may hold rows of records outside the
   * batch; callers pick theirs by seq. `raw`: rows as arrays, in the order of the columns selected (a third
   * faster to read than objects, which counts when an export reads every part of every record).
   */
  private forSeqs<T>(sql: string, seqs: number[], raw = false): T[] {
    let min = Infinity;
    let max = -Infinity;
    for (const s of seqs) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    if (max - min < seqs.length * 2) return this.stmt(sql.replace('$IN', 'BETWEEN ? AND ?')).raw(raw).all(min, max) as T[];
    return this.db.prepare(sql.replace('$IN', `IN (${seqs.map(() => '?').join(',')})`)).raw(raw).all(...seqs) as T[];
  }

  private fetchRows(seqs: number[]): RecordRow[] {
    if (seqs.length === 0) return [];
    const rows = this.forSeqs<RecordRow>('SELECT * FROM records WHERE seq $IN', seqs);
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.map((s) => bySeq.get(s)).filter((r): r is RecordRow => r !== undefined);
  }

  /** Part rows of a batch of records, by record: `sql` selects record_seq first, then the part's columns. */
  private partsOf<T extends unknown[]>(sql: string, seqs: number[]): Map<number, T[]> {
    const m = new Map<number, T[]>();
    for (const [seq, ...rest] of this.forSeqs<[number, ...T]>(sql, seqs, true)) {
      let list = m.get(seq);
      if (!list) m.set(seq, (list = []));
      list.push(rest as unknown as T);
    }
    return m;
  }

  /** Rows -> records, fetching every part for the whole batch at once. */
  private hydrate(rows: RecordRow[]): ThoughtRecord[] {
    if (rows.length === 0) return [];
    const seqs = rows.map((r) => r.seq);
    const emotions = this.partsOf<[name: string, before: number, after: number | null]>(
      'SELECT record_seq, name, before, after FROM emotions WHERE record_seq $IN ORDER BY record_seq, position', seqs);
    const distortions = this.partsOf<[id: string]>(
      'SELECT record_seq, distortion_id FROM record_distortions WHERE record_seq $IN ORDER BY record_seq, position', seqs);
    const tags = this.partsOf<[tag: string]>(
      'SELECT record_seq, tag FROM tags WHERE record_seq $IN ORDER BY record_seq, position', seqs);
    const lists = this.partsOf<[otherThoughts: string | null, evidenceFor: string | null, evidenceAgainst: string | null, answers: string | null]>(
      'SELECT record_seq, other_thoughts, evidence_for, evidence_against, answers FROM record_lists WHERE record_seq $IN', seqs);
    const list = (json: string | null | undefined): string[] => (json == null ? [] : JSON.parse(json) as string[]);

    return rows.map((row) => {
      const [ot, ef, ea, an] = lists.get(row.seq)?.[0] ?? [];
      const rec: ThoughtRecord = {
        id: row.id,
        createdAt: row.created_at,
        occurredAt: row.occurred_at,
        situation: row.situation,
        emotions: (emotions.get(row.seq) ?? []).map(([name, before, after]) => ({ name, before, after: n2u(after) })),
        thought: row.thought,
        beliefBefore: n2u(row.belief_before),
        otherThoughts: list(ot),
        distortions: (distortions.get(row.seq) ?? []).map(([id]) => id),
        evidenceFor: list(ef),
        evidenceAgainst: list(ea),
        answers: an == null ? [] : (JSON.parse(an) as [string, string][]).map(([question, answer]) => ({ question, answer })),
        reframe: n2u(row.reframe),
        reframeBelief: n2u(row.reframe_belief),
        beliefAfter: n2u(row.belief_after),
        actionPlan: n2u(row.action_plan),
        tags: (tags.get(row.seq) ?? []).map(([tag]) => tag),
      };
      return rec;
    });
  }

  /** The hot thoughts of the newest records that name patterns, with those patterns (for suggestions). */
  recentThoughtsWithDistortions(limit = 500): { thought: string; distortions: string[] }[] {
    const rows = this.read(() => this.stmt(
      `WITH recent AS (
         SELECT r.seq, r.thought FROM records r
         WHERE EXISTS (SELECT 1 FROM record_distortions d WHERE d.record_seq = r.seq)
         ORDER BY r.seq DESC LIMIT ?)
       SELECT recent.seq AS seq, recent.thought AS thought, d.distortion_id AS id
       FROM recent JOIN record_distortions d ON d.record_seq = recent.seq
       ORDER BY recent.seq DESC, d.position`,
    ).all(Math.max(0, Math.floor(limit)))) as { seq: number; thought: string; id: string }[];
    const out: { thought: string; distortions: string[] }[] = [];
    let last: number | undefined;
    for (const row of rows) {
      if (row.seq !== last) {
        out.push({ thought: row.thought, distortions: [] });
        last = row.seq;
      }
      const cur = out[out.length - 1];
      if (!cur.distortions.includes(row.id)) cur.distortions.push(row.id);
    }
    return out;
  }

  // ---- drafts --------------------------------------------------------------------------------

  saveDraft(d: Draft): void {
    this.write(() => {
      this.stmt(
        `INSERT INTO drafts (id, kind, target_id, created_at, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, data = excluded.data`,
      ).run(d.id, d.kind, d.targetId ?? null, d.createdAt, d.updatedAt, JSON.stringify(d.data));
    });
  }

  /** The newest draft of a kind (and target, for edits). */
  latestDraft(kind: string, targetId?: string): Draft | undefined {
    const row = this.read(() =>
      (targetId === undefined
        ? this.stmt('SELECT * FROM drafts WHERE kind = ? ORDER BY updated_at DESC LIMIT 1').get(kind)
        : this.stmt('SELECT * FROM drafts WHERE kind = ? AND target_id = ? ORDER BY updated_at DESC LIMIT 1').get(kind, targetId)),
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
    this.write(() => this.stmt('DELETE FROM drafts WHERE id = ?').run(id));
  }

  listDrafts(): { id: string; kind: string; targetId?: string; updatedAt: string }[] {
    return this.read(() => this.stmt('SELECT id, kind, target_id, updated_at FROM drafts ORDER BY updated_at DESC').all() as {
      id: string; kind: string; target_id: string | null; updated_at: string;
    }[]).map((r) => ({ id: r.id, kind: r.kind, targetId: n2u(r.target_id), updatedAt: r.updated_at }));
  }

  // ---- check-ins -----------------------------------------------------------------------------

  insertCheckin(c: Checkin): void {
    this.write(() => {
      this.stmt('INSERT INTO checkins (id, created_at, mood, words, prompt_id) VALUES (?, ?, ?, ?, ?)')
        .run(c.id, c.createdAt, c.mood, c.words ?? null, c.promptId ?? null);
    });
  }

  checkins(since?: string, until?: string): Checkin[] {
    const rows = this.read(() => this.stmt(
      'SELECT id, created_at, mood, words, prompt_id FROM checkins WHERE created_at >= ? AND created_at <= ? ORDER BY created_at',
    ).all(since ?? '', until ?? '\uffff')) as { id: string; created_at: string; mood: number; words: string | null; prompt_id: string | null }[];
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, mood: r.mood, words: n2u(r.words), promptId: n2u(r.prompt_id) }));
  }

  // ---- daily practice (reframe daily) --------------------------------------------------------

  /**
   * Practice per UTC day: the first and last practice time of each UTC day that has one (records by when
   * they happened, check-ins by when they were made). One row per day, so `daily` stays quick on years of
   * records; domain/streak.ts turns these into local days.
   */
  practiceSpans(): { day: string; first: string; last: string }[] {
    return this.read(() => this.stmt(
      `SELECT substr(t, 1, 10) AS day, min(t) AS first, max(t) AS last
       FROM (SELECT occurred_at AS t FROM records UNION ALL SELECT created_at AS t FROM checkins) GROUP BY day`,
    ).all()) as { day: string; first: string; last: string }[];
  }

  /**
   * Practice times (UTC ISO strings) within one UTC day, yyyy-MM-dd: when each record's moment happened and
   * each check-in was made. Times within the same quarter hour are returned once: every UTC offset in use is
   * a multiple of 15 minutes, so a quarter hour never straddles a local midnight.
   */
  practiceTimesOn(day: string): string[] {
    const bucket = (col: string) => `substr(${col}, 1, 14) || printf('%02d', (CAST(substr(${col}, 15, 2) AS INTEGER) / 15) * 15)`;
    const from = `${day}T00:00:00.000Z`;
    const to = `${day}T23:59:59.999Z`;
    const rows = this.read(() => this.stmt(
      `SELECT ${bucket('occurred_at')} AS t FROM records WHERE occurred_at BETWEEN ? AND ?
       UNION SELECT ${bucket('created_at')} AS t FROM checkins WHERE created_at BETWEEN ? AND ?`,
    ).all(from, to, from, to)) as { t: string }[];
    return rows.map((r) => `${r.t}:00.000Z`);
  }

  /** Records written between two instants (inclusive, UTC ISO): how many, and how often each pattern came up. No text. */
  writtenBetween(since: string, until: string): { records: number; distortions: { id: string; count: number }[] } {
    return this.read(() => {
      const records = (this.stmt('SELECT count(*) AS n FROM records WHERE created_at >= ? AND created_at <= ?')
        .get(since, until) as { n: number }).n;
      const distortions = (this.stmt(
        `SELECT d.distortion_id AS id, count(*) AS count FROM record_distortions d JOIN records r ON r.seq = d.record_seq
         WHERE r.created_at >= ? AND r.created_at <= ? GROUP BY d.distortion_id`,
      ).all(since, until) as { id: string; count: number }[]);
      return { records, distortions };
    });
  }
}
