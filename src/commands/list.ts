// reframe list: records, newest first, with filters.
import * as z from 'zod';
import type { Context } from '../context';
import { toJson } from '../domain/record';
import { msg } from '../messages';
import { renderList } from '../render/table';
import { filterFlagsSchema, toFilters } from './filters';
import { parseOptions } from './options';

const listSchema = filterFlagsSchema.extend({ json: z.boolean().optional() });

export async function runList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(listSchema, raw);
  const filters = toFilters(opts, ctx);
  const journal = ctx.journalIfExists();
  const records = journal ? journal.list(filters) : [];
  if (opts.json) {
    ctx.out(JSON.stringify(records.map(toJson), null, 2));
    return;
  }
  if (records.length === 0) {
    const empty = !journal || journal.count() === 0;
    ctx.say(empty ? msg.emptyJournal : msg.nothingMatches);
    return;
  }
  ctx.out(renderList(records, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns ?? 100 }));
}
