// The SQL behind `reframe stats`: sums and counts straight from covering indexes (migration 4) and, for the
// whole months of a long range, from the monthly sums (migration 6, written by journal/monthly.ts), never
// hydrating records. Every function returns raw sums and counts; src/domain/stats.ts turns them into the
// figures people read (means, shares, trends).
import type { Journal } from './journal';
import { dayOfNumber, practiceDayNumbers, spanOf, type PracticeSpan } from '../domain/streak';

// What each part row carries is written with the records (journal/monthly.ts); re-exported for the tests that check it.
export { partFacts, type PartFacts } from './monthly';

// ---- reading ------------------------------------------------------------------------------------

/** Inclusive bounds on occurred_at, as UTC ISO strings. */
export interface Bounds {
  since: string;
  until: string;
}

export interface Totals {
  records: number;
  beliefBeforeSum: number;
  beliefBeforeN: number;
  beliefAfterSum: number;
  beliefAfterN: number;
  /** Records with both belief ratings. */
  beliefBoth: number;
}

/** One distortion id or tag in a range: records that name it, and the relief they show. */
export interface KeyFacts {
  key: string;
  records: number;
  beliefReliefSum: number;
  beliefRated: number;
  emotionReliefSum: number;
  emotionRated: number;
  /** Records at or after the split point, when one was given (else 0). */
  recent: number;
}

export interface EmotionFacts {
  name: string;
  records: number;
  beforeSum: number;
  afterSum: number;
  afterN: number;
}

export interface CheckinRow {
  createdAt: string;
  mood: number;
}

type KeyKind = 'distortion' | 'tag';
const KEY_SQL: Record<KeyKind, { table: string; col: string }> = {
  distortion: { table: 'record_distortions', col: 'distortion_id' },
  tag: { table: 'tags', col: 'tag' },
};

/** Every distinct value of an indexed column, one index seek each (a skip scan). */
function distinctSql(table: string, col: string): string {
  return `WITH RECURSIVE k(v) AS (
      SELECT min(${col}) FROM ${table}
      UNION ALL SELECT (SELECT min(${col}) FROM ${table} WHERE ${col} > k.v) FROM k WHERE k.v IS NOT NULL)
    SELECT v FROM k WHERE v IS NOT NULL`;
}

/**
 * A range as the UTC months wholly inside it (read from the monthly sums of migration 6) and the ranges left
 * at each end (read from the rows): [since, end of its month] and [start of until's month, until]. Times are
 * stored as UTC ISO strings, so a month is the first seven characters. A range within one month is all rows.
 */
export function byMonth(b: Bounds): { rows: Bounds[]; monthsAfter?: string; monthsBefore?: string } {
  const first = b.since.slice(0, 7);
  const last = b.until.slice(0, 7);
  if (first >= last) return { rows: [b] };
  const [y, m] = first.split('-').map(Number);
  const firstEnd = new Date(Date.UTC(y, m, 1) - 1).toISOString();
  return {
    rows: [{ since: b.since, until: firstEnd }, { since: `${last}-01T00:00:00.000Z`, until: b.until }],
    monthsAfter: first,
    monthsBefore: last,
  };
}

type Sums = Omit<KeyFacts, 'key' | 'recent'>;
const NO_SUMS: Sums = { records: 0, beliefReliefSum: 0, beliefRated: 0, emotionReliefSum: 0, emotionRated: 0 };
/** a += b, field by field (both hold only numbers). */
function addInto<T extends object>(a: T, b: T): T {
  const x = a as Record<string, number>;
  for (const [k, v] of Object.entries(b)) x[k] += v as number;
  return a;
}

export class StatsStore {
  constructor(private journal: Journal) {}

  /** Run several reads on one snapshot of the journal. */
  snapshot<T>(fn: () => T): T {
    return this.journal.read(() => this.journal.db.transaction(fn).deferred());
  }

  /** The first and last occurred_at in the whole journal (undefined when it is empty). */
  span(): { first?: string; last?: string } {
    // Two subqueries: SQLite reads a lone min() or max() straight off the index, but not both at once.
    const row = this.journal.stmt(
      'SELECT (SELECT min(occurred_at) FROM records) AS first, (SELECT max(occurred_at) FROM records) AS last',
    ).get() as {
      first: string | null; last: string | null;
    };
    return { first: row.first ?? undefined, last: row.last ?? undefined };
  }

