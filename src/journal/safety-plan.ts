// The safety plan's place in the journal: one row (table safety_plan, migration 8), the plan as JSON.
import type { Journal } from './journal';
import { PLAN_KIND, safetyPlanSchema, type SafetyPlan } from '../domain/safety-plan';

function hasTable(j: Journal): boolean {
  return j.read(() => j.stmt("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'safety_plan'").get()) !== undefined;
}

/** The plan, if one was written. A row that no longer parses (written by hand, say) counts as none. */
export function readSafetyPlan(j: Journal): SafetyPlan | undefined {
  if (!hasTable(j)) return undefined;
  const row = j.read(() => j.stmt('SELECT updated_at, data FROM safety_plan WHERE id = 1').get()) as { updated_at: string; data: string } | undefined;
  if (!row) return undefined;
  try {
    const parsed = safetyPlanSchema.safeParse({ ...JSON.parse(row.data), kind: PLAN_KIND, updatedAt: row.updated_at });
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Write the plan (replacing any other). Inside an outer write() this joins its transaction. */
export function writeSafetyPlan(j: Journal, plan: SafetyPlan): void {
  const { kind: _kind, updatedAt, ...steps } = plan;
  j.write(() => {
    j.stmt(`INSERT INTO safety_plan (id, updated_at, data) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, data = excluded.data`).run(updatedAt, JSON.stringify(steps));
  });
}

/** Import's rule: the newer plan (by updatedAt) wins; the same or an older one changes nothing. */
export function mergeSafetyPlan(j: Journal, plan: SafetyPlan, write: boolean): 'added' | 'replaced' | 'kept' {
  const mine = readSafetyPlan(j);
  const outcome = !mine ? 'added' : Date.parse(plan.updatedAt) > Date.parse(mine.updatedAt) ? 'replaced' : 'kept';
  if (write && outcome !== 'kept') writeSafetyPlan(j, plan);
  return outcome;
}
