// reframe report [ID]: one self-contained HTML file. Without an id, a period's records with a summary drawn as
// charts (the filters of list); with an id, that record as the 7-column worksheet; --blank, the empty form.
// Written to --out (a file replaced whole, 0600), to standard output with `--out -`, or by default to a dated
// name in the current folder.
import { resolve } from 'node:path';
import { format } from 'date-fns';
import type { Context } from '../../context';
import type { ThoughtRecord } from '../../domain/record';
import { toJson } from '../../domain/record-fields';
import { ratingHistory } from '../../domain/rerating';
import { summarise, type CoreBeliefPath, type ExperimentRow } from '../../domain/report';
import { UsageError } from '../../errors';
import { exportTarget } from '../../fsutil';
import { FILTER_OPTIONS, toFilters } from '../../input/filters';
import { readOptions, type OptionsOf } from '../../input/options';
import { directSink, fileSink, outputSink, pump } from '../../io/transfer';
import { whenStdoutClosed } from '../../io/pipe-closed';
import type { Journal } from '../../journal/journal';
import type { ListFilters } from '../../journal/query';
import { normaliseTag } from '../../domain/tags';
import { msg } from '../../messages';
import { dayKey } from '../../render/html/charts';
import { renderReport } from '../../render/html/report';
import { renderBlankWorksheet, renderWorksheet } from '../../render/html/worksheet';

const REPORT_OPTIONS = { ...FILTER_OPTIONS, out: 'string', blank: 'boolean', json: 'boolean' } as const;
type Opts = OptionsOf<typeof REPORT_OPTIONS>;

export async function runReport(id: string | undefined, raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(REPORT_OPTIONS, raw);
  const given = (Object.keys(FILTER_OPTIONS) as (keyof typeof FILTER_OPTIONS)[]).filter((f) => opts[f] !== undefined).map((f) => `--${f}`);
  if (opts.blank && id !== undefined) throw new UsageError(msg.report.blankWithId, msg.report.blankWithIdHint);
  if ((opts.blank || id !== undefined) && given.length) throw new UsageError(msg.report.filtersWithId(given.join(', ')), msg.report.filtersWithIdHint);
  if (opts.json && opts.blank) throw new UsageError(msg.errors.badFlagCombo('--json', '--blank'));
  if (opts.json && opts.out !== undefined) throw new UsageError(msg.errors.badFlagCombo('--json', '--out'), msg.report.jsonHint);
  const now = ctx.clock.now();

  if (opts.blank) return write(renderBlankWorksheet(), opts, 'reframe-worksheet-blank.html', msg.report.wroteBlank, ctx);

  if (id !== undefined) {
    const journal = ctx.journalIfExists();
    if (!journal) throw new UsageError(msg.errors.noRecord(id), msg.errors.noRecordHint);
    const rec = journal.get(journal.resolveId(id, Boolean(ctx.io.stderr.isTTY)))!;
    if (opts.json) {
      // The record as `show --json` gives it: with the linked belief and the rating history.
      const belief = journal.progress.beliefOfRecord(rec.id);
      const out = { ...toJson(rec), ...(belief ? { coreBelief: belief } : {}), ratings: ratingHistory(rec, journal.progress.reratings(rec.id)) };
      return ctx.out(JSON.stringify(out, null, 2));
    }
    const name = `reframe-worksheet-${format(new Date(rec.occurredAt), 'yyyy-MM-dd')}-${rec.id.slice(0, 8)}.html`;
    return write(renderWorksheet(rec, { library: ctx.library() }), opts, name, msg.report.wroteWorksheet, ctx);
  }

  const filters: ListFilters = { ...(await toFilters(opts, ctx)), ascending: true };
  const journal = ctx.journalIfExists();
  const read = () => {
    const records: ThoughtRecord[] = journal ? [...journal.iterate(filters)] : [];
    return { records, days: journal ? practiceDays(journal, filters, now) : new Set<string>(), plan: journal?.safetyPlan(), ...progress(journal) };
  };
  const got = journal ? await journal.readSnapshot(async () => read()) : read();
  if (opts.json) return ctx.out(JSON.stringify(reportJson(got.records, got.days, filters, ctx), null, 2));
  const html = renderReport({
    records: got.records, summary: summarise(got.records), library: ctx.library(), now,
    since: filters.since, until: filters.until, filters: filterWords(filters, ctx),
    practiceDays: got.days, plan: got.plan, coreBeliefs: got.coreBeliefs, experiments: got.experiments,
  });
  await write(html, opts, `reframe-report-${format(now, 'yyyy-MM-dd')}.html`, msg.report.wroteReport(got.records.length), ctx);
  if (got.records.length === 0) ctx.say(msg.report.empty);
}

