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
  // A search also looks through notes (entries brought in from other apps), shown after the records.
  const notes = journal && filters.search !== undefined && !hasRecordOnlyFilters(opts) ? journal.notes({ search: filters.search }) : [];
  if (records.length === 0 && notes.length === 0) {
    const empty = !journal || (journal.count() === 0 && journal.noteCount() === 0);
    ctx.say(empty ? msg.emptyJournal : msg.nothingMatches);
    return;
  }
  if (records.length) {
    if (!ctx.theme.fancy) {
      // Piped (scripts, cron): tab-separated lines; neither the table's date formatting nor the library loads.
      ctx.out(renderListPlain(records));
    } else {
      const { renderList } = await import('../../render/table');
      ctx.out(renderList(records, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns ?? 100 }));
    }
  }
  if (notes.length) {
    const shown = filters.limit !== undefined ? notes.slice(0, filters.limit) : notes;
    const r = await import('../../render/notes');
    // Piped, the records' lines stay the only thing on stdout: scripts read them; the notes go to stderr.
    if (!ctx.theme.fancy) {
      ctx.say(msg.notes.matchingNotes(shown.length));
      ctx.say(r.renderNotesPlain(shown));
    } else {
      ctx.out(`${records.length ? '\n' : ''}${ctx.theme.muted(msg.notes.matchingNotes(shown.length))}`);
      ctx.out(r.renderNotesList(shown, ctx.theme, ctx.io.stdout.columns ?? 100));
    }
  }
}

/** Filters only records have (patterns, feelings, tags, dates): with one of these, notes are not listed. */
function hasRecordOnlyFilters(o: { since?: string; until?: string; distortion?: string; emotion?: string; tag?: string }): boolean {
  return o.since !== undefined || o.until !== undefined || o.distortion !== undefined || o.emotion !== undefined || o.tag !== undefined;
}
