// FreeCBT (and the Quirk-era records inside it): its JSON archive, its CSV, and its backup string
// (":FreeCBT:" + lz-string compressToBase64 of the JSON + ":FreeCBT:"). Its markdown is translated and depends on
// the phone's language, so it is not read. FreeCBT never asked about moods or the situation.
import { decompressFromBase64 } from 'lz-string';
import { msg } from '../../messages';
import { bad, instant, isObject, parseJson, readCsv, text } from './common';
import { emptyImport, type AppImport, type AppOptions } from './types';

/** FreeCBT's pattern slugs -> Reframe's pattern ids. */
export const FREECBT_PATTERNS: Record<string, string> = {
  'all-or-nothing': 'all-or-nothing',
  overgeneralization: 'overgeneralization',
  'mind-reading': 'mind-reading',
  'fortune-telling': 'fortune-telling',
  'magnification-of-the-negative': 'catastrophizing',
  'minimization-of-the-positive': 'disqualifying-the-positive',
  catastrophizing: 'catastrophizing',
  'emotional-reasoning': 'emotional-reasoning',
  'should-statements': 'should-statements',
  labeling: 'labeling',
  'self-blaming': 'personalization',
  'other-blaming': 'blaming',
};

export const FREECBT_MARK = ':FreeCBT:';
export const FREECBT_CSV_HEADER = ['uuid', 'createdAt', 'updatedAt', 'automaticThought', 'cognitiveDistortions', 'challenge', 'alternativeThought'];

/** Is this text a FreeCBT export? (The archive object, the backup string, or the CSV header.) */
export function looksLikeFreeCbt(text: string, json: unknown): boolean {
  if (isObject(json)) return typeof json.v === 'string' && /^Archive-v/.test(json.v) && Array.isArray(json.thoughts);
  if (text.trimStart().startsWith(FREECBT_MARK)) return true;
  return firstLine(text).replace(/"/g, '').split(',').map((h) => h.trim()).join(',') === FREECBT_CSV_HEADER.join(',');
}

export function firstLine(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.trimStart().split(/\r?\n/, 1)[0] ?? '';
}

export function readFreeCbt(textIn: string, json: unknown, o: AppOptions): AppImport {
  const out = emptyImport('freecbt', 'JSON');
  out.distortionMap = {};
  const trimmed = textIn.trim();
  if (json === undefined && trimmed.startsWith(FREECBT_MARK)) {
    out.variant = 'backup string';
    if (!trimmed.endsWith(FREECBT_MARK) || trimmed.length < FREECBT_MARK.length * 2) throw bad(o.where, msg.imports.theBackup, msg.imports.backupCut, 'freecbt');
    const inner = trimmed.slice(FREECBT_MARK.length, -FREECBT_MARK.length).replace(/\s+/g, '');
    let decoded: string | null = null;
    try { decoded = decompressFromBase64(inner); } catch { decoded = null; }
    if (!decoded) throw bad(o.where, msg.imports.theBackup, msg.imports.backupBroken, 'freecbt');
    json = parseJson(decoded, o.where, 'freecbt');
  }
  if (json === undefined) return readCsvExport(textIn, out, o);
  if (!isObject(json) || !Array.isArray(json.thoughts)) throw bad(o.where, msg.imports.theFile, msg.imports.missingList('thoughts'), 'freecbt');
  json.thoughts.forEach((t: unknown, i: number) => {
    const pos = msg.imports.item('thought', i + 1);
    if (!isObject(t)) throw bad(o.where, pos, msg.imports.notAnObject, 'freecbt');
    out.records.push(thought(t, pos, out, o));
  });
  return out;
}

function readCsvExport(textIn: string, out: AppImport, o: AppOptions): AppImport {
  out.variant = 'CSV';
  const { header, rows } = readCsv(textIn, o.where, 'freecbt');
  for (const h of ['uuid', 'createdAt', 'automaticThought']) {
    if (!header.includes(h)) throw bad(o.where, msg.imports.line(1), msg.imports.missingColumn(h), 'freecbt');
  }
  for (const row of rows) {
    const c = row.cells;
    const slugs = (c.cognitiveDistortions ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    out.records.push(thought({ ...c, cognitiveDistortions: slugs, updatedAt: c.updatedAt || undefined }, msg.imports.line(row.line), out, o));
  }
  return out;
}

function thought(t: Record<string, unknown>, pos: string, out: AppImport, o: AppOptions) {
  const fail = (reason: string) => bad(o.where, pos, reason, 'freecbt');
  const rawId = typeof t.uuid === 'string' ? t.uuid.trim() : '';
  const quirk = rawId.startsWith('@Quirk:thoughts:');
  const id = quirk ? rawId.slice('@Quirk:thoughts:'.length) : rawId;
  if (!id) throw fail(msg.imports.missingField('uuid'));
  const thoughtText = text(t.automaticThought, 'automaticThought', fail);
  if (!thoughtText) throw fail(msg.imports.missingField('automaticThought'));
  const createdAt = instant(t.createdAt, 'createdAt', fail);
  const updatedAt = t.updatedAt === undefined || t.updatedAt === null ? createdAt : instant(t.updatedAt, 'updatedAt', fail);
  const distortions: string[] = [];
  const list = t.cognitiveDistortions ?? [];
  if (!Array.isArray(list)) throw fail(msg.imports.mustBeList('cognitiveDistortions'));
  for (const d of list) {
    // Newer records list slugs; older (Quirk-era) ones list every pattern as {slug, label, selected}.
    let slug: unknown = d;
    if (isObject(d)) {
      if (d.selected !== true) continue;
      slug = d.slug;
    }
    if (typeof slug !== 'string') throw fail(msg.imports.mustBeText('cognitiveDistortions'));
    const ours = FREECBT_PATTERNS[slug.trim()];
    if (!ours) throw fail(msg.imports.unknownSlug(slug.trim().slice(0, 60)));
    out.distortionMap![slug.trim()] = ours;
    if (!distortions.includes(ours)) distortions.push(ours);
  }
  const challenge = text(t.challenge, 'challenge', fail);
  const reframe = text(t.alternativeThought, 'alternativeThought', fail);
  return {
    pos,
    sourceId: id.toLowerCase(),
    updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
    record: {
      createdAt,
      occurredAt: createdAt,
      situation: msg.imports.freecbtSituation,
      emotions: [],
      thought: thoughtText,
      distortions,
      answers: challenge ? [{ question: msg.imports.freecbtChallenge, answer: challenge }] : [],
      ...(reframe ? { reframe } : {}),
      tags: quirk ? ['freecbt', 'quirk'] : ['freecbt'],
    },
  };
}
