// A safety plan inside an import file: an object with "kind": "safety-plan" among the records (an object with no
// kind is a record, so files from before the plan import as they always did). Taken out of the stream of records
// here and checked on its own; a bad plan rejects the file like a bad record, with its position.
import type { RawItem } from './parse';
import { isPlanObject, safetyPlanSchema, type SafetyPlan } from '../domain/safety-plan';
import { describeZodError } from '../domain/validate';
import { UsageError } from '../errors';
import { msg } from '../messages';

export function* plansApart(items: Iterable<RawItem>, where: string, onPlan: (p: SafetyPlan) => void): Generator<RawItem> {
  for (const item of items) {
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
