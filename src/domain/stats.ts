// The figures of `reframe stats`, from the sums and counts the journal gives (src/journal/stats.ts).
// Pure apart from the local time zone: periods, days and streaks are local calendar days.
//
// Definitions (docs/CONTRACT.md `stats --json`, plus the keys this file adds):
// - since/until: the effective bounds. No --since: the start of the local day of the first record
//   (null when there is none up to `until`). No --until: the end of today, or of the last record's day
//   when that is later; null for an empty journal.
// - periods: every period from the one holding `since` to the one holding `until`, zeros included;
//   `start` is the local date the period starts (weeks start on Monday, ISO; months on the 1st).
// - share = records naming it / records in range. Means cover only the ratings that exist.
//   A name used twice in one record counts once (its first rating).
// - relief (per distortion and tag): emotion = mean of before - after over the rated feelings of the
//   records naming it; belief = mean of beliefBefore - beliefAfter over those with both. Positive = eased.
// - trend (per distortion and tag): share in the recent window against the previous one. The recent
//   window is the range and the previous one the window of the same length just before it; when that
//   holds no records (always so without --since), the range's second half against its first half.
//   rising / falling when the share moved by 5 points or more, else steady; null with nothing to compare.
// - streak: local days with at least one record (by when it happened) or a check-in, inside the range:
//   the same practice days as `reframe daily`. current counts back from the last
//   day of the range (today when the range reaches today), or from the day before when that day has
//   no record yet: a day not over does not break a streak. longest: the longest run in the range.
import { addDays, addMonths, addWeeks, differenceInCalendarDays, endOfDay, startOfDay, startOfMonth, startOfWeek } from 'date-fns';
import { dayNumber, localDay, streakOf } from './streak';
import type { Bounds, CheckinRow, EmotionFacts, KeyFacts, Totals } from '../journal/stats';

export type By = 'day' | 'week' | 'month';
export const BY_VALUES: By[] = ['day', 'week', 'month'];

/** A share has to move by this much (5 percentage points) to count as rising or falling. */
export const TREND_STEP = 0.05;

/** What computeStats reads; StatsStore provides it. */
export interface StatsSource {
  span(): { first?: string; last?: string };
  totals(b: Bounds): Totals;
  countsIn(slices: [string, string][]): number[];
  /**
   * The local days in a range with at least one record (by when it happened), as day numbers (streak.ts,
   * dayNumber) in any order, when the source can find them without counting each day (StatsStore: the practice
   * days table). Without it, or when the per-day counts are wanted anyway (the heat map), the days are counted
   * one by one.
   */
  recordDayNumbers?(b: Bounds): number[];
  keys(kind: 'distortion' | 'tag', b: Bounds, split?: string): KeyFacts[];
  emotions(b: Bounds): EmotionFacts[];
  checkins(b: Bounds): CheckinRow[];
}

export interface StatsRequest {
  since?: Date;
  until?: Date;
  by?: By;
  now: Date;
  /** Whether the result needs each day's count (`days`: the heat map of the text report). Default true. */
  perDay?: boolean;
}

export interface Relief {
  /** Mean of feeling before - after; null when no feeling was re-rated. */
  emotion: number | null;
  emotionRated: number;
  /** Mean of belief before - after; null when no record has both. */
  belief: number | null;
  beliefRated: number;
}

export interface Trend {
  direction: 'rising' | 'falling' | 'steady';
  /** Share in the recent window. */
  share: number;
  previousShare: number;
}

export interface DistortionStat {
  id: string;
  name: string;
  count: number;
  share: number;
  relief: Relief;
  trend: Trend | null;
}

export interface TagStat {
  tag: string;
  count: number;
  share: number;
  relief: Relief;
  trend: Trend | null;
}

export interface EmotionStat {
  name: string;
  count: number;
  meanBefore: number | null;
  meanAfter: number | null;
}

export interface WindowJson {
  since: string;
  until: string;
  records: number;
}

