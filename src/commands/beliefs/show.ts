// reframe beliefs show ID: conviction over time, the positive data log, linked records and experiments.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { msg } from '../../messages';
import { resolveBelief } from '../../input/progress';
import { journalFor, printBelief } from './shared';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runBeliefsShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const j = journalFor(ctx, id, msg.progress.noBelief, msg.progress.noBeliefHint);
  printBelief(ctx, j.progress.belief(resolveBelief(j, id))!, opts.json, j);
}