  /** Sums over the records in range: the whole months from the monthly sums, the ends from the covering index records_occurred. */
  totals(b: Bounds): Totals {
    const split = byMonth(b);
    const out: Totals = { records: 0, beliefBeforeSum: 0, beliefBeforeN: 0, beliefAfterSum: 0, beliefAfterN: 0, beliefBoth: 0 };
    const rows = this.journal.stmt(
      `SELECT count(*) AS records,
         coalesce(sum(belief_before), 0) AS beliefBeforeSum, count(belief_before) AS beliefBeforeN,
         coalesce(sum(belief_after), 0) AS beliefAfterSum, count(belief_after) AS beliefAfterN,
         count(belief_before - belief_after) AS beliefBoth
       FROM records WHERE occurred_at >= ? AND occurred_at <= ?`,
    );
    for (const r of split.rows) addInto(out, rows.get(r.since, r.until) as Totals);
    if (split.monthsAfter) {
      addInto(out, this.journal.stmt(
        `SELECT coalesce(sum(records), 0) AS records,
           coalesce(sum(belief_before_sum), 0) AS beliefBeforeSum, coalesce(sum(belief_before_n), 0) AS beliefBeforeN,
           coalesce(sum(belief_after_sum), 0) AS beliefAfterSum, coalesce(sum(belief_after_n), 0) AS beliefAfterN,
           coalesce(sum(belief_both), 0) AS beliefBoth
         FROM stats_month_records WHERE month > ? AND month < ?`,
      ).get(split.monthsAfter, split.monthsBefore) as Totals);
    }
    return out;
  }

  /**
   * Records per slice, for slices given as [start inclusive, end exclusive) ISO strings. Many short slices (the
   * days of the heat map) are counted from the index in one statement; a few long ones (the periods) by
   * count(), mostly from the monthly sums.
   */
  countsIn(slices: [string, string][]): number[] {
    if (slices.length === 0) return [];
    if (slices.length <= 1000) {
      return slices.map(([since, end]) => (end <= since ? 0 : this.count(since, new Date(Date.parse(end) - 1).toISOString())));
    }
    const rows = this.journal.stmt(
      `SELECT (SELECT count(*) FROM records WHERE occurred_at >= j.value ->> 0 AND occurred_at < j.value ->> 1) AS n
       FROM json_each(?) j ORDER BY j.key`,
    ).all(JSON.stringify(slices)) as { n: number }[];
    return rows.map((r) => r.n);
  }

  /**
   * Records between two instants (inclusive). SQLite counts a range of an index entry by entry, so a long range
   * is counted from the monthly sums of the UTC months it touches, with each end month either added from the
   * rows (the part inside) or taken whole from its sum less the rows outside, whichever part is shorter: a local
   * month is a UTC month give or take a few hours, so a period costs a few hours of rows, not a month of them.
   */
  count(since: string, until: string): number {
    const rows = (a: string, b: string) => (b < a ? 0 : (this.journal.stmt(
      'SELECT count(*) AS n FROM records WHERE occurred_at >= ? AND occurred_at <= ?',
    ).get(a, b) as { n: number }).n);
    const months = (a: string, b: string) => (b < a ? 0 : (this.journal.stmt(
      'SELECT coalesce(sum(records), 0) AS n FROM stats_month_records WHERE month >= ? AND month <= ?',
    ).get(a, b) as { n: number }).n);
    const ms = (iso: string) => Date.parse(iso);
    const at = (t: number) => new Date(t).toISOString();
    const monthStart = (m: string) => `${m}-01T00:00:00.000Z`;
    const monthEnd = (m: string) => {
      const [y, mo] = m.split('-').map(Number);
      return at(Date.UTC(y, mo, 1) - 1);
    };
    const first = since.slice(0, 7);
    const last = until.slice(0, 7);
    if (first === last) {
      const inside = ms(until) - ms(since);
      const outside = ms(since) - ms(monthStart(first)) + ms(monthEnd(first)) - ms(until);
      if (inside <= outside) return rows(since, until);
      return months(first, first) - rows(monthStart(first), at(ms(since) - 1)) - rows(at(ms(until) + 1), monthEnd(first));
    }
    let n = 0;
    // The months wholly inside: strictly between the two end months.
    const between = (this.journal.stmt(
      'SELECT coalesce(sum(records), 0) AS n FROM stats_month_records WHERE month > ? AND month < ?',
    ).get(first, last) as { n: number }).n;
    n += between;
    n += ms(since) - ms(monthStart(first)) < ms(monthEnd(first)) - ms(since)
      ? months(first, first) - rows(monthStart(first), at(ms(since) - 1))
      : rows(since, monthEnd(first));
    n += ms(monthEnd(last)) - ms(until) < ms(until) - ms(monthStart(last))
      ? months(last, last) - rows(at(ms(until) + 1), monthEnd(last))
      : rows(monthStart(last), until);
    return n;
  }

