// jrnl: `jrnl --format json` ({tags, entries: [{title, body, date, time, tags, starred}]}, local time without a zone)
// and its plain text (`[YYYY-MM-DD HH:MM] Title` then the body lines). Entries become notes, kept whole.
import { msg } from '../../messages';
import { bad, clockTime, contentId, isObject, localInstant, tagFrom } from './common';
import { emptyImport, type AppImport, type AppOptions, type ImportedNote } from './types';

/** A jrnl text entry's first line: "[2024-03-01 21:15] Title", also with seconds or a 12-hour time. */
const HEAD = /^\[(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)\]\s?(.*)$/;

export function looksLikeJrnlJson(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.entries) && !isObject(json.metadata)
    && (json.entries.length === 0 ? isObject(json.tags) : json.entries.every((e) => isObject(e) && 'date' in e && 'body' in e));
}

export function looksLikeJrnlText(text: string): boolean {
  const first = text.replace(/^\ufeff/, '').trimStart().split(/\r?\n/, 1)[0] ?? '';
  return HEAD.test(first);
}

/** "@work" words in an entry, as jrnl finds them. */
function tagsIn(s: string): string[] {
  return [...s.matchAll(/(?:^|[\s(])@([\p{L}\p{N}_-]+)/gu)].map((m) => m[1].toLowerCase());
}

/**
 * jrnl gives entries no id: one is made of the wall-clock time as written and the words, so the same entry from
 * the JSON or the text export, read in any time zone, is the same note.
 */
function note(clock: number[], title: string, body: string, writtenAt: string, tags: string[], starred: boolean, pos: string): ImportedNote {
  const t = [...new Set(['jrnl', ...tags.map(tagFrom).filter((x): x is string => Boolean(x))])];
  return {
    pos, sourceId: contentId(clock, title.trim(), body.trim()), kind: 'entry', writtenAt,
    title: title.trim() ? title.trim() : undefined, body, tags: t, starred,
  };
}

export function readJrnlJson(json: unknown, o: AppOptions): AppImport {
  const out = emptyImport('jrnl', 'JSON');
  if (!isObject(json) || !Array.isArray(json.entries)) throw bad(o.where, msg.imports.theFile, msg.imports.missingList('entries'), 'jrnl');
  json.entries.forEach((e: unknown, i: number) => {
    const pos = msg.imports.item('entry', i + 1);
    const fail = (reason: string) => bad(o.where, pos, reason, 'jrnl');
    if (!isObject(e)) throw fail(msg.imports.notAnObject);
    const d = typeof e.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.date.trim()) : null;
    if (!d) throw fail(msg.imports.badTime('date'));
    const clock = typeof e.time === 'string' ? clockTime(e.time) : e.time === undefined ? [0, 0, 0] as [number, number, number] : undefined;
    if (!clock) throw fail(msg.imports.badTime('time'));
    const at = localInstant(Number(d[1]), Number(d[2]), Number(d[3]), clock[0], clock[1], clock[2]);
    if (!at) throw fail(msg.imports.badTime('date'));
    const title = typeof e.title === 'string' ? e.title : '';
    const body = typeof e.body === 'string' ? e.body : '';
    if (e.title !== undefined && typeof e.title !== 'string') throw fail(msg.imports.mustBeText('title'));
    if (e.body !== undefined && typeof e.body !== 'string') throw fail(msg.imports.mustBeText('body'));
    if (!title.trim() && !body.trim()) throw fail(msg.imports.emptyEntry);
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string') : tagsIn(`${title}\n${body}`);
    const wall = [Number(d[1]), Number(d[2]), Number(d[3]), clock[0], clock[1]];
    out.notes.push(note(wall, title, body.replace(/\s+$/, ''), at, tags, e.starred === true, pos));
  });
  return out;
}

export function readJrnlText(text: string, o: AppOptions): AppImport {
  const out = emptyImport('jrnl', 'text');
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  let cur: { line: number; wall: number[]; at: string; title: string; starred: boolean; body: string[] } | undefined;
  const flush = () => {
    if (!cur) return;
    const body = cur.body.join('\n').replace(/^\n+/, '').replace(/\s+$/, '');
    out.notes.push(note(cur.wall, cur.title, body, cur.at, tagsIn(`${cur.title}\n${body}`), cur.starred, msg.imports.line(cur.line)));
  };
  lines.forEach((line, i) => {
    const m = HEAD.exec(line);
    if (m) {
      const clock = clockTime(m[4]);
      const at = clock && localInstant(Number(m[1]), Number(m[2]), Number(m[3]), clock[0], clock[1], clock[2]);
      if (!at) throw bad(o.where, msg.imports.line(i + 1), msg.imports.badTime('date'), 'jrnl');
      flush();
      // A starred entry's title ends with " *" in jrnl's text.
      const starred = /\s\*$/.test(m[5]) || m[5] === '*';
      cur = { line: i + 1, wall: [Number(m[1]), Number(m[2]), Number(m[3]), clock![0], clock![1]], at, title: starred ? m[5].replace(/\s?\*$/, '') : m[5], starred, body: [] };
      return;
    }
    if (!cur) {
      if (line.trim() === '') return;
      throw bad(o.where, msg.imports.line(i + 1), msg.imports.jrnlNoDate, 'jrnl');
    }
    cur.body.push(line);
  });
  flush();
  return out;
}
