// The monthly sums behind `reframe stats` (migration 6), written in one place: what each part row of a record
// carries for stats (PartFacts, migration 4), what the records saved in one write add to the sums (MonthSums,
// gathered as they are saved and written once as the write ends), and the SQL that adds or takes away records
// already in the journal (edits, deletes). Always inside the write that changes the rows, so the sums can never
// disagree with them: test/unit/stats-months.test.ts checks exactly that. Reading them is journal/stats.ts.
import type { ThoughtRecord } from '../domain/record';
import type { JournalDb } from './database';

// ---- what each part row carries (written with the record's parts, journal/records.ts) ------------

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

/**
 * What records saved in one write add to the monthly sums (migration 6), gathered as they are saved and written
 * once as the write ends: the same figures the SQL in MonthlySums.changeRange sums from their rows (first uses only,
 * by UTC month), without reading those rows back.
 */
export class MonthSums {
  /** By month ('YYYY-MM' of occurred_at, UTC). */
  readonly months = new Map<string, MonthBucket>();
  private last: MonthBucket | undefined;

  get size(): number {
    return this.months.size;
  }

  add(r: ThoughtRecord, f: PartFacts): void {
    // Records mostly come in time order: the month of the one before, usually.
    let b = this.last;
    if (!b || !r.occurredAt.startsWith(b.month)) {
      const month = r.occurredAt.slice(0, 7);
      b = this.months.get(month);
      if (!b) this.months.set(month, (b = { month, records: [0, 0, 0, 0, 0, 0], distortion: new Map(), tag: new Map(), emotions: new Map() }));
      this.last = b;
    }
    const rec = b.records;
    rec[0]++;
    if (r.beliefBefore !== undefined) { rec[1] += r.beliefBefore; rec[2]++; }
    if (r.beliefAfter !== undefined) { rec[3] += r.beliefAfter; rec[4]++; }
    if (r.beliefBefore !== undefined && r.beliefAfter !== undefined) rec[5]++;
    const key = (m: Map<string, number[]>, k: string) => {
      let x = m.get(k);
      if (!x) m.set(k, (x = [0, 0, 0, 0, 0]));
      x[0]++;
      if (f.beliefRelief !== null) { x[1] += f.beliefRelief; x[2]++; }
      if (f.emotionRelief !== null) x[3] += f.emotionRelief;
      x[4] += f.emotionRated;
    };
    for (let i = 0; i < r.distortions.length; i++) if (f.distortionFirst[i]) key(b.distortion, r.distortions[i]);
    for (let i = 0; i < r.tags.length; i++) if (f.tagFirst[i]) key(b.tag, r.tags[i]);
    for (let i = 0; i < r.emotions.length; i++) {
      if (!f.emotionFirst[i]) continue;
      const e = r.emotions[i];
      let x = b.emotions.get(e.name);
      if (!x) b.emotions.set(e.name, (x = [0, 0, 0, 0]));
      x[0]++;
      x[1] += e.before;
      if (e.after !== undefined) { x[2] += e.after; x[3]++; }
    }
  }
}

/** One month's sums: its records, and per distortion id, tag and feeling [records, ...sums] as stored in migration 6's tables. */
export interface MonthBucket {
  month: string;
  /** [records, belief_before_sum, belief_before_n, belief_after_sum, belief_after_n, belief_both] */
  records: number[];
  /** [records, belief_relief_sum, belief_rated, emotion_relief_sum, emotion_rated] */
  distortion: Map<string, number[]>;
  tag: Map<string, number[]>;
  /** [records, before_sum, after_sum, after_n] */
  emotions: Map<string, number[]>;
}

// ---- writing them -------------------------------------------------------------------------------

/** The sums side of the journal's writes (Journal.write opens and closes a batch around its work). */
export class MonthlySums {
  /** Inside write(): what the records saved so far add to the monthly sums, written as it ends (once, however many). */
  pending: MonthSums | undefined;

  constructor(private readonly d: JournalDb) {}

  /** A record just saved: added with the pending batch when there is one, else straight away by its seq. */
  added(seq: number, r: ThoughtRecord, f: PartFacts): void {
    if (this.pending) this.pending.add(r, f); // added to the monthly sums once, as the write() ends
    else this.change(1, [seq]);
  }

