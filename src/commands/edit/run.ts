// reframe edit ID: change a record, by flags (re-rating later is the usual use) or interactively.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { recordSchema, type ThoughtRecord } from '../../domain/record';
import { parseOptions } from '../../input/options';
import { fieldsFromFlags, hasFieldFlags, mergeEmotions, newId, parseEmotionFlag, recordFlagsSchema, reportSaved, validateRecord } from '../../input/record';
import { runEditFlow } from '../../flows/edit-flow';
import { renderChangeSummary } from '../../render/card';
import { noteOnInterrupt, safetyWatch } from '../../safety-note';
import { StoppedHere } from '../../flows/safety-watch';

export async function runEdit(idArg: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(recordFlagsSchema, raw);
  if (opts.input !== undefined) throw new UsageError(msg.input.editTakesFlags, msg.input.editTakesFlagsHint);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.errors.noRecord(idArg), msg.errors.noRecordHint);
  const id = journal.resolveId(idArg, Boolean(ctx.io.stderr.isTTY));
  const current = journal.get(id)!;
  const now = () => ctx.clock.now().toISOString();

  if (hasFieldFlags(opts)) {
    const f = fieldsFromFlags(opts, ctx.clock.now());
    const emotions = opts.emotion ? mergeEmotions(current.emotions, opts.emotion.map((e) => parseEmotionFlag(e, true))) : current.emotions;
    const next = validateRecord({ ...current, ...f, emotions }, msg.input.theRecord, ctx, { moodsOptional: current.emotions.length === 0 });
    journal.update(next, now());
    reportSaved(ctx, next, opts.json, 'updated');
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
  const next = validateRecord(edited, msg.input.theRecord, ctx, { moodsOptional: current.emotions.length === 0 });
  journal.update(next, now(), { draftId });
  prompter.note(renderChangeSummary(next, ctx.theme));
  reportSaved(ctx, next, opts.json, 'updated');
}