export interface StatsJson {
  since: string | null;
  until: string | null;
  records: number;
  periods: { start: string; records: number }[];
  distortions: DistortionStat[];
  emotions: EmotionStat[];
  belief: { meanBefore: number | null; meanAfter: number | null; rated: number };
  tags: TagStat[];
  streak: { current: number; longest: number };
  /** Beside the contract's keys: */
  by: By;
  /** The two windows the trends compare (null only when there is no range at all). */
  trendWindows: { basis: 'previous' | 'halves'; recent: WindowJson; previous: WindowJson } | null;
  checkins: { count: number; meanMood: number | null; days: { date: string; mood: number; count: number }[] };
}

export interface StatsResult {
  json: StatsJson;
  /** Every local day of the range with its records (the heat map's cells). */
  days: { day: string; records: number }[];
  /** Records in the whole journal (to tell an empty journal from an empty range). */
  journalEmpty: boolean;
  /** The day the current streak counts back from. */
  anchorDay: string | null;
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round2 = (x: number): number => Math.round(x * 100) / 100;
const mean1 = (sum: number, n: number): number | null => (n > 0 ? round1(sum / n) : null);

/** Sorted by count (most first), then name. Names compare by code point, the same everywhere. */
function byCountThenName<T extends { count: number }>(name: (x: T) => string) {
  return (a: T, b: T) => b.count - a.count || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}

/** Without --by: days for up to a month, weeks for up to half a year, months beyond. */
export function chooseBy(since: Date, until: Date): By {
  const days = differenceInCalendarDays(until, since) + 1;
  return days <= 31 ? 'day' : days <= 182 ? 'week' : 'month';
}

export function periodStart(d: Date, by: By): Date {
  if (by === 'day') return startOfDay(d);
  if (by === 'week') return startOfWeek(d, { weekStartsOn: 1 });
  return startOfMonth(d);
}

export function nextPeriod(d: Date, by: By): Date {
  // startOfDay again: where midnight is skipped by DST, adding a day to 01:00 must still land on a day start.
  if (by === 'day') return startOfDay(addDays(d, 1));
  if (by === 'week') return startOfDay(addWeeks(d, 1));
  return startOfDay(addMonths(d, 1));
}

/** The local midnight that starts a yyyy-MM-dd day (as startOfDay gives it where midnight is skipped). */
function fromLocalDay(day: string): Date {
  return startOfDay(new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12));
}

/** The local days of a window, each as [start, end) clipped to the window, for counting. */
export function daySlices(since: Date, until: Date): { day: string; slice: [string, string] }[] {
  const out: { day: string; slice: [string, string] }[] = [];
  const endExclusive = until.getTime() + 1;
  for (let d = startOfDay(since); d.getTime() < endExclusive; d = nextPeriod(d, 'day')) {
    const next = nextPeriod(d, 'day');
    const s = Math.max(d.getTime(), since.getTime());
    const e = Math.min(next.getTime(), endExclusive);
    out.push({ day: localDay(d), slice: [new Date(s).toISOString(), new Date(e).toISOString()] });
  }
  return out;
}

function relief(k: KeyFacts | undefined): Relief {
  if (!k) return { emotion: null, emotionRated: 0, belief: null, beliefRated: 0 };
  return {
    emotion: mean1(k.emotionReliefSum, k.emotionRated),
    emotionRated: k.emotionRated,
    belief: mean1(k.beliefReliefSum, k.beliefRated),
    beliefRated: k.beliefRated,
  };
}

export function trendOf(recent: number, recentTotal: number, previous: number, previousTotal: number): Trend | null {
  if (previousTotal === 0) return null;
  const share = recentTotal > 0 ? recent / recentTotal : 0;
  const previousShare = previous / previousTotal;
  const d = share - previousShare;
  const eps = 1e-9;
  const direction = d >= TREND_STEP - eps ? 'rising' : d <= -TREND_STEP + eps ? 'falling' : 'steady';
  return { direction, share: round2(share), previousShare: round2(previousShare) };
}

const iso = (d: Date) => d.toISOString();

