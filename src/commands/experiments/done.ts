// reframe experiments done ID --outcome TEXT --came-true N [--learned TEXT] [--conviction N].
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseRating } from '../../input/record';
import { optionalText, resolveExperiment, textFlag } from '../../input/progress';
import { experimentToJson, type Experiment } from '../../domain/progress';
import type { Journal } from '../../journal/journal';
import { noteForTexts } from '../../safety-note';

const schema = z.object({
  outcome: z.optional(z.string()), cameTrue: z.optional(z.string()), learned: z.optional(z.string()),
  conviction: z.optional(z.string()), json: z.optional(z.boolean()),
});

export async function runExperimentsDone(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const p = msg.progress;
  if (opts.outcome === undefined) throw new UsageError(p.doneNeedsField('--outcome'), p.doneNeedsFieldHint);
  if (opts.cameTrue === undefined) throw new UsageError(p.doneNeedsField('--came-true'), p.doneNeedsFieldHint);
  const outcome = textFlag('--outcome', opts.outcome);
  const cameTrue = parseRating('--came-true', opts.cameTrue)!;
  const learned = optionalText('--learned', opts.learned);
  const conviction = parseRating('--conviction', opts.conviction);
  const j = ctx.journalIfExists();
  if (!j) throw new UsageError(p.noExperiment(id), p.noExperimentHint);
  const e = j.progress.experiment(resolveExperiment(j, id))!;
  if (e.doneAt) throw new UsageError(p.alreadyDone(e.id), p.alreadyDoneHint);
  const belief = beliefOf(j, e);
  if (conviction !== undefined && !belief) throw new UsageError(p.convictionNeedsBelief, p.convictionNeedsBeliefHint);
  const done = finish(j, e, { outcome, cameTrue, learned, conviction }, ctx.clock.now().toISOString(), belief);
  if (opts.json) ctx.out(JSON.stringify(experimentToJson(done), null, 2));
  const a = noteForTexts(ctx, [outcome, ...(learned ? [learned] : [])]);
  if (!a.danger && !a.abuse) ctx.say(ctx.errTheme.good(p.experimentDone));
}

/** The belief an experiment tests: its own, or the one its record is linked to. */
export function beliefOf(j: Journal, e: Experiment): string | undefined {
  return e.belief ?? (e.record ? j.progress.beliefOfRecord(e.record) : undefined);
}

/** Mark it done, and re-rate the belief when a conviction is given: one transaction. Also used by daily. */
export function finish(j: Journal, e: Experiment, how: { outcome: string; cameTrue: number; learned?: string; conviction?: number },
  now: string, belief: string | undefined): Experiment {
  const done: Experiment = { ...e, updatedAt: now, doneAt: now, outcome: how.outcome, cameTrue: how.cameTrue };
  if (how.learned !== undefined) done.learned = how.learned;
  j.write(() => {
    j.progress.saveExperiment(done);
    if (how.conviction !== undefined && belief) {
      j.progress.addBeliefRating(belief, { at: now, conviction: how.conviction });
      j.progress.touchBelief(belief, now);
    }
  });
  return done;
}
