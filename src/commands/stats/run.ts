// reframe stats: trends over a range, as a report on a terminal or the contract's JSON.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { BY_VALUES, computeStats, type By, type StatsSource } from '../../domain/stats';
import { StatsStore } from '../../journal/stats';
import { localDay } from '../../domain/streak';
import { beliefTrends, experimentFigures } from '../../domain/progress-stats';
import { readOptions } from '../../input/options';
import { patternNamer } from '../../library/library';

const STATS_OPTIONS = { since: 'string', until: 'string', by: 'string', json: 'boolean' } as const;

/** No journal file yet: the same figures as an empty journal, without creating one. */
const NOTHING: StatsSource = {
  span: () => ({}),
  totals: () => ({ records: 0, beliefBeforeSum: 0, beliefBeforeN: 0, beliefAfterSum: 0, beliefAfterN: 0, beliefBoth: 0 }),
  countsIn: (slices) => slices.map(() => 0),
  keys: () => [],
  emotions: () => [],
  checkins: () => [],
};

function parseBy(value: string | undefined): By | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(BY_VALUES as string[]).includes(v)) throw new UsageError(msg.stats.badBy(value), 'See `reframe stats --help`.');
  return v as By;
}

/** --since and --until as instants. date-fns' parser loads only for a date (not for 7d, 4w, 6m: relative-dates.ts). */
async function readBounds(opts: { since?: string; until?: string }, now: Date): Promise<{ since?: Date; until?: Date }> {
  if (opts.since === undefined && opts.until === undefined) return {};
  const { readBound } = await import('../../domain/relative-dates');
  return {
    since: opts.since !== undefined ? await readBound('--since', opts.since, now, 'start') : undefined,
    until: opts.until !== undefined ? await readBound('--until', opts.until, now, 'end') : undefined,
  };
}

export async function runStats(raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(STATS_OPTIONS, raw);
  const now = ctx.clock.now();
  const { since, until } = await readBounds(opts, now);
  if (since && until && since.getTime() > until.getTime()) throw new UsageError(msg.stats.badRange, msg.stats.badRangeHint);
  const by = parseBy(opts.by);

  // The per-day counts are for the heat map of the text report; --json has no use for them.
  const request = { since, until, by, now, perDay: !opts.json };
  // Names only: the library's names file, not the whole library (library.ts, patternNamer), at the first name.
  let namer: ((id: string) => string) | undefined;
  const nameOf = (id: string) => (namer ??= patternNamer(ctx.paths.configDir, () => ctx.library()))(id);
  const journal = ctx.journalIfExists();
  let result;
  if (journal) {
    const store = new StatsStore(journal);
    result = store.snapshot(() => computeStats(store, request, nameOf));
  } else {
    result = computeStats(NOTHING, request, nameOf);
  }

  // Beliefs and experiments over the same range (issue 15).
  const all = journal ? journal.progress.beliefs() : [];
  const bounds = [since?.toISOString(), until?.toISOString()] as const;
  const beliefs = beliefTrends(all, ...bounds);
  const experiments = experimentFigures(journal ? journal.progress.experiments() : [], ...bounds);
  if (opts.json) {
    ctx.out(JSON.stringify({ ...result.json, beliefs, experiments }, null, 2));
    return;
  }
  const { renderProgressStats } = await import('../../render/progress-stats');
  const more = renderProgressStats(beliefs, experiments, ctx.theme, ctx.io.stdout.columns);
  // The report (charts, date formatting) loads only for people, not for --json.
  const { renderStats, shortDate } = await import('../../render/stats');
  const j = result.json;
  if (j.records === 0) {
    if (result.journalEmpty) ctx.say(msg.emptyJournal);
    else if (j.since && j.until) ctx.say(msg.stats.emptyRange(shortDate(localDay(new Date(j.since)), true), shortDate(localDay(new Date(j.until)), true)));
    else ctx.say(msg.nothingMatches);
    if (more) ctx.out(more.replace(/^\n/, ''));
    return;
  }
  ctx.out(renderStats(result, { theme: ctx.theme, width: ctx.io.stdout.columns }) + (more ? `\n${more}` : ''));
}
