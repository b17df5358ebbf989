// reframe notes list: notes, newest first, optionally only those with some words or of one kind.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import type { NoteFilters } from '../../journal/notes';
import { msg } from '../../messages';
import { noteJson, renderNotesList, renderNotesPlain } from '../../render/notes';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';

const schema = z.object({
  json: z.optional(z.boolean()), search: z.optional(z.string()), kind: z.optional(z.string()), limit: z.optional(z.string()),
});

export async function runNotesList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const f: NoteFilters = {};
  if (opts.search !== undefined) {
    if (opts.search.trim() === '') throw new UsageError(msg.errors.badSearch, msg.errors.badSearchHint);
    f.search = opts.search;
  }
  if (opts.kind !== undefined) {
    if (opts.kind !== 'entry' && opts.kind !== 'experiment') throw new UsageError(msg.notes.badKind);
    f.kind = opts.kind;
  }
  if (opts.limit !== undefined) {
    if (!/^\d{1,9}$/.test(opts.limit.trim()) || Number(opts.limit) < 1) throw new UsageError(msg.errors.badLimit);
    f.limit = Number(opts.limit);
  }
  const journal = ctx.journalIfExists();
  const notes = journal ? journal.notes(f) : [];
  if (opts.json) return ctx.out(JSON.stringify(notes.map(noteJson), null, 2));
  if (notes.length === 0) return ctx.say(!journal || journal.noteCount() === 0 ? msg.notes.none : msg.notes.nothingMatches);
  ctx.out(ctx.theme.fancy ? renderNotesList(notes, ctx.theme, ctx.io.stdout.columns ?? 100) : renderNotesPlain(notes));
}
