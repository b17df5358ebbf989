// What the beliefs subcommands share: reading a rating flag, the belief's JSON out.
import type { Context } from '../../context';
import type { Journal } from '../../journal/journal';
import { beliefToJson, type Belief } from '../../domain/progress';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseRating } from '../../input/record';
import { renderBelief } from '../../render/progress';

/** A required 0-100 rating flag. */
export function requiredRating(flag: string, v: string | undefined): number {
  const n = parseRating(flag, v);
  if (n === undefined) throw new UsageError(msg.errors.badRating(flag));
  return n;
}

/** A journal that must exist for an id to mean anything. */
export function journalFor(ctx: Context, id: string, none: (id: string) => string, hint: string): Journal {
  const j = ctx.journalIfExists();
  if (!j) throw new UsageError(none(id), hint);
  return j;
}

export function printBelief(ctx: Context, b: Belief, json: boolean | undefined, j: Journal): void {
  if (json) return ctx.out(JSON.stringify(beliefToJson(b), null, 2));
  const experiments = b.experiments.map((id) => j.progress.experiment(id)).filter((e) => e !== undefined);
  ctx.out(renderBelief(b, experiments, ctx.theme, ctx.io.stdout.columns));
}
