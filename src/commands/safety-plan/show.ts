// reframe safety-plan [--json]: the person's safety plan, step by step (or how to make one).
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import { planToJson } from '../../domain/safety-plan';
import { renderPlan } from '../../render/crisis';

const showOptions = z.object({ json: z.optional(z.boolean()) });

export function runSafetyPlanShow(raw: unknown, ctx: Context): void {
  const opts = parseOptions(showOptions, raw);
  const plan = ctx.journalIfExists()?.safetyPlan();
  if (opts.json) return ctx.out(JSON.stringify(plan ? planToJson(plan) : null, null, 2));
  if (!plan) {
    ctx.say(msg.plan.none);
    ctx.say(msg.plan.noneHint);
    return;
  }
  ctx.out(renderPlan(plan, ctx.theme));
}
