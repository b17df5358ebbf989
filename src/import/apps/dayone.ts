// Day One: its JSON export ({metadata: {version}, entries: [{uuid, creationDate, timeZone, text, tags, starred}]}),
// or the zip it comes in (Journal.json, or one JSON file per journal, beside folders of photos). Entries become
// notes: a markdown heading on the first line is the title, the rest the body; nothing is dropped.
import { unzipSync } from 'fflate';
import { msg } from '../../messages';
import { bad, instant, isObject, parseJson, tagFrom } from './common';
import { emptyImport, type AppImport, type AppOptions } from './types';

export function looksLikeDayOne(json: unknown): boolean {
  return isObject(json) && isObject(json.metadata) && Array.isArray(json.entries);
}

/** A zip file starts with a local file header (or, empty, the end record). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export function readDayOneZip(bytes: Uint8Array, o: AppOptions): AppImport {
  let files: Record<string, Uint8Array>;
  try {
    // Only the JSON files are inflated; photos and audio are left in the zip.
    files = unzipSync(bytes, { filter: (f) => /\.json$/i.test(f.name) && !f.name.split('/').some((p) => p.startsWith('__MACOSX') || p.startsWith('.')) });
  } catch {
    throw bad(o.where, msg.imports.theFile, msg.imports.zipBroken, 'dayone');
  }
  const names = Object.keys(files).sort();
  if (names.length === 0) throw bad(o.where, msg.imports.theFile, msg.imports.zipNoJson, 'dayone');
  const out = emptyImport('dayone', 'zip');
  for (const name of names) {
    let textIn: string;
    try {
      textIn = new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
    } catch {
      throw bad(`${o.where} (${name})`, msg.imports.theFile, msg.imports.notUtf8, 'dayone');
    }
    const json = parseJson(textIn, `${o.where} (${name})`, 'dayone');
    if (!looksLikeDayOne(json)) {
      if (names.length === 1) throw bad(`${o.where} (${name})`, msg.imports.theFile, msg.imports.missingList('entries'), 'dayone');
      continue;
    }
    out.notes.push(...readDayOne(json, { ...o, where: `${o.where} (${name})` }).notes);
  }
  return out;
}

export function readDayOne(json: unknown, o: AppOptions): AppImport {
  const out = emptyImport('dayone', 'JSON');
  if (!isObject(json) || !Array.isArray(json.entries)) throw bad(o.where, msg.imports.theFile, msg.imports.missingList('entries'), 'dayone');
  json.entries.forEach((e: unknown, i: number) => {
    const pos = msg.imports.item('entry', i + 1);
    const fail = (reason: string) => bad(o.where, pos, reason, 'dayone');
    if (!isObject(e)) throw fail(msg.imports.notAnObject);
    if (typeof e.uuid !== 'string' || !e.uuid.trim()) throw fail(msg.imports.missingField('uuid'));
    const writtenAt = instant(e.creationDate, 'creationDate', fail);
    if (e.text !== undefined && typeof e.text !== 'string') throw fail(msg.imports.mustBeText('text'));
    const whole = (typeof e.text === 'string' ? e.text : '').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    if (!whole.trim()) throw fail(msg.imports.emptyEntry);
    // "# Title" on the first line is the entry's title in Day One; otherwise the text is all body.
    const m = /^#{1,6}[ \t]+(.+)\n?/.exec(whole);
    const title = m ? m[1].replace(/\s*#*\s*$/, '') : undefined;
    const body = m ? whole.slice(m[0].length).replace(/^\n+/, '') : whole;
    const tags = Array.isArray(e.tags) ? e.tags.filter((t): t is string => typeof t === 'string') : [];
    out.notes.push({
      pos, sourceId: e.uuid.trim().toUpperCase(), kind: 'entry', writtenAt, title, body: body || title || '',
      tags: [...new Set(['dayone', ...tags.map(tagFrom).filter((x): x is string => Boolean(x))])], starred: e.starred === true,
    });
  });
  return out;
}
