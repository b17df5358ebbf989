// Reading the dates people type: 2026-11-22, "2026-11-22 19:05", 19:05, yesterday, 7d, 4w, 6m.
import { endOfDay, startOfDay, subDays, isValid, parse } from 'date-fns';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { FIRST_YEAR, LAST_YEAR, relativeBound, sensibleYear } from './relative-dates';

export { FIRST_YEAR, LAST_YEAR };

/** For --since/--until: a bound as a Date. Dates alone mean the start (since) or end (until) of that local day. */
export function parseBound(flag: string, value: string, now: Date, edge: 'start' | 'end'): Date {
  return sensibleYear(flag, parseBoundAnyYear(flag, value, now, edge));
}

function parseBoundAnyYear(flag: string, value: string, now: Date, edge: 'start' | 'end'): Date {
  const v = value.trim();
  const rel = relativeBound(v, now, edge);
  if (rel) return rel;
  const d = parseDateTime(v, now);
  if (!d) throw new UsageError(msg.errors.badDate(flag, value));
  if (d.dateOnly) return edge === 'start' ? startOfDay(d.date) : endOfDay(d.date);
  return d.date;
}

const DATE_FORMATS = ['yyyy-MM-dd', 'yyyy/MM/dd'];
const DATETIME_FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", 'yyyy/MM/dd HH:mm'];

/** A date or datetime in local time (or ISO with a zone), "today", "yesterday", "HH:mm", "yesterday HH:mm". */
export function parseDateTime(value: string, now: Date): { date: Date; dateOnly: boolean } | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'now') return { date: now, dateOnly: false };
  if (v === 'today') return { date: startOfDay(now), dateOnly: true };
  if (v === 'yesterday') return { date: startOfDay(subDays(now, 1)), dateOnly: true };
  const dayTime = /^(today|yesterday)?\s*(\d{1,2}):(\d{2})$/.exec(v);
  if (dayTime) {
    const base = dayTime[1] === 'yesterday' ? subDays(now, 1) : now;
    const h = Number(dayTime[2]);
    const m = Number(dayTime[3]);
    if (h > 23 || m > 59) return undefined;
    const d = startOfDay(base);
    d.setHours(h, m, 0, 0);
    return { date: d, dateOnly: false };
  }
  if (/(z|[+-]\d{2}:?\d{2})$/i.test(v) && /^\d{4}-\d{2}-\d{2}t/i.test(v)) {
    const d = new Date(value.trim());
    return Number.isNaN(d.getTime()) ? undefined : { date: d, dateOnly: false };
  }
  for (const f of DATE_FORMATS) {
    const d = parse(value.trim(), f, now);
    if (isValid(d) && value.trim().length === f.length) return { date: d, dateOnly: true };
  }
  for (const f of DATETIME_FORMATS) {
    const d = parse(value.trim(), f, now);
    if (isValid(d)) return { date: d, dateOnly: false };
  }
  return undefined;
}

/** How far ahead of the clock a time may be and still count as now (clocks differ a little). */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** When something happened, read from what was typed, or why it can't be. */
export type OccurredAt = { ok: true; date: Date } | { ok: false; why: 'unreadable' | 'future' | 'year'; year?: number };

/**
 * When it happened (for --at and the guided "When was this?"). A time alone that is still ahead today means the
 * day before ("21:00" typed in the morning is last night); any other time more than a few minutes ahead is refused.
 */
export function readOccurredAt(value: string, now: Date): OccurredAt {
  const d = parseDateTime(value, now);
  if (!d) return { ok: false, why: 'unreadable' };
  let date = d.date;
  if (/^\s*\d{1,2}:\d{2}\s*$/.test(value) && date.getTime() > now.getTime() + FUTURE_SLACK_MS) date = subDays(date, 1);
  const y = date.getFullYear();
  if (!Number.isFinite(y) || y < FIRST_YEAR || y > LAST_YEAR) return { ok: false, why: 'year', year: y };
  if (date.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, why: 'future' };
  return { ok: true, date };
}

/** What to say about a time typed at the guided "When was this?": nothing (true) when it will do. */
export function whenProblem(r: OccurredAt, unreadable: string): true | string {
  if (r.ok) return true;
  if (r.why === 'unreadable') return unreadable;
  return r.why === 'future' ? msg.flow.futureTime : msg.faults.yearOutOfRange('The date', r.year ?? NaN);
}

/** For --at: when it happened, as ISO. Not in the future by more than a few minutes. */
export function parseOccurredAt(value: string, now: Date): string {
  const r = readOccurredAt(value, now);
  if (r.ok) return r.date.toISOString();
  if (r.why === 'year') throw new UsageError(msg.faults.yearOutOfRange('--at', r.year ?? NaN), msg.faults.yearOutOfRangeHint);
  if (r.why === 'future') throw new UsageError(msg.errors.atInFuture(value));
  throw new UsageError(msg.errors.badAt(value));
}
