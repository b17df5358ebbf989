// `reframe stats` as a report: records per period, patterns with trend arrows and relief, feelings
// before -> after, belief, tags, a calendar of practice days, the streak, check-in mood.
// On a terminal with colour: block characters and colour. Otherwise (NO_COLOR, a pipe) the same
// report in plain ASCII with no escape codes.
import { format } from 'date-fns';
import { plot } from 'asciichart';
import type { Theme } from './theme';
import type { By, DistortionStat, StatsResult, TagStat, Trend } from '../domain/stats';
import { dayNumber } from '../domain/streak';
import { msg } from '../messages';
import { pad, truncate, width as textWidth, wrap } from './text';

export interface StatsRenderOptions {
  theme: Theme;
  /** Terminal columns (80 when unknown). */
  width?: number;
}

interface Glyphs {
  ascii: boolean;
  full: string;
  /** Partial blocks by eighths, 1..7. */
  eighths: string[];
  up: string;
  down: string;
  steady: string;
  axis: { corner: string; h: string; tick: string };
  heat: string[];
}

const FANCY: Glyphs = {
  ascii: false,
  full: '█',
  eighths: ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'],
  up: '↑',
  down: '↓',
  steady: '→',
  axis: { corner: '└', h: '─', tick: '┤' },
  heat: ['·', '░', '▒', '▓', '█'],
};

const PLAIN: Glyphs = {
  ascii: true,
  full: '#',
  eighths: ['', '', '', '', '', '', '', ''],
  up: '^',
  down: 'v',
  steady: '=',
  axis: { corner: '+', h: '-', tick: '|' },
  heat: ['.', '-', '+', '*', '#'],
};

/** Plain ASCII when there is no terminal, TERM=dumb or a locale that isn't UTF-8; NO_COLOR keeps the blocks. */
export function glyphsFor(t: Theme): Glyphs {
  return t.unicode ? FANCY : PLAIN;
}

const fromDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

export function shortDate(day: string, withYear = false): string {
  return format(fromDay(day), withYear ? 'd MMM yyyy' : 'd MMM');
}

function periodLabel(day: string, by: By): string {
  return by === 'month' ? format(fromDay(day), 'MMM yy') : format(fromDay(day), 'd MMM');
}

/** A horizontal bar of `value / max` over `cells` columns (eighths on a terminal). */
export function hbar(value: number, max: number, cells: number, g: Glyphs): string {
  if (max <= 0 || value <= 0) return '';
  const units = Math.max(1, Math.round((value / max) * cells * (g.ascii ? 1 : 8)));
  if (g.ascii) return g.full.repeat(Math.min(cells, units));
  return g.full.repeat(Math.floor(units / 8)) + g.eighths[units % 8];
}

/** Vertical bars, one per value, `height` rows, with the y axis and first/last labels. */
export function columnChart(values: number[], labels: string[], width: number, g: Glyphs, t: Theme, height = 6): { lines: string[]; shown: number } {
  const max = Math.max(1, ...values);
  const yw = String(max).length;
  const avail = Math.max(10, width - yw - 4);
  let vals = values;
  let labs = labels;
  if (vals.length > avail) {
    vals = vals.slice(-avail);
    labs = labs.slice(-avail);
  }
  const n = vals.length;
  const [bw, gap] = n * 3 <= avail ? [2, 1] : n * 2 <= avail ? [1, 1] : [1, 0];
  const cellW = bw + gap;
  const scale = g.ascii ? 1 : 8;
  const units = vals.map((v) => (v > 0 ? Math.max(1, Math.round((v / max) * height * scale)) : 0));
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    let line = '';
    for (const u of units) {
      const inRow = u - row * scale;
      const ch = inRow >= scale ? g.full : inRow > 0 ? (g.ascii ? g.full : lowerBlock(inRow)) : ' ';
      line += ch.repeat(bw) + ' '.repeat(gap);
    }
    const label = row === height - 1 ? String(max) : row === 0 ? '0' : '';
    lines.push(`  ${label.padStart(yw)} ${g.axis.tick}${t.accent(line.trimEnd())}`);
  }
  lines.push(`  ${' '.repeat(yw)} ${g.axis.corner}${g.axis.h.repeat(n * cellW)}`);
  // Labels: the first period at the left, the last at the right, when they fit apart.
  const first = labs[0] ?? '';
  const last = labs[n - 1] ?? '';
  const span = n * cellW;
  let axis = first;
  if (n > 1 && first.length + last.length + 2 <= span) axis = first + ' '.repeat(span - first.length - last.length - gap) + last;
  lines.push(`  ${' '.repeat(yw)}  ${t.muted(axis)}`);
  return { lines, shown: n };
}

