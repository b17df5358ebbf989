// reframe delete ID: asks in a terminal; without one needs --yes.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { toJson } from '../../domain/record-fields';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { truncate } from '../../render/text';
import { parseOptions } from '../../input/options';

const schema = z.object({ yes: z.optional(z.boolean()), json: z.optional(z.boolean()) });

export async function runDelete(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(id), msg.errors.noRecordHint);
  const rec = journal.get(journal.resolveId(id, Boolean(ctx.io.stderr.isTTY)))!;
  if (!opts.yes) {
    if (!ctx.io.interactive) throw new UsageError(msg.errors.deleteNeedsYes, msg.errors.deleteNeedsYesHint);
    const p = await ctx.prompter();
    const sure = await p.confirm({
      name: 'confirmDelete',
      message: msg.input.confirmDelete(truncate(rec.thought, 50)),
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
