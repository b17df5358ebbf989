// reframe beliefs list: every belief kept, oldest first.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { msg } from '../../messages';
import { beliefToJson } from '../../domain/progress';
import { renderBeliefList } from '../../render/progress';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runBeliefsList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const beliefs = ctx.journalIfExists()?.progress.beliefs() ?? [];
  if (opts.json) return ctx.out(JSON.stringify(beliefs.map(beliefToJson), null, 2));
  if (beliefs.length === 0) return ctx.say(msg.progress.noBeliefs);
  ctx.out(renderBeliefList(beliefs, ctx.theme, ctx.io.stdout.columns));
}