function lowerBlock(eighths: number): string {
  return ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇'][eighths] ?? '█';
}

export function trendText(tr: Trend | null, g: Glyphs): string {
  if (!tr) return '';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (tr.direction === 'rising') return `${g.up} from ${pct(tr.previousShare)}`;
  if (tr.direction === 'falling') return `${g.down} from ${pct(tr.previousShare)}`;
  return `${g.steady} steady`;
}

function reliefText(r: DistortionStat['relief']): string {
  if (r.emotion === null && r.belief === null) return '';
  const f = (x: number | null) => (x === null ? '?' : String(Math.round(x)));
  return `eases ${f(r.emotion)} / ${f(r.belief)}`;
}

interface Row {
  label: string;
  count: number;
  share: number;
  trend: Trend | null;
  relief: DistortionStat['relief'];
}

/** Horizontal bars with count, share, trend arrow and relief, one line each. */
function barTable(rows: Row[], width: number, g: Glyphs, t: Theme, limit: number): string[] {
  const shown = rows.filter((r) => r.count > 0).slice(0, limit);
  if (shown.length === 0) return [];
  const maxCount = Math.max(...shown.map((r) => r.count));
  const labelW = Math.min(24, Math.max(...shown.map((r) => textWidth(r.label))));
  const cw = String(maxCount).length;
  const barW = Math.max(8, Math.min(24, width - labelW - cw - 40));
  return shown.map((r) => {
    const bar = pad(hbar(r.count, maxCount, barW, g), barW);
    const tr = trendText(r.trend, g);
    const trC = r.trend?.direction === 'rising' ? t.warn(pad(tr, 10)) : r.trend?.direction === 'falling' ? t.good(pad(tr, 10)) : t.muted(pad(tr, 10));
    const share = `${Math.round(r.share * 100)}%`.padStart(4);
    return `  ${pad(truncate(r.label, labelW, g.ascii ? '.' : '…'), labelW)}  ${t.accent(bar)} ${String(r.count).padStart(cw)} ${t.muted(share)}  ${trC} ${t.muted(reliefText(r.relief))}`.trimEnd();
  });
}

