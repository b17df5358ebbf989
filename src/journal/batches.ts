// Reading records: the filters of `list` and `export` as one query for their seqs, then the rows and every part
// of a batch of records at once (hydrate), so memory stays flat over a journal of any size.
import type { ThoughtRecord } from '../domain/record';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { n2u, type JournalDb } from './database';
import { journalFailure } from './open';
import { buildListQuery, pageable, pageQuery, type ListFilters } from './query';

export interface RecordRow {
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
  when_true: string | null;
}

/** A record's time, ratings and patterns (Journal.iterateRatings). */
export type RecordRatings = Pick<ThoughtRecord, 'occurredAt' | 'beliefBefore' | 'beliefAfter' | 'emotions' | 'distortions'>;

/**
 * Records read at a time by matchingBatches, when the filters allow reading by pages. Small on purpose: a page lives
 * across many young collections and is promoted, then lingers as old garbage. Measured, peak memory of a markdown
 * export: the whole list of seqs 140 MB at 100,000 records and 214 MB at 1,000,000; pages of 5,000 and 1,000:
 * 213-233 and 171 MB at 100,000; pages of 200: 142 MB at 100,000 and 140 MB at 1,000,000 (flat).
 */
const PAGE = 200;

/** A batch's feelings and patterns, by record (partsOf: `$IN` is the batch). */
const EMOTIONS_SQL = 'SELECT record_seq, name, before, after FROM emotions WHERE record_seq $IN ORDER BY record_seq, position';
const DISTORTIONS_SQL = 'SELECT record_seq, distortion_id FROM record_distortions WHERE record_seq $IN ORDER BY record_seq, position';

export class RecordBatches {
  constructor(private readonly d: JournalDb) {}

  /** How many records match the filters (for progress bars). */
  countMatching(filters: ListFilters = {}): number {
    const q = buildListQuery(filters);
    try {
      return (this.d.db.prepare(`SELECT count(*) AS n FROM (${q.sql})`).get(...q.params) as { n: number }).n;
    } catch (err) {
      if (filters.search !== undefined && /fts5|syntax|no such column|unterminated|malformed MATCH/i.test(String((err as Error).message ?? ''))) {
        throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
      }
      throw journalFailure(this.d.path, err);
    }
  }

