// cbt-toolkit-app's JSON export: {version: 1, exportedAt, settings, thoughtRecords: [row], behavioralExperiments: [row]}
// with its SQLite rows in snake_case. Thought records map field by field; experiments are kept whole as notes of
// kind "experiment" until Reframe has experiments of its own.
import { msg } from '../../messages';
import { bad, instant, isObject, localInstant, text } from './common';
import { emptyImport, type AppImport, type AppOptions } from './types';

export function looksLikeCbtToolkit(json: unknown): boolean {
  return isObject(json) && Array.isArray(json.thoughtRecords);
}

export function readCbtToolkit(json: unknown, o: AppOptions): AppImport {
  const out = emptyImport('cbt-toolkit', 'JSON');
  if (!isObject(json) || !Array.isArray(json.thoughtRecords)) throw bad(o.where, msg.imports.theFile, msg.imports.missingList('thoughtRecords'), 'cbt-toolkit');
  json.thoughtRecords.forEach((row: unknown, i: number) => {
    const pos = msg.imports.item('thought record', i + 1);
    if (!isObject(row)) throw bad(o.where, pos, msg.imports.notAnObject, 'cbt-toolkit');
    out.records.push(thoughtRecord(row, pos, o));
  });
  const experiments = json.behavioralExperiments ?? [];
  if (!Array.isArray(experiments)) throw bad(o.where, msg.imports.theFile, msg.imports.mustBeList('behavioralExperiments'), 'cbt-toolkit');
  experiments.forEach((row: unknown, i: number) => {
    const pos = msg.imports.item('experiment', i + 1);
    if (!isObject(row)) throw bad(o.where, pos, msg.imports.notAnObject, 'cbt-toolkit');
    out.notes.push(experiment(row, pos, o));
  });
  return out;
}

function rowId(row: Record<string, unknown>, fail: (r: string) => Error): string {
  if (typeof row.id === 'number' && Number.isFinite(row.id)) return String(row.id);
  if (typeof row.id === 'string' && row.id.trim()) return row.id.trim();
  throw fail(msg.imports.missingField('id'));
}

/** situation_date: a full time, or a day alone (then noon that day, here). */
function when(v: unknown, fallback: string, fail: (r: string) => Error): string {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
    if (m) {
      const t = localInstant(Number(m[1]), Number(m[2]), Number(m[3]), 12, 0);
      if (!t) throw fail(msg.imports.badTime('situation_date'));
      return t;
    }
  }
  return instant(v, 'situation_date', fail);
}

const lines = (s: string | undefined) => (s ?? '').split(/\r?\n/).map((x) => x.trim()).filter(Boolean);

function rating(v: unknown, field: string, fail: (r: string) => Error): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) throw fail(msg.imports.badRating(field));
  return Math.round(n);
}

function thoughtRecord(row: Record<string, unknown>, pos: string, o: AppOptions) {
  const fail = (reason: string) => bad(o.where, pos, reason, 'cbt-toolkit');
  const id = rowId(row, fail);
  const createdAt = instant(row.created_at, 'created_at', fail);
  const updatedAt = row.updated_at === undefined || row.updated_at === null ? createdAt : instant(row.updated_at, 'updated_at', fail);
  const situation = text(row.situation, 'situation', fail);
  if (!situation) throw fail(msg.imports.missingField('situation'));
  const thoughts = lines(text(row.automatic_thoughts, 'automatic_thoughts', fail));
  if (thoughts.length === 0) throw fail(msg.imports.missingField('automatic_thoughts'));
  // emotions: a JSON *string* of [{name, intensityBefore, intensityAfter}].
  let emotionsRaw: unknown = row.emotions ?? '[]';
  if (typeof emotionsRaw === 'string') {
    try { emotionsRaw = JSON.parse(emotionsRaw || '[]'); } catch { throw fail(msg.imports.emotionsNotJson); }
  }
  if (!Array.isArray(emotionsRaw)) throw fail(msg.imports.mustBeList('emotions'));
  const emotions = emotionsRaw.map((e: unknown, k: number) => {
    if (!isObject(e) || typeof e.name !== 'string' || !e.name.trim()) throw fail(msg.imports.missingField(`emotions[${k}].name`));
    const before = rating(e.intensityBefore, `emotions[${k}].intensityBefore`, fail);
    const after = rating(e.intensityAfter, `emotions[${k}].intensityAfter`, fail);
    if (before === undefined) throw fail(msg.imports.missingField(`emotions[${k}].intensityBefore`));
    return after === undefined ? { name: e.name, before } : { name: e.name, before, after };
  });
  const reframe = text(row.alternative_thought, 'alternative_thought', fail);
  const plan = text(row.outcome, 'outcome', fail);
  return {
    pos,
    sourceId: id,
    updatedAt: updatedAt < createdAt ? createdAt : updatedAt,
    record: {
      createdAt,
      occurredAt: when(row.situation_date, createdAt, fail),
      situation,
      emotions,
      thought: thoughts[0],
      otherThoughts: thoughts.slice(1),
      evidenceFor: lines(text(row.evidence_for, 'evidence_for', fail)),
      evidenceAgainst: lines(text(row.evidence_against, 'evidence_against', fail)),
      ...(reframe ? { reframe } : {}),
      ...(plan ? { actionPlan: plan } : {}),
      tags: ['cbt-toolkit'],
    },
  };
}

/** An experiment, every field kept as a labelled line of the note's text. */
function experiment(row: Record<string, unknown>, pos: string, o: AppOptions) {
  const fail = (reason: string) => bad(o.where, pos, reason, 'cbt-toolkit');
  const id = rowId(row, fail);
  const createdAt = instant(row.created_at, 'created_at', fail);
  const belief = text(row.belief, 'belief', fail);
  const parts: string[] = [];
  for (const [field, label] of msg.imports.experimentFields) {
    const v = row[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw fail(msg.imports.mustBeText(field));
    parts.push(`${label}: ${String(v)}`);
  }
  if (parts.length === 0) throw fail(msg.imports.missingField('belief'));
  return {
    pos,
    sourceId: id,
    kind: 'experiment' as const,
    writtenAt: createdAt,
    title: belief ? msg.imports.experimentTitle(belief.split(/\r?\n/, 1)[0]) : undefined,
    body: parts.join('\n'),
    tags: ['cbt-toolkit', 'experiment'],
    starred: false,
  };
}