function emptyJson(since: Date | undefined, until: Date | undefined, by: By): StatsJson {
  return {
    since: since ? iso(since) : null,
    until: until ? iso(until) : null,
    records: 0,
    periods: [],
    distortions: [],
    emotions: [],
    belief: { meanBefore: null, meanAfter: null, rated: 0 },
    tags: [],
    streak: { current: 0, longest: 0 },
    by,
    trendWindows: null,
    checkins: { count: 0, meanMood: null, days: [] },
  };
}

/** The effective range: see the definitions at the top of this file. */
export function effectiveRange(req: StatsRequest, span: { first?: string; last?: string }): { since?: Date; until?: Date } {
  let until = req.until;
  if (!until && (span.last || req.since)) {
    let t = endOfDay(req.now).getTime();
    if (span.last) t = Math.max(t, endOfDay(new Date(span.last)).getTime());
    if (req.since) t = Math.max(t, endOfDay(req.since).getTime());
    until = new Date(t);
  }
  let since = req.since;
  if (!since && span.first && until && new Date(span.first).getTime() <= until.getTime()) {
    since = startOfDay(new Date(span.first));
  }
  return { since, until };
}

export function computeStats(src: StatsSource, req: StatsRequest, nameOf: (id: string) => string): StatsResult {
  const span = src.span();
  const journalEmpty = span.first === undefined;
  const { since, until } = effectiveRange(req, span);
  if (!since || !until || since.getTime() > until.getTime()) {
    const by = req.by ?? 'week';
    return { json: emptyJson(since, until, by), days: [], journalEmpty, anchorDay: null };
  }
  const by = req.by ?? chooseBy(since, until);
  const range: Bounds = { since: iso(since), until: iso(until) };

  // Days, periods, streak. Each day's count only when it is shown (the heat map); otherwise each period is
  // counted whole (mostly from the monthly sums) and the days with records come from the time index.
  const periodMap = new Map<string, number>();
  for (let p = periodStart(since, by); p.getTime() <= until.getTime(); p = nextPeriod(p, by)) periodMap.set(localDay(p), 0);
  let days: { day: string; records: number }[] = [];
  let recordDays: number[];
  if (req.perDay === false && src.recordDayNumbers) {
    const starts = [...periodMap.keys()];
    const endExclusive = until.getTime() + 1;
    const slices = starts.map((_, i): [string, string] => {
      const s = i === 0 ? since.getTime() : fromLocalDay(starts[i]).getTime();
      const e = i + 1 < starts.length ? fromLocalDay(starts[i + 1]).getTime() : endExclusive;
      return [iso(new Date(s)), iso(new Date(Math.min(e, endExclusive)))];
    });
    const counts = src.countsIn(slices);
    starts.forEach((k, i) => periodMap.set(k, counts[i]));
    recordDays = src.recordDayNumbers(range);
  } else {
    const slices = daySlices(since, until);
    const counts = src.countsIn(slices.map((s) => s.slice));
    days = slices.map((s, i) => ({ day: s.day, records: counts[i] }));
    slices.forEach((s, i) => {
      const key = localDay(periodStart(new Date(s.slice[0]), by));
      periodMap.set(key, (periodMap.get(key) ?? 0) + counts[i]);
    });
    recordDays = days.filter((d) => d.records > 0).map((d) => dayNumber(d.day));
  }
  const anchor = new Date(Math.min(until.getTime(), req.now.getTime()));
  const anchorDay = localDay(anchor);
  // Practice days: a record happened or a check-in was made (the same rule as `reframe daily`).
  const checkinRows = src.checkins(range);
  // As day numbers throughout: ten years of practice is ~3,650 days, never made into strings and back.
  for (const c of checkinRows) recordDays.push(dayNumber(localDay(new Date(c.createdAt))));
  const st = streakOf(recordDays, dayNumber(anchorDay));

  // Trend windows: the same length just before, or the two halves of the range (one pass: `split`).
  const len = until.getTime() - since.getTime() + 1;
  const before: Bounds = { since: iso(new Date(since.getTime() - len)), until: iso(new Date(since.getTime() - 1)) };
  const beforeN = src.totals(before).records;
  const basis: 'previous' | 'halves' = beforeN > 0 ? 'previous' : 'halves';
  let recentW: Bounds = range;
  let previousW: Bounds = before;
  let split: string | undefined;
  if (basis === 'halves') {
    let mid = new Date(since.getTime() + Math.floor(len / 2));
    const snapped = startOfDay(mid);
    if (snapped.getTime() > since.getTime()) mid = snapped;
    split = iso(mid);
    recentW = { since: split, until: range.until };
    previousW = { since: range.since, until: iso(new Date(mid.getTime() - 1)) };
  }
  const totals = src.totals(range);
  const recentN = split === undefined ? totals.records : src.countsIn([[split, iso(new Date(until.getTime() + 1))]])[0];
  const previousN = basis === 'previous' ? beforeN : totals.records - recentN;
  const comparable = previousN > 0;

  const keyed = (kind: 'distortion' | 'tag') => {
    const cur = src.keys(kind, range, split);
    const curMap = new Map(cur.map((k) => [k.key, k]));
    const prevMap = new Map<string, number>();
    const recentMap = new Map<string, number>();
    if (basis === 'previous') {
      for (const k of src.keys(kind, previousW)) prevMap.set(k.key, k.records);
      for (const k of cur) recentMap.set(k.key, k.records);
    } else {
      for (const k of cur) {
        recentMap.set(k.key, k.recent);
        prevMap.set(k.key, k.records - k.recent);
      }
    }
    const keys = new Set([...curMap.keys(), ...prevMap.keys()]);
    return [...keys].map((key) => {
      const k = curMap.get(key);
      const count = k?.records ?? 0;
      return {
        key,
        count,
        share: totals.records > 0 ? round2(count / totals.records) : 0,
        relief: relief(k),
        trend: comparable ? trendOf(recentMap.get(key) ?? 0, recentN, prevMap.get(key) ?? 0, previousN) : null,
      };
    });
  };

  const distortions: DistortionStat[] = keyed('distortion')
    .map(({ key, ...rest }) => ({ id: key, name: nameOf(key), ...rest }))
    .sort(byCountThenName((d) => d.name));
  const tags: TagStat[] = keyed('tag')
    .map(({ key, ...rest }) => ({ tag: key, ...rest }))
    .sort(byCountThenName((t) => t.tag));
  const emotions: EmotionStat[] = src.emotions(range)
    .map((e) => ({ name: e.name, count: e.records, meanBefore: mean1(e.beforeSum, e.records), meanAfter: mean1(e.afterSum, e.afterN) }))
    .sort(byCountThenName((e) => e.name));

  const perDay = new Map<string, { sum: number; n: number }>();
  let moodSum = 0;
  for (const c of checkinRows) {
    const day = localDay(new Date(c.createdAt));
    const d = perDay.get(day) ?? { sum: 0, n: 0 };
    d.sum += c.mood;
    d.n++;
    perDay.set(day, d);
    moodSum += c.mood;
  }

  const json: StatsJson = {
    since: range.since,
    until: range.until,
    records: totals.records,
    periods: [...periodMap].map(([start, records]) => ({ start, records })),
    distortions,
    emotions,
    belief: {
      meanBefore: mean1(totals.beliefBeforeSum, totals.beliefBeforeN),
      meanAfter: mean1(totals.beliefAfterSum, totals.beliefAfterN),
      rated: totals.beliefBoth,
    },
    tags,
    streak: st,
    by,
    trendWindows: {
      basis,
      recent: { since: recentW.since, until: recentW.until, records: recentN },
      previous: { since: previousW.since, until: previousW.until, records: previousN },
    },
    checkins: {
      count: checkinRows.length,
      meanMood: mean1(moodSum, checkinRows.length),
      days: [...perDay].map(([date, d]) => ({ date, mood: round1(d.sum / d.n), count: d.n })),
    },
  };
  return { json, days, journalEmpty, anchorDay };
}
