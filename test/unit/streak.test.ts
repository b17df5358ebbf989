// streak(localDays, today): a pure function both `daily` and `stats` can use.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, streak } from '../../src/domain/streak';

describe('streak', () => {
  const today = '2026-11-22';
  it.each([
    ['no days', [], { current: 0, longest: 0 }],
    ['only today', ['2026-11-22'], { current: 1, longest: 1 }],
    ['only yesterday: the streak is still alive today', ['2026-11-21'], { current: 1, longest: 1 }],
    ['the day before yesterday: broken', ['2026-11-20'], { current: 0, longest: 1 }],
    ['three days up to today, duplicates and any order', ['2026-11-22', '2026-11-20', '2026-11-21', '2026-11-22'], { current: 3, longest: 3 }],
    ['three days up to yesterday', ['2026-11-19', '2026-11-20', '2026-11-21'], { current: 3, longest: 3 }],
    ['a longer run in the past', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-11-21', '2026-11-22'], { current: 2, longest: 4 }],
    ['across a month and a leap day', ['2024-02-28', '2024-02-29', '2024-03-01'], { current: 0, longest: 3 }],
    ['across a year', ['2025-12-31', '2026-01-01'], { current: 0, longest: 2 }],
    ['a day in the future does not make a current streak', ['2026-11-24'], { current: 0, longest: 1 }],
  ])('%s', (_name, days, want) => {
    expect(streak(days, today)).toEqual(want);
  });

  it('agrees with a day-by-day count on random sets of days', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: -60, max: 0 }), { maxLength: 40 }), (offsets) => {
      const days = offsets.map((o) => addDays(today, o));
      const set = new Set(days);
      // Independent computation: walk every day of the window.
      let longest = 0, run = 0;
      for (let o = -61; o <= 0; o++) {
        run = set.has(addDays(today, o)) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      let current = 0;
      let o = set.has(today) ? 0 : -1;
      while (set.has(addDays(today, o))) { current++; o--; }
      expect(streak(days, today)).toEqual({ current, longest });
    }));
  });
});
