// Small charts as inline SVG: no script, no network, colours from the page's CSS (so dark mode and print
// follow). Each chart is a <figure> with a title and description for screen readers, a caption, and its
// numbers as a table under "The numbers", which is also what a text browser shows.
import { format } from 'date-fns';
import { t } from './escape';
import { msg } from '../../messages';

let seq = 0;
/** Ids unique within one page. */
const uid = (p: string) => `${p}-${++seq}`;
export function resetIds(): void { seq = 0; }

const r1 = (x: number) => Math.round(x * 10) / 10;
const round = (x: number) => String(Math.round(x));

/** Shorten a label to fit the left column of a chart (the table keeps it whole). */
function clip(s: string, n = 26): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : chars.join('');
}

function figure(svg: string, body: string, caption: string, desc: string, table: string, w: number, h: number, id: string): string {
  return `<figure class="chart">
<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-t">${t(caption)}</title><desc id="${id}-d">${t(desc)}</desc>
${svg}${body}
</svg>
<figcaption>${t(caption)}</figcaption>
<details><summary>${t(msg.report.numbers)}</summary>${table}</details>
</figure>`;
}

export function table(head: string[], rows: (string | number)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row" dir="auto">${t(c)}</th>` : `<td>${t(c)}</td>`)).join('')}</tr>`).join('')}</tbody></table>`;
}

/** Horizontal bars: how often each item came up, with a note at the end of the bar. */
export function barChart(items: { label: string; value: number; note?: string }[], caption: string, desc: string, head: string[], rows: (string | number)[][]): string {
  const id = uid('bars');
  const W = 640, L = 200, R = 110, ROW = 26, TOP = 6;
  const H = TOP * 2 + items.length * ROW;
  const max = Math.max(1, ...items.map((i) => i.value));
  const body = items.map((it, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(2, ((W - L - R) * it.value) / max);
    return `<g><text class="label" x="${L - 8}" y="${y + 17}" text-anchor="end">${t(clip(it.label))}</text>`
      + `<rect class="bar" x="${L}" y="${y + 4}" width="${r1(w)}" height="${ROW - 8}" rx="3"/>`
      + `<text class="value" x="${r1(L + w + 6)}" y="${y + 17}">${t(it.value)}${it.note ? ` · ${t(it.note)}` : ''}</text></g>`;
  }).join('\n');
  return figure('', body, caption, desc, table(head, rows), W, H, id);
}

/** A 0-100 scale with a dot for before and a dot for after on each row. */
export function dumbbell(items: { label: string; before: number; after?: number }[], caption: string, desc: string, head: string[], rows: (string | number)[][]): string {
  const id = uid('dumbbell');
  const W = 640, L = 200, R = 30, ROW = 28, TOP = 30;
  const H = TOP + items.length * ROW + 8;
  const x = (v: number) => r1(L + ((W - L - R) * v) / 100);
  const grid = [0, 25, 50, 75, 100].map((v) => `<line class="grid" x1="${x(v)}" x2="${x(v)}" y1="${TOP - 6}" y2="${H - 6}"/><text class="axis" x="${x(v)}" y="${TOP - 12}" text-anchor="middle">${v}</text>`).join('');
  const legend = `<g class="legend"><circle class="before" cx="12" cy="10" r="5"/><text class="axis" x="22" y="14">${t(msg.report.legendBefore)}</text>`
    + `<circle class="after" cx="82" cy="10" r="5"/><text class="axis" x="92" y="14">${t(msg.report.legendAfter)}</text></g>`;
  const body = items.map((it, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const line = it.after === undefined ? '' : `<line class="link" x1="${x(it.before)}" x2="${x(it.after)}" y1="${y}" y2="${y}"/>`;
    const after = it.after === undefined ? '' : `<circle class="after" cx="${x(it.after)}" cy="${y}" r="6"/>`;
    return `<g><text class="label" x="${L - 10}" y="${y + 5}" text-anchor="end">${t(clip(it.label))}</text>${line}<circle class="before" cx="${x(it.before)}" cy="${y}" r="6"/>${after}</g>`;
  }).join('\n');
  return figure(grid + legend, body, caption, desc, table(head, rows), W, H, id);
}

