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
  const nums = [...new Set([...localDays].map(dayNumber))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const n of nums) {
    run = n === prev + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
    prev = n;
  }
  const have = new Set(nums);
  const t = dayNumber(today);
  let end = have.has(t) ? t : have.has(t - 1) ? t - 1 : undefined;
  let current = 0;
  while (end !== undefined && have.has(end)) {
    current++;
    end--;
  }
  return { current, longest };
}

/**
 * The local days with practice, from each UTC day's first and last practice time (Journal.practiceSpans).
 * Where the UTC offset is the same at both ends of a UTC day, the local day only moves forward with time, so
 * the first and the last time give every local day that UTC day touches (at most two). A UTC day with a
 * clock change is worked out time by time, from `timesOn(day)`. Two clock changes inside one day would
 * defeat this; no time zone in use has them.
 */
export function practiceDays(
  spans: Iterable<{ day: string; first: string; last: string }>,
  timesOn: (utcDay: string) => Iterable<string>,
): string[] {
  const days: string[] = [];
  for (const s of spans) {
    const start = new Date(`${s.day}T00:00:00.000Z`);
    const end = new Date(`${s.day}T23:59:59.999Z`);
    if (start.getTimezoneOffset() === end.getTimezoneOffset()) {
      days.push(localDay(new Date(s.first)), localDay(new Date(s.last)));
    } else {
      for (const t of timesOn(s.day)) days.push(localDay(new Date(t)));
    }
  }
  return days;
}
