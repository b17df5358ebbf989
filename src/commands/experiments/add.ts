// reframe experiments add (--belief ID | --record ID) --plan --prediction --prediction-belief N --due DATE.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { newId, parseRating } from '../../input/record';
import { optionalText, parseDue, resolveBelief, textFlag } from '../../input/progress';
import { experimentToJson, type Experiment } from '../../domain/progress';
import { noteForTexts } from '../../safety-note';

const schema = z.object({
  belief: z.optional(z.string()), record: z.optional(z.string()), plan: z.optional(z.string()), prediction: z.optional(z.string()),
  predictionBelief: z.optional(z.string()), due: z.optional(z.string()), problems: z.optional(z.string()), coping: z.optional(z.string()),
  json: z.optional(z.boolean()),
});

export async function runExperimentsAdd(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const p = msg.progress;
  if (opts.belief === undefined && opts.record === undefined) throw new UsageError(p.needsTarget, p.needsFieldHint);
  if (opts.belief !== undefined && opts.record !== undefined) throw new UsageError(p.oneTarget);
  for (const [flag, v] of [['--plan', opts.plan], ['--prediction', opts.prediction], ['--prediction-belief', opts.predictionBelief], ['--due', opts.due]] as const) {
    if (v === undefined) throw new UsageError(p.needsField(flag), p.needsFieldHint);
  }
  const plan = textFlag('--plan', opts.plan);
  const prediction = textFlag('--prediction', opts.prediction);
  const predictionBelief = parseRating('--prediction-belief', opts.predictionBelief)!;
  const due = parseDue(opts.due!, ctx.clock.now());
  const problems = optionalText('--problems', opts.problems);
  const coping = optionalText('--coping', opts.coping);
  const j = ctx.journalIfExists();
  const target = opts.belief ?? opts.record!;
  if (!j) throw opts.belief !== undefined ? new UsageError(p.noBelief(target), p.noBeliefHint) : new UsageError(msg.errors.noRecord(target), msg.errors.noRecordHint);
  const belief = opts.belief !== undefined ? resolveBelief(j, opts.belief) : undefined;
  const record = opts.record !== undefined ? j.resolveId(opts.record) : undefined;
  const now = ctx.clock.now().toISOString();
  const e: Experiment = { id: newId(ctx), createdAt: now, updatedAt: now, belief, record, plan, prediction, predictionBelief, due, problems, coping };
  for (const k of Object.keys(e) as (keyof Experiment)[]) if (e[k] === undefined) delete e[k];
  j.write(() => j.progress.saveExperiment(e));
  if (opts.json) ctx.out(JSON.stringify(experimentToJson(e), null, 2));
  else ctx.out(e.id);
  const a = noteForTexts(ctx, [plan, prediction, ...(problems ? [problems] : []), ...(coping ? [coping] : [])]);
  if (!a.danger && !a.abuse) ctx.say(ctx.errTheme.good(p.experimentSaved(e.id, due)));
}
