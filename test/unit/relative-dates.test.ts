// readBound (src/domain/relative-dates.ts) reads "7d", "4w", "6m", "1y" without date-fns' parser and hands every
// other value to parseBound (src/domain/dates.ts): both must give the same instant, or the same error, for
// anything typed after --since or --until, at any moment of the year.
import { describe, expect, it } from 'vitest';
import { readBound } from '../../src/domain/relative-dates';
import { parseBound } from '../../src/domain/dates';

async function outcome(f: () => Date | Promise<Date>): Promise<unknown> {
  try {
    return { at: (await f()).toISOString() };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

describe('readBound', () => {
  it('reads the relative bounds as the README says: 7d is the last seven local days with today, 0d today', async () => {
    const now = new Date(2026, 11, 7, 12, 0, 0);
    const at = (y: number, m: number, d: number, end = false) => (end ? new Date(y, m, d, 23, 59, 59, 999) : new Date(y, m, d));
    const cases: [string, 'start' | 'end', Date][] = [
      ['7d', 'start', at(2026, 11, 1)], ['1d', 'start', at(2026, 11, 7)], ['0d', 'start', at(2026, 11, 7)], ['0d', 'end', at(2026, 11, 7, true)],
      ['7d', 'end', at(2026, 10, 30, true)], ['4w', 'start', at(2026, 10, 10)], ['1w', 'start', at(2026, 11, 1)],
      ['6m', 'start', at(2026, 5, 7)], ['1y', 'start', at(2025, 11, 7)], ['12m', 'end', at(2025, 11, 7, true)],
    ];
    for (const [v, edge, want] of cases) expect((await readBound('--since', v, now, edge)).getTime(), `${v} ${edge}`).toBe(want.getTime());
  });

  const values = [
    '7d', '0d', '1d', ' 30d ', '30D', '4w', '0w', '6m', '12m', '1y', '9999d', '2000y', '400y', '9999y', '7 d', '07d', '12345d', '-3d',
    '2026-11-22', '2026/11/22', '2026-11-22 19:05', '19:05', 'yesterday', 'today', 'now', '2026-11-22T19:05:00Z', '', 'soon', '7x',
  ];
  // Around the year's clock changes (where the test's TZ has them), month ends and a leap day.
  const nows = ['2026-03-08T09:30:00Z', '2026-03-29T00:30:00Z', '2026-10-25T23:59:59Z', '2026-12-07T12:00:00Z', '2028-02-29T23:00:00Z', '2026-01-31T05:00:00Z'];

  it('gives what parseBound gives, for every value, moment and edge', async () => {
    let relative = 0;
    for (const n of nows) {
      const now = new Date(n);
      for (const v of values) {
        for (const edge of ['start', 'end'] as const) {
          const fast = await outcome(() => readBound('--since', v, now, edge));
          const whole = await outcome(() => parseBound('--since', v, now, edge));
          expect(fast, `${v} at ${n} (${edge})`).toEqual(whole);
          if (/^\s*\d+\s*[dwmy]\s*$/i.test(v) && 'at' in (whole as object)) relative++;
        }
      }
    }
    expect(relative).toBeGreaterThan(100);
  });
});
