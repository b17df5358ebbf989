// The journal generator (src/dev/generate.ts) behind the benchmark and many tests: exactly the records
// asked for, every one valid by the contract's schema, whatever the size, span or era.
import { describe, expect, it } from 'vitest';
import { recordSchema } from '../../src/domain/record';
import { generateRecords, rng, seededUlid } from '../../src/dev/generate';

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('generateRecords', () => {
  it('makes one record over a month (a small n over many days used to throw "Invalid time value")', () => {
    const recs = generateRecords({ records: 1, days: 30, seed: 1 });
    expect(recs).toHaveLength(1);
    expect(recordSchema.safeParse(recs[0]).success).toBe(true);
  });

  it('makes exactly n valid records for every small n over long spans', () => {
    const end = new Date(2026, 10, 22, 21, 30);
    const first = new Date(2026, 10, 22 - 364).getTime();
    for (let seed = 1; seed <= 60; seed++) {
      for (const [n, days] of [[1, 30], [2, 365], [3, 30], [5, 90], [0, 30]]) {
        const recs = generateRecords({ records: n, days, seed, end });
        expect(recs, `seed ${seed}, ${n} over ${days} days`).toHaveLength(n);
        for (const r of recs) {
          expect(recordSchema.safeParse(r).success).toBe(true);
          const t = Date.parse(r.occurredAt);
          expect(t).toBeLessThanOrEqual(end.getTime() + 86_400_000);
          expect(t).toBeGreaterThanOrEqual(days === 365 ? first : end.getTime() - (days + 1) * 86_400_000);
        }
      }
    }
  });

  it('gives records before 1970 real ids (they used to start with "undefined")', () => {
    const recs = generateRecords({ records: 40, days: 60, seed: 7, end: new Date(1969, 6, 20, 21, 0) });
    expect(recs).toHaveLength(40);
    expect(new Set(recs.map((r) => r.id)).size).toBe(40);
    for (const r of recs) {
      expect(r.id).toMatch(ULID_RE);
      expect(recordSchema.safeParse(r).success).toBe(true);
    }
  });

  it('stays deterministic by seed', () => {
    expect(generateRecords({ records: 50, days: 200, seed: 3 })).toEqual(generateRecords({ records: 50, days: 200, seed: 3 }));
  });
});

describe('seededUlid', () => {
  it('keeps times before 1970 and past the ULID range inside it', () => {
    expect(seededUlid(-86_400_000, rng(1))).toMatch(/^0{10}[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(seededUlid(2 ** 50, rng(1))).toMatch(/^7ZZZZZZZZZ[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('sorts by time', () => {
    const a = seededUlid(Date.UTC(2026, 0, 1), rng(1));
    const b = seededUlid(Date.UTC(2026, 0, 1, 0, 0, 1), rng(1));
    expect(a < b).toBe(true);
  });
});
