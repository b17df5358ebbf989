// reframe beliefs add TEXT --conviction N: keep a belief to follow; prints its id.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { newId, parseRating } from '../../input/record';
import { optionalText, parseWhen, textFlag } from '../../input/progress';
import { beliefToJson, type Belief } from '../../domain/progress';
import { noteForTexts } from '../../safety-note';
import { requiredRating } from './shared';

const schema = z.object({
  conviction: z.optional(z.string()), kind: z.optional(z.string()), alternative: z.optional(z.string()),
  alternativeConviction: z.optional(z.string()), at: z.optional(z.string()), json: z.optional(z.boolean()),
});

export async function runBeliefsAdd(text: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const words = textFlag('The belief', text);
  const conviction = requiredRating('--conviction', opts.conviction);
  const type = (opts.kind ?? 'core').trim().toLowerCase();
  if (type !== 'core' && type !== 'rule') throw new UsageError(msg.progress.badKind);
  const alternative = optionalText('--alternative', opts.alternative);
  const alternativeConviction = parseRating('--alternative-conviction', opts.alternativeConviction);
  if (alternativeConviction !== undefined && alternative === undefined) throw new UsageError(msg.progress.alternativeNeedsConviction);
  const now = ctx.clock.now().toISOString();
  const at = parseWhen(opts.at, ctx.clock.now());
  const b: Belief = {
    id: newId(ctx), createdAt: now, updatedAt: now, text: words, type, alternative,
    ratings: [{ at, conviction, alternativeConviction }], evidence: [], records: [], experiments: [],
  };
  const journal = ctx.journal();
  journal.write(() => journal.progress.insertBelief(b));
  if (opts.json) ctx.out(JSON.stringify(beliefToJson(b), null, 2));
  else ctx.out(b.id);
  const a = noteForTexts(ctx, [words, ...(alternative ? [alternative] : [])]);
  if (!a.danger && !a.abuse) ctx.say(ctx.errTheme.good(msg.progress.beliefSaved(b.id)));
}
