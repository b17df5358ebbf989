// stats figures on generated journals, checked against an independent computation
// (test/helpers/stats-oracle.ts: plain JavaScript over the records, no SQL), in several time zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeStats, chooseBy, daySlices, trendOf, type StatsResult } from '../../src/domain/stats';
import { StatsStore, partFacts } from '../../src/journal/stats';
import { parseBound } from '../../src/domain/dates';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { MIGRATIONS } from '../../src/journal/migrations';
import { recordSchema, type ThoughtRecord } from '../../src/domain/record';
import { generateRecords, memJournal, seededUlid, rng } from '../helpers/generate';
import { oracleStats, dayKey } from '../helpers/stats-oracle';

const savedTZ = process.env.TZ;
afterAll(() => {
  if (savedTZ === undefined) delete process.env.TZ;
  else process.env.TZ = savedTZ;
});

const nameOf = (id: string) => (id === 'mind-reading' ? 'Mind reading' : id);

function stats(j: Journal, req: { since?: Date; until?: Date; by?: 'day' | 'week' | 'month'; now: Date; perDay?: boolean }): StatsResult {
  const store = new StatsStore(j);
  return store.snapshot(() => computeStats(store, req, nameOf));
}

/** The program's JSON in the oracle's shape (the oracle has no check-ins; trend windows by their counts). */
function comparable(r: StatsResult) {
  const { checkins: _c, trendWindows, ...rest } = r.json;
  return {
    ...rest,
    trendBasis: trendWindows!.basis,
    trendRecords: { recent: trendWindows!.recent.records, previous: trendWindows!.previous.records },
  };
}

let n = 0;
/** A record with explicit fields, for hand-made cases. */
function rec(occurred: Date, o: Partial<ThoughtRecord> = {}): ThoughtRecord {
  return recordSchema.parse({
    id: seededUlid(occurred.getTime(), rng(++n)),
    createdAt: occurred.toISOString(),
    occurredAt: occurred.toISOString(),
    situation: 'Something happened',
    thought: 'A hot thought',
    emotions: [{ name: 'anxious', before: 80, after: 40 }],
    ...o,
  });
}

for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney']) {
  describe(`stats against an independent computation, TZ=${tz}`, () => {
    let records: ThoughtRecord[];
    let j: Journal;
    let end: Date;
    beforeAll(() => {
      process.env.TZ = tz;
      end = new Date(2026, 10, 22, 21, 30);
      // 1,200 records over 400 days: gaps, streaks, repeated patterns, missing after-ratings.
      records = generateRecords({ records: 1200, days: 400, seed: 42, end, unknownDistortions: 0.01 });
      j = memJournal(records);
    });
    afterAll(() => j.close());

    it('the time zone is in force', () => {
      const offset = new Date(2026, 0, 15).getTimezoneOffset();
      expect(offset).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330, 'Australia/Sydney': -660 }[tz]);
    });

    const cases: [string, (now: Date) => { since?: Date; until?: Date; by?: 'day' | 'week' | 'month' }][] = [
      ['whole history (default range, halves for trends)', () => ({})],
      ['--since 30d', (now) => ({ since: parseBound('--since', '30d', now, 'start') })],
      ['--since 4w --by day', (now) => ({ since: parseBound('--since', '4w', now, 'start'), by: 'day' })],
      ['--since 6m --by month', (now) => ({ since: parseBound('--since', '6m', now, 'start'), by: 'month' })],
      ['a past window with --until (previous window as the trend basis)', (now) => ({
        since: parseBound('--since', '2026-03-01', now, 'start'), until: parseBound('--until', '2026-05-31', now, 'end'), by: 'week',
      })],
      ['a window starting before the first record', (now) => ({ since: parseBound('--since', '2025-01-01', now, 'start'), until: parseBound('--until', '2025-12-31', now, 'end') })],
      ['a datetime window inside one day', (now) => ({ since: parseBound('--since', '2026-11-20 12:00', now, 'start'), until: parseBound('--until', '2026-11-21 08:30', now, 'end') })],
    ];
    // Both ways of counting: each day (the text report's heat map needs them) and, for --json, whole periods
    // from the monthly sums with the days that have records found on the time index.
    for (const perDay of [true, false]) {
      for (const [name, make] of cases) {
        it(`${name}${perDay ? '' : ' (periods and practice days from the indexes)'}`, () => {
          const now = new Date(end.getTime() + 3_600_000);
          const req = { ...make(now), now };
          const got = comparable(stats(j, { ...req, perDay }));
          const want = oracleStats(records, { ...req, nameOf });
          expect(got.records).toBeGreaterThan(0);
          expect(got).toEqual(want);
        });
      }
    }

    it('the streak counts from yesterday while today has no record yet, and from the end of a past range', () => {
      // The day after the journal's last record: no record today, the streak still runs to yesterday.
      const lastDay = new Date(Math.max(...records.map((r) => Date.parse(r.occurredAt))));
      const nextMorning = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1, 8, 0);
      const a = stats(j, { now: nextMorning }).json.streak;
      const b = stats(j, { now: new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate(), 23, 0) }).json.streak;
      expect(a.current).toBeGreaterThan(0);
      expect(a).toEqual(b);
      // Two days later the run is over.
      const later = stats(j, { now: new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 2, 8, 0) }).json.streak;
      expect(later.current).toBe(0);
      expect(later.longest).toBe(a.longest);
    });
  });
}

