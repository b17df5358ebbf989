// The safety plan's place in the journal: one row (table safety_plan, migration 8), the plan's steps as JSON.
import { PLAN_KIND, safetyPlanSchema, type SafetyPlan } from '../domain/safety-plan';
import type { JournalDb } from './database';

/** What SafetyPlans needs of the journal: statements, reads, and a write transaction. */
type Db = JournalDb & { write<T>(fn: () => T): T };

export class SafetyPlans {
  constructor(private readonly d: Db) {}

  /** A journal below schema 8 (doctor looking at an old file, say) has no table: no plan. */
  private hasTable(): boolean {
    return this.d.read(() => this.d.stmt("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'safety_plan'").get()) !== undefined;
  }

  /** The plan, if one was written. A row that no longer parses (written by hand, say) counts as none. */
  read(): SafetyPlan | undefined {
    if (!this.hasTable()) return undefined;
    const row = this.d.read(() => this.d.stmt('SELECT updated_at, data FROM safety_plan WHERE id = 1').get()) as
      { updated_at: string; data: string } | undefined;
    if (!row) return undefined;
    try {
      const parsed = safetyPlanSchema.safeParse({ ...JSON.parse(row.data), kind: PLAN_KIND, updatedAt: row.updated_at });
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Write the plan (replacing any other). Inside an outer write() this joins its transaction. */
  write(plan: SafetyPlan): void {
    const { kind: _kind, updatedAt, ...steps } = plan;
    this.d.write(() => {
      this.d.stmt(`INSERT INTO safety_plan (id, updated_at, data) VALUES (1, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, data = excluded.data`).run(updatedAt, JSON.stringify(steps));
    });
  }

  /** Import's rule: the newer plan (by updatedAt) wins; the same or an older one changes nothing. */
  merge(plan: SafetyPlan, write: boolean): 'added' | 'replaced' | 'kept' {
    const mine = this.read();
    const outcome = !mine ? 'added' : Date.parse(plan.updatedAt) > Date.parse(mine.updatedAt) ? 'replaced' : 'kept';
    if (write && outcome !== 'kept') this.write(plan);
    return outcome;
  }
}