  /**
   * Run fn inside one read transaction, so every read in it (several iterate() passes, across awaits)
   * sees the same snapshot while other processes keep writing (WAL readers never block writers).
   */
  async readSnapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.d.db.inTransaction) return fn();
    this.d.read(() => this.d.db.exec('BEGIN DEFERRED'));
    try {
      return await fn();
    } finally {
      if (this.d.db.inTransaction) this.d.read(() => this.d.db.exec('COMMIT'));
    }
  }

  /** Records matching the filters, newest first: read in one snapshot (pages of them must agree with each other). */
  list(filters: ListFilters = {}): ThoughtRecord[] {
    if (this.d.db.inTransaction) return [...this.iterate(filters)];
    this.d.read(() => this.d.db.exec('BEGIN DEFERRED'));
    try {
      return [...this.iterate(filters)];
    } finally {
      if (this.d.db.inTransaction) this.d.read(() => this.d.db.exec('COMMIT'));
    }
  }

  /**
   * Records matching the filters, newest first, fetched in batches so memory stays flat (small batches: fewer
   * objects live at once means a smaller heap; an export of 100,000 records peaks ~40 MB lower than at 500).
   */
  *iterate(filters: ListFilters = {}, batchSize = 100): Generator<ThoughtRecord> {
    for (const chunk of this.matchingBatches(filters, batchSize)) {
      const rows = this.d.read(() => this.fetchRows(chunk));
      const parts = this.d.read(() => this.partsFor(rows));
      // Each record is made as it is asked for (see Parts).
      for (const row of rows) yield recordOf(row, parts);
    }
  }

  /**
   * The same records as iterate(), with only their time, ratings and patterns: no text. For summaries over
   * a whole export, which then read a third of what whole records take.
   */
  *iterateRatings(filters: ListFilters = {}, batchSize = 100): Generator<RecordRatings> {
    for (const chunk of this.matchingBatches(filters, batchSize)) {
      const [rows, emotions, distortions] = this.d.read(() => [
        this.forSeqs<[seq: number, occurredAt: string, beliefBefore: number | null, beliefAfter: number | null]>(
          'SELECT seq, occurred_at, belief_before, belief_after FROM records WHERE seq $IN', chunk, true),
        this.partsOf<[name: string, before: number, after: number | null]>(EMOTIONS_SQL, chunk),
        this.partsOf<[id: string]>(DISTORTIONS_SQL, chunk),
      ] as const);
      const at = new Map<number, number>();
      for (let i = 0; i < rows.length; i++) at.set(rows[i][0], i);
      for (const seq of chunk) {
        const i = at.get(seq);
        if (i === undefined) continue;
        const [, occurredAt, beliefBefore, beliefAfter] = rows[i];
        yield {
          occurredAt,
          beliefBefore: n2u(beliefBefore),
          beliefAfter: n2u(beliefAfter),
          emotions: emotions.map(seq, ([, name, before, after]) => ({ name, before, after: n2u(after) })),
          distortions: distortions.map(seq, ([, id]) => id),
        };
      }
    }
  }

  /** The seqs of the records matching the filters, in their order, in batches. */
  private *matchingBatches(filters: ListFilters, batchSize: number): Generator<number[]> {
    if (pageable(filters)) {
      // A page of seqs at a time (after the last one's time and id), so that a million records never sit in
      // memory as one list. The same order and the same records as the whole list below.
      const size = Math.max(batchSize, PAGE);
      let after: [string, string] | undefined;
      for (;;) {
        const q = pageQuery(filters, after, size);
        const rows = this.d.read(() => {
          try {
            return this.d.stmt(q.sql).raw().all(...q.params) as [number, string, string][];
          } catch (err) {
            throw journalFailure(this.d.path, err);
          }
        });
        for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize).map((r) => r[0]);
        if (rows.length < size) return;
        const last = rows[rows.length - 1];
        after = [last[1], last[2]];
      }
    }
    const q = buildListQuery(filters);
    let seqs: number[];
    try {
      seqs = (this.d.db.prepare(q.sql).pluck().all(...q.params) as number[]);
    } catch (err) {
      const m = String((err as Error).message ?? '');
      if (filters.search !== undefined && /fts5|syntax|no such column|unterminated|malformed MATCH/i.test(m)) {
        throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
      }
      throw journalFailure(this.d.path, err);
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
    if (max - min < seqs.length * 2) return this.d.stmt(sql.replace('$IN', 'BETWEEN ? AND ?')).raw(raw).all(min, max) as T[];
    // Scattered seqs (records written out of time order, as an import of an older journal does): one statement
    // prepared once, given the batch as a JSON array, instead of a new statement for each batch.
    return this.d.stmt(sql.replace('$IN', 'IN (SELECT value FROM json_each(?))')).raw(raw).all(JSON.stringify(seqs)) as T[];
  }

  private fetchRows(seqs: number[]): RecordRow[] {
    if (seqs.length === 0) return [];
    const rows = this.forSeqs<RecordRow>('SELECT * FROM records WHERE seq $IN', seqs);
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.map((s) => bySeq.get(s)).filter((r): r is RecordRow => r !== undefined);
  }

  /** Part rows of a batch of records, by record: `sql` selects record_seq first, then the part's columns. */
  partsOf<T extends unknown[]>(sql: string, seqs: number[]): Parts<T> {
    return new Parts(this.forSeqs<[number, ...T]>(sql, seqs, true));
  }

  /** Every part of a batch of records, fetched at once. */
  private partsFor(rows: RecordRow[]): RecordParts {
    const seqs = rows.map((r) => r.seq);
    return {
      emotions: this.partsOf(EMOTIONS_SQL, seqs),
      distortions: this.partsOf(DISTORTIONS_SQL, seqs),
      tags: this.partsOf('SELECT record_seq, tag FROM tags WHERE record_seq $IN ORDER BY record_seq, position', seqs),
      lists: this.partsOf('SELECT record_seq, other_thoughts, evidence_for, evidence_against, answers FROM record_lists WHERE record_seq $IN', seqs),
    };
  }

  /** Rows -> records, fetching every part for the whole batch at once. */
  hydrate(rows: RecordRow[]): ThoughtRecord[] {
    if (rows.length === 0) return [];
    const parts = this.partsFor(rows);
    return rows.map((row) => recordOf(row, parts));
  }
}

