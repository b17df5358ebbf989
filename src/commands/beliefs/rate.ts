// reframe beliefs rate ID --conviction N: a new, dated rating; the earlier ones are kept.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseRating } from '../../input/record';
import { parseWhen, resolveBelief } from '../../input/progress';
import { beliefToJson } from '../../domain/progress';
import { journalFor, requiredRating } from './shared';

const schema = z.object({
  conviction: z.optional(z.string()), alternativeConviction: z.optional(z.string()), at: z.optional(z.string()), json: z.optional(z.boolean()),
});

export async function runBeliefsRate(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const conviction = requiredRating('--conviction', opts.conviction);
  const alternativeConviction = parseRating('--alternative-conviction', opts.alternativeConviction);
  const at = parseWhen(opts.at, ctx.clock.now());
  const j = journalFor(ctx, id, msg.progress.noBelief, msg.progress.noBeliefHint);
  const beliefId = resolveBelief(j, id);
  if (alternativeConviction !== undefined && !j.progress.belief(beliefId)!.alternative) throw new UsageError(msg.progress.alternativeNeedsConviction);
  j.write(() => {
    j.progress.addBeliefRating(beliefId, { at, conviction, alternativeConviction });
    j.progress.touchBelief(beliefId, ctx.clock.now().toISOString());
  });
  const b = j.progress.belief(beliefId)!;
  if (opts.json) ctx.out(JSON.stringify(beliefToJson(b), null, 2));
  ctx.say(ctx.errTheme.good(msg.progress.beliefRated(conviction)));
}
