// reframe experiments ideas [--belief ID | --record ID]: graded steps towards closeness, easiest first.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { resolveBelief } from '../../input/progress';
import { ideasFor, loadIdeas } from '../../domain/experiment-ideas';
import { wrap } from '../../render/text';

const schema = z.object({ belief: z.optional(z.string()), record: z.optional(z.string()), json: z.optional(z.boolean()) });

export async function runExperimentsIdeas(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  if (opts.belief !== undefined && opts.record !== undefined) throw new UsageError(msg.progress.oneTarget);
  const all = loadIdeas();
  let patterns: string[] = [];
  if (opts.belief !== undefined || opts.record !== undefined) {
    const j = ctx.journalIfExists();
    const target = (opts.belief ?? opts.record)!;
    if (!j) throw opts.belief !== undefined ? new UsageError(msg.progress.noBelief(target), msg.progress.noBeliefHint) : new UsageError(msg.errors.noRecord(target), msg.errors.noRecordHint);
    const ids = opts.belief !== undefined ? j.progress.belief(resolveBelief(j, opts.belief))!.records : [j.resolveId(opts.record!)];
    patterns = [...new Set(ids.flatMap((id) => j.get(id)?.distortions ?? []))];
  }
  const closeness = new Set(ctx.library().patterns.filter((p) => p.group === 'closeness' || p.group === 'defence').map((p) => p.id));
  const targeted = patterns.filter((p) => closeness.has(p));
  // For a belief or record with closeness patterns, the steps for those; otherwise every step (each can be one).
  const ideas = targeted.length ? ideasFor(all, targeted) : all;
  if (opts.json) return ctx.out(JSON.stringify(ideas.map((i) => ({ step: i.step, text: i.text, helpsWith: i.helpsWith })), null, 2));
  if ((opts.belief !== undefined || opts.record !== undefined) && targeted.length === 0) {
    ctx.say(msg.progress.ideasNone);
    ctx.out(renderIdeas(ideas, ctx));
    return;
  }
  ctx.out(renderIdeas(ideas, ctx));
  ctx.say(ctx.errTheme.muted(msg.progress.ideasHint));
}

function renderIdeas(ideas: { text: string }[], ctx: Context): string {
  const w = Math.max(40, Math.min(ctx.io.stdout.columns ?? 80, 100)) - 6;
  return [ctx.theme.heading(msg.progress.ideasHeading), ...ideas.map((i, n) => wrap(i.text, w, '     ').replace(/^ {5}/, `  ${n + 1}. `))].join('\n');
}
