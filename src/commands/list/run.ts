// reframe list: records, newest first, with filters.
import type { Context } from '../../context';
import { toJson } from '../../domain/record-fields';
import { msg } from '../../messages';
import { renderListPlain } from '../../render/list-plain';
import * as z from '../../zod-mini';
import { filterFlagsSchema, toFilters } from '../../input/filters';
import { parseOptions } from '../../input/options';

const listSchema = z.extend(filterFlagsSchema, { json: z.optional(z.boolean()) });

export async function runList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(listSchema, raw);
  const filters = await toFilters(opts, ctx);
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
  if (!ctx.theme.fancy) {
    // Piped (scripts, cron): tab-separated lines; neither the table's date formatting nor the library loads.
    ctx.out(renderListPlain(records));
    return;
  }
  const { renderList } = await import('../../render/table');
  ctx.out(renderList(records, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns ?? 100 }));
}
