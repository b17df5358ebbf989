// reframe new: the guided record in a terminal, or a record from flags or a JSON file.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import {
  fieldsFromFlags, hasFieldFlags, mergeEmotions, newId, parseEmotionFlag, recordFlagsSchema, type RecordFlags,
} from '../../input/record-flags';
import { emptyState, restoreState, runRecordFlow, stateToBody, type FlowState } from '../../flows/record-flow';
import { patientDrafts, withBusyTimeout } from '../../journal/patience';
import { StoppedHere, type SafetyWatch } from '../../flows/safety-watch';
import { soon } from '../../flows/soon';
import * as z from '../../zod-mini';

const newSchema = z.extend(recordFlagsSchema, { fromNote: z.optional(z.string()) });

import type { Journal } from '../../journal/journal';
import type { ThoughtRecord } from '../../domain/record';
import { ratingHistory } from '../../domain/rerating';

export async function runNew(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(newSchema, raw);
  // --core-belief names a belief that must be there: checked before anything is asked or saved.
  if (opts.coreBelief !== undefined) {
    const j = ctx.journalIfExists();
    if (!j) throw new UsageError(msg.progress.noBelief(opts.coreBelief), msg.progress.noBeliefHint);
    opts.coreBelief = (await import('../../input/progress')).resolveBelief(j, opts.coreBelief);
  }
  if (opts.fromNote !== undefined) return fromNote(opts, ctx);
  if (opts.input !== undefined) return fromInput(opts, ctx);
  if (opts.resume || !hasFieldFlags(opts)) {
    if (!ctx.io.interactive) {
      if (opts.resume) throw new UsageError(msg.errors.noTTY('reframe new --resume', ''), msg.input.runInTerminal);
      throw new UsageError(msg.errors.missingFields(['--situation', '--thought', '--emotion NAME:RATING']), msg.errors.missingFieldsHint);
    }
    return guided(opts, ctx);
  }
  return fromFlags(opts, ctx);
}

/** What was saved, with the safety note first when the words call for it (loaded only to report a save). */
async function reportSaved(...args: Parameters<typeof import('../../input/saved').reportSaved>): Promise<void> {
  (await import('../../input/saved')).reportSaved(...args);
}

async function fromInput(opts: RecordFlags, ctx: Context): Promise<void> {
  if (hasFieldFlags(opts)) throw new UsageError(msg.errors.badFlagCombo('--input', 'the record flags'), msg.input.inputNotFlags);
  const { readRecordInput, validateRecord } = await import('../../input/record');
  const { data, where } = readRecordInput(opts.input!, ctx);
  const rec = validateRecord(data, where, ctx);
  const journal = ctx.journal();
  if (journal.has(rec.id)) throw new UsageError(msg.input.idTaken(rec.id), msg.input.idTakenHint);
  insertLinked(journal, rec, opts.coreBelief);
  await reportSaved(ctx, rec, opts.json, 'saved', linkOf(opts.coreBelief, rec));
}

async function fromFlags(opts: RecordFlags, ctx: Context): Promise<void> {
  const now = ctx.clock.now();
  const f = fieldsFromFlags(opts, now);
  const emotions = mergeEmotions([], (opts.emotion ?? []).map((e) => parseEmotionFlag(e, false)));
  const missing: string[] = [];
  if (f.situation === undefined || String(f.situation).trim() === '') missing.push('--situation');
  if (f.thought === undefined || String(f.thought).trim() === '') missing.push('--thought');
  if (emotions.length === 0) missing.push('--emotion NAME:RATING');
  if (missing.length) throw new UsageError(msg.errors.missingFields(missing), msg.errors.missingFieldsHint);
  const createdAt = now.toISOString();
  const { validateRecord } = await import('../../input/record');
  const rec = validateRecord({ ...f, emotions, id: newId(ctx), createdAt, occurredAt: f.occurredAt ?? createdAt }, msg.input.theRecord, ctx);
  insertLinked(ctx.journal(), rec, opts.coreBelief);
  await reportSaved(ctx, rec, opts.json, 'saved', linkOf(opts.coreBelief, rec));
}

