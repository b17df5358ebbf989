// reframe safety-plan edit: write the plan step by step in a terminal (the current lines shown, Enter keeps
// each), or from JSON with --input FILE|-. The plan's own words are never looked at by the safety detector: a
// plan names crisis lines and reasons for living, and the note is not for them.
import { readFileSync } from 'node:fs';
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import { describeZodError } from '../../domain/validate';
import { PLAN_KIND, PLAN_STEPS, emptyPlan, planToJson, safetyPlanInputSchema, type SafetyPlan } from '../../domain/safety-plan';

const editOptions = z.object({ json: z.optional(z.boolean()), input: z.optional(z.string()) });

export async function runSafetyPlanEdit(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(editOptions, raw);
  const now = ctx.clock.now().toISOString();
  if (opts.input !== undefined) {
    const plan = readPlanInput(opts.input, now);
    ctx.journal().saveSafetyPlan(plan);
    return report(ctx, plan, opts.json);
  }
  if (!ctx.io.interactive) throw new UsageError(msg.plan.needsInput, msg.plan.needsInputHint);

  const journal = ctx.journal();
  const current = journal.safetyPlan() ?? emptyPlan(now);
  const plan: SafetyPlan = { ...current, kind: PLAN_KIND };
  const p = await ctx.prompter();
  p.note(msg.plan.editIntro);
  let changed = false;
  for (const [i, key] of PLAN_STEPS.entries()) {
    const step = msg.plan.steps[key];
    p.note('');
    p.note(`${i + 1}. ${step.title}`);
    p.note(step.ask);
    const lines: string[] = [];
    if (plan[key].length) p.note(msg.plan.editKeepIntro);
    for (const old of plan[key]) {
      const v = await p.input({ name: 'planKeep', message: msg.plan.line(lines.length + 1), default: old });
      if (v.trim() === '-') continue;
      lines.push(v.trim() === '' ? old : v);
    }
    for (;;) {
      const v = await p.input({ name: 'planLine', message: msg.plan.line(lines.length + 1) });
      if (v.trim() === '') break;
      lines.push(v);
    }
    if (JSON.stringify(lines) !== JSON.stringify(plan[key])) {
      changed = true;
      plan[key] = lines;
      // Each step is kept as soon as it is done: Ctrl-C later loses nothing written.
      plan.updatedAt = ctx.clock.now().toISOString();
      journal.saveSafetyPlan(plan);
    }
  }
  if (!changed) {
    ctx.say(msg.plan.unchanged);
    if (opts.json) ctx.out(JSON.stringify(planToJson(plan), null, 2));
    return;
  }
  report(ctx, plan, opts.json);
}

function report(ctx: Context, plan: SafetyPlan, json: boolean | undefined): void {
  if (json) ctx.out(JSON.stringify(planToJson(plan), null, 2));
  ctx.say(ctx.errTheme.good(msg.plan.saved));
}

/** The plan from a JSON file or standard input; errors name the field, never its words. */
function readPlanInput(file: string, now: string): SafetyPlan {
  const where = file === '-' ? msg.input.stdinName : file;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw new UsageError(msg.errors.cantReadFile(where), msg.errors.cantReadFileHint);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(msg.plan.badJson(where), msg.plan.needsInputHint);
  }
  const r = safetyPlanInputSchema.safeParse(data);
  if (!r.success) throw new UsageError(msg.plan.invalid(where, describeZodError(r.error, data)), msg.plan.needsInputHint);
  return { ...r.data, kind: PLAN_KIND, updatedAt: now };
}
