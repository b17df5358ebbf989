// An independent computation of `reframe stats` over plain records: plain JavaScript dates and loops,
// no SQL, no date-fns, nothing from src/ but types. Tests compare the program's figures with these.
// It follows the definitions written in src/domain/stats.ts and docs/CONTRACT.md, in the process's time zone.
import type { ThoughtRecord } from '../../src/domain/record';

type By = 'day' | 'week' | 'month';

export interface OracleOptions {
  since?: Date;
  until?: Date;
  by?: By;
  now: Date;
  nameOf?: (id: string) => string;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const pad = (n: number) => String(n).padStart(2, '0');
export const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const dayEnd = (d: Date) => new Date(new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime() - 1);
const nextDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);

function periodOf(d: Date, by: By): Date {
  if (by === 'day') return dayStart(d);
  if (by === 'week') return new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return new Date(d.getFullYear(), d.getMonth(), 1);
}
function nextPeriodOf(d: Date, by: By): Date {
  if (by === 'day') return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
  if (by === 'week') return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7);
  return new Date(d.getFullYear(), d.getMonth() + 1, 1);
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
/** The feelings that count: the first rating of each name in a record. */
function firstEmotions(r: ThoughtRecord) {
  const seen = new Set<string>();
  return r.emotions.filter((e) => (seen.has(e.name) ? false : (seen.add(e.name), true)));
}
const t = (r: ThoughtRecord) => new Date(r.occurredAt).getTime();
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function relief(rs: ThoughtRecord[]) {
  let es = 0, en = 0, bs = 0, bn = 0;
  for (const r of rs) {
    for (const e of firstEmotions(r)) if (e.after !== undefined) { es += e.before - e.after; en++; }
    if (r.beliefBefore !== undefined && r.beliefAfter !== undefined) { bs += r.beliefBefore - r.beliefAfter; bn++; }
  }
  return { emotion: en ? r1(es / en) : null, emotionRated: en, belief: bn ? r1(bs / bn) : null, beliefRated: bn };
}

