// reframe beliefs evidence ID TEXT: Padesky's positive data log, one small dated thing at a time.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { msg } from '../../messages';
import { parseWhen, resolveBelief, textFlag } from '../../input/progress';
import { beliefToJson } from '../../domain/progress';
import { noteForTexts } from '../../safety-note';
import { journalFor } from './shared';

const schema = z.object({ at: z.optional(z.string()), json: z.optional(z.boolean()) });

export async function runBeliefsEvidence(id: string, text: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const words = textFlag('The evidence', text);
  const at = parseWhen(opts.at, ctx.clock.now());
  const j = journalFor(ctx, id, msg.progress.noBelief, msg.progress.noBeliefHint);
  const beliefId = resolveBelief(j, id);
  j.write(() => {
    j.progress.addEvidence(beliefId, { at, text: words });
    j.progress.touchBelief(beliefId, ctx.clock.now().toISOString());
  });
  if (opts.json) ctx.out(JSON.stringify(beliefToJson(j.progress.belief(beliefId)!), null, 2));
  const a = noteForTexts(ctx, [words]);
  if (!a.danger && !a.abuse) ctx.say(ctx.errTheme.good(msg.progress.evidenceSaved));
}