describe('stats definitions on hand-made journals', () => {
  beforeAll(() => { process.env.TZ = 'UTC'; });
  const now = new Date('2026-11-22T20:00:00Z');

  it('counts a name used twice in one record once, with its first rating', () => {
    const j = memJournal([
      rec(new Date('2026-11-20T10:00:00Z'), {
        emotions: [{ name: 'sad', before: 90, after: 30 }, { name: 'sad', before: 10, after: 5 }, { name: 'angry', before: 50 }],
        distortions: ['labeling', 'labeling', 'mind-reading'], tags: ['work', 'work'], beliefBefore: 80, beliefAfter: 50,
      }),
      rec(new Date('2026-11-21T10:00:00Z'), { emotions: [{ name: 'sad', before: 70 }], distortions: ['labeling'] }),
    ]);
    const s = stats(j, { now }).json;
    expect(s.records).toBe(2);
    expect(s.emotions).toEqual([
      { name: 'sad', count: 2, meanBefore: 80, meanAfter: 30 },
      { name: 'angry', count: 1, meanBefore: 50, meanAfter: null },
    ]);
    expect(s.distortions.map((d) => [d.id, d.name, d.count, d.share])).toEqual([['labeling', 'labeling', 2, 1], ['mind-reading', 'Mind reading', 1, 0.5]]);
    expect(s.distortions[0].relief).toEqual({ emotion: 60, emotionRated: 1, belief: 30, beliefRated: 1 });
    expect(s.tags.map((t) => [t.tag, t.count])).toEqual([['work', 1]]);
    expect(s.belief).toEqual({ meanBefore: 80, meanAfter: 50, rated: 1 });
  });

  it('keeps a pattern that came up before and not now, with share 0 and falling', () => {
    const j = memJournal([
      rec(new Date('2026-11-05T10:00:00Z'), { distortions: ['catastrophizing'] }),
      rec(new Date('2026-11-06T10:00:00Z'), { distortions: ['labeling'] }),
      rec(new Date('2026-11-15T10:00:00Z'), { distortions: ['labeling'] }),
    ]);
    const s = stats(j, { since: new Date('2026-11-14T00:00:00Z'), until: new Date('2026-11-22T23:59:59.999Z'), now }).json;
    expect(s.trendWindows?.basis).toBe('previous');
    expect(s.distortions).toEqual([
      { id: 'labeling', name: 'labeling', count: 1, share: 1, relief: { emotion: 40, emotionRated: 1, belief: null, beliefRated: 0 }, trend: { direction: 'rising', share: 1, previousShare: 0.5 } },
      { id: 'catastrophizing', name: 'catastrophizing', count: 0, share: 0, relief: { emotion: null, emotionRated: 0, belief: null, beliefRated: 0 }, trend: { direction: 'falling', share: 0, previousShare: 0.5 } },
    ]);
  });

  it('an empty journal gives the shape with zeros and nulls', () => {
    const s = stats(memJournal(), { now });
    expect(s.journalEmpty).toBe(true);
    expect(s.json).toEqual({
      since: null, until: null, records: 0, periods: [], distortions: [], emotions: [],
      belief: { meanBefore: null, meanAfter: null, rated: 0 }, tags: [], streak: { current: 0, longest: 0 },
      by: 'week', trendWindows: null, checkins: { count: 0, meanMood: null, days: [] },
    });
  });

  it('an empty range keeps its bounds and zero periods', () => {
    const j = memJournal([rec(new Date('2026-01-05T10:00:00Z'))]);
    const s = stats(j, { since: new Date('2026-11-16T00:00:00Z'), now });
    expect(s.journalEmpty).toBe(false);
    expect(s.json.records).toBe(0);
    expect(s.json.since).toBe('2026-11-16T00:00:00.000Z');
    expect(s.json.until).toBe('2026-11-22T23:59:59.999Z');
    expect(s.json.by).toBe('day');
    expect(s.json.periods.map((p) => p.records)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(s.json.periods[0].start).toBe('2026-11-16');
  });

  it('check-ins: per local day, mean mood, and nothing of their words', () => {
    const j = memJournal([rec(new Date('2026-11-20T10:00:00Z'))]);
    j.insertCheckin({ id: 'c1', createdAt: '2026-11-20T08:00:00.000Z', mood: 40, words: 'private words' });
    j.insertCheckin({ id: 'c2', createdAt: '2026-11-20T20:00:00.000Z', mood: 61 });
    j.insertCheckin({ id: 'c3', createdAt: '2026-11-22T09:00:00.000Z', mood: 70 });
    j.insertCheckin({ id: 'c4', createdAt: '2026-10-01T09:00:00.000Z', mood: 5 });
    const s = stats(j, { since: new Date('2026-11-01T00:00:00Z'), now }).json;
    expect(s.checkins).toEqual({ count: 3, meanMood: 57, days: [{ date: '2026-11-20', mood: 50.5, count: 2 }, { date: '2026-11-22', mood: 70, count: 1 }] });
    expect(JSON.stringify(s)).not.toContain('private');
  });

  it('chooses --by from the length of the range', () => {
    const d = (s: string) => new Date(s);
    expect(chooseBy(d('2026-11-01T00:00:00Z'), d('2026-11-30T23:00:00Z'))).toBe('day');
    expect(chooseBy(d('2026-06-01T00:00:00Z'), d('2026-11-22T00:00:00Z'))).toBe('week');
    expect(chooseBy(d('2026-01-01T00:00:00Z'), d('2026-11-22T00:00:00Z'))).toBe('month');
  });

  it('trend: five points make a move, less is steady, nothing before is null', () => {
    expect(trendOf(5, 20, 4, 20)).toEqual({ direction: 'rising', share: 0.25, previousShare: 0.2 });
    expect(trendOf(4, 20, 5, 20)).toEqual({ direction: 'falling', share: 0.2, previousShare: 0.25 });
    expect(trendOf(21, 100, 17, 100)?.direction).toBe('steady');
    expect(trendOf(3, 10, 0, 0)).toBeNull();
  });
});

describe('local days across daylight saving changes (TZ=America/New_York)', () => {
  beforeAll(() => { process.env.TZ = 'America/New_York'; });

  it('the fall-back day has 25 hours and the spring-forward day 23', () => {
    const slices = daySlices(new Date(2026, 10, 1), new Date(2026, 10, 2, 23, 59, 59, 999));
    expect(slices.map((s) => s.day)).toEqual(['2026-11-01', '2026-11-02']);
    const hours = (s: [string, string]) => (Date.parse(s[1]) - Date.parse(s[0])) / 3_600_000;
    expect(hours(slices[0].slice)).toBe(25);
    const spring = daySlices(new Date(2026, 2, 8), new Date(2026, 2, 8, 23, 59, 59, 999));
    expect(hours(spring[0].slice)).toBe(23);
  });

  it('a record at 23:30 local on each change day counts on that day, in its week and month', () => {
    const fall = new Date(2026, 10, 1, 23, 30); // 2026-11-02T04:30Z
    const spring = new Date(2026, 2, 8, 23, 30); // 2026-03-09T03:30Z
    expect(fall.toISOString()).toBe('2026-11-02T04:30:00.000Z');
    expect(spring.toISOString()).toBe('2026-03-09T03:30:00.000Z');
    const j = memJournal([rec(fall), rec(spring), rec(new Date(2026, 10, 2, 0, 30))]);
    const now = new Date(2026, 10, 3, 12, 0);
    for (const perDay of [true, false]) checkChangeDays(j, now, perDay);
    expect(dayKey(fall)).toBe('2026-11-01');
  });
});

function checkChangeDays(j: Journal, now: Date, perDay: boolean): void {
  {
    const oneDay = (day: string) => stats(j, { since: parseBound('--since', day, now, 'start'), until: parseBound('--until', day, now, 'end'), now, perDay }).json;
    expect(oneDay('2026-11-01').records).toBe(1);
    expect(oneDay('2026-11-02').records).toBe(1);
    expect(oneDay('2026-03-08').records).toBe(1);
    expect(oneDay('2026-03-09').records).toBe(0);
    const byDay = stats(j, { since: parseBound('--since', '2026-10-31', now, 'start'), until: parseBound('--until', '2026-11-02', now, 'end'), by: 'day', now, perDay }).json;
    expect(byDay.periods).toEqual([{ start: '2026-10-31', records: 0 }, { start: '2026-11-01', records: 1 }, { start: '2026-11-02', records: 1 }]);
    // 2026-11-01 is a Sunday: it belongs to the week of Monday 26 October.
    const byWeek = stats(j, { since: parseBound('--since', '2026-10-26', now, 'start'), until: parseBound('--until', '2026-11-08', now, 'end'), by: 'week', now, perDay }).json;
    expect(byWeek.periods).toEqual([{ start: '2026-10-26', records: 1 }, { start: '2026-11-02', records: 1 }]);
    const byMonth = stats(j, { since: parseBound('--since', '2026-03-01', now, 'start'), by: 'month', now, perDay }).json;
    expect(byMonth.periods[0]).toEqual({ start: '2026-03-01', records: 1 });
    expect(byMonth.periods.at(-1)).toEqual({ start: '2026-11-01', records: 2 });
    expect(byMonth.streak).toEqual({ current: 2, longest: 2 });
  }
}

describe('migration 4 fills the stats facts of an existing journal', () => {
  beforeAll(() => { process.env.TZ = 'UTC'; });
  const dir = mkdtempSync(join(tmpdir(), 'reframe-stats-mig-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Write records the way schema 3 stored them: no stats columns. */
  function writeV3(path: string, records: ThoughtRecord[]) {
    const db = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    const ins = db.transaction(() => {
      for (const r of records) {
        const seq = Number(db.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought, belief_before, belief_after)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(r.id, r.createdAt, r.occurredAt, r.createdAt, r.situation, r.thought, r.beliefBefore ?? null, r.beliefAfter ?? null).lastInsertRowid);
        r.emotions.forEach((e, i) => db.prepare('INSERT INTO emotions (record_seq, position, name, before, after) VALUES (?, ?, ?, ?, ?)').run(seq, i, e.name, e.before, e.after ?? null));
        r.distortions.forEach((d, i) => db.prepare('INSERT INTO record_distortions (record_seq, position, distortion_id) VALUES (?, ?, ?)').run(seq, i, d));
        r.tags.forEach((t, i) => db.prepare('INSERT INTO tags (record_seq, position, tag) VALUES (?, ?, ?)').run(seq, i, t));
      }
    });
    ins();
    db.close();
  }

  it('gives the same figures as a journal written at schema 4', () => {
    const end = new Date(2026, 10, 22, 21, 30);
    const records = generateRecords({ records: 400, days: 90, seed: 9, end });
    records.push(rec(new Date(2026, 10, 20, 9), {
      emotions: [{ name: 'sad', before: 90, after: 30 }, { name: 'sad', before: 10, after: 5 }],
      distortions: ['labeling', 'labeling'], tags: ['work', 'work'], beliefBefore: 70, beliefAfter: 20,
    }));
    const path = join(dir, 'old.db');
    writeV3(path, records);
    const old = new Journal(openDatabase(path), path);
    const fresh = memJournal(records);
    const now = new Date(end.getTime() + 60_000);
    for (const req of [{ now }, { since: parseBound('--since', '30d', now, 'start'), now }]) {
      expect(stats(old, req).json).toEqual(stats(fresh, req).json);
    }
    // Every part row's facts match what the repository writes.
    const facts = (j: Journal) => j.db.prepare(`SELECT r.id, d.position, d.occurred_at, d.belief_relief, d.emotion_relief, d.emotion_rated
      FROM record_distortions d JOIN records r ON r.seq = d.record_seq ORDER BY r.id, d.position`).all();
    expect(facts(old)).toEqual(facts(fresh));
    old.close();
    fresh.close();
  });

  it('partFacts: relief over first ratings, repeats marked', () => {
    const f = partFacts(rec(new Date(), {
      emotions: [{ name: 'sad', before: 90, after: 30 }, { name: 'sad', before: 10, after: 5 }, { name: 'hurt', before: 40, after: 50 }, { name: 'shy', before: 20 }],
      distortions: ['a', 'b', 'a'], tags: ['x'], beliefBefore: 60,
    }));
    expect(f).toEqual({
      emotionFirst: [true, false, true, true], distortionFirst: [true, true, false], tagFirst: [true],
      beliefRelief: null, emotionRelief: 50, emotionRated: 2,
    });
  });

  it('stats reads covering indexes, never the records table, for patterns, tags and feelings', () => {
    const j = memJournal(generateRecords({ records: 50, days: 10, seed: 1 }));
    j.db.pragma('optimize');
    const plan = (sql: string) => (j.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2026-01-01', 'x', '2026-01-01', '2026-12-31') as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan(`SELECT count(*), sum(belief_relief), sum(occurred_at >= ?) FROM record_distortions WHERE distortion_id = ? AND occurred_at >= ? AND occurred_at <= ?`)).toMatch(/COVERING INDEX record_distortions_id \(distortion_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
    expect(plan(`SELECT count(*), sum(emotion_relief), sum(occurred_at >= ?) FROM tags WHERE tag = ? AND occurred_at >= ? AND occurred_at <= ?`)).toMatch(/COVERING INDEX tags_tag/);
    expect(plan(`SELECT count(*), sum(after), sum(occurred_at >= ?) FROM emotions WHERE name = ? AND occurred_at >= ? AND occurred_at <= ?`)).toMatch(/COVERING INDEX emotions_name/);
    j.close();
  });
});

describe('the generator', () => {
  beforeAll(() => { process.env.TZ = 'UTC'; });

  it('is deterministic by seed, and valid records', () => {
    const a = generateRecords({ records: 300, days: 60, seed: 5 });
    const b = generateRecords({ records: 300, days: 60, seed: 5 });
    const c = generateRecords({ records: 300, days: 60, seed: 6 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(300);
    for (const r of a) expect(recordSchema.parse(r)).toEqual(r);
    expect(new Set(a.map((r) => r.id)).size).toBe(300);
  });

  it('looks like a person\'s journal', () => {
    const end = new Date(2026, 10, 22, 21, 30);
    const rs = generateRecords({ records: 2000, days: 365, seed: 3, end });
    const t = rs.map((r) => Date.parse(r.occurredAt));
    expect(Math.max(...t)).toBeLessThan(new Date(2026, 10, 23).getTime());
    expect(Math.min(...t)).toBeGreaterThanOrEqual(new Date(2025, 10, 23).getTime());
    const pairs = rs.flatMap((r) => r.emotions).filter((e) => e.after !== undefined);
    const all = rs.flatMap((r) => r.emotions);
    expect(pairs.filter((e) => e.after! < e.before).length / pairs.length).toBeGreaterThan(0.8);
    expect(pairs.length / all.length).toBeGreaterThan(0.5);
    expect(pairs.length / all.length).toBeLessThan(0.9);
    expect(new Set(all.map((e) => e.name)).size).toBeGreaterThan(8);
    // Skewed patterns: the most common is several times the median one.
    const counts = new Map<string, number>();
    for (const r of rs) for (const d of r.distortions) counts.set(d, (counts.get(d) ?? 0) + 1);
    const sorted = [...counts.values()].sort((x, y) => y - x);
    expect(sorted[0]).toBeGreaterThan(3 * sorted[Math.floor(sorted.length / 2)]);
    const lengths = rs.map((r) => r.situation.length);
    expect(Math.min(...lengths)).toBeGreaterThan(30);
    expect(Math.max(...lengths)).toBeGreaterThan(150);
    // Practice has gaps and streaks.
    const days = new Set(rs.map((r) => dayKey(new Date(r.occurredAt))));
    expect(days.size).toBeGreaterThan(150);
    expect(days.size).toBeLessThan(365);
  });
});

describe('a journal written through the repository', () => {
  it('keeps the facts right after an edit changes the time and the ratings', () => {
    process.env.TZ = 'UTC';
    const r = rec(new Date('2026-11-01T10:00:00Z'), { distortions: ['labeling'], tags: ['work'], beliefBefore: 90, beliefAfter: 60 });
    const j = memJournal([r]);
    j.update({ ...r, occurredAt: '2026-11-10T10:00:00.000Z', beliefAfter: 20, emotions: [{ name: 'anxious', before: 80, after: 10 }] }, '2026-11-11T00:00:00.000Z');
    const now = new Date('2026-11-22T12:00:00Z');
    const s = stats(j, { since: new Date('2026-11-05T00:00:00Z'), now }).json;
    expect(s.records).toBe(1);
    expect(s.distortions[0].relief).toEqual({ emotion: 70, emotionRated: 1, belief: 70, beliefRated: 1 });
    expect(s.tags[0].relief.belief).toBe(70);
    expect(stats(j, { since: new Date('2026-11-01T00:00:00Z'), until: new Date('2026-11-04T00:00:00Z'), now }).json.distortions).toEqual([]);
    j.close();
  });
});

