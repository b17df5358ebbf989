// The journal: one facade over small repositories, each in its own file here. Rows <-> domain objects only
// happen in this folder; commands use this class and never SQL.
//   database.ts  the handle: statements prepared once, which errors are about the journal
//   records.ts   a record's row and parts, by id          batches.ts  reading records in batches (list, export)
//   monthly.ts   the monthly stats sums, kept with writes  stats.ts    the SQL behind `reframe stats` (reading)
//   drafts.ts    the guided flow's drafts                  practice.ts check-ins, practice days (daily)
//   safety-plan.ts  the person's safety plan (one row)      sync.ts     sync's rows: device, outbox, versions
// write() is the unit of work: one transaction, and the monthly sums written as it ends.
import type { ThoughtRecord } from '../domain/record';
import type { SafetyPlan } from '../domain/safety-plan';
import type { PracticeSpan } from '../domain/streak';
import type { ListFilters } from './query';
import { RecordBatches, type RecordRatings } from './batches';
import { JournalDb, JournalReplaced } from './database';
import { Drafts, type Draft } from './drafts';
import { MonthSums, MonthlySums } from './monthly';
import { journalFailure, type DB } from './open';
import { Practice, type Checkin } from './practice';
import { Records, type SearchLater } from './records';
import { SafetyPlans } from './safety-plan';
import { Notes, type Note, type NoteFilters, type SourceTable } from './notes';
import { Progress } from './progress';
import { SyncRows, SyncState } from './sync';
import type { SavedText } from './saved-text';
import type { KeySource } from './cipher';
import { checkNoRestore, retryAfterRestore, retryAfterRestoreAsync } from './restore-lock';

export type { Checkin, Draft, RecordRatings, Note, NoteFilters, SourceTable };
// The text columns a record is saved with (JSON lists, searchable text) are worked out in saved-text.ts.
export { ftsBody, savedText, type SavedText } from './saved-text';

export class Journal extends JournalDb {
  private readonly sums = new MonthlySums(this);
  private readonly batches = new RecordBatches(this);
  private readonly records = new Records(this, this.batches, this.sums);
  private readonly drafts = new Drafts(this);
  private readonly practice = new Practice(this);
  private readonly plans = new SafetyPlans(this);
  private readonly notesRoom = new Notes(this);
  /** Re-ratings, beliefs, experiments, follow-ups (progress.ts, migration 11): its methods are used directly. */
  readonly progress = new Progress(this);
  /** Sync through a folder (sync.ts, migration 12; the engine is src/sync/). */
  readonly sync = new SyncState(this);
  /** What applying another device's change writes besides records (sync.ts; inside write()). */
  readonly syncRows = new SyncRows(this);

  /** Is the journal's file encrypted (cipher.ts)? */
  encrypted = false;
  /** Where the passphrase that opened it came from, when encrypted. */
  keySource: KeySource | undefined;
  /** The passphrase that opened it (backups and sync reuse it; never printed). */
  passphrase: string | undefined;

  /** Set when the journal can only be read (an upgrade without room: upgrade-space.ts); writes throw it. */
  readOnlyBecause: Error | undefined;

  constructor(db: DB, path: string) {
    super(db, path);
  }

  /** Run fn in one immediate (write-locked) transaction; SQLite errors become plain JournalErrors. A journal file
   * replaced since it was opened (checkSameFile) is opened again and the write done there, once. */
  write<T>(fn: () => T): T {
    try {
      return this.writeOnce(fn);
    } catch (err) {
      if (!(err instanceof JournalReplaced)) throw err;
      this.reconnect();
      return this.writeOnce(fn);
    }
  }

  private writeOnce<T>(fn: () => T): T {
    if (this.readOnlyBecause) throw this.readOnlyBecause;
    try {
      if (this.sums.pending) {
        // Inside another write(), this is a savepoint: what the outer one saved so far is added to the monthly
        // sums first, so that this one may change those records (update, delete), and a rollback of this one
        // alone leaves the sums right.
        this.sums.flush();
        return this.db.transaction(() => {
          try {
            return fn();
          } catch (err) {
            this.sums.pending = new MonthSums(); // rolled back with their rows
            throw err;
          }
        })();
      }
      // Waits for a `backup --restore` under way, then saves into the restored journal (restore-lock.ts).
      return retryAfterRestore(this.path, () => this.db.transaction(() => {
        checkNoRestore(this.path);
        this.checkSameFile();
        this.sums.pending = new MonthSums();
        try {
          const out = fn();
          this.sums.flush();
          return out;
        } finally {
          this.sums.pending = undefined;
        }
      }).immediate());
    } catch (err) {
      if (err instanceof JournalReplaced) throw err;
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
    try {
      return await retryAfterRestoreAsync(this.path, () => this.writeAsyncOnce(fn));
    } catch (err) {
      // Found before fn ran (the transaction was rolled back at once): opened again, and fn run there.
      if (!(err instanceof JournalReplaced)) throw err;
      this.reconnect();
      return retryAfterRestoreAsync(this.path, () => this.writeAsyncOnce(fn));
    }
  }

  private async writeAsyncOnce<T>(fn: () => Promise<T>): Promise<T> {
    if (this.sums.pending || this.db.inTransaction) throw new Error('writeAsync inside another transaction');
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      throw journalFailure(this.path, err);
    }
    try {
      checkNoRestore(this.path);
      this.checkSameFile();
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    this.sums.pending = new MonthSums();
    try {
      const out = await fn();
      this.sums.flush();
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) {
        try { this.db.exec('ROLLBACK'); } catch { /* SQLite rolled it back itself */ }
      }
      throw this.failure(err);
    } finally {
      this.sums.pending = undefined;
    }
  }

