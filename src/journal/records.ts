// Records: a record's row and its part rows (feelings, patterns, tags, the free-text lists, the search text),
// written and found by id. Call the writing methods inside Journal.write(), which also keeps the monthly sums.
import { writeSync } from 'node:fs';
import type { ThoughtRecord } from '../domain/record';
import { UsageError } from '../errors';
import { msg } from '../messages';
import type { RecordBatches, RecordRow } from './batches';
import type { JournalDb } from './database';
import type { MonthlySums, PartFacts } from './monthly';
import { partFacts } from './monthly';
import { savedText, type SavedText } from './saved-text';

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

/** The when_true column (migration 10): the branch's answers as a JSON object, NULL when it was not taken. */
export function whenTrueColumn(w: ThoughtRecord['whenTrue']): string | null {
  return w === undefined ? null : JSON.stringify({ help: w.help, friend: w.friend });
}

/** Search texts waiting to be indexed: a record's number, then its text, and so on (flat, for an import's batch). */
export type SearchLater = (number | string)[];

export class Records {
  constructor(private readonly d: JournalDb, private readonly batches: RecordBatches, private readonly sums: MonthlySums) {}

  private insertRow(r: ThoughtRecord, updatedAt: string): number {
    const info = this.d.stmt(
      `INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought, belief_before,
         reframe, reframe_belief, belief_after, action_plan, when_true)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.createdAt, r.occurredAt, updatedAt, r.situation, r.thought, r.beliefBefore ?? null,
      r.reframe ?? null, r.reframeBelief ?? null, r.beliefAfter ?? null, r.actionPlan ?? null, whenTrueColumn(r.whenTrue));
    return Number(info.lastInsertRowid);
  }

  private insertParts(seq: number, r: ThoughtRecord, t: SavedText, later?: SearchLater): PartFacts {
    // Stats facts (migration 4): the record's time and relief ride on each part row (first uses only), for covering
    // indexes. (Plain loops and arguments: an import runs this for every part of every record.)
    const f = partFacts(r);
    const at = r.occurredAt;
    const em = this.d.stmt('INSERT INTO emotions (record_seq, position, name, before, after, occurred_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < r.emotions.length; i++) {
      const e = r.emotions[i];
      em.run(seq, i, e.name, e.before, e.after ?? null, f.emotionFirst[i] ? at : null);
    }
    const di = this.d.stmt(`INSERT INTO record_distortions (record_seq, position, distortion_id, occurred_at, belief_relief,
      emotion_relief, emotion_rated) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < r.distortions.length; i++) {
      if (f.distortionFirst[i]) di.run(seq, i, r.distortions[i], at, f.beliefRelief, f.emotionRelief, f.emotionRated);
      else di.run(seq, i, r.distortions[i], null, null, null, null);
    }
    const tg = this.d.stmt(`INSERT INTO tags (record_seq, position, tag, occurred_at, belief_relief, emotion_relief, emotion_rated)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 0; i < r.tags.length; i++) {
      if (f.tagFirst[i]) tg.run(seq, i, r.tags[i], at, f.beliefRelief, f.emotionRelief, f.emotionRated);
      else tg.run(seq, i, r.tags[i], null, null, null, null);
    }
    // The free-text lists, one row for all of them (migration 7); none when all are empty.
    if (t.otherThoughts !== null || t.evidenceFor !== null || t.evidenceAgainst !== null || t.answers !== null) {
      this.d.stmt('INSERT INTO record_lists (record_seq, other_thoughts, evidence_for, evidence_against, answers) VALUES (?, ?, ?, ?, ?)')
        .run(seq, t.otherThoughts, t.evidenceFor, t.evidenceAgainst, t.answers);
    }
    if (later) later.push(seq, t.body);
    else this.d.stmt('INSERT INTO records_fts (rowid, body) VALUES (?, ?)').run(seq, t.body);
    return f;
  }

  /**
   * Index the search texts left for later (insertRaw's `searchLater`), then empty the list. Why an import leaves
   * them: a statement that fires a trigger (records have several: practice days, sync) opens a savepoint, and at
   * every savepoint SQLite's full-text index writes out what it holds in memory; indexed a record at a time, that
   * is a write-out per record (an import of 20,000 records: 1.9 s of inserts; a batch at a time: 0.7 s).
   */
  indexSearch(later: SearchLater): void {
    const insert = this.d.stmt('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
    for (let i = 0; i < later.length; i += 2) insert.run(later[i], later[i + 1]);
    later.length = 0;
  }

  private deleteParts(seq: number): void {
    for (const t of ['emotions', 'record_distortions', 'tags', 'record_lists']) {
      this.d.stmt(`DELETE FROM ${t} WHERE record_seq = ?`).run(seq);
    }
    this.d.stmt('DELETE FROM records_fts WHERE rowid = ?').run(seq);
  }

  /** Insert one record (call inside write() to group several); `text` when worked out already (savedText). */
  insertRaw(r: ThoughtRecord, updatedAt = r.createdAt, text = savedText(r), later?: SearchLater): void {
    const seq = this.insertRow(r, updatedAt);
    if (TEST_SLOW_WRITE_MS > 0) testPauseInsideSave();
    const f = this.insertParts(seq, r, text, later);
    this.sums.added(seq, r, f);
  }

  has(id: string): boolean {
    return this.d.read(() => this.d.stmt('SELECT 1 FROM records WHERE id = ?').get(id) !== undefined);
  }

  /** Which of these ids the journal holds: one query for a whole batch (an import checks thousands). */
  holding(ids: string[]): Set<string> {
    if (ids.length === 0) return new Set();
    return this.d.read(() => new Set(this.d.stmt('SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))')
      .pluck().all(JSON.stringify(ids)) as string[]));
  }

  /** Whether any record names this pattern id (one that left the library may still be in old records). */
  usesDistortion(id: string): boolean {
    return this.d.read(() => this.d.stmt('SELECT 1 FROM record_distortions WHERE distortion_id = ? LIMIT 1').get(id) !== undefined);
  }

  count(): number {
    return this.d.read(() => (this.d.stmt('SELECT count(*) AS n FROM records').get() as { n: number }).n);
  }

  /** Find the one record an id or a unique prefix of 6+ characters names. `words`: an ambiguous prefix lists the
   *  candidates with their thought's first words (only when the person is reading stderr on a terminal: a record's
   *  words never go into an error that may be logged); otherwise id and date only. */
  resolveId(prefix: string, words = false): string {
    const p = prefix.trim();
    if (p.length < 6) throw new UsageError(msg.errors.shortId, msg.errors.noRecordHint);
    const candidates = new Map<string, { id: string; occurredAt: string; thought: string }>();
    for (const form of new Set([p, p.toUpperCase(), p.toLowerCase()])) {
      const rows = this.d.read(() =>
        this.d.stmt('SELECT id, occurred_at AS occurredAt, thought FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT 11').all(form, form + '\uffff'),
      ) as { id: string; occurredAt: string; thought: string }[];
      rows.forEach((r) => candidates.set(r.id, r));
    }
    if (candidates.size === 0) throw new UsageError(msg.errors.noRecord(p), msg.errors.noRecordHint);
    if (candidates.size > 1) {
      // As git lists the commits a short hash could be: id, date and (on a terminal) the thought's first words, so
      // the person can see which one they meant. Piped or logged stderr gets ids and dates only.
      const all = [...candidates.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      const total = all.length > 10 ? this.countPrefix(p) : all.length;
      const lines = all.slice(0, 10).map((r) => `  ${r.id}  ${r.occurredAt.slice(0, 10)}${words ? `  ${firstWords(r.thought)}` : ''}`);
      if (total > 10) lines.push(msg.shell.ambiguousIdMore(total - 10));
      throw new UsageError(`${msg.shell.ambiguousId(p, total)}\n${lines.join('\n')}`, msg.shell.ambiguousIdHint);
    }
    return [...candidates.keys()][0];
  }

  private countPrefix(p: string): number {
    let n = 0;
    for (const form of new Set([p, p.toUpperCase(), p.toLowerCase()])) {
      n += (this.d.read(() => this.d.stmt('SELECT count(*) AS n FROM records WHERE id >= ? AND id < ?').get(form, form + '\uffff')) as { n: number }).n;
    }
    return n;
  }

  /** What shell completion offers: tags and feelings most used first, and the newest records' ids with dates. */
  completionNames(kind: 'tags' | 'emotions' | 'ids', limit = 200): { value: string; note?: string }[] {
    return this.d.read(() => {
      if (kind === 'ids') {
        return (this.d.stmt('SELECT id, occurred_at AS at FROM records ORDER BY occurred_at DESC LIMIT ?').all(limit) as { id: string; at: string }[])
          .map((r) => ({ value: r.id, note: r.at.slice(0, 16).replace('T', ' ') }));
      }
      const sql = kind === 'tags'
        ? 'SELECT tag AS v, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag LIMIT ?'
        : 'SELECT name AS v, count(*) AS n FROM emotions GROUP BY name ORDER BY n DESC, name LIMIT ?';
      return (this.d.stmt(sql).all(limit) as { v: string }[]).map((r) => ({ value: r.v }));
    });
  }

  get(id: string): ThoughtRecord | undefined {
    return this.d.read(() => {
      const row = this.d.stmt('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
      return row ? this.batches.hydrate([row])[0] : undefined;
    });
  }

  /** The hot thoughts of the newest records that name patterns, with those patterns (for suggestions). */
  recentThoughtsWithDistortions(limit = 500): { thought: string; distortions: string[] }[] {
    const rows = this.d.read(() => this.d.stmt(
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

  /** Replace a record's contents, keeping its id and creation time (inside a write). */
  replace(r: ThoughtRecord, updatedAt: string): void {
    const row = this.d.stmt('SELECT seq FROM records WHERE id = ?').get(r.id) as { seq: number } | undefined;
    if (!row) throw new UsageError(msg.errors.noRecord(r.id), msg.errors.noRecordHint);
    this.sums.change(-1, [row.seq]); // as it was; added back as it is now below
    this.d.stmt(
      `UPDATE records SET occurred_at = ?, updated_at = ?, situation = ?, thought = ?, belief_before = ?,
         reframe = ?, reframe_belief = ?, belief_after = ?, action_plan = ?, when_true = ? WHERE seq = ?`,
    ).run(r.occurredAt, updatedAt, r.situation, r.thought, r.beliefBefore ?? null, r.reframe ?? null,
      r.reframeBelief ?? null, r.beliefAfter ?? null, r.actionPlan ?? null, whenTrueColumn(r.whenTrue), row.seq);
    this.deleteParts(row.seq);
    this.insertParts(row.seq, r, savedText(r));
    this.sums.change(1, [row.seq]);
  }

  /** Delete a record (inside a write); false when there is none with this id. */
  remove(id: string): boolean {
    const row = this.d.stmt('SELECT seq FROM records WHERE id = ?').get(id) as { seq: number } | undefined;
    if (!row) return false;
    this.sums.change(-1, [row.seq]);
    this.deleteParts(row.seq);
    this.d.stmt('DELETE FROM records WHERE seq = ?').run(row.seq);
    return true;
  }
}

/** The first words of a thought for a one-line list: at most 40 characters, one line, cut at a word. */
function firstWords(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length <= 40) return flat;
  const cut = flat.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return (space > 20 ? cut.slice(0, space) : cut) + '...';
}