  /**
   * The local days in the range with at least one record, as day numbers (any order, a day possibly twice): each
   * UTC day's first and last record time from practice_days (migration 13), the two days at the ends of the range
   * read again within its bounds (two index seeks each), made local day numbers by domain/streak.ts.
   */
  recordDayNumbers(b: Bounds): number[] {
    const sinceDay = b.since.slice(0, 10);
    const untilDay = b.until.slice(0, 10);
    // Each day comes as numbers (no strings to make and parse, ~2,600 rows at 100,000 records): its day number and
    // its first and last record, to the second. A day wholly inside the range by those (the last second counted
    // whole, so a day is never taken for inside when it is not) is used as it is; the days the range cuts, one at
    // each end at most, are read again as text for the reads below.
    const rows = this.journal.stmt(
      `SELECT unixepoch(day) / 86400 AS day, unixepoch(first) * 1000 AS first, unixepoch(last) * 1000 AS last
       FROM practice_days WHERE kind = 'record' AND day >= ? AND day <= ? ORDER BY day`,
    ).all(sinceDay, untilDay) as { day: number | null; first: number | null; last: number | null }[];
    const sinceMs = Date.parse(b.since);
    const untilMs = Date.parse(b.until);
    const spans: PracticeSpan[] = [];
    for (const row of rows) {
      // A value SQLite can't read as a time gives NULL: that day is left out.
      if (row.day === null || row.first === null || row.last === null) continue;
      if (row.first >= sinceMs && row.last + 999 <= untilMs) {
        spans.push({ day: row.day, first: row.first, last: row.last });
        continue;
      }
      const r = this.journal.stmt("SELECT day, first, last FROM practice_days WHERE kind = 'record' AND day = ?")
        .get(dayOfNumber(row.day)) as { day: string; first: string; last: string };
      // A day the range cuts: its first and last record inside the range. ORDER BY ... LIMIT 1, not min() and
      // max(): with two bounds on the column SQLite would read the range.
      const from = r.first >= b.since ? r.first : b.since;
      const to = r.last <= b.until ? r.last : b.until;
      const first = this.journal.stmt('SELECT occurred_at FROM records WHERE occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at LIMIT 1')
        .pluck().get(from, to) as string | undefined;
      if (first === undefined) continue;
      const last = this.journal.stmt('SELECT occurred_at FROM records WHERE occurred_at >= ? AND occurred_at <= ? ORDER BY occurred_at DESC LIMIT 1')
        .pluck().get(from, to) as string;
      spans.push(spanOf(r.day, first, last));
    }
    const timesOn = (day: string) => (this.journal.stmt(
      `SELECT occurred_at AS t FROM records WHERE occurred_at >= max(@since, @from) AND occurred_at <= min(@until, @to)`,
    ).all({ since: `${day}T00:00:00.000Z`, until: `${day}T23:59:59.999Z`, from: b.since, to: b.until }) as { t: string }[]).map((r) => r.t);
    return practiceDayNumbers(spans, timesOn);
  }

