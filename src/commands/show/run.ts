// reframe show ID: one record in full.
import type { Context } from '../../context';
import { toJson } from '../../domain/record-fields';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { renderCard } from '../../render/card';
import { readOptions } from '../../input/options';
import { ratingHistory } from '../../domain/rerating';
import { ratingPaths } from '../../render/progress';
import { dropControls } from '../../render/width';
import { wrap } from '../../render/text';
import { stampTime } from '../../sync/hlc';
import type { KeptConflict } from '../../journal/sync';
import type { ThoughtRecord } from '../../domain/record';

const SHOW_OPTIONS = { json: 'boolean' } as const;

export async function runShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(SHOW_OPTIONS, raw);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(id), msg.errors.noRecordHint);
  const rec = journal.get(journal.resolveId(id, Boolean(ctx.io.stderr.isTTY)))!;
  // The rating history: the ratings given with the record first, then each re-rating.
  const history = ratingHistory(rec, journal.progress.reratings(rec.id));
  const beliefId = journal.progress.beliefOfRecord(rec.id);
  // Versions kept by sync when this record was changed on two computers apart (src/sync/engine.ts).
  const kept = journal.sync.conflicts('record', rec.id);
  if (opts.json) {
    const out: Record<string, unknown> = { ...toJson(rec) };
    if (beliefId) out.coreBelief = beliefId;
    out.ratings = history;
    if (kept.length) out.syncConflicts = kept.map((c) => ({ device: c.device, madeAt: stampTime(c.stamp) ?? null, keptAt: c.keptAt, version: c.data }));
    ctx.out(JSON.stringify(out, null, 2));
    return;
  }
  let card = renderCard(rec, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns });
  const paths = ratingPaths(rec, history, ctx.theme);
  if (paths.length) card += `\n\n${ctx.theme.label(msg.progress.ratingsHeading)}\n${paths.join('\n')}`;
  const belief = beliefId ? journal.progress.belief(beliefId) : undefined;
  if (belief) card += `\n\n${ctx.theme.label(msg.progress.linkedBelief)}\n  ${ctx.theme.id(belief.id)}  ${dropControls(belief.text.split('\n')[0])}`;
  const followUp = journal.progress.followUp(rec.id);
  if (followUp) card += `\n\n${ctx.theme.label(msg.progress.howItWent)}\n${wrap(followUp.text, Math.max(40, Math.min(ctx.io.stdout.columns ?? 80, 100)) - 4, '  ')}`;
  if (kept.length) card += `\n\n${keptVersions(kept, ctx)}`;
  ctx.out(card);
}

/** The versions sync kept beside this record, each in full, with what to do about them. */
function keptVersions(kept: KeptConflict[], ctx: Context): string {
  const parts = [ctx.theme.warn(msg.sync.showConflicts(kept.length))];
  for (const c of kept) {
    const when = (stampTime(c.stamp) ?? c.keptAt).replace('T', ' ').slice(0, 16) + ' UTC';
    parts.push('', ctx.theme.label(msg.sync.showConflictHeading(c.device, when)));
    if (c.data === null || typeof c.data !== 'object') parts.push(`  ${msg.sync.showConflictGone}`);
    else parts.push(renderCard(c.data as ThoughtRecord, { theme: ctx.theme, library: ctx.library(), now: ctx.clock.now(), width: ctx.io.stdout.columns }));
  }
  parts.push('', ctx.theme.muted(msg.sync.showConflictHint));
  return parts.join('\n');
}