/** The calendar of practice days: weeks as columns (Monday on top), like a contribution graph. */
export function heatMap(days: { day: string; records: number }[], width: number, g: Glyphs, t: Theme): string[] & { weeks?: number; allWeeks?: number } {
  if (days.length === 0) return [];
  const byNum = new Map(days.map((d) => [dayNumber(d.day), d.records]));
  const firstNum = dayNumber(days[0].day);
  const lastNum = dayNumber(days[days.length - 1].day);
  // 1970-01-01 was a Thursday: Monday-based weekday = (n + 3) mod 7.
  const weekday = (n: number) => (((n + 3) % 7) + 7) % 7;
  const maxCols = Math.max(4, Math.floor((width - 8) / 2));
  const lastMonday = lastNum - weekday(lastNum);
  let firstMonday = firstNum - weekday(firstNum);
  const allWeeks = Math.floor((lastMonday - firstMonday) / 7) + 1;
  const cols = Math.min(maxCols, allWeeks);
  firstMonday = lastMonday - (cols - 1) * 7;
  let max = 1; // a loop: spreading a century of days into Math.max overflowed the stack
  for (const d of days) if (d.records > max) max = d.records;
  const level = (n: number) => (n <= 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));

  const dayStr = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  // Month names above the week in which each month begins.
  // A label that does not fit (the month before is still being written) moves one week right.
  let head = '';
  let pending = '';
  for (let c = 0; c < cols; c++) {
    const monday = firstMonday + c * 7;
    for (let k = 0; k < 7; k++) {
      const s = dayStr(monday + k);
      if (s.endsWith('-01') || (c === 0 && k === 0)) pending = format(fromDay(s), 'MMM');
    }
    if (pending && (c === 0 || head.length < c * 2)) {
      head = head.padEnd(c * 2) + pending;
      pending = '';
    }
  }
  const lines = [`       ${t.muted(head)}`];
  const names = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
  for (let row = 0; row < 7; row++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const n = firstMonday + c * 7 + row;
      if (n < firstNum || n > lastNum) {
        line += '  ';
        continue;
      }
      const lv = level(byNum.get(n) ?? 0);
      const ch = g.heat[lv];
      line += (lv === 0 ? t.muted(ch) : t.good(ch)) + ' ';
    }
    lines.push(`  ${pad(names[row], 4)} ${line.trimEnd()}`);
  }
  lines.push(`       ${t.muted(msg.stats.less)} ${g.heat.map((h, i) => (i === 0 ? t.muted(h) : t.good(h))).join(' ')} ${t.muted(msg.stats.more)}`);
  return Object.assign(lines, { weeks: cols, allWeeks });
}

function section(lines: string[], title: string, t: Theme, body: string[]): void {
  if (body.length === 0) return;
  lines.push('', t.heading(title), ...body);
}

