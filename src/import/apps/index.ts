// Importers from other apps: which app wrote a file (by its content), and reading it with that app's module.
// Each module maps one app's format to plain records, notes and check-ins (types.ts); the import command saves them.
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { isObject, parseJson } from './common';
import { looksLikeCbtToolkit, readCbtToolkit } from './cbt-toolkit';
import { isZip, looksLikeDayOne, readDayOne, readDayOneZip } from './dayone';
import { looksLikeDaylio, readDaylio } from './daylio';
import { FREECBT_MARK, looksLikeFreeCbt, readFreeCbt } from './freecbt';
import { looksLikeJrnlJson, looksLikeJrnlText, readJrnlJson, readJrnlText } from './jrnl';
import { APP_ALIASES, APPS, type AppImport, type AppName, type AppOptions } from './types';

export { APPS, APP_ALIASES, type AppImport, type AppName };
export { parseMoodMap, DAYLIO_MOODS } from './daylio';
export { FREECBT_PATTERNS } from './freecbt';

/** --from NAME -> the app (or 'reframe'); a name we don't know is a usage error. */
export function appNamed(name: string): AppName | 'reframe' {
  const app = APP_ALIASES[name.trim().toLowerCase()];
  if (!app) throw new UsageError(msg.imports.unknownApp(name.trim().slice(0, 40)), msg.imports.unknownAppHint);
  return app;
}

/**
 * Which app wrote this file, from its content alone; 'reframe' when none of them did (then Reframe's own reader
 * takes it, with its own errors). Only the first line is decoded unless more is needed, so a big file of
 * Reframe's own records costs nothing here. The bytes are UTF-8 (checked before), or a zip.
 */
export function detectApp(bytes: Uint8Array): AppName | 'reframe' {
  if (isZip(bytes)) return 'dayone';
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (i === bytes.length) return 'reframe';
  const nl = bytes.indexOf(0x0a, i);
  const first = new TextDecoder().decode(bytes.subarray(i, Math.min(nl < 0 ? bytes.length : nl, i + 4096)));
  // "[" opens Reframe's JSON array, or a jrnl text entry's "[2024-03-01 21:15] Title".
  if (bytes[i] === 0x5b) return looksLikeJrnlText(first) ? 'jrnl' : 'reframe';
  if (bytes[i] === 0x7b /* { */) {
    let json: unknown;
    try {
      json = JSON.parse(first); // one line: JSON Lines, or an app's JSON written on one line
    } catch {
      try { json = JSON.parse(new TextDecoder().decode(bytes.subarray(i))); } catch { return brokenJsonApp(bytes.subarray(i, i + 65536)); }
    }
    if (!isObject(json)) return 'reframe';
    if (looksLikeFreeCbt('', json)) return 'freecbt';
    if (looksLikeCbtToolkit(json)) return 'cbt-toolkit';
    if (looksLikeDayOne(json)) return 'dayone';
    if (looksLikeJrnlJson(json)) return 'jrnl';
    return 'reframe';
  }
  if (first.startsWith(FREECBT_MARK) || looksLikeFreeCbt(first, undefined)) return 'freecbt';
  if (looksLikeDaylio(first)) return 'daylio';
  if (looksLikeJrnlText(first)) return 'jrnl';
  return 'reframe';
}

/**
 * JSON that doesn't parse: whose was it meant to be? Its keys near the start tell, so the error names the app's
 * field and place rather than Reframe's own format. Nothing that Reframe's own records hold matches these.
 */
function brokenJsonApp(head: Uint8Array): AppName | 'reframe' {
  const t = new TextDecoder().decode(head);
  if (/"v"\s*:\s*"Archive-v/.test(t) || (/"thoughts"\s*:/.test(t) && /"automaticThought"\s*:/.test(t))) return 'freecbt';
  if (/"thoughtRecords"\s*:/.test(t)) return 'cbt-toolkit';
  if (/"metadata"\s*:/.test(t) && /"entries"\s*:/.test(t)) return 'dayone';
  if (/"entries"\s*:/.test(t) && /"tags"\s*:\s*\{/.test(t)) return 'jrnl';
  return 'reframe';
}

/** Read a file as the given app's export. A file that is not one says so (exit 2). */
export function readApp(app: AppName, bytes: Uint8Array, text: string | undefined, o: AppOptions): AppImport {
  if (app === 'dayone' && isZip(bytes)) return readDayOneZip(bytes, o);
  if (text === undefined) throw new UsageError(msg.imports.notThisApp(o.where, app), msg.imports.badHint(app));
  const trimmed = text.replace(/^\ufeff/, '').trimStart();
  const isJson = trimmed.startsWith('{') || (trimmed.startsWith('[') && !looksLikeJrnlText(trimmed));
  const json = isJson ? parseJson(trimmed, o.where, app) : undefined;
  switch (app) {
    case 'freecbt':
      if (json === undefined && !looksLikeFreeCbt(text, undefined)) break;
      return readFreeCbt(text, json, o);
    case 'cbt-toolkit':
      if (json === undefined) break;
      return readCbtToolkit(json, o);
    case 'dayone':
      if (json === undefined) break;
      return readDayOne(json, o);
    case 'jrnl':
      if (json !== undefined) return readJrnlJson(json, o);
      if (!looksLikeJrnlText(text)) break;
      return readJrnlText(text, o);
    case 'daylio':
      if (!looksLikeDaylio(text)) break;
      return readDaylio(text, o);
  }
  throw new UsageError(msg.imports.notThisApp(o.where, app), msg.imports.badHint(app));
}