  // ---- records -------------------------------------------------------------------------------

  /** Insert one record (call inside write() to group several); `text` when worked out already (savedText).
   * `searchLater`: the record's search text is left there for indexSearch() instead of indexed now (imports). */
  insertRaw(r: ThoughtRecord, updatedAt = r.createdAt, text?: SavedText, searchLater?: SearchLater): void {
    this.records.insertRaw(r, updatedAt, text, searchLater);
  }

  /** SQLite's temporary data (statement journals, sorts) in memory on this connection, never in temporary files
   * (an encrypted journal always has this: see cipher.ts applyKey). Outside a transaction only. */
  keepTemporaryInMemory(): void {
    this.db.pragma('temp_store = MEMORY');
  }

  /**
   * For a first import into a new journal, inside its transaction: sets aside the triggers every added record fires
   * (its day in practice_days; the sync outbox, which a journal not capturing changes leaves alone) and returns
   * what puts them back as they were, after writing every record's practice day at once (migration 13's own query).
   * A record's triggers cost an upsert, a look at sync_self and a statement journal: ~0.6 s of an import of
   * 100,000 records. Nothing is set aside (the function returned does nothing) when this journal captures changes
   * for sync: its outbox keeps each record's own time. A rollback puts the triggers back by itself.
   */
  setRecordTriggersAside(): () => void {
    if (this.db.prepare('SELECT capture FROM sync_self').pluck().get() === 1) return () => {};
    const triggers = this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
        AND name IN ('practice_records_insert', 'sync_records_insert') ORDER BY rowid`).all() as { name: string; sql: string }[];
    for (const t of triggers) this.db.exec(`DROP TRIGGER "${t.name}"`);
    return () => {
      if (triggers.some((t) => t.name === 'practice_records_insert')) {
        this.db.exec(`INSERT INTO practice_days (kind, day, first, last)
          SELECT 'record', substr(occurred_at, 1, 10), min(occurred_at), max(occurred_at) FROM records WHERE true
          GROUP BY substr(occurred_at, 1, 10)
          ON CONFLICT (kind, day) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last)`);
      }
      for (const t of triggers) this.db.exec(t.sql);
    };
  }

  /** Index the search texts insertRaw left for later, in this transaction, and empty the list. */
  indexSearch(later: SearchLater): void {
    this.records.indexSearch(later);
  }

  /** Save a new record in one transaction; optionally drop the draft it came from in the same one. */
  insert(r: ThoughtRecord, opts: { draftId?: string } = {}): void {
    this.write(() => {
      this.records.insertRaw(r);
      if (opts.draftId) this.drafts.deleteRaw(opts.draftId);
    });
  }

  /** Replace a record's contents, keeping its id and creation time. */
  update(r: ThoughtRecord, updatedAt: string, opts: { draftId?: string } = {}): void {
    this.write(() => {
      this.records.replace(r, updatedAt);
      if (opts.draftId) this.drafts.deleteRaw(opts.draftId);
    });
  }

  /** update() and delete() inside a write() already under way (sync applying many at once): no savepoint each. */
  updateRaw(r: ThoughtRecord, updatedAt: string): void { this.records.replace(r, updatedAt); }
  deleteRaw(id: string): boolean {
    this.progress.unlinkRecord(id);
    return this.records.remove(id);
  }

  delete(id: string): boolean {
    return this.write(() => {
      this.progress.unlinkRecord(id); // its re-ratings go with its row (ON DELETE CASCADE)
      return this.records.remove(id);
    });
  }

  has(id: string): boolean { return this.records.has(id); }
  /** Which of these ids the journal holds: one query for a whole batch (an import checks thousands). */
  holding(ids: string[]): Set<string> { return this.records.holding(ids); }
  /** Whether any record names this pattern id (one that left the library may still be in old records). */
  usesDistortion(id: string): boolean { return this.records.usesDistortion(id); }
  count(): number { return this.records.count(); }
  /** Find the one record an id or a unique prefix of 6+ characters names. */
  resolveId(prefix: string, words = false): string { return this.records.resolveId(prefix, words); }
  /** Tags, feelings or record ids for shell completion (commands/completion). */
  completionNames(kind: 'tags' | 'emotions' | 'ids', limit?: number): { value: string; note?: string }[] { return this.records.completionNames(kind, limit); }
  get(id: string): ThoughtRecord | undefined { return this.records.get(id); }
  /** The hot thoughts of the newest records that name patterns, with those patterns (for suggestions). */
  recentThoughtsWithDistortions(limit = 500): { thought: string; distortions: string[] }[] {
    return this.records.recentThoughtsWithDistortions(limit);
  }

  // ---- reading in batches --------------------------------------------------------------------

  /** How many records match the filters (for progress bars). */
  countMatching(filters: ListFilters = {}): number { return this.batches.countMatching(filters); }
  /** Run fn inside one read transaction: every read in it sees the same snapshot (batches.ts). */
  readSnapshot<T>(fn: () => Promise<T>): Promise<T> { return this.batches.readSnapshot(fn); }
  /** Records matching the filters, newest first. */
  list(filters: ListFilters = {}): ThoughtRecord[] { return this.batches.list(filters); }
  /** Records matching the filters, newest first, fetched in batches so memory stays flat. */
  iterate(filters: ListFilters = {}, batchSize = 100): Generator<ThoughtRecord> { return this.batches.iterate(filters, batchSize); }
  /** The same records as iterate(), with only their time, ratings and patterns: no text. */
  iterateRatings(filters: ListFilters = {}, batchSize = 100): Generator<RecordRatings> { return this.batches.iterateRatings(filters, batchSize); }

  // ---- drafts --------------------------------------------------------------------------------

  saveDraft(d: Draft): void { this.drafts.saveDraft(d); }
  /** The newest draft of a kind (and target, for edits). */
  latestDraft(kind: string, targetId?: string): Draft | undefined { return this.drafts.latestDraft(kind, targetId); }
  deleteDraft(id: string): void { this.drafts.deleteDraft(id); }
  listDrafts(): { id: string; kind: string; targetId?: string; updatedAt: string }[] { return this.drafts.listDrafts(); }

  // ---- daily practice (reframe daily) --------------------------------------------------------

  insertCheckin(c: Checkin): void { this.practice.insertCheckin(c); }
  /** Inside a write (import); false when that check-in is there already. */
  insertCheckinRaw(c: Checkin): boolean { return this.practice.insertCheckinRaw(c); }
  answerCheckin(id: string, answer: string): void { this.practice.answerCheckin(id, answer); }
  checkins(since?: string, until?: string): Checkin[] { return this.practice.checkins(since, until); }
  /** Check-ins newest first, optionally only those with the search's words (reframe checkins, list --search). */
  listCheckins(o: { search?: string; limit?: number; since?: string; until?: string } = {}): Checkin[] { return this.practice.list(o); }
  /** Practice per UTC day: first and last practice time of each day that has one (practice.ts). */
  practiceSpans(): PracticeSpan[] { return this.practice.practiceSpans(); }
  /** Practice times (UTC ISO) within one UTC day, one per quarter hour (practice.ts). */
  practiceTimesOn(day: string): string[] { return this.practice.practiceTimesOn(day); }
  /** Records about moments between two instants (inclusive, UTC ISO, by occurredAt): how many, and each pattern's count. No text. */
  writtenBetween(since: string, until: string): { records: number; distortions: { id: string; count: number }[] } {
    return this.practice.writtenBetween(since, until);
  }

  // ---- the safety plan (reframe safety-plan; exported and imported with the records) ---------

  /** The person's safety plan, if they wrote one. */
  safetyPlan(): SafetyPlan | undefined { return this.plans.read(); }
  /** Write the plan, replacing the one there (inside a write() it joins that transaction). */
  saveSafetyPlan(plan: SafetyPlan): void { this.plans.write(plan); }
  /** Import's rule: the newer plan (by updatedAt) wins; `write` false only says what would happen. */
  mergeSafetyPlan(plan: SafetyPlan, write: boolean): 'added' | 'replaced' | 'kept' { return this.plans.merge(plan, write); }

  // ---- notes and imports from other apps (migration 9) -----------------------------------------

  /** Save a note (call inside write() to group several). */
  insertNoteRaw(n: Note): void { this.notesRoom.insertRaw(n); }
  /** Notes matching the filters, newest first. */
  notes(f: NoteFilters = {}): Note[] { return this.notesRoom.list(f); }
  noteCount(): number { return this.notesRoom.count(); }
  note(id: string): Note | undefined { return this.notesRoom.get(id); }
  /** Find the one note an id or a unique prefix of 6+ characters names. */
  resolveNoteId(prefix: string): string { return this.notesRoom.resolveId(prefix); }
  /** Which of these ids from another app are in the journal already (records, notes or check-ins). */
  holdingFrom(table: SourceTable, source: string, ids: string[]): Set<string> { return this.notesRoom.sourceIds(table, source, ids); }
  /** Save an imported record with where it came from (inside write()). */
  insertImported(r: ThoughtRecord, updatedAt: string, source: string, sourceId: string): void {
    this.records.insertRaw(r, updatedAt);
    this.notesRoom.markRecordSource(r.id, source, sourceId);
  }
}
