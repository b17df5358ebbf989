// reframe delete ID: asks in a terminal; without one needs --yes.
import * as z from 'zod';
import type { Context } from '../../context';
import { toJson } from '../../domain/record';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { truncate } from '../../render/text';
import { parseOptions } from '../../input/options';

const schema = z.object({ yes: z.boolean().optional(), json: z.boolean().optional() });

export async function runDelete(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(id), msg.errors.noRecordHint);
  const rec = journal.get(journal.resolveId(id))!;
  if (!opts.yes) {
    if (!ctx.io.interactive) throw new UsageError(msg.errors.deleteNeedsYes, msg.errors.deleteNeedsYesHint);
    const p = await ctx.prompter();
    const sure = await p.confirm({
      name: 'confirmDelete',
      message: `Delete the record "${truncate(rec.thought, 50)}"? This can't be undone.`,
      default: false,
    });
    if (!sure) {
      ctx.say(msg.notDeleted);
      return;
    }
  }
  journal.delete(rec.id);
  if (opts.json) ctx.out(JSON.stringify(toJson(rec), null, 2));
  ctx.say(msg.deleted(rec.id));
}
