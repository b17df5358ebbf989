// The things that travel, in the forms export and import already use (docs/CONTRACT.md): a record as its JSON
// form with its `ratings` (the re-rating history) and `coreBelief`, as `show --json` prints it; a belief,
// experiment, follow-up or check-in as its "Progress over time" object; the safety plan as its object. Built
// from the journal when a sync writes them out, checked with import's schemas when read (a line from the folder
// is never trusted blindly), written whole when it wins. Drafts and notes stay on their computer.
import type { Journal } from '../journal/journal';
import { recordSchema, importedRecordSchema, toJson, type ThoughtRecord } from '../domain/record';
import { beliefToJson, checkinToJson, experimentToJson, followUpToJson, type Experiment } from '../domain/progress';
import { PROGRESS_SCHEMAS, ratingObject } from '../domain/progress-schema';
import { planToJson, safetyPlanSchema } from '../domain/safety-plan';
import * as z from 'zod';

export const KINDS = ['belief', 'record', 'experiment', 'followup', 'checkin', 'plan'] as const;
export type Kind = (typeof KINDS)[number];
export const isKind = (k: unknown): k is Kind => typeof k === 'string' && (KINDS as readonly string[]).includes(k);

type Data = Record<string, unknown>;

/** The thing as it is in the journal now, or null when it is gone (a tombstone). */
export function build(j: Journal, kind: Kind, id: string): Data | null {
  switch (kind) {
    case 'record': {
      const r = j.get(id);
      if (!r) return null;
      const meta = j.syncRows.recordMeta(id);
      const out: Data = { ...toJson(r), ratings: j.progress.reratings(id).map((x) => { const { kind: _k, record: _r, ...rest } = ratingJson(id, x); return rest; }) };
      const belief = j.progress.beliefOfRecord(id);
      if (belief) out.coreBelief = belief;
      if (meta?.source !== undefined) out.source = { name: meta.source, id: meta.sourceId ?? null };
      out.updatedAt = meta?.updatedAt;
      return out;
    }
    case 'belief': {
      const b = j.progress.belief(id);
      if (!b) return null;
      const { records: _r, experiments: _e, ...rest } = beliefToJson(b);
      return rest;
    }
    case 'experiment': {
      const e = j.progress.experiment(id);
      return e ? experimentToJson(e) : null;
    }
    case 'followup': {
      const f = j.progress.followUp(id);
      return f ? followUpToJson(f) : null;
    }
    case 'checkin': {
      const row = j.syncRows.checkinRow(id) as {
        id: string; created_at: string; mood: number; words: string | null; prompt_id: string | null; answer: string | null;
        source: string | null; source_id: string | null; mood_label: string | null; tags: string | null;
      } | undefined;
      if (!row) return null;
      return checkinToJson({
        id: row.id, createdAt: row.created_at, mood: row.mood, words: row.words ?? undefined, promptId: row.prompt_id ?? undefined,
        answer: row.answer ?? undefined, source: row.source ?? undefined, sourceId: row.source_id ?? undefined,
        moodLabel: row.mood_label ?? undefined, tags: row.tags ? (JSON.parse(row.tags) as string[]) : undefined,
      });
    }
    case 'plan': {
      const p = j.safetyPlan();
      return p ? (planToJson(p) as unknown as Data) : null;
    }
  }
}

function ratingJson(record: string, r: { at: string; beliefAfter?: number; emotions?: { name: string; after: number }[] }): Data {
  const out: Data = { kind: 'rating', record, at: r.at };
  if (r.beliefAfter !== undefined) out.beliefAfter = r.beliefAfter;
  if (r.emotions?.length) out.emotions = r.emotions;
  return out;
}

const recordLine = z.object({
  ratings: z.array(ratingObject.omit({ kind: true, record: true })).max(10_000).default([]),
  coreBelief: z.string().max(40).optional(),
  source: z.strictObject({ name: z.string().max(40), id: z.string().max(200).nullable() }).optional(),
  updatedAt: z.string().max(40).optional(),
});

