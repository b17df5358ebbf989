// reframe experiments show ID: the worksheet in full.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { resolveExperiment } from '../../input/progress';
import { experimentToJson } from '../../domain/progress';
import { localDay } from '../../domain/streak';
import { renderExperiment } from '../../render/progress';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runExperimentsShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const j = ctx.journalIfExists();
  if (!j) throw new UsageError(msg.progress.noExperiment(id), msg.progress.noExperimentHint);
  const e = j.progress.experiment(resolveExperiment(j, id))!;
  if (opts.json) return ctx.out(JSON.stringify(experimentToJson(e), null, 2));
  const belief = e.belief ? j.progress.belief(e.belief) : undefined;
  ctx.out(renderExperiment(e, localDay(ctx.clock.now()), ctx.theme, belief, ctx.io.stdout.columns));
}
