// reframe notes show ID: one note in full.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { noteJson, renderNote } from '../../render/notes';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runNotesShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.notes.noNote(id), msg.notes.noNoteHint);
  const note = journal.note(journal.resolveNoteId(id))!;
  if (opts.json) ctx.out(JSON.stringify(noteJson(note), null, 2));
  else ctx.out(renderNote(note, { theme: ctx.theme, now: ctx.clock.now(), width: ctx.io.stdout.columns }));
}