export function oracleStats(records: ThoughtRecord[], o: OracleOptions) {
  const times = records.map(t);
  const first = times.length ? Math.min(...times) : undefined;
  const last = times.length ? Math.max(...times) : undefined;
  let until = o.until;
  if (!until && (last !== undefined || o.since)) {
    let u = dayEnd(o.now).getTime();
    if (last !== undefined) u = Math.max(u, dayEnd(new Date(last)).getTime());
    if (o.since) u = Math.max(u, dayEnd(o.since).getTime());
    until = new Date(u);
  }
  let since = o.since;
  if (!since && first !== undefined && until && first <= until.getTime()) since = dayStart(new Date(first));
  if (!since || !until) return { since: since?.toISOString() ?? null, until: until?.toISOString() ?? null, records: 0 };

  const S = since.getTime();
  const U = until.getTime();
  const inRange = records.filter((r) => t(r) >= S && t(r) <= U);
  const calendarDays = Math.round((dayStart(until).getTime() - dayStart(since).getTime()) / 86_400_000) + 1;
  const by: By = o.by ?? (calendarDays <= 31 ? 'day' : calendarDays <= 182 ? 'week' : 'month');

  const periods: { start: string; records: number }[] = [];
  for (let p = periodOf(since, by); p.getTime() <= U; p = nextPeriodOf(p, by)) {
    const k = dayKey(p);
    periods.push({ start: k, records: inRange.filter((r) => dayKey(periodOf(new Date(r.occurredAt), by)) === k).length });
  }

  // Trend windows.
  const len = U - S + 1;
  const before = records.filter((r) => t(r) >= S - len && t(r) <= S - 1);
  let basis: 'previous' | 'halves';
  let recent: ThoughtRecord[];
  let previous: ThoughtRecord[];
  if (before.length > 0) {
    basis = 'previous';
    recent = inRange;
    previous = before;
  } else {
    basis = 'halves';
    let mid = S + Math.floor(len / 2);
    const snapped = dayStart(new Date(mid)).getTime();
    if (snapped > S) mid = snapped;
    recent = inRange.filter((r) => t(r) >= mid);
    previous = inRange.filter((r) => t(r) < mid);
  }
  const trend = (has: (r: ThoughtRecord) => boolean) => {
    if (previous.length === 0) return null;
    const share = recent.length ? recent.filter(has).length / recent.length : 0;
    const previousShare = previous.filter(has).length / previous.length;
    const d = share - previousShare;
    const direction = d >= 0.05 - 1e-9 ? 'rising' : d <= -0.05 + 1e-9 ? 'falling' : 'steady';
    return { direction, share: r2(share), previousShare: r2(previousShare) };
  };

  const keyed = (get: (r: ThoughtRecord) => string[]) => {
    const keys = uniq([...inRange.flatMap(get), ...(basis === 'previous' ? previous.flatMap(get) : [])]);
    return keys.map((k) => {
      const with_ = inRange.filter((r) => get(r).includes(k));
      return {
        key: k,
        count: with_.length,
        share: inRange.length ? r2(with_.length / inRange.length) : 0,
        relief: relief(with_),
        trend: trend((r) => get(r).includes(k)),
      };
    });
  };
  const nameOf = o.nameOf ?? ((id: string) => id);
  const distortions = keyed((r) => r.distortions)
    .map(({ key, ...rest }) => ({ id: key, name: nameOf(key), ...rest }))
    .sort((a, b) => b.count - a.count || cmp(a.name, b.name));
  const tags = keyed((r) => r.tags)
    .map(({ key, ...rest }) => ({ tag: key, ...rest }))
    .sort((a, b) => b.count - a.count || cmp(a.tag, b.tag));

  const emotionNames = uniq(inRange.flatMap((r) => firstEmotions(r).map((e) => e.name)));
  const emotions = emotionNames.map((name) => {
    const es = inRange.flatMap((r) => firstEmotions(r).filter((e) => e.name === name));
    const afters = es.filter((e) => e.after !== undefined);
    return {
      name,
      count: es.length,
      meanBefore: r1(es.reduce((s, e) => s + e.before, 0) / es.length),
      meanAfter: afters.length ? r1(afters.reduce((s, e) => s + e.after!, 0) / afters.length) : null,
    };
  }).sort((a, b) => b.count - a.count || cmp(a.name, b.name));

  const bb = inRange.filter((r) => r.beliefBefore !== undefined);
  const ba = inRange.filter((r) => r.beliefAfter !== undefined);
  const belief = {
    meanBefore: bb.length ? r1(bb.reduce((s, r) => s + r.beliefBefore!, 0) / bb.length) : null,
    meanAfter: ba.length ? r1(ba.reduce((s, r) => s + r.beliefAfter!, 0) / ba.length) : null,
    rated: inRange.filter((r) => r.beliefBefore !== undefined && r.beliefAfter !== undefined).length,
  };

  // Streak over local days with a record in range.
  const days = new Set(inRange.map((r) => dayKey(new Date(r.occurredAt))));
  let longest = 0;
  for (const d of days) {
    const [y, m, dd] = d.split('-').map(Number);
    const prev = dayKey(new Date(y, m - 1, dd - 1));
    if (days.has(prev)) continue; // not the start of a run
    let run = 0;
    for (let c = new Date(y, m - 1, dd); days.has(dayKey(c)); c = nextDay(c)) run++;
    longest = Math.max(longest, run);
  }
  const anchor = new Date(Math.min(U, o.now.getTime()));
  let c = new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate());
  if (!days.has(dayKey(c))) c = new Date(c.getFullYear(), c.getMonth(), c.getDate() - 1);
  let current = 0;
  while (days.has(dayKey(c))) {
    current++;
    c = new Date(c.getFullYear(), c.getMonth(), c.getDate() - 1);
  }

  return {
    since: since.toISOString(),
    until: until.toISOString(),
    records: inRange.length,
    periods,
    distortions,
    emotions,
    belief,
    tags,
    streak: { current, longest },
    by,
    trendBasis: basis,
    trendRecords: { recent: recent.length, previous: previous.length },
  };
}
