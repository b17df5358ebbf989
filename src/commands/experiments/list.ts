// reframe experiments list [--due]: by the day they are due.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { msg } from '../../messages';
import { experimentToJson } from '../../domain/progress';
import { localDay } from '../../domain/streak';
import { renderExperimentList } from '../../render/progress';

const schema = z.object({ due: z.optional(z.boolean()), json: z.optional(z.boolean()) });

export async function runExperimentsList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const today = localDay(ctx.clock.now());
  const j = ctx.journalIfExists();
  const es = j ? (opts.due ? j.progress.dueExperiments(today) : j.progress.experiments()) : [];
  if (opts.json) return ctx.out(JSON.stringify(es.map(experimentToJson), null, 2));
  if (es.length === 0) return ctx.say(opts.due ? msg.progress.noneDue : msg.progress.noExperiments);
  ctx.out(renderExperimentList(es, today, ctx.theme, ctx.io.stdout.columns));
}
