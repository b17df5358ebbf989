// A personal safety plan, in the steps of Stanley and Brown's Safety Planning Intervention: what to look out
// for, what to do on one's own, who and where helps, who to ask, which professionals and lines to call, how to
// make one's surroundings safer, and one's reasons for living. Each step is a list of lines in the person's
// own words (people with their numbers on the same line). The JSON form is the one export and import use.
// zod/mini, not full zod: the journal facade reads the plan, and every command (list and stats too) loads that.
import * as z from '../zod-mini';

export const PLAN_KIND = 'safety-plan';
export const MAX_PLAN_LINE = 500;
export const MAX_PLAN_LINES = 30;

/** The steps, in order. `key` is the JSON field; the words people read are in messages.ts (msg.plan.steps). */
export const PLAN_STEPS = [
  'warningSigns',
  'copingAlone',
  'peoplePlaces',
  'askForHelp',
  'professionals',
  'safeSurroundings',
  'reasonsForLiving',
] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** The steps the crisis note shows first, when there is a plan: people to ask, and professionals and lines. */
export const NOTE_STEPS: PlanStep[] = ['askForHelp', 'professionals'];

const line = z.string({ error: 'must be text' }).check(
  z.maxLength(MAX_PLAN_LINE, { error: `is too long (over ${MAX_PLAN_LINE} characters)` }),
  z.refine((s: string) => s.trim().length > 0, { error: 'must not be empty' }),
);
const lines = z.array(line, { error: 'must be a list of lines' }).check(
  z.maxLength(MAX_PLAN_LINES, { error: `has more than ${MAX_PLAN_LINES} lines` }),
);

const isoTime = z.string({ error: 'must be a time' }).check(
  z.refine((s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), {
    error: 'must be an ISO 8601 time such as 2026-11-22T21:30:00.000Z',
  }),
);

const shape = Object.fromEntries(PLAN_STEPS.map((k) => [k, z._default(lines, () => [])])) as Record<PlanStep, z.ZodMiniDefault<typeof lines>>;

const kind = z.literal(PLAN_KIND, { error: `must be "${PLAN_KIND}"` });

/** The plan as written and read back: `kind` marks it among records in an export; `updatedAt` decides which plan is newer. */
export const safetyPlanSchema = z.strictObject({ kind, updatedAt: isoTime, ...shape });
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

/** What `safety-plan edit --input` takes: the same, with kind and updatedAt optional. */
export const safetyPlanInputSchema = z.strictObject({ kind: z.optional(kind), updatedAt: z.optional(isoTime), ...shape });

export function emptyPlan(updatedAt: string): SafetyPlan {
  return { kind: PLAN_KIND, updatedAt, ...Object.fromEntries(PLAN_STEPS.map((k) => [k, []])) } as SafetyPlan;
}

export function isEmptyPlan(p: SafetyPlan): boolean {
  return PLAN_STEPS.every((k) => p[k].length === 0);
}

/** Is this JSON object a safety plan (and not a record)? An object with no kind is a record. */
export function isPlanObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { kind?: unknown }).kind === PLAN_KIND;
}

/** The plan in its JSON form, fields in step order. */
export function planToJson(p: SafetyPlan): SafetyPlan {
  return { kind: PLAN_KIND, updatedAt: p.updatedAt, ...Object.fromEntries(PLAN_STEPS.map((k) => [k, p[k]])) } as SafetyPlan;
}

/** Every line of the plan (for the safety detector: a plan is the person's words too, but is never disputed). */
export function planTexts(p: SafetyPlan): string[] {
  return PLAN_STEPS.flatMap((k) => p[k]);
}
