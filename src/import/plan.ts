// A safety plan inside an import file: an object with "kind": "safety-plan" among the records (an object with no
// kind is a record, so files from before the plan import as they always did). Taken out of the stream of records
// here and checked on its own; a bad plan rejects the file like a bad record, with its position.
import type { RawItem } from './parse';
import { isPlanObject, safetyPlanSchema, type SafetyPlan } from '../domain/safety-plan';
import { KINDS } from '../domain/progress';
import { describeZodError } from '../domain/validate';
import { UsageError } from '../errors';
import { msg } from '../messages';

export function* plansApart(items: Iterable<RawItem>, where: string, onPlan: (p: SafetyPlan) => void,
  onProgress?: (item: RawItem) => void): Generator<RawItem> {
  for (const item of items) {
    // Re-ratings, beliefs, experiments, follow-ups and check-ins (issue 15) are taken out too, unchecked here:
    // they are few, and import checks them (import/progress.ts) against the records it has seen.
    if (onProgress && isProgressObject(item.value)) {
      onProgress({ n: item.n, line: item.line, value: item.value });
      continue;
    }
    // A record as `show --json` prints it carries its rating history and its belief: the history is taken
    // off as re-ratings of that record; the link travels with the belief (its "records"), so it is dropped.
    if (onProgress && isRecordWithHistory(item.value)) {
      const { ratings, coreBelief: _b, ...record } = item.value as Record<string, unknown>;
      if (Array.isArray(ratings)) {
        for (const r of ratings) onProgress({ n: item.n, line: item.line, value: { kind: KINDS.rating, record: record.id, ...(r as object) } });
      }
      yield { ...item, value: record };
      continue;
    }
    if (!isPlanObject(item.value)) {
      yield item;
      continue;
    }
    const r = safetyPlanSchema.safeParse(item.value);
    if (!r.success) {
      throw new UsageError(msg.transfer.invalidAt(where, msg.transfer.position(item.n, item.line), `the safety plan ${describeZodError(r.error, item.value)}`), msg.transfer.fixAndRetry);
    }
    onPlan(r.data);
  }
}

/** The newest of the plans a file holds (by updatedAt), if any. */
export function newestPlan(plans: SafetyPlan[]): SafetyPlan | undefined {
  return plans.reduce<SafetyPlan | undefined>((a, p) => (!a || Date.parse(p.updatedAt) > Date.parse(a.updatedAt) ? p : a), undefined);
}

const PROGRESS_KINDS = new Set<unknown>(Object.values(KINDS));

/** An object with one of the progress kinds ("rating", "belief", "experiment", "followup", "checkin")? */
export function isProgressObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && PROGRESS_KINDS.has((v as { kind?: unknown }).kind);
}

/** A record object (no kind) with `ratings` or `coreBelief`, as `show --json` prints it. */
function isRecordWithHistory(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || 'kind' in v) return false;
  return ('ratings' in v || 'coreBelief' in v) && typeof (v as { id?: unknown }).id === 'string';
}