/**
 * A batch's parts of one kind, kept as SQLite's rows (in record order) with where each record's run starts, and
 * turned into a record's objects only when that record is made. Why: objects made a whole batch at a time are all
 * still alive at the next young collection, and when that happens early in a run V8 decides that what those lines
 * of code make lives long, and makes it in the old generation from then on, where it stays until a full
 * collection: a markdown export of 100,000 records then peaked at ~200 MB in about half the runs instead of ~130.
 * Made one record at a time, almost nothing of a batch is alive at a collection (2 of 50 runs high after; export
 * also turns that decision off while it runs: io/steady-heap.ts).
 */
export class Parts<T extends unknown[]> {
  private readonly start = new Map<number, number>();
  constructor(private readonly rows: [number, ...T][]) {
    for (let i = rows.length - 1; i >= 0; i--) this.start.set(rows[i][0], i);
  }

  /** f of each part of the record `seq`, in order (each part is its row: the record's seq, then the columns). */
  map<U>(seq: number, f: (part: [number, ...T]) => U): U[] {
    const out: U[] = [];
    const rows = this.rows;
    let i = this.start.get(seq);
    if (i === undefined) return out;
    for (; i < rows.length && rows[i][0] === seq; i++) out.push(f(rows[i]));
    return out;
  }

  /** The record's first part (a record has one row of lists). */
  first(seq: number): [number, ...T] | undefined {
    const i = this.start.get(seq);
    return i === undefined ? undefined : this.rows[i];
  }
}

interface RecordParts {
  emotions: Parts<[name: string, before: number, after: number | null]>;
  distortions: Parts<[id: string]>;
  tags: Parts<[tag: string]>;
  lists: Parts<[otherThoughts: string | null, evidenceFor: string | null, evidenceAgainst: string | null, answers: string | null]>;
}

const list = (json: string | null | undefined): string[] => (json == null ? [] : JSON.parse(json) as string[]);

function recordOf(row: RecordRow, parts: RecordParts): ThoughtRecord {
  const [, ot, ef, ea, an] = parts.lists.first(row.seq) ?? [];
  return {
    id: row.id,
    createdAt: row.created_at,
    occurredAt: row.occurred_at,
    situation: row.situation,
    emotions: parts.emotions.map(row.seq, ([, name, before, after]) => ({ name, before, after: n2u(after) })),
    thought: row.thought,
    beliefBefore: n2u(row.belief_before),
    otherThoughts: list(ot),
    distortions: parts.distortions.map(row.seq, ([, id]) => id),
    evidenceFor: list(ef),
    evidenceAgainst: list(ea),
    answers: an == null ? [] : (JSON.parse(an) as [string, string][]).map(([question, answer]) => ({ question, answer })),
    reframe: n2u(row.reframe),
    reframeBelief: n2u(row.reframe_belief),
    beliefAfter: n2u(row.belief_after),
    actionPlan: n2u(row.action_plan),
    ...(row.when_true == null ? {} : { whenTrue: JSON.parse(row.when_true) as ThoughtRecord['whenTrue'] }),
    tags: parts.tags.map(row.seq, ([, tag]) => tag),
  };
}
