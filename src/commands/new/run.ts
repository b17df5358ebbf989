// reframe new: the guided record in a terminal, or a record from flags or a JSON file.
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import {
  fieldsFromFlags, hasFieldFlags, mergeEmotions, newId, parseEmotionFlag, readRecordInput, recordFlagsSchema,
  reportSaved, validateRecord, type RecordFlags,
} from '../../input/record';
import { emptyState, restoreState, runRecordFlow, stateToBody, type FlowState } from '../../flows/record-flow';
import { renderChangeSummary } from '../../render/card';
import { suggesterFor } from './suggest-hook';
import { patientDrafts, withBusyTimeout } from '../../journal/patience';
import { noteOnInterrupt, raisedInRun, safetyWatch } from '../../safety-note';
import { StoppedHere } from '../../flows/safety-watch';
import type { Journal } from '../../journal/journal';
import type { ThoughtRecord } from '../../domain/record';
import { resolveBelief } from '../../input/progress';
import { ratingHistory } from '../../domain/rerating';

export async function runNew(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(recordFlagsSchema, raw);
  // --core-belief names a belief that must be there: checked before anything is asked or saved.
  if (opts.coreBelief !== undefined) {
    const j = ctx.journalIfExists();
    if (!j) throw new UsageError(msg.progress.noBelief(opts.coreBelief), msg.progress.noBeliefHint);
    opts.coreBelief = resolveBelief(j, opts.coreBelief);
  }
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

function fromInput(opts: RecordFlags, ctx: Context): void {
  if (hasFieldFlags(opts)) throw new UsageError(msg.errors.badFlagCombo('--input', 'the record flags'), msg.input.inputNotFlags);
  const { data, where } = readRecordInput(opts.input!, ctx);
  const rec = validateRecord(data, where, ctx);
  const journal = ctx.journal();
  if (journal.has(rec.id)) throw new UsageError(msg.input.idTaken(rec.id), msg.input.idTakenHint);
  insertLinked(journal, rec, opts.coreBelief);
  reportSaved(ctx, rec, opts.json, 'saved', linkOf(opts.coreBelief, rec));
}

function fromFlags(opts: RecordFlags, ctx: Context): void {
  const now = ctx.clock.now();
  const f = fieldsFromFlags(opts, now);
  const emotions = mergeEmotions([], (opts.emotion ?? []).map((e) => parseEmotionFlag(e, false)));
  const missing: string[] = [];
  if (f.situation === undefined || String(f.situation).trim() === '') missing.push('--situation');
  if (f.thought === undefined || String(f.thought).trim() === '') missing.push('--thought');
  if (emotions.length === 0) missing.push('--emotion NAME:RATING');
  if (missing.length) throw new UsageError(msg.errors.missingFields(missing), msg.errors.missingFieldsHint);
  const createdAt = now.toISOString();
  const rec = validateRecord({ ...f, emotions, id: newId(ctx), createdAt, occurredAt: f.occurredAt ?? createdAt }, msg.input.theRecord, ctx);
  insertLinked(ctx.journal(), rec, opts.coreBelief);
  reportSaved(ctx, rec, opts.json, 'saved', linkOf(opts.coreBelief, rec));
}

function arrowBeliefs(journal: Journal, coreBelief: string | undefined): { id: string; text: string }[] | undefined {
  if (coreBelief !== undefined) return undefined;
  const kept = journal.progress.beliefs();
  return kept.length ? kept.map((b) => ({ id: b.id, text: b.text })) : undefined;
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

async function guided(opts: RecordFlags, ctx: Context): Promise<void> {
  const journal = ctx.journal();
  const library = ctx.library();
  const prompter = await ctx.prompter();
  let draft = journal.latestDraft('new');
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
  const state: FlowState = draft ? restoreState(draft.data) : emptyState();
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
      suggest: await suggesterFor(ctx),
      watch: safetyWatch(ctx, prompter),
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
      noteOnInterrupt(ctx);
    }
    throw err;
  }
  const now = ctx.clock.now().toISOString();
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
  prompter.note(renderChangeSummary(rec, ctx.theme));
  // After words about dying or about being hurt, nothing cheerful: the plain line reportSaved gives.
  if (!raisedInRun(ctx)) {
    prompter.note('');
    prompter.note(msg.flow.wellDone);
  }
  reportSaved(ctx, rec, opts.json, 'saved', linkOf(journal.progress.beliefOfRecord(rec.id), rec));
}
