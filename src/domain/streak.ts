// Practice days and streaks, on local calendar days ("2026-11-22"). Pure: no clock, no journal.
// `daily` counts a day when the person wrote a record or checked in; `stats` can pass its own days.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day of an instant, as yyyy-MM-dd (in the process's time zone). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Days since 1970-01-01 for a yyyy-MM-dd day: calendar arithmetic with no time zone or DST in it. */
export function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a yyyy-MM-dd day: ${day}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** The yyyy-MM-dd day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * 86_400_000).toISOString().slice(0, 10);
}

export interface Streak {
  /** Days in a row up to today; a run that ended yesterday still counts until today is over. */
  current: number;
  /** The longest run of consecutive days ever. */
  longest: number;
}

/**
 * Current and longest run of consecutive days among `localDays` (any order, duplicates fine).
 * Today not practised yet does not break the streak: it runs up to yesterday until the day ends.
 * Days after `today` (a clock that moved back) count toward `longest` but not `current`.
 */
export function streak(localDays: Iterable<string>, today: string): Streak {
  return streakOf([...localDays].map(dayNumber), dayNumber(today));
}

/** streak() on day numbers (dayNumber), for callers that have them. */
export function streakOf(dayNumbers: Iterable<number>, today: number): Streak {
  // A typed array sorts numbers natively, without calling back into JavaScript per comparison.
  const nums = Float64Array.from(new Set(dayNumbers)).sort();
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const n of nums) {
    run = n === prev + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
    prev = n;
  }
  const have = new Set(nums);
  const t = today;
  let end = have.has(t) ? t : have.has(t - 1) ? t - 1 : undefined;
  let current = 0;
  while (end !== undefined && have.has(end)) {
    current++;
    end--;
  }
  return { current, longest };
}

/**
 * One UTC day's practice: the day (days since 1970-01-01) and its first and last practice instants (ms since the
 * epoch). Journal.practiceSpans gives them as numbers straight from SQLite; `spanOf` makes one from strings.
 */
export interface PracticeSpan {
  day: number;
  first: number;
  last: number;
}

/** A PracticeSpan from a yyyy-MM-dd UTC day and two ISO instants. */
export function spanOf(day: string, first: string, last: string): PracticeSpan {
  return { day: Date.parse(`${day}T00:00:00.000Z`) / DAY_MS, first: Date.parse(first), last: Date.parse(last) };
}

/**
 * The local days with practice, from each UTC day's first and last practice time (Journal.practiceSpans).
 * Where the UTC offset is the same at both ends of a UTC day, the local day only moves forward with time, so
 * the first and the last time give every local day that UTC day touches (at most two). A UTC day with a
 * clock change is worked out time by time, from `timesOn(day)`. Two clock changes inside one day would
 * defeat this; no time zone in use has them. A UTC day may come more than once (records and check-ins apart):
 * each gives days that had practice. Returned oldest first, each day once.
 */
export function practiceDays(spans: Iterable<PracticeSpan>, timesOn: (utcDay: string) => Iterable<string>): string[] {
  return [...new Set(practiceDayNumbers(spans, timesOn))].sort((a, b) => a - b).map(dayOfNumber);
}

/** practiceDays() as day numbers (dayNumber), any order, duplicates possible. */
export function practiceDayNumbers(spans: Iterable<PracticeSpan>, timesOn: (utcDay: string) => Iterable<string>): number[] {
  // Ten years of practice is ~3,650 spans, read at every `daily`: each time becomes a local day number by
  // arithmetic on the UTC offset (looked up about once a week: offsets() below), not by Date's local getters and
  // strings.
  const days: number[] = [];
  const offsetAt = offsets();
  for (const s of spans) {
    const start = s.day * DAY_MS;
    const startOffset = offsetAt(start);
    if (startOffset === offsetAt(start + DAY_MS - 1) && Number.isFinite(start) && Number.isFinite(s.first) && Number.isFinite(s.last)) {
      const first = localDayNumber(s.first, startOffset);
      const last = localDayNumber(s.last, startOffset);
      days.push(first);
      if (last !== first) days.push(last);
    } else if (Number.isFinite(start)) {
      for (const t of timesOn(dayOfNumber(s.day))) {
        const ms = Date.parse(t);
        days.push(localDayNumber(ms, new Date(ms).getTimezoneOffset()));
      }
    }
  }
  return days;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Date#getTimezoneOffset at an instant, looked up once a week where it can be: the offset is read at both ends of
 * a week and, where they agree, holds for the week between. That assumes no time zone changes its clock twice
 * within a week, as V8's own date cache does for 19 days; test/unit/practice-days.test.ts checks the days against
 * converting every time, in zones with awkward clocks. Ten years of days: ~500 lookups instead of ~5,000.
 */
function offsets(): (ms: number) => number {
  let from = 1;
  let to = 0;
  let known = 0;
  const probe = new Date(0);
  const lookUp = (ms: number) => {
    probe.setTime(ms);
    return probe.getTimezoneOffset();
  };
  return (ms) => {
    if (ms >= from && ms <= to) return known;
    const here = lookUp(ms);
    if (here === lookUp(ms + WEEK_MS)) {
      from = ms;
      to = ms + WEEK_MS;
      known = here;
    }
    return here;
  };
}

/** The local day number (days since 1970-01-01) of an instant, given the UTC offset in force (minutes, as
 * Date#getTimezoneOffset gives it: UTC minus local). */
function localDayNumber(ms: number, offsetMinutes: number): number {
  return Math.floor((ms - offsetMinutes * 60_000) / DAY_MS);
}

/** yyyy-MM-dd of a day number: the inverse of dayNumber, for the years a journal holds (0000-9999). */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