  /** Per distortion id or tag: its records and relief in the range (months from the sums, ends from the rows). */
  private keySums(kind: KeyKind, names: string[], b: Bounds): Map<string, Sums> {
    const { table, col } = KEY_SQL[kind];
    const split = byMonth(b);
    const out = new Map<string, Sums>(names.map((n) => [n, { ...NO_SUMS }]));
    const one = this.journal.stmt(
      `SELECT count(*) AS records,
         coalesce(sum(belief_relief), 0) AS beliefReliefSum, count(belief_relief) AS beliefRated,
         coalesce(sum(emotion_relief), 0) AS emotionReliefSum, coalesce(sum(emotion_rated), 0) AS emotionRated
       FROM ${table} WHERE ${col} = ? AND occurred_at >= ? AND occurred_at <= ?`,
    );
    for (const name of names) {
      for (const r of split.rows) addInto(out.get(name)!, one.get(name, r.since, r.until) as Sums);
    }
    if (split.monthsAfter) {
      const months = this.journal.stmt(
        `SELECT key, sum(records) AS records, sum(belief_relief_sum) AS beliefReliefSum, sum(belief_rated) AS beliefRated,
           sum(emotion_relief_sum) AS emotionReliefSum, sum(emotion_rated) AS emotionRated
         FROM stats_month_keys WHERE kind = ? AND month > ? AND month < ? GROUP BY key`,
      ).all(kind, split.monthsAfter, split.monthsBefore) as (Sums & { key: string })[];
      for (const { key, ...sums } of months) {
        const mine = out.get(key);
        if (mine) addInto(mine, sums);
      }
    }
    return out;
  }

  /** Distortion ids or tags named in the range, with their records and relief. */
  /** `recent` counts the records at or after `split` (the trend's halves). */
  keys(kind: KeyKind, b: Bounds, split?: string): KeyFacts[] {
    const { table, col } = KEY_SQL[kind];
    const names = (this.journal.stmt(distinctSql(table, col)).all() as { v: string }[]).map((r) => r.v);
    const sums = this.keySums(kind, names, b);
    const recent = split !== undefined ? this.keySums(kind, names, { since: split, until: b.until }) : undefined;
    const out: KeyFacts[] = [];
    for (const key of names) {
      const row = sums.get(key)!;
      if (row.records > 0) out.push({ key, ...row, recent: recent?.get(key)!.records ?? 0 });
    }
    return out;
  }

  /** Feelings named in the range: records naming each, and the sums for its means. */
  emotions(b: Bounds): EmotionFacts[] {
    const names = (this.journal.stmt(distinctSql('emotions', 'name')).all() as { v: string }[]).map((r) => r.v);
    const split = byMonth(b);
    type EmotionSums = Omit<EmotionFacts, 'name'>;
    const sums = new Map<string, EmotionSums>(names.map((n) => [n, { records: 0, beforeSum: 0, afterSum: 0, afterN: 0 }]));
    const one = this.journal.stmt(
      `SELECT count(*) AS records, coalesce(sum(before), 0) AS beforeSum, coalesce(sum(after), 0) AS afterSum,
         count(after) AS afterN
       FROM emotions WHERE name = ? AND occurred_at >= ? AND occurred_at <= ?`,
    );
    for (const name of names) {
      for (const r of split.rows) addInto(sums.get(name)!, one.get(name, r.since, r.until) as EmotionSums);
    }
    if (split.monthsAfter) {
      const months = this.journal.stmt(
        `SELECT name, sum(records) AS records, sum(before_sum) AS beforeSum, sum(after_sum) AS afterSum, sum(after_n) AS afterN
         FROM stats_month_emotions WHERE month > ? AND month < ? GROUP BY name`,
      ).all(split.monthsAfter, split.monthsBefore) as (EmotionSums & { name: string })[];
      for (const { name, ...row } of months) {
        const mine = sums.get(name);
        if (mine) addInto(mine, row);
      }
    }
    const out: EmotionFacts[] = [];
    for (const name of names) {
      const row = sums.get(name)!;
      if (row.records > 0) out.push({ name, ...row });
    }
    return out;
  }

  /** Check-ins in the range, oldest first (time and mood only: their words stay private). */
  checkins(b: Bounds): CheckinRow[] {
    return this.journal.stmt(
      'SELECT created_at AS createdAt, mood FROM checkins WHERE created_at >= ? AND created_at <= ? ORDER BY created_at',
    ).all(b.since, b.until) as CheckinRow[];
  }
}
