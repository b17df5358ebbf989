// reframe list: records, newest first, with filters.
import type { Context } from '../../context';
import { toJson } from '../../domain/record-fields';
import { msg } from '../../messages';
import { renderListPlain } from '../../render/list-plain';
import { FILTER_OPTIONS, toFilters } from '../../input/filters';
import { readOptions } from '../../input/options';

const LIST_OPTIONS = { ...FILTER_OPTIONS, json: 'boolean' } as const;

export async function runList(raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(LIST_OPTIONS, raw);
  const filters = await toFilters(opts, ctx);
  const journal = ctx.journalIfExists();
  const records = journal ? journal.list(filters) : [];
  if (opts.json) {
    ctx.out(JSON.stringify(records.map(toJson), null, 2));
    return;
  }
  // A search also looks through notes (entries brought in from other apps), shown after the records.
  const alsoOthers = journal && filters.search !== undefined && !hasRecordOnlyFilters(opts);
  const notes = alsoOthers ? journal.notes({ search: filters.search, limit: filters.limit }) : [];
  const checkins = alsoOthers ? journal.listCheckins({ search: filters.search, limit: filters.limit }) : [];
  if (records.length === 0 && notes.length === 0 && checkins.length === 0) {
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
  // Piped, the records' lines stay the only thing on stdout (scripts read them); notes and check-ins are only
  // counted on stderr, with the command that lists them: their words never go where logs collect.
  const width = ctx.io.stdout.columns ?? 100;
  const search = opts.search ?? '';
  if (notes.length) {
    if (!ctx.theme.fancy) ctx.say(msg.notes.matchingNotesPiped(notes.length, search));
    else {
      const r = await import('../../render/notes');
      ctx.out(`\n${ctx.theme.muted(msg.notes.matchingNotes(notes.length))}`);
      ctx.out(r.renderNotesList(notes, ctx.theme, width));
    }
  }
  if (checkins.length) {
    if (!ctx.theme.fancy) ctx.say(msg.notes.matchingCheckinsPiped(checkins.length, search));
    else {
      const r = await import('../../render/checkins');
      ctx.out(`\n${ctx.theme.muted(msg.notes.matchingCheckins(checkins.length))}`);
      ctx.out(r.renderCheckinsList(checkins, ctx.theme, width));
    }
  }
}

/** Filters only records have (patterns, feelings, tags, dates): with one of these, notes are not listed. */
function hasRecordOnlyFilters(o: { since?: string; until?: string; distortion?: string; emotion?: string; tag?: string }): boolean {
  return o.since !== undefined || o.until !== undefined || o.distortion !== undefined || o.emotion !== undefined || o.tag !== undefined;
}
