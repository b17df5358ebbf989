// Daylio's CSV: full_date,date,weekday,time,mood,activities,note_title,note (older exports: year,date,weekday,
// time,mood,activities,note). Each row becomes a check-in: the mood word mapped to 0-100 (a table the person can
// change with --mood-map), activities as tags, the note kept (its simple HTML made plain).
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { bad, clockTime, contentId, htmlToText, localInstant, readCsv, tagFrom } from './common';
import { emptyImport, type AppImport, type AppOptions } from './types';

/** Daylio's five moods, as the app names them before anyone renames them. */
export const DAYLIO_MOODS: Record<string, number> = { rad: 100, good: 75, meh: 50, bad: 25, awful: 0 };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function looksLikeDaylio(text: string): boolean {
  const head = (text.replace(/^\ufeff/, '').trimStart().split(/\r?\n/, 1)[0] ?? '').replace(/"/g, '').split(',').map((h) => h.trim());
  return (head[0] === 'full_date' || head[0] === 'year') && head[1] === 'date' && head[2] === 'weekday' && head[3] === 'time' && head[4] === 'mood';
}

/** --mood-map "awful=5,so-so=40": words (any case, trimmed) -> 0-100. */
export function parseMoodMap(s: string): Record<string, number> | string {
  const out: Record<string, number> = {};
  for (const part of s.split(',')) {
    if (!part.trim()) continue;
    const m = /^(.+?)=(\d{1,3})$/.exec(part.trim());
    if (!m || Number(m[2]) > 100 || !m[1].trim()) return part.trim().slice(0, 40);
    out[m[1].trim().toLowerCase()] = Number(m[2]);
  }
  return out;
}

/** The date of an older export's row: "year" and "date" like "January 5" or "5 January". */
function oldDate(year: string, date: string): [number, number, number] | undefined {
  const words = date.trim().toLowerCase().split(/[\s,.]+/).filter(Boolean);
  const mo = words.map((w) => MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) && w.length >= 3)).find((k) => k >= 0);
  const d = words.map(Number).find((n) => Number.isInteger(n) && n >= 1 && n <= 31);
  if (mo === undefined || d === undefined || !/^\d{4}$/.test(year.trim())) return undefined;
  return [Number(year), mo + 1, d];
}

export function readDaylio(text: string, o: AppOptions): AppImport {
  const out = emptyImport('daylio', 'CSV');
  const { header, rows } = readCsv(text, o.where, 'daylio');
  const modern = header[0] === 'full_date';
  for (const h of [modern ? 'full_date' : 'year', 'date', 'time', 'mood']) {
    if (!header.includes(h)) throw bad(o.where, msg.imports.line(1), msg.imports.missingColumn(h), 'daylio');
  }
  const table = { ...DAYLIO_MOODS, ...(o.moodMap ?? {}) };
  out.moodMap = {};
  for (const row of rows) {
    const c = row.cells;
    const pos = msg.imports.line(row.line);
    const fail = (reason: string) => bad(o.where, pos, reason, 'daylio');
    let ymd: [number, number, number] | undefined;
    if (modern) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.full_date.trim());
      ymd = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
    } else ymd = oldDate(c.year, c.date);
    if (!ymd) throw fail(msg.imports.badTime(modern ? 'full_date' : 'date'));
    const clock = clockTime(c.time);
    if (!clock) throw fail(msg.imports.badTime('time'));
    const createdAt = localInstant(ymd[0], ymd[1], ymd[2], clock[0], clock[1], clock[2]);
    if (!createdAt) throw fail(msg.imports.badTime(modern ? 'full_date' : 'date'));
    const label = c.mood.trim();
    if (!label) throw fail(msg.imports.missingField('mood'));
    const mood = table[label.toLowerCase()];
    if (mood === undefined) throw new UsageError(msg.imports.badAt(o.where, pos, msg.imports.unknownMood(label.slice(0, 40))), msg.imports.moodMapHint(label.slice(0, 40)));
    out.moodMap[label.toLowerCase()] = mood;
    const activities = (c.activities ?? '').split(' | ').map((a) => a.trim()).filter(Boolean);
    const noteTitle = htmlToText(c.note_title ?? '');
    const note = htmlToText(c.note ?? '');
    const words = [noteTitle, note].filter(Boolean).join('\n\n');
    out.checkins.push({
      pos,
      sourceId: contentId(ymd, clock, label, activities, words),
      createdAt,
      mood,
      moodLabel: label,
      ...(words ? { words } : {}),
      tags: [...new Set(activities.map(tagFrom).filter((x): x is string => Boolean(x)))],
    });
  }
  return out;
}
