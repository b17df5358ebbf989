// The SQL behind `reframe stats`: sums and counts straight from covering indexes (migration 4), never
// hydrating records. Every function returns raw sums and counts; src/domain/stats.ts turns them into
// the figures people read (means, shares, trends).
import type { ThoughtRecord } from '../domain/record';
import type { Journal } from './journal';

// ---- what each part row carries (written by Journal.insertParts) --------------------------------

export interface PartFacts {
  /** Per position: true for the first use of a name in this record (repeats get NULL facts). */
  emotionFirst: boolean[];
  distortionFirst: boolean[];
  tagFirst: boolean[];
  /** belief before - after, when the record has both. */
  beliefRelief: number | null;
  /** Sum of before - after over the record's rated feelings (first use of each name); null when none. */
  emotionRelief: number | null;
  /** How many feelings that sum covers. */
  emotionRated: number;
}

function firsts(names: string[]): boolean[] {
  const seen = new Set<string>();
  return names.map((n) => (seen.has(n) ? false : (seen.add(n), true)));
}

export function partFacts(r: ThoughtRecord): PartFacts {
  const emotionFirst = firsts(r.emotions.map((e) => e.name));
  let sum = 0;
  let rated = 0;
  r.emotions.forEach((e, i) => {
    if (emotionFirst[i] && e.after !== undefined) {
      sum += e.before - e.after;
      rated++;
    }
  });
  return {
    emotionFirst,
    distortionFirst: firsts(r.distortions),
    tagFirst: firsts(r.tags),
    beliefRelief: r.beliefBefore !== undefined && r.beliefAfter !== undefined ? r.beliefBefore - r.beliefAfter : null,
    emotionRelief: rated ? sum : null,
    emotionRated: rated,
  };
}

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

  /** Sums over the records in range (the covering index records_occurred). */
  totals(b: Bounds): Totals {
    const row = this.journal.stmt(
      `SELECT count(*) AS records,
         coalesce(sum(belief_before), 0) AS beliefBeforeSum, count(belief_before) AS beliefBeforeN,
         coalesce(sum(belief_after), 0) AS beliefAfterSum, count(belief_after) AS beliefAfterN,
         count(belief_before - belief_after) AS beliefBoth
       FROM records WHERE occurred_at >= ? AND occurred_at <= ?`,
    ).get(b.since, b.until) as Totals;
    return { ...row };
  }

  /** Records per slice, for slices given as [start inclusive, end exclusive) ISO strings. */
  countsIn(slices: [string, string][]): number[] {
    if (slices.length === 0) return [];
    const rows = this.journal.stmt(
      `SELECT (SELECT count(*) FROM records WHERE occurred_at >= j.value ->> 0 AND occurred_at < j.value ->> 1) AS n
       FROM json_each(?) j ORDER BY j.key`,
    ).all(JSON.stringify(slices)) as { n: number }[];
    return rows.map((r) => r.n);
  }

  /** Distortion ids or tags named in the range, with their records and relief. */
  /** `recent` counts the records at or after `split` (the trend's halves), in the same pass. */
  keys(kind: KeyKind, b: Bounds, split?: string): KeyFacts[] {
    const { table, col } = KEY_SQL[kind];
    const names = this.journal.stmt(distinctSql(table, col)).all() as { v: string }[];
    const one = this.journal.stmt(
      `SELECT count(*) AS records,
         coalesce(sum(belief_relief), 0) AS beliefReliefSum, count(belief_relief) AS beliefRated,
         coalesce(sum(emotion_relief), 0) AS emotionReliefSum, coalesce(sum(emotion_rated), 0) AS emotionRated,
         coalesce(sum(occurred_at >= ?), 0) AS recent
       FROM ${table} WHERE ${col} = ? AND occurred_at >= ? AND occurred_at <= ?`,
    );
    const out: KeyFacts[] = [];
    for (const { v } of names) {
      // Without a split, "recent" compares against a bound past every time in range: 0.
      const row = one.get(split ?? b.until + '~', v, b.since, b.until) as Omit<KeyFacts, 'key'>;
      if (row.records > 0) out.push({ key: v, ...row });
    }
    return out;
  }

  /** Feelings named in the range: records naming each, and the sums for its means. */
  emotions(b: Bounds): EmotionFacts[] {
    const names = this.journal.stmt(distinctSql('emotions', 'name')).all() as { v: string }[];
    const one = this.journal.stmt(
      `SELECT count(*) AS records, coalesce(sum(before), 0) AS beforeSum, coalesce(sum(after), 0) AS afterSum,
         count(after) AS afterN
       FROM emotions WHERE name = ? AND occurred_at >= ? AND occurred_at <= ?`,
    );
    const out: EmotionFacts[] = [];
    for (const { v } of names) {
      const row = one.get(v, b.since, b.until) as Omit<EmotionFacts, 'name'>;
      if (row.records > 0) out.push({ name: v, ...row });
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
