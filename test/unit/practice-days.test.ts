// `daily` finds practice days from one row per UTC day (first and last time) instead of converting every
// record's time. This checks that shortcut against converting every time, in time zones with awkward clocks:
// half-hour and 45-minute offsets, a 30-minute DST shift (Lord Howe), clock changes at local midnight
// (Sao Paulo until 2019, Beirut), both hemispheres; with times packed around each clock change and midnight.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { localDay, practiceDays, streak } from '../../src/domain/streak';
import type { ThoughtRecord } from '../../src/domain/record';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Sao_Paulo', 'Asia/Beirut', 'Pacific/Kiritimati'];
const savedTz = process.env.TZ;
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** Instants where the offset changes in the current zone, 2016-2027, found hour by hour then narrowed. */
function clockChanges(): number[] {
  const out: number[] = [];
  const H = 3_600_000;
  for (let t = Date.UTC(2016, 0, 1); t < Date.UTC(2028, 0, 1); t += H) {
    if (new Date(t).getTimezoneOffset() === new Date(t + H).getTimezoneOffset()) continue;
    let lo = t;
    let hi = t + H;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (new Date(mid).getTimezoneOffset() === new Date(lo).getTimezoneOffset()) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/** Deterministic pseudo-random numbers (no flaky seeds). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

function times(): { records: number[]; checkins: number[] } {
  const near = [-121, -61, -59, -31, -29, -16, -14, -1, 0, 1, 14, 16, 29, 31, 59, 61, 119].map((m) => m * 60_000);
  const records: number[] = [];
  const checkins: number[] = [];
  const changes = clockChanges();
  changes.forEach((c, i) => near.forEach((d, k) => ((i + k) % 3 === 0 ? checkins : records).push(c + d)));
  const rand = rng(changes.length + 7);
  for (let i = 0; i < 600; i++) {
    // Around local midnights, and anywhere at all.
    const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rand() * 4380) * 86_400_000);
    const midnight = new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()).getTime();
    records.push(midnight + Math.round((rand() - 0.5) * 40) * 60_000);
    (i % 4 === 0 ? checkins : records).push(Date.UTC(2016, 0, 1) + Math.floor(rand() * 4380 * 86_400_000));
  }
  return { records, checkins };
}

function journalWith(t: { records: number[]; checkins: number[] }): Journal {
  const j = new Journal(openDatabase(':memory:'), ':memory:');
  const base: Omit<ThoughtRecord, 'id' | 'occurredAt'> = {
    createdAt: '2027-12-31T00:00:00.000Z', situation: 's', emotions: [{ name: 'sad', before: 50 }], thought: 't',
    beliefBefore: 50, otherThoughts: [], distortions: [], evidenceFor: [], evidenceAgainst: [], answers: [], tags: [],
  } as Omit<ThoughtRecord, 'id' | 'occurredAt'>;
  j.db.transaction(() => {
    t.records.forEach((ms, i) => j.insertRaw({ ...base, id: `R${String(i).padStart(7, '0')}`, occurredAt: new Date(ms).toISOString() } as ThoughtRecord));
  })();
  t.checkins.forEach((ms, i) => j.insertCheckin({ id: `C${String(i).padStart(7, '0')}`, createdAt: new Date(ms).toISOString(), mood: 50 }));
  return j;
}

describe('practice days from one row per UTC day', () => {
  for (const tz of ZONES) {
    it(`are the local days of every record and check-in, in ${tz}`, () => {
      process.env.TZ = tz;
      const t = times();
      const j = journalWith(t);
      try {
        const expected = new Set([...t.records, ...t.checkins].map((ms) => localDay(new Date(ms))));
        const got = practiceDays(j.practiceSpans(), (day) => j.practiceTimesOn(day));
        expect(new Set(got)).toEqual(expected);
        // One row per UTC day, not per record.
        expect(j.practiceSpans().length).toBeLessThan(t.records.length + t.checkins.length);
        for (const today of ['2019-11-03', '2024-03-31', '2027-12-31']) {
          expect(streak(got, today), today).toEqual(streak(expected, today));
        }
      } finally {
        j.close();
      }
    });
  }

  it('has clock changes to test in the zones that have them', () => {
    process.env.TZ = 'Asia/Beirut';
    expect(clockChanges().length).toBeGreaterThan(10);
    process.env.TZ = 'Australia/Lord_Howe';
    expect(clockChanges().length).toBeGreaterThan(10);
  });
});
