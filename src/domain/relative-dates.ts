// The part of reading --since and --until that needs none of date-fns' parser: "7d", "4w", "6m", "1y", and the
// years a bound may fall in. domain/dates.ts reads the rest (2026-11-22, "2026-11-22 19:05", yesterday...); the
// parser and its locale (~50 KB) load only for those, not for `stats --since 30d`.
import { endOfDay, startOfDay, subDays, subMonths, subWeeks, subYears } from 'date-fns';
import { UsageError } from '../errors';
import { msg } from '../messages';

const RELATIVE = /^(\d{1,4})\s*(d|w|m|y)$/i;

/** Years a journal can mean: 2300 blew the heat map's stack, 9999 printed 180 MB. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;
export function sensibleYear(flag: string, d: Date): Date {
  const y = d.getFullYear();
  if (!Number.isFinite(y) || y < FIRST_YEAR || y > LAST_YEAR) throw new UsageError(msg.faults.yearOutOfRange(flag, y), msg.faults.yearOutOfRangeHint);
  return d;
}

/** A relative bound, from a trimmed value; undefined when it is not one. */
export function relativeBound(value: string, now: Date, edge: 'start' | 'end'): Date | undefined {
  const rel = RELATIVE.exec(value);
  if (!rel) return undefined;
  const n = Number(rel[1]);
  const unit = rel[2].toLowerCase();
  const back = unit === 'd' ? subDays(now, n) : unit === 'w' ? subWeeks(now, n) : unit === 'm' ? subMonths(now, n) : subYears(now, n);
  // "7d" means the last seven local days including today; "0d" means today.
  return edge === 'start' ? startOfDay((unit === 'd' || unit === 'w') && n > 0 ? subDays(back, -1) : back) : endOfDay(back);
}

/** parseBound (domain/dates.ts), loading date-fns' parser only for a value that needs it. */
export async function readBound(flag: string, value: string, now: Date, edge: 'start' | 'end'): Promise<Date> {
  const rel = relativeBound(value.trim(), now, edge);
  if (rel) return sensibleYear(flag, rel);
  return (await import('./dates')).parseBound(flag, value, now, edge);
}
