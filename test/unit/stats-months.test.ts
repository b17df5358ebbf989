// The monthly stats sums (migration 6) are kept by the repository in the same transaction as every write.
// They must always equal the sums of the rows they stand for, through inserts, imports, edits and deletes,
// and stats over a long range (whole months from the sums, the ends from the rows) must equal the rows alone.
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../src/journal/journal';
import { byMonth, StatsStore, type Bounds } from '../../src/journal/stats';
import { generateRecords, memJournal, rng } from '../helpers/generate';

/** The sums recomputed from the rows, without the months whose sums went back to nothing. */
function recomputed(j: Journal) {
  const q = (sql: string) => j.db.prepare(sql).all();
  return {
    records: q(`SELECT substr(occurred_at, 1, 7) AS month, count(*) AS records, coalesce(sum(belief_before), 0) AS belief_before_sum,
      count(belief_before) AS belief_before_n, coalesce(sum(belief_after), 0) AS belief_after_sum, count(belief_after) AS belief_after_n,
      count(belief_before - belief_after) AS belief_both FROM records GROUP BY 1 ORDER BY 1`),
    keys: q(`SELECT kind, key, month, count(*) AS records, coalesce(sum(belief_relief), 0) AS belief_relief_sum, count(belief_relief) AS belief_rated,
      coalesce(sum(emotion_relief), 0) AS emotion_relief_sum, coalesce(sum(emotion_rated), 0) AS emotion_rated FROM (
        SELECT 'distortion' AS kind, distortion_id AS key, substr(occurred_at, 1, 7) AS month, belief_relief, emotion_relief, emotion_rated
          FROM record_distortions WHERE occurred_at IS NOT NULL
        UNION ALL SELECT 'tag', tag, substr(occurred_at, 1, 7), belief_relief, emotion_relief, emotion_rated FROM tags WHERE occurred_at IS NOT NULL)
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    emotions: q(`SELECT name, substr(occurred_at, 1, 7) AS month, count(*) AS records, sum(before) AS before_sum,
      coalesce(sum(after), 0) AS after_sum, count(after) AS after_n FROM emotions WHERE occurred_at IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`),
  };
}

function stored(j: Journal) {
  const q = (sql: string) => j.db.prepare(sql).all();
  return {
    records: q('SELECT * FROM stats_month_records WHERE records <> 0 ORDER BY month'),
    keys: q('SELECT * FROM stats_month_keys WHERE records <> 0 ORDER BY kind, key, month'),
    emotions: q('SELECT * FROM stats_month_emotions WHERE records <> 0 ORDER BY name, month'),
  };
}

/** The same figures as StatsStore, from the rows alone (what it read before the monthly sums). */
function fromRows(j: Journal, b: Bounds) {
  const totals = j.db.prepare(`SELECT count(*) AS records, coalesce(sum(belief_before), 0) AS beliefBeforeSum, count(belief_before) AS beliefBeforeN,
    coalesce(sum(belief_after), 0) AS beliefAfterSum, count(belief_after) AS beliefAfterN, count(belief_before - belief_after) AS beliefBoth
    FROM records WHERE occurred_at >= ? AND occurred_at <= ?`).get(b.since, b.until);
  const keys = (table: string, col: string) => j.db.prepare(`SELECT ${col} AS key, count(*) AS records, coalesce(sum(belief_relief), 0) AS beliefReliefSum,
    count(belief_relief) AS beliefRated, coalesce(sum(emotion_relief), 0) AS emotionReliefSum, coalesce(sum(emotion_rated), 0) AS emotionRated
    FROM ${table} WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY 1 ORDER BY 1`).all(b.since, b.until);
  const emotions = j.db.prepare(`SELECT name, count(*) AS records, coalesce(sum(before), 0) AS beforeSum, coalesce(sum(after), 0) AS afterSum,
    count(after) AS afterN FROM emotions WHERE occurred_at >= ? AND occurred_at <= ? GROUP BY 1 ORDER BY 1`).all(b.since, b.until);
  return { totals, distortions: keys('record_distortions', 'distortion_id'), tags: keys('tags', 'tag'), emotions };
}

function viaStore(j: Journal, b: Bounds) {
  const s = new StatsStore(j);
  const strip = (xs: { recent: number }[]) => xs.map(({ recent: _r, ...rest }) => rest);
  return { totals: s.totals(b), distortions: strip(s.keys('distortion', b)), tags: strip(s.keys('tag', b)), emotions: s.emotions(b) };
}

describe('byMonth', () => {
  it('splits a range into whole months and the rows at each end', () => {
    expect(byMonth({ since: '2026-03-05T10:00:00.000Z', until: '2026-03-20T00:00:00.000Z' })).toEqual({
      rows: [{ since: '2026-03-05T10:00:00.000Z', until: '2026-03-20T00:00:00.000Z' }],
    });
    expect(byMonth({ since: '2025-12-30T23:00:00.000Z', until: '2026-03-02T01:00:00.000Z' })).toEqual({
      rows: [
        { since: '2025-12-30T23:00:00.000Z', until: '2025-12-31T23:59:59.999Z' },
        { since: '2026-03-01T00:00:00.000Z', until: '2026-03-02T01:00:00.000Z' },
      ],
      monthsAfter: '2025-12',
      monthsBefore: '2026-03',
    });
    expect(byMonth({ since: '2024-02-10T00:00:00.000Z', until: '2024-03-01T00:00:00.000Z' }).rows[0].until).toBe('2024-02-29T23:59:59.999Z');
    expect(byMonth({ since: '2026-05-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z' }).rows).toHaveLength(1);
  });
});

describe('the monthly sums', () => {
  it('always equal the rows, through inserts, imports, edits and deletes', () => {
    const end = new Date(2026, 10, 22, 21, 30);
    const records = generateRecords({ records: 600, days: 500, seed: 17, end, unknownDistortions: 0.02 });
    const j = memJournal(records.slice(0, 400)); // one write: an import
    expect(stored(j)).toEqual(recomputed(j));

    for (const r of records.slice(400, 420)) j.insert(r); // one write each
    expect(stored(j)).toEqual(recomputed(j));

    const rand = rng(5);
    for (let i = 0; i < 40; i++) {
      const r = records[Math.floor(rand() * 420)];
      if (!j.has(r.id)) continue;
      if (i % 3 === 0) {
        j.delete(r.id);
      } else {
        // Another month, other ratings, other patterns and feelings.
        const moved = new Date(Date.parse(r.occurredAt) - Math.floor(rand() * 200) * 86_400_000).toISOString();
        j.update({
          ...r, occurredAt: moved, beliefBefore: i % 2 ? 80 : undefined, beliefAfter: 30,
          distortions: i % 4 ? ['labeling', 'mind-reading', 'labeling'] : [], tags: ['moved', 'moved'],
          emotions: [{ name: 'sad', before: 70, after: 20 }, { name: 'sad', before: 50 }, { name: 'calm', before: 10 }],
        }, moved);
      }
      expect(stored(j)).toEqual(recomputed(j));
    }
    j.write(() => records.slice(420).forEach((r) => j.insertRaw(r))); // a second import into the same journal
    expect(stored(j)).toEqual(recomputed(j));

    // Ranges over many months, one month, and from one month into the next give what the rows alone give.
    const ranges: Bounds[] = [
      { since: '2000-01-01T00:00:00.000Z', until: '2030-01-01T00:00:00.000Z' },
      { since: '2025-07-15T05:00:00.000Z', until: '2026-02-03T22:15:00.000Z' },
      { since: '2026-01-31T23:45:00.000Z', until: '2026-02-01T00:15:00.000Z' },
      { since: '2026-03-01T00:00:00.000Z', until: '2026-03-31T23:59:59.999Z' },
    ];
    for (let i = 0; i < 20; i++) {
      const a = Date.parse('2025-06-01T00:00:00Z') + rand() * 500 * 86_400_000;
      ranges.push({ since: new Date(a).toISOString(), until: new Date(a + rand() * 300 * 86_400_000).toISOString() });
    }
    for (const b of ranges) expect(viaStore(j, b), `${b.since} .. ${b.until}`).toEqual(fromRows(j, b));
    j.close();
  });

  it('stay right when a record saved in a write is changed in it, and when part of a write rolls back', () => {
    const records = generateRecords({ records: 40, days: 200, seed: 9, end: new Date(2026, 10, 22, 21, 30) });
    const j = memJournal(records.slice(0, 10));
    j.write(() => {
      j.insertRaw(records[10]);
      j.insertRaw(records[11]);
      j.delete(records[11].id);
      j.update({ ...records[10], beliefAfter: 5, tags: ['edited'] }, records[10].createdAt);
      try {
        j.write(() => {
          j.insertRaw(records[12]);
          j.insertRaw(records[13]);
          throw new Error('changed my mind');
        });
      } catch { /* that part is rolled back */ }
      j.insertRaw(records[14]);
    });
    expect(j.has(records[12].id)).toBe(false);
    expect(stored(j)).toEqual(recomputed(j));
    j.close();
  });

  it('count the recent half the same way', () => {
    const records = generateRecords({ records: 300, days: 400, seed: 3, end: new Date(2026, 10, 22, 21, 30) });
    const j = memJournal(records);
    const store = new StatsStore(j);
    const b = { since: '2025-10-01T00:00:00.000Z', until: '2026-11-22T23:59:59.999Z' };
    const split = '2026-04-17T22:00:00.000Z';
    const recent = new Map(store.keys('distortion', { since: split, until: b.until }).map((k) => [k.key, k.records]));
    for (const k of store.keys('distortion', b, split)) expect(k.recent).toBe(recent.get(k.key) ?? 0);
    j.close();
  });
});