function arrowBeliefs(journal: Journal, coreBelief: string | undefined): { id: string; text: string }[] | undefined {
  if (coreBelief !== undefined) return undefined;
  // Their words only: a belief's ratings, evidence and linked records (all of them) are not needed to offer it.
  const kept = journal.progress.beliefChoices();
  return kept.length ? kept : undefined;
}

/** The belief the record is linked to: --core-belief, or where the downward arrow ended (a new one is kept here). */
function arrowLink(ctx: Context, journal: Journal, s: FlowState, coreBelief: string | undefined): string | undefined {
  if (coreBelief) return coreBelief;
  const o = s.arrow?.outcome;
  if (!o || 'leave' in o) return undefined;
  if ('link' in o) return journal.progress.hasBelief(o.link) ? o.link : undefined;
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx);
  journal.progress.insertBelief({ id, createdAt: now, updatedAt: now, text: o.keep, type: 'core', ratings: [{ at: now, conviction: o.conviction }], evidence: [], records: [], experiments: [] });
  return id;
}

/** Save a record and, when given, its link to a kept belief: one transaction. */
function insertLinked(journal: Journal, rec: ThoughtRecord, beliefId: string | undefined, draftId?: string): void {
  journal.write(() => {
    journal.insert(rec, draftId ? { draftId } : {});
    if (beliefId) journal.progress.linkRecord(rec.id, beliefId);
  });
}

/** What --json adds to the record, as `show --json` does: the linked belief, and the rating history (its own). */
function linkOf(beliefId: string | undefined, rec?: ThoughtRecord): Record<string, unknown> {
  return { ...(beliefId ? { coreBelief: beliefId } : {}), ...(rec ? { ratings: ratingHistory(rec, []) } : {}) };
}

/** new --from-note ID: the guided record, with a note (from jrnl, Day One...) as its situation. */
async function fromNote(opts: RecordFlags & { fromNote?: string }, ctx: Context): Promise<void> {
  if (opts.input !== undefined || opts.resume || hasFieldFlags(opts)) throw new UsageError(msg.errors.badFlagCombo('--from-note', 'other record flags'), msg.notes.fromNoteHint);
  const journal = ctx.journalIfExists();
  if (!journal) throw new UsageError(msg.notes.noNote(opts.fromNote!), msg.notes.noNoteHint);
  const note = journal.note(journal.resolveNoteId(opts.fromNote!))!;
  if (!ctx.io.interactive) throw new UsageError(msg.errors.noTTY('reframe new --from-note', ''), msg.input.runInTerminal);
  const situation = [note.title, note.body].filter((x) => x && x.trim()).join('\n\n');
  // The situation is answered (the note's words, shown by the flow's safety look like any answer); the flow goes on from there.
  return guided(opts, ctx, { ...emptyState(), situation, done: ['situation'] });
}

