// reframe show ID: one record in full.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { toJson } from '../../domain/record-fields';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { renderCard } from '../../render/card';
import { parseOptions } from '../../input/options';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(id), msg.errors.noRecordHint);
  const rec = journal.get(journal.resolveId(id, Boolean(ctx.io.stderr.isTTY)))!;
  if (opts.json) ctx.out(JSON.stringify(toJson(rec), null, 2));
  else ctx.out(renderCard(rec, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns }));
}
