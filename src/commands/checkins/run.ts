// reframe checkins: check-ins, newest first, optionally only those with some words.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { checkinJson, renderCheckinsList, renderCheckinsPlain } from '../../render/checkins';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';

const schema = z.object({ json: z.optional(z.boolean()), search: z.optional(z.string()), limit: z.optional(z.string()) });

export async function runCheckins(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  if (opts.search !== undefined && opts.search.trim() === '') throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
  if (opts.limit !== undefined && (!/^\d{1,9}$/.test(opts.limit.trim()) || Number(opts.limit) < 1)) throw new UsageError(msg.errors.badLimit);
  const journal = ctx.journalIfExists();
  const cs = journal ? journal.listCheckins({ search: opts.search, limit: opts.limit === undefined ? undefined : Number(opts.limit) }) : [];
  if (opts.json) return ctx.out(JSON.stringify(cs.map(checkinJson), null, 2));
  if (cs.length === 0) return ctx.say(opts.search === undefined ? msg.notes.noCheckins : msg.notes.noCheckinsMatch);
  ctx.out(ctx.theme.fancy ? renderCheckinsList(cs, ctx.theme, ctx.io.stdout.columns ?? 100) : renderCheckinsPlain(cs));
}