/** One vertical line per record, over time: from belief before (top dot) to belief after (bottom dot). */
export function beliefPaths(points: { at: string; before: number; after: number }[], caption: string, desc: string, head: string[], rows: (string | number)[][]): string {
  const id = uid('belief');
  const W = 640, H = 220, L = 40, R = 16, TOP = 24, BOT = 30;
  const times = points.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const span = Math.max(1, t1 - t0);
  const x = (ms: number) => r1(points.length === 1 ? (L + W - R) / 2 : L + 8 + ((W - L - R - 16) * (ms - t0)) / span);
  const y = (v: number) => r1(TOP + ((H - TOP - BOT) * (100 - v)) / 100);
  const grid = [0, 50, 100].map((v) => `<line class="grid" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/><text class="axis" x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join('');
  const ends = `<text class="axis" x="${L}" y="${H - 8}">${t(format(t0, 'd MMM'))}</text><text class="axis" x="${W - R}" y="${H - 8}" text-anchor="end">${t(format(t1, 'd MMM'))}</text>`;
  const legend = `<g class="legend"><circle class="before" cx="${L + 6}" cy="10" r="5"/><text class="axis" x="${L + 16}" y="14">${t(msg.report.legendBefore)}</text>`
    + `<circle class="after" cx="${L + 76}" cy="10" r="5"/><text class="axis" x="${L + 86}" y="14">${t(msg.report.legendAfter)}</text></g>`;
  const body = points.map((p, i) => {
    const cx = x(times[i]);
    return `<g><line class="link" x1="${cx}" x2="${cx}" y1="${y(p.before)}" y2="${y(p.after)}"/><circle class="before" cx="${cx}" cy="${y(p.before)}" r="4"/><circle class="after" cx="${cx}" cy="${y(p.after)}" r="4"/></g>`;
  }).join('\n');
  return figure(grid + ends + legend, body, caption, desc, table(head, rows), W, H, id);
}

/** Lines over time on a 0-100 scale, one per series (core beliefs' conviction). */
export function lineChart(series: { label: string; points: { at: string; value: number }[] }[], caption: string, desc: string, head: string[], rows: (string | number)[][]): string {
  const id = uid('lines');
  const W = 640, L = 40, R = 16, TOP = 14, BOT = 30;
  const H = 200 + series.length * 18;
  const times = series.flatMap((s) => s.points.map((p) => Date.parse(p.at)));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const span = Math.max(1, t1 - t0);
  const plotH = 200 - TOP - BOT;
  const x = (ms: number) => r1(t0 === t1 ? (L + W - R) / 2 : L + 8 + ((W - L - R - 16) * (ms - t0)) / span);
  const y = (v: number) => r1(TOP + (plotH * (100 - v)) / 100);
  const grid = [0, 50, 100].map((v) => `<line class="grid" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/><text class="axis" x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`).join('')
    + `<text class="axis" x="${L}" y="${200 - 10}">${t(format(t0, 'd MMM'))}</text><text class="axis" x="${W - R}" y="${200 - 10}" text-anchor="end">${t(format(t1, 'd MMM'))}</text>`;
  const body = series.map((s, i) => {
    const pts = [...s.points].sort((a, b) => a.at.localeCompare(b.at));
    const d = pts.map((p) => `${x(Date.parse(p.at))},${y(p.value)}`).join(' ');
    const ly = 200 + i * 18 + 4;
    return `<g class="series s${i % 4}"><polyline points="${d}"/>${pts.map((p) => `<circle cx="${x(Date.parse(p.at))}" cy="${y(p.value)}" r="3.5"/>`).join('')}`
      + `<line x1="${L}" x2="${L + 18}" y1="${ly}" y2="${ly}"/><text class="label" x="${L + 24}" y="${ly + 4}">${t(clip(s.label, 70))}</text></g>`;
  }).join('\n');
  return figure(grid, body, caption, desc, table(head, rows), W, H, id);
}

/** Local day key of a date. */
export const dayKey = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Practice as a calendar: a column per week (Monday first), a square per day, filled when there was practice.
 * At most the last 53 weeks of the period.
 */
export function calendar(days: Set<string>, from: Date, to: Date, caption: string, desc: string): string {
  const id = uid('calendar');
  const end = new Date(to.getFullYear(), to.getMonth(), to.getDate());
  let start = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  const earliest = new Date(end.getFullYear(), end.getMonth(), end.getDate() - 53 * 7 + 1);
  if (start < earliest) start = earliest;
  const monday = new Date(start.getFullYear(), start.getMonth(), start.getDate() - ((start.getDay() + 6) % 7));
  const C = 16, G = 3, L = 32, TOP = 18;
  const weeks: Date[][] = [];
  for (let d = new Date(monday); d <= end; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1)) {
    const w = Math.floor(Math.round((d.getTime() - monday.getTime()) / 86_400_000) / 7);
    (weeks[w] ??= []).push(d);
  }
  const W = L + weeks.length * (C + G) + 4, H = TOP + 7 * (C + G) + 4;
  const rowNames = ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'];
  let body = rowNames.map((n, i) => (n ? `<text class="axis" x="${L - 4}" y="${TOP + i * (C + G) + 10}" text-anchor="end">${n}</text>` : '')).join('');
  let lastMonth = -1;
  const rows: string[][] = [];
  weeks.forEach((week, wi) => {
    const x = L + wi * (C + G);
    const firstIn = week.find((d) => d >= start);
    if (firstIn && firstIn.getMonth() !== lastMonth) {
      lastMonth = firstIn.getMonth();
      body += `<text class="axis" x="${x}" y="${TOP - 6}">${format(firstIn, 'MMM')}</text>`;
    }
    for (const d of week) {
      if (d < start) continue;
      const k = dayKey(d);
      const on = days.has(k);
      const y = TOP + ((d.getDay() + 6) % 7) * (C + G);
      body += `<rect class="${on ? 'day on' : 'day'}" x="${x}" y="${y}" width="${C}" height="${C}" rx="2"><title>${t(format(d, 'EEE d MMM yyyy'))}${on ? ' ✓' : ''}</title></rect>`;
    }
  });
  for (const k of [...days].sort()) if (k >= dayKey(start) && k <= dayKey(end)) rows.push([format(new Date(`${k}T12:00:00`), 'EEE d MMM yyyy')]);
  const list = rows.length ? `<ul class="days">${rows.map((r) => `<li>${t(r[0])}</li>`).join('')}</ul>` : '';
  return figure('', body, caption, desc, list, W, H, id);
}

export { round };