export function renderStats(res: StatsResult, o: StatsRenderOptions): string {
  const t = o.theme;
  const g = glyphsFor(t);
  const W = Math.max(60, Math.min(o.width ?? 80, 120));
  const j = res.json;
  const lines: string[] = [];
  const para = (text: string) => wrap(text, W - 4, '  ');
  const firstDay = res.days[0]?.day;
  const lastDay = res.days[res.days.length - 1]?.day;
  if (firstDay && lastDay) lines.push(t.heading(msg.stats.title(shortDate(firstDay, true), shortDate(lastDay, true))));
  const practiced = res.days.filter((d) => d.records > 0).length;
  lines.push(t.muted(msg.stats.summary(j.records, practiced)));

  // Records per period.
  const chart = columnChart(j.periods.map((p) => p.records), j.periods.map((p) => periodLabel(p.start, j.by)), W, g, t);
  const title = msg.stats.perPeriod(j.by) + (chart.shown < j.periods.length ? ` (${msg.stats.lastPeriods(chart.shown, j.by)})` : '');
  section(lines, title, t, chart.lines);

  // Patterns.
  const dRows: Row[] = j.distortions.map((d) => ({ label: d.name, count: d.count, share: d.share, trend: d.trend, relief: d.relief }));
  const pBody = barTable(dRows, W, g, t, 12);
  if (pBody.length === 0) pBody.push(t.muted(para(msg.stats.patternsNone)));
  else {
    pBody.push('', ...notes(j.distortions.slice(0, 12), W), ...faded(j.distortions, W, t));
    const key = j.trendWindows ? `${msg.stats.reliefKey}; ${msg.stats.trendKey(j.trendWindows.basis)}` : msg.stats.reliefKey;
    pBody.push(t.muted(wrap(`(${key})`, W - 4, '  ')));
  }
  section(lines, msg.stats.patterns, t, pBody);

  // Feelings: before and after bars on a 0-100 scale.
  const eBody: string[] = [];
  const shownE = j.emotions.slice(0, 8);
  const nameW = Math.min(20, Math.max(0, ...shownE.map((e) => textWidth(`${e.name} (${e.count})`))));
  const barW = Math.max(10, Math.min(40, W - nameW - 20));
  for (const e of shownE) {
    const label = pad(truncate(`${e.name} (${e.count})`, nameW, g.ascii ? '.' : '…'), nameW);
    const b = e.meanBefore ?? 0;
    eBody.push(`  ${label}  ${t.muted('before')} ${t.warn(pad(hbar(b, 100, barW, g), barW))} ${e.meanBefore ?? '-'}`);
    if (e.meanAfter !== null) eBody.push(`  ${' '.repeat(nameW)}  ${t.muted('after ')} ${t.good(pad(hbar(e.meanAfter, 100, barW, g), barW))} ${e.meanAfter}`);
  }
  section(lines, msg.stats.feelings, t, eBody);

  // Belief in the hot thought.
  const bl = j.belief;
  if (bl.meanBefore !== null) {
    const text = bl.meanAfter !== null && bl.rated > 0
      ? msg.stats.belief(bl.meanBefore, bl.meanAfter, bl.rated)
      : msg.stats.beliefBeforeOnly(bl.meanBefore);
    section(lines, msg.stats.beliefTitle, t, [para(text)]);
  }

  // Tags.
  const tRows: Row[] = j.tags.map((x: TagStat) => ({ label: `#${x.tag}`, count: x.count, share: x.share, trend: x.trend, relief: x.relief }));
  section(lines, msg.stats.tags, t, barTable(tRows, W, g, t, 10));

  // Practice days and the streak.
  const heat = heatMap(res.days, W, g, t);
  const cut = heat.weeks !== undefined && heat.allWeeks !== undefined && heat.weeks < heat.allWeeks;
  section(lines, msg.stats.practice + (cut ? ` (${msg.stats.lastPeriods(heat.weeks!, 'week')})` : ''), t,
    [...heat, '', para(msg.stats.streak(j.streak.current, j.streak.longest))]);

  // Check-ins: a line of mood per day with one (the daily prompt's check-ins).
  const ci = j.checkins;
  if (ci.count > 0 && ci.meanMood !== null) {
    const body: string[] = [];
    const series = ci.days.slice(-Math.max(10, W - 12)).map((d) => d.mood);
    if (series.length >= 2) {
      const chart = plot(series, {
        min: 0, max: 100, height: 5, offset: 2,
        format: (x: number) => String(Math.round(x)).padStart(5),
        symbols: g.ascii ? ['+', '|', '-', '-', '-', '\\', '/', '\\', '/', '|'] : undefined,
      });
      body.push(...chart.split('\n').map((l) => `  ${t.accent(l)}`));
    }
    body.push(para(msg.stats.checkinMean(ci.meanMood, ci.count)));
    section(lines, msg.stats.checkins(Math.min(series.length, ci.days.length)), t, body);
  }
  return lines.join('\n');
}

/** One or two plain sentences under the patterns: what eases most, what holds on, what faded. */
function notes(ds: DistortionStat[], width: number): string[] {
  const out: string[] = [];
  const say = (line: string) => out.push(wrap(line, width - 4, '  '));
  const rated = ds.filter((d) => d.count > 0 && d.relief.emotion !== null && d.relief.emotionRated >= 3);
  if (rated.length >= 2) {
    const sorted = [...rated].sort((a, b) => (b.relief.emotion! - a.relief.emotion!) || (a.name < b.name ? -1 : 1));
    const best = sorted[0];
    const worst = sorted[sorted.length - 1];
    say(msg.stats.easesMost(best.name, Math.round(best.relief.emotion!)));
    if (best.relief.emotion! - worst.relief.emotion! >= 5) say(msg.stats.holdsOn(worst.name, Math.round(worst.relief.emotion!)));
  }
  return out;
}

/** Patterns that came up in the previous window and not in this one: good news worth saying. */
function faded(ds: DistortionStat[], width: number, t: Theme): string[] {
  const names = ds.filter((d) => d.count === 0 && d.trend && d.trend.previousShare > 0).map((d) => d.name);
  if (names.length === 0) return [];
  const shown = names.length > 5 ? [...names.slice(0, 4), `${names.length - 4} more`] : names;
  return [t.good(wrap(msg.stats.faded(shown), width - 4, '  '))];
}