async function guided(opts: RecordFlags, ctx: Context, start?: FlowState): Promise<void> {
  const journal = ctx.journal();
  const library = ctx.library();
  const prompter = await ctx.prompter();
  // The safety note with its detector and the pattern suggester (~1 MB of code between them) load while the first
  // question waits for its answer: it is on screen sooner, and the flow still awaits them before it goes on, so
  // every answer is looked at before the next question.
  const safety = soon(() => import('../../safety-note'));
  const suggester = soon(() => import('./suggest-hook').then((m) => m.suggesterFor(ctx)));
  const card = soon(() => import('../../render/card'));
  const watch: SafetyWatch = {
    after: async (texts) => (await safety()).safetyWatch(ctx, prompter).after(texts),
    assess: async (texts) => (await safety()).safetyWatch(ctx, prompter).assess(texts),
  };
  let draft = start ? undefined : journal.latestDraft('new');
  if (start) prompter.note(msg.notes.fromNote);
  if (opts.resume && !draft) throw new UsageError(msg.errors.noDraft, msg.errors.noDraftHint);
  if (draft && !opts.resume) {
    prompter.note(msg.draftFound);
    const choice = await prompter.select({
      name: 'resumeOrNew',
      message: msg.flow.resumeOrNew,
      choices: [{ value: 'resume', name: msg.flow.resumeIt }, { value: 'new', name: msg.flow.startOver }],
    });
    if (choice === 'new') {
      journal.deleteDraft(draft.id);
      draft = undefined;
    }
  }
  const draftId = draft?.id ?? newId(ctx);
  const createdAt = draft?.createdAt ?? ctx.clock.now().toISOString();
  const state: FlowState = draft ? restoreState(draft.data) : start ?? emptyState();
  // Drafts never hold the person up; the record waits as long as a person would (journal/patience.ts).
  const drafts = patientDrafts<FlowState>(journal, ctx.env, (s) =>
    journal.saveDraft({ id: draftId, kind: 'new', createdAt, updatedAt: ctx.clock.now().toISOString(), data: s }));
  const save = (s: FlowState) => drafts.save(s);

  let done: FlowState;
  try {
    done = await runRecordFlow(state, {
      prompter,
      library,
      now: () => ctx.clock.now(),
      save,
      suggest: async (thought, others) => (await suggester())?.(thought, others) ?? [],
      watch,
      review: async (s) => {
        const { renderCard } = await card();
        const now = ctx.clock.now().toISOString();
        const body = stateToBody(s, now);
        return renderCard({ ...body, id: draftId, createdAt: createdAt }, {
          theme: ctx.theme, library, now: ctx.clock.now(), width: ctx.io.stdout.columns, draft: true,
        });
      },
      // The downward arrow is offered once the person keeps beliefs (and the record is not linked by --core-belief).
      beliefs: arrowBeliefs(journal, opts.coreBelief),
    });
  } catch (err) {
    if (err instanceof StoppedHere) {
      drafts.flush(state);
      ctx.say(msg.safety.stoppedNew);
      return;
    }
    if ((err as { exitCode?: number })?.exitCode === 130) {
      if (state.done.length || state.emotions.length || state.thoughts.length) {
        drafts.flush(state);
        ctx.say('');
        ctx.say(msg.draftKept);
        ctx.say(msg.draftKeptHint);
      }
      (await safety()).noteOnInterrupt(ctx);
    }
    throw err;
  }
  const now = ctx.clock.now().toISOString();
  // The record schemas (full zod) load while the review is read, not before the first question.
  const { validateRecord } = await import('../../input/record');
  const rec = validateRecord({ ...stateToBody(done, now), id: newId(ctx), createdAt: now }, msg.input.theRecord, ctx);
  try {
    const link = () => arrowLink(ctx, journal, done, opts.coreBelief);
    withBusyTimeout(journal, drafts.personMs, () => journal.write(() => insertLinked(journal, rec, link(), draftId)));
  } catch (err) {
    // The record could not be saved: the answers stay as a draft if the journal takes anything at all.
    try {
      drafts.flush(done);
      ctx.say(msg.draftKept);
      ctx.say(msg.draftKeptHint);
    } catch { /* the error below says why */ }
    throw err;
  }
  prompter.note('');
  prompter.note((await card()).renderChangeSummary(rec, ctx.theme));
  // After words about dying or about being hurt, nothing cheerful: the plain line reportSaved gives.
  const { raisedInRun } = await safety();
  if ((await import('../../domain/balanced-thought')).awaitsBalancedThought(rec)) {
    // Said plainly, never praised over: the balanced thought is still to come.
    prompter.note('');
    prompter.note(msg.flow.noReframeYet(rec.id));
  } else if (!raisedInRun(ctx)) {
    prompter.note('');
    prompter.note(msg.flow.wellDone);
  }
  await reportSaved(ctx, rec, opts.json, 'saved', linkOf(journal.progress.beliefOfRecord(rec.id), rec));
}
