// reframe checkins: check-ins, newest first; a period, some words, a limit.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { checkinJson, renderCheckinsList, renderCheckinsPlain } from '../../render/checkins';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { parseBound } from '../../domain/dates';

const schema = z.object({
  json: z.optional(z.boolean()), search: z.optional(z.string()), limit: z.optional(z.string()),
  since: z.optional(z.string()), until: z.optional(z.string()),
});

export async function runCheckins(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  if (opts.search !== undefined && opts.search.trim() === '') throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
  if (opts.limit !== undefined && (!/^\d{1,9}$/.test(opts.limit.trim()) || Number(opts.limit) < 1)) throw new UsageError(msg.errors.badLimit);
  const now = ctx.clock.now();
  const since = opts.since !== undefined ? parseBound('--since', opts.since, now, 'start') : undefined;
  const until = opts.until !== undefined ? parseBound('--until', opts.until, now, 'end') : undefined;
  if (since && until && since > until) throw new UsageError(msg.stats.badRange, msg.stats.badRangeHint);
  const journal = ctx.journalIfExists();
  const cs = journal ? journal.listCheckins({
    search: opts.search, limit: opts.limit === undefined ? undefined : Number(opts.limit),
    since: since?.toISOString(), until: until?.toISOString(),
  }) : [];
  if (opts.json) return ctx.out(JSON.stringify(cs.map(checkinJson), null, 2));
  if (cs.length === 0) return ctx.say(opts.search === undefined && !since && !until ? msg.notes.noCheckins : msg.notes.noCheckinsMatch);
  ctx.out(ctx.theme.fancy ? renderCheckinsList(cs, ctx.theme, ctx.io.stdout.columns ?? 100) : renderCheckinsPlain(cs));
}
