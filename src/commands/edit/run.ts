// reframe edit ID: change a record, by flags (re-rating later is the usual use) or interactively.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { recordSchema, type ThoughtRecord } from '../../domain/record';
import { parseOptions } from '../../input/options';
import { FIELD_FLAGS, fieldsFromFlags, hasFieldFlags, mergeEmotions, newId, parseEmotionFlag, recordFlagsSchema, validateRecord } from '../../input/record';
import { reportSaved } from '../../input/saved';
import { runEditFlow } from '../../flows/edit-flow';
import { renderChangeSummary } from '../../render/card';
import { noteOnInterrupt, safetyWatch } from '../../safety-note';
import { StoppedHere } from '../../flows/safety-watch';
import type { Journal } from '../../journal/journal';
import { isEmptyRating, ratingHistory, ratingsOf, reratingBetween, withLatest } from '../../domain/rerating';
import { parseWhen } from '../../input/progress';

export async function runEdit(idArg: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(recordFlagsSchema, raw);
  if (opts.input !== undefined) throw new UsageError(msg.input.editTakesFlags, msg.input.editTakesFlagsHint);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(idArg), msg.errors.noRecordHint);
  const id = journal.resolveId(idArg, Boolean(ctx.io.stderr.isTTY));
  const current = journal.get(id)!;
  const now = () => ctx.clock.now().toISOString();

  if (hasFieldFlags(opts)) {
    const emotionFlags = opts.emotion?.map((e) => parseEmotionFlag(e, true));
    // Only re-rating flags (--belief-after, --emotion NAME::AFTER) with --at: --at dates the re-rating, and the
    // moment the record is about stays where it was.
    const reratingOnly = opts.at !== undefined && (opts.beliefAfter !== undefined || emotionFlags !== undefined)
      && (emotionFlags ?? []).every((e) => e.before === undefined)
      && FIELD_FLAGS.every((k) => k === 'at' || k === 'beliefAfter' || k === 'emotion' || opts[k] === undefined);
    const f = fieldsFromFlags(reratingOnly ? { ...opts, at: undefined } : opts, ctx.clock.now());
    const ratedAt = reratingOnly ? parseWhen(opts.at, ctx.clock.now()) : now();
    const emotions = emotionFlags ? mergeEmotions(current.emotions, emotionFlags) : current.emotions;
    const next = validateRecord({ ...current, ...f, emotions }, msg.input.theRecord, ctx, { moodsOptional: current.emotions.length === 0 });
    const saved = saveKeepingRatings(journal, current, next, ratedAt, now());
    reportSaved(ctx, saved, opts.json, 'updated', asShown(journal, saved));
    return;
  }
  if (!ctx.io.interactive) throw new UsageError(msg.errors.nothingToChange);

  const draft = journal.latestDraft('edit', id);
  if (opts.resume && !draft) throw new UsageError(msg.errors.noDraft, msg.input.startEdit(id));
  let working: ThoughtRecord = current;
  if (draft && opts.resume) {
    const parsed = recordSchema.safeParse(draft.data);
    if (parsed.success) working = parsed.data;
  }
  const draftId = draft?.id ?? newId(ctx);
  const createdAt = draft?.createdAt ?? now();
  const save = (r: ThoughtRecord) => journal.saveDraft({ id: draftId, kind: 'edit', targetId: id, createdAt, updatedAt: now(), data: r });
  const prompter = await ctx.prompter();
  let edited: ThoughtRecord;
  const editing = structuredClone(working);
  try {
    edited = await runEditFlow(editing, { prompter, library: ctx.library(), now: () => ctx.clock.now(), save, watch: safetyWatch(ctx, prompter) });
  } catch (err) {
    if (err instanceof StoppedHere) {
      save(editing);
      ctx.say(msg.safety.stoppedEdit(id));
      return;
    }
    // Ctrl-C half-way through a change (a new thought typed, its rating not yet): keep what was typed too.
    if ((err as { exitCode?: number })?.exitCode === 130 && JSON.stringify(editing) !== JSON.stringify(working)) save(editing);
    if ((err as { exitCode?: number })?.exitCode === 130 && journal.latestDraft('edit', id)) {
      ctx.say('');
      ctx.say(msg.editDraftKept(id));
    }
    if ((err as { exitCode?: number })?.exitCode === 130) noteOnInterrupt(ctx);
    throw err;
  }
  const next = saveKeepingRatings(journal, current, validateRecord(edited, msg.input.theRecord, ctx, { moodsOptional: current.emotions.length === 0 }), now(), now(), draftId);
  prompter.note(renderChangeSummary(next, ctx.theme));
  reportSaved(ctx, next, opts.json, 'updated', asShown(journal, next));
}

/** What --json adds to the record, as `show --json` does: the linked belief and the rating history. */
function asShown(journal: Journal, r: ThoughtRecord): Record<string, unknown> {
  const belief = journal.progress.beliefOfRecord(r.id);
  return { ...(belief ? { coreBelief: belief } : {}), ratings: ratingHistory(r, journal.progress.reratings(r.id)) };
}

/**
 * Save an edited record; a changed after-rating (belief, a feeling) is added to the record's rating history
 * rather than written over it. The first time, what it was rated with that night goes in first. The record then
 * holds the latest of its history. One transaction.
 */
function saveKeepingRatings(journal: Journal, current: ThoughtRecord, next: ThoughtRecord, ratedAt: string, updatedAt: string, draftId?: string): ThoughtRecord {
  return journal.write(() => {
    let out = next;
    const r = reratingBetween(current, next, ratedAt);
    if (r) {
      if (journal.progress.reratings(current.id).length === 0) {
        // Dated when the record was written (or the moment it is about, if earlier), so it always comes first.
        const own = ratingsOf(current, current.occurredAt < current.createdAt ? current.occurredAt : current.createdAt);
        if (!isEmptyRating(own)) journal.progress.addRerating(current.id, own);
      }
      journal.progress.addRerating(current.id, r);
      out = withLatest(next, journal.progress.reratings(current.id));
    }
    journal.update(out, updatedAt, draftId ? { draftId } : {});
    return out;
  });
}
