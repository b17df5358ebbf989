// Daily practice (`reframe daily`): check-ins, and the practice days and times the streak is counted from.
import { n2u, type JournalDb } from './database';
import type { PracticeSpan } from '../domain/streak';

export interface Checkin {
  id: string;
  createdAt: string;
  mood: number;
  words?: string;
  promptId?: string;
  /** Imported (Daylio): the app, its id for the row, the person's own word for the mood, and activities as tags. */
  source?: string;
  sourceId?: string;
  moodLabel?: string;
  tags?: string[];
  /** The answer to the day's reflection prompt (migration 11). */
  answer?: string;
}

interface CheckinRow {
  id: string; created_at: string; mood: number; words: string | null; prompt_id: string | null;
  source: string | null; source_id: string | null; mood_label: string | null; tags: string | null; answer: string | null;
}

function fromCheckinRow(r: CheckinRow): Checkin {
  const c: Checkin = { id: r.id, createdAt: r.created_at, mood: r.mood, words: n2u(r.words), promptId: n2u(r.prompt_id), answer: n2u(r.answer) };
  if (r.source !== null) {
    c.source = r.source;
    c.sourceId = n2u(r.source_id);
    c.moodLabel = n2u(r.mood_label);
    c.tags = r.tags ? (JSON.parse(r.tags) as string[]) : [];
  }
  return c;
}

type Db = JournalDb & { write<T>(fn: () => T): T };

export class Practice {
  constructor(private readonly d: Db) {}

  insertCheckin(c: Checkin): void {
    this.d.write(() => {
      this.insertCheckinRaw(c);
    });
  }

  /** Inside a write; false when a check-in with this id is there already (an import brought twice). */
  insertCheckinRaw(c: Checkin): boolean {
    return this.d.stmt(`INSERT INTO checkins (id, created_at, mood, words, prompt_id, answer, source, source_id, mood_label, tags)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`)
      .run(c.id, c.createdAt, c.mood, c.words ?? null, c.promptId ?? null, c.answer ?? null, c.source ?? null, c.sourceId ?? null,
        c.moodLabel ?? null, c.tags?.length ? JSON.stringify(c.tags) : null).changes > 0;
  }

  /** Add (or replace) the answer to the reflection prompt of a check-in already kept. */
  answerCheckin(id: string, answer: string): void {
    this.d.write(() => { this.d.stmt('UPDATE checkins SET answer = ? WHERE id = ?').run(answer, id); });
  }

  checkins(since?: string, until?: string): Checkin[] {
    const rows = this.d.read(() => this.d.stmt(
      `SELECT id, created_at, mood, words, prompt_id, source, source_id, mood_label, tags, answer FROM checkins
       WHERE created_at >= ? AND created_at <= ? ORDER BY created_at, seq`,
    ).all(since ?? '', until ?? '\uffff')) as CheckinRow[];
    return rows.map(fromCheckinRow);
  }

  /**
   * Check-ins newest first (reframe checkins, list --search): all, or those whose words, mood word or tags hold
   * every one of the search's words (any case).
   */
  list(o: { search?: string; limit?: number; since?: string; until?: string } = {}): Checkin[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (o.since !== undefined) { where.push('created_at >= ?'); params.push(o.since); }
    if (o.until !== undefined) { where.push('created_at <= ?'); params.push(o.until); }
    for (const w of (o.search ?? '').split(/\s+/).filter(Boolean)) {
      const like = `%${w.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      where.push("(words LIKE ? ESCAPE '\\' OR answer LIKE ? ESCAPE '\\' OR mood_label LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\')");
      params.push(like, like, like, like);
    }
    let sql = `SELECT id, created_at, mood, words, prompt_id, source, source_id, mood_label, tags, answer FROM checkins
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY created_at DESC, id DESC`;
    if (o.limit !== undefined) { sql += ' LIMIT ?'; params.push(o.limit); }
    return this.d.read(() => (this.d.stmt(sql).all(...params) as CheckinRow[]).map(fromCheckinRow));
  }

  /**
   * Practice per UTC day: the first and last practice time of each UTC day that has one (records by when
   * they happened, check-ins by when they were made). One row per day, so `daily` stays quick on years of
   * records; domain/streak.ts turns these into local days.
   */
  practiceSpans(): PracticeSpan[] {
    // practice_days (migration 13) keeps each UTC day's first and last time, records and check-ins apart, as
    // they are written: one short row a day to read, however many records a day holds. Read in its own key's
    // order (no sort) and as numbers SQLite works out (no string per row): a day with both a record and a
    // check-in comes twice, which domain/streak.ts allows. Whole seconds are enough: a day's boundaries are.
    // A value SQLite can't read as a time gives NULL: that row is left out (it names no day).
    const rows = this.d.read(() => this.d.stmt(
      'SELECT unixepoch(day) / 86400 AS day, unixepoch(first) * 1000 AS first, unixepoch(last) * 1000 AS last FROM practice_days ORDER BY practice_days.kind, practice_days.day',
    ).all() as (PracticeSpan | { day: number | null; first: number | null; last: number | null })[]);
    return rows.filter((r): r is PracticeSpan => r.day !== null && r.first !== null && r.last !== null);
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
    const rows = this.d.read(() => this.d.stmt(
      `SELECT ${bucket('occurred_at')} AS t FROM records WHERE occurred_at BETWEEN ? AND ?
       UNION SELECT ${bucket('created_at')} AS t FROM checkins WHERE created_at BETWEEN ? AND ?`,
    ).all(from, to, from, to)) as { t: string }[];
    return rows.map((r) => `${r.t}:00.000Z`);
  }

  /**
   * Records about moments between two instants (inclusive, UTC ISO): how many, and how often each pattern came
   * up. No text. By when they happened, as the streak and `stats` count (issue 15: two records dated yesterday but
   * written today are yesterday's).
   */
  writtenBetween(since: string, until: string): { records: number; distortions: { id: string; count: number }[] } {
    return this.d.read(() => {
      const records = (this.d.stmt('SELECT count(*) AS n FROM records WHERE occurred_at >= ? AND occurred_at <= ?')
        .get(since, until) as { n: number }).n;
      const distortions = (this.d.stmt(
        `SELECT d.distortion_id AS id, count(*) AS count FROM record_distortions d JOIN records r ON r.seq = d.record_seq
         WHERE r.occurred_at >= ? AND r.occurred_at <= ? GROUP BY d.distortion_id`,
      ).all(since, until) as { id: string; count: number }[]);
      return { records, distortions };
    });
  }
}