/** A thing read from the folder, checked as import checks it; undefined when it does not pass. */
export function check(kind: Kind, id: string, data: unknown): Data | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const d = data as Data;
  switch (kind) {
    case 'record': {
      const { ratings, coreBelief, source, updatedAt, ...record } = d;
      const meta = recordLine.safeParse({ ratings, coreBelief, source, updatedAt });
      const r = importedRecordSchema.safeParse(record);
      if (!meta.success || !r.success || r.data.id !== id) return undefined;
      return { record: r.data, ...meta.data };
    }
    case 'plan': {
      const p = safetyPlanSchema.safeParse(d);
      return p.success && id === 'plan' ? (p.data as unknown as Data) : undefined;
    }
    case 'belief': {
      const p = PROGRESS_SCHEMAS.belief.safeParse(d);
      return p.success && p.data.id === id ? (p.data as unknown as Data) : undefined;
    }
    case 'experiment': {
      const p = PROGRESS_SCHEMAS.experiment.safeParse(d);
      return p.success && p.data.id === id ? (p.data as unknown as Data) : undefined;
    }
    case 'followup': {
      const p = PROGRESS_SCHEMAS.followup.safeParse(d);
      return p.success && p.data.record === id ? (p.data as unknown as Data) : undefined;
    }
    case 'checkin': {
      const p = PROGRESS_SCHEMAS.checkin.safeParse(d);
      return p.success && p.data.id === id ? (p.data as unknown as Data) : undefined;
    }
  }
}

/** Write a checked thing (or its tombstone, null) into the journal; inside the sync's write. */
export function apply(j: Journal, kind: Kind, id: string, checked: Data | null, now: string): void {
  switch (kind) {
    case 'record': {
      if (checked === null) {
        j.deleteRaw(id);
        return;
      }
      const { record, ratings, coreBelief, source, updatedAt } = checked as unknown as {
        record: ThoughtRecord; ratings: { at: string; beliefAfter?: number; emotions?: { name: string; after: number }[] }[];
        coreBelief?: string; source?: { name: string; id: string | null }; updatedAt?: string;
      };
      // Inside the sync's one transaction: no savepoint per record (10,000 changes apply in one go).
      const there = j.has(id);
      if (there) j.updateRaw(record, updatedAt ?? now);
      else j.insertRaw(record, updatedAt ?? record.createdAt);
      if (there || ratings.length) j.syncRows.replaceReratings(id, ratings);
      if (there || coreBelief !== undefined) j.syncRows.setRecordBelief(id, coreBelief);
      if (there || source !== undefined) j.syncRows.setRecordSource(id, source?.name, source?.id ?? undefined);
      return;
    }
    case 'belief':
      if (checked === null) j.syncRows.deleteBelief(id);
      else j.syncRows.putBelief(checked as never);
      return;
    case 'experiment':
      if (checked === null) j.syncRows.deleteExperiment(id);
      else {
        const { kind: _k, ...e } = checked;
        j.progress.saveExperiment(e as unknown as Experiment);
      }
      return;
    case 'followup':
      if (checked === null) j.syncRows.deleteFollowUp(id);
      else j.syncRows.putFollowUp(checked as never);
      return;
    case 'checkin':
      if (checked === null) j.syncRows.deleteCheckin(id);
      else j.syncRows.putCheckin(checked as never);
      return;
    case 'plan':
      if (checked === null) j.syncRows.deletePlan();
      else j.saveSafetyPlan(checked as never);
      return;
  }
}

/** The same thing twice? Compared as JSON with sorted keys (the order fields were written in does not count). */
export function same(a: unknown, b: unknown): boolean {
  return canonical(withoutTime(a)) === canonical(withoutTime(b));
}

/** When it was last saved is not part of what was written. */
function withoutTime(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  const { updatedAt: _u, ...rest } = v as Data;
  return rest;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).filter((k) => (v as Data)[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Data)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export { recordSchema };