  /** Add the records saved so far in this write() to the monthly sums. */
  flush(): void {
    const m = this.pending;
    if (!m?.size) return;
    const records = this.d.stmt(`INSERT INTO stats_month_records VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (month) DO UPDATE SET records = records + excluded.records,
        belief_before_sum = belief_before_sum + excluded.belief_before_sum, belief_before_n = belief_before_n + excluded.belief_before_n,
        belief_after_sum = belief_after_sum + excluded.belief_after_sum, belief_after_n = belief_after_n + excluded.belief_after_n,
        belief_both = belief_both + excluded.belief_both`);
    for (const b of m.months.values()) records.run(b.month, ...b.records);
    const keys = this.d.stmt(`INSERT INTO stats_month_keys VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (kind, key, month) DO UPDATE SET records = records + excluded.records,
        belief_relief_sum = belief_relief_sum + excluded.belief_relief_sum, belief_rated = belief_rated + excluded.belief_rated,
        emotion_relief_sum = emotion_relief_sum + excluded.emotion_relief_sum, emotion_rated = emotion_rated + excluded.emotion_rated`);
    for (const b of m.months.values()) {
      for (const [k, x] of b.distortion) keys.run('distortion', k, b.month, ...x);
      for (const [k, x] of b.tag) keys.run('tag', k, b.month, ...x);
    }
    const emotions = this.d.stmt(`INSERT INTO stats_month_emotions VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (name, month) DO UPDATE SET records = records + excluded.records, before_sum = before_sum + excluded.before_sum,
        after_sum = after_sum + excluded.after_sum, after_n = after_n + excluded.after_n`);
    for (const b of m.months.values()) for (const [name, x] of b.emotions) emotions.run(name, b.month, ...x);
    this.pending = new MonthSums();
  }

  /**
   * Add (sign 1) or take away (sign -1) these records in the monthly stats sums (migration 6): their row, and
   * the part rows that count (first uses, with occurred_at set), grouped by month. Always inside the write
   * that changes them, so the sums can never disagree with the rows.
   */
  change(sign: 1 | -1, seqs: number[]): void {
    // Records saved in one write have consecutive seqs: one range (runs of them, should they ever not).
    for (let i = 0; i < seqs.length;) {
      let j = i;
      while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
      this.changeRange(sign, seqs[i], seqs[j]);
      i = j + 1;
    }
  }

  private changeRange(sign: 1 | -1, lo: number, hi: number): void {
    const which = 'BETWEEN @lo AND @hi';
    const params = { sign, lo, hi };
    this.d.stmt(`INSERT INTO stats_month_records
        SELECT substr(occurred_at, 1, 7), @sign * count(*), @sign * coalesce(sum(belief_before), 0), @sign * count(belief_before),
          @sign * coalesce(sum(belief_after), 0), @sign * count(belief_after), @sign * count(belief_before - belief_after)
        FROM records WHERE seq ${which} GROUP BY 1
      ON CONFLICT (month) DO UPDATE SET records = records + excluded.records,
        belief_before_sum = belief_before_sum + excluded.belief_before_sum, belief_before_n = belief_before_n + excluded.belief_before_n,
        belief_after_sum = belief_after_sum + excluded.belief_after_sum, belief_after_n = belief_after_n + excluded.belief_after_n,
        belief_both = belief_both + excluded.belief_both`).run(params);
    for (const [kind, table, col] of [['distortion', 'record_distortions', 'distortion_id'], ['tag', 'tags', 'tag']]) {
      this.d.stmt(`INSERT INTO stats_month_keys
          SELECT '${kind}', ${col}, substr(occurred_at, 1, 7), @sign * count(*), @sign * coalesce(sum(belief_relief), 0),
            @sign * count(belief_relief), @sign * coalesce(sum(emotion_relief), 0), @sign * coalesce(sum(emotion_rated), 0)
          FROM ${table} WHERE record_seq ${which} AND occurred_at IS NOT NULL GROUP BY 2, 3
        ON CONFLICT (kind, key, month) DO UPDATE SET records = records + excluded.records,
          belief_relief_sum = belief_relief_sum + excluded.belief_relief_sum, belief_rated = belief_rated + excluded.belief_rated,
          emotion_relief_sum = emotion_relief_sum + excluded.emotion_relief_sum, emotion_rated = emotion_rated + excluded.emotion_rated`).run(params);
    }
    this.d.stmt(`INSERT INTO stats_month_emotions
        SELECT name, substr(occurred_at, 1, 7), @sign * count(*), @sign * sum(before), @sign * coalesce(sum(after), 0), @sign * count(after)
        FROM emotions WHERE record_seq ${which} AND occurred_at IS NOT NULL GROUP BY 1, 2
      ON CONFLICT (name, month) DO UPDATE SET records = records + excluded.records, before_sum = before_sum + excluded.before_sum,
        after_sum = after_sum + excluded.after_sum, after_n = after_n + excluded.after_n`).run(params);
  }
}