async function write(html: string, opts: Opts, defaultName: string, what: string, ctx: Context): Promise<void> {
  if (opts.out === '-' || opts.out === '/dev/stdout') {
    whenStdoutClosed(`reframe: ${msg.faults.exportCutShort}`);
    await pump([html], outputSink(ctx.io.stdout));
    return;
  }
  const dest = exportTarget(opts.out ?? defaultName, ctx.paths.db);
  await pump([html], dest.direct ? directSink(dest.path) : fileSink(dest.path));
  ctx.say(msg.report.wrote(what, resolve(dest.path)));
  ctx.say(msg.report.openHint);
}

/**
 * Local days with practice (a record's moment or a check-in, as the streak counts them) within the period.
 * A UTC day overlaps at most two local days, so the local days of its first and last practice are all of them.
 */
function practiceDays(journal: Journal, f: ListFilters, now: Date): Set<string> {
  const from = f.since ? dayKey(new Date(f.since)) : '';
  const to = dayKey(f.until && new Date(f.until) < now ? new Date(f.until) : now);
  const days = new Set<string>();
  for (const s of journal.practiceSpans()) {
    for (const iso of [s.first, s.last]) {
      const k = dayKey(new Date(iso));
      if (k >= from && k <= to) days.add(k);
    }
  }
  return days;
}

/**
 * Core beliefs and experiments come from rooms another part of Reframe adds to the journal. When this journal's
 * facade has them, the report draws them; when not, those sections are left out (never drawn empty).
 */
interface ProgressRooms {
  coreBeliefPaths?: () => CoreBeliefPath[];
  experimentRows?: () => ExperimentRow[];
}
function progress(journal: Journal | undefined): { coreBeliefs?: CoreBeliefPath[]; experiments?: ExperimentRow[] } {
  const rooms = journal as (Journal & ProgressRooms) | undefined;
  return {
    coreBeliefs: typeof rooms?.coreBeliefPaths === 'function' ? rooms.coreBeliefPaths() : undefined,
    experiments: typeof rooms?.experimentRows === 'function' ? rooms.experimentRows() : undefined,
  };
}

/** `report --json`: the summary's numbers (docs/CONTRACT.md), without the records' words. */
function reportJson(records: ThoughtRecord[], days: Set<string>, f: ListFilters, ctx: Context): unknown {
  const s = summarise(records);
  const r1 = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
  const lib = ctx.library();
  return {
    since: f.since ?? null, until: f.until ?? null, records: s.count,
    practiceDays: [...days].sort(),
    patterns: s.patterns.map((p) => ({ id: p.id, name: lib.get(p.id)?.name ?? p.id, count: p.count, rated: p.rated, meanEase: r1(p.meanEase) })),
    feelings: s.feelings.map((e) => ({ name: e.name, count: e.count, rerated: e.rerated, meanBefore: r1(e.meanBefore), meanAfter: r1(e.meanAfter) })),
    belief: { meanBefore: r1(s.beliefMean?.before), meanAfter: r1(s.beliefMean?.after), rated: s.belief.length, records: s.belief },
  };
}

/** The filters other than the period (the title shows that), in words. */
function filterWords(f: ListFilters, ctx: Context): string[] {
  const w: string[] = [];
  if (f.distortion) w.push(`pattern ${ctx.library().nameOf(f.distortion)}`);
  if (f.emotion) w.push(`feeling ${f.emotion.trim().toLowerCase()}`);
  if (f.tag) w.push(`tag ${normaliseTag(f.tag)}`);
  if (f.search !== undefined) w.push(`search "${f.search}"`);
  if (f.limit !== undefined) w.push(`the newest ${f.limit}`);
  return w;
}
