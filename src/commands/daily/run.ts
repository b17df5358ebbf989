// reframe daily: today's reflection prompt and the streak. In a terminal, a short check-in (how do you
// feel, 0-100 and a word or two) and an offer to write a full record. Anywhere else (cron, a pipe, a
// login script) it prints and exits at once: it never reads stdin and never creates the journal.
import { resolve } from 'node:path';
import { endOfDay, startOfDay, subDays } from 'date-fns';
import type { Context } from '../../context';
import { JournalError, UsageError } from '../../errors';
import { msg } from '../../messages';
import { readOptions } from '../../input/options';
import { StoppedHere } from '../../flows/safety-watch';
import { loadPrompts, promptForDay, type ReflectionPrompt } from '../../domain/prompts';
import { patternNamer } from '../../library/library';
import { dayNumber, localDay, practiceDayNumbers, streak, streakOf } from '../../domain/streak';
import { dailyJson, renderDaily, renderPrompt, streakLine, yesterdayLine, type DailySummary, type DueItem } from '../../render/daily';
import { canPrompt, isEncryptedFile, keyringKey, PASSPHRASE_ENV } from '../../journal/cipher';
import { dailyStatePath, readDailyState } from '../../journal/daily-state';

const DAILY_OPTIONS = { json: 'boolean', notify: 'boolean' } as const;

export async function runDaily(raw: unknown, ctx: Context): Promise<void> {
  const opts = await readOptions(DAILY_OPTIONS, raw);
  const now = ctx.clock.now();
  const date = localDay(now);
  // The program's own prompts: checked by its tests, not at every run (domain/prompts.ts).
  const prompt = promptForDay(loadPrompts(undefined, false), date);
  if (opts.notify) await sendNotification(ctx, prompt);

  // An encrypted journal and no way to its key (cron): the prompt, and what the state file knows. Never exit 2.
  if (lockedWithoutKey(ctx)) return runLocked(ctx, Boolean(opts.json), now, date, prompt);

  let summary: DailySummary;
  try {
    summary = summarize(ctx, now, date, prompt);
  } catch (err) {
    // A damaged or locked journal: the prompt still reaches the person (not in --json, where half
    // an answer would mislead a script), then the error and exit 1.
    if (err instanceof JournalError && !opts.json) ctx.out(renderPrompt(date, prompt, ctx.theme));
    throw err;
  }

  if (opts.json) return ctx.out(JSON.stringify(dailyJson(summary), null, 2));
  if (!ctx.io.interactive) return ctx.out(renderDaily(summary, ctx.theme, startCommand(ctx)));
  return checkIn(ctx, summary);
}

/**
 * An encrypted journal with no key source: no --passphrase-file, no $REFRAME_PASSPHRASE_FILE, no terminal to ask
 * on, and no remembered passphrase the keyring gives at once (cron has no session bus: the keyring isn't even
 * asked). A keyring entry that doesn't open the journal: its one line on stderr, and the state file all the same.
 */
function lockedWithoutKey(ctx: Context): boolean {
  if (ctx.passphraseFile !== undefined || (ctx.env[PASSPHRASE_ENV] ?? '') !== '') return false;
  // The file first: asking whether there is a terminal loads Node's tty and net modules (~7 ms of a cron run).
  if (!isEncryptedFile(ctx.paths.db) || canPrompt()) return false;
  if (!keyringKey({ passphraseFile: undefined, env: ctx.env, attempt: 0, path: ctx.paths.db, stateDir: ctx.paths.stateDir, helper: ctx.workerEntry })) return true;
  try {
    ctx.journal();
    return false;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    ctx.say(ctx.errTheme.warn(err.message));
    return true;
  }
}

/**
 * daily from the state file (src/journal/daily-state.ts): the streak, yesterday's count, whether there was a
 * check-in today and the days things are due, no words and no ids. No check-in is asked: it could not be saved.
 */
function runLocked(ctx: Context, json: boolean, now: Date, date: string, prompt: ReflectionPrompt): void {
  const state = readDailyState(dailyStatePath(ctx.paths.stateDir, ctx.paths.db));
  const due = (state?.due ?? []).filter((d) => (d.kind === 'experiment' ? d.due <= date : d.due < date));
  const summary: DailySummary | undefined = state && {
    date,
    prompt,
    streak: streak(state.practiceDays, date),
    yesterday: { records: state.recordsByDay[localDay(subDays(now, 1))] ?? 0, distortions: [] },
    checkedInToday: state.lastCheckinDay === date,
    due: [],
  };
  if (json) {
    const base = summary
      ? dailyJson(summary) as Record<string, unknown>
      : { date, prompt: { id: prompt.id, theme: prompt.theme, text: prompt.text }, streak: null, yesterday: null, checkedInToday: null, due: [] };
    base.due = due.map((d) => ({ kind: d.kind, id: null, text: null, due: d.due }));
    return ctx.out(JSON.stringify({ ...base, locked: true, fromStateFile: Boolean(state), stateUpdatedAt: state?.updatedAt ?? null }, null, 2));
  }
  const t = ctx.theme;
  const lines: string[] = [];
  if (due.length) {
    lines.push(t.heading(msg.progress.dueHeading));
    for (const d of due) lines.push(`  ${d.kind === 'experiment' ? msg.daily.dueExperimentLocked(d.due) : msg.daily.duePlanLocked(d.due)}`);
    lines.push('');
  }
  lines.push(renderPrompt(date, prompt, t));
  if (summary) {
    lines.push(streakLine(summary.streak), yesterdayLine(summary.yesterday));
    if (summary.checkedInToday) lines.push(msg.daily.checkedInToday);
  }
  lines.push(t.muted(msg.daily.lockedRest));
  ctx.out(lines.join('\n'));
}

/** What is due today: experiments whose day has come, and the latest record's plan if from before today. */
function dueToday(ctx: Context, now: Date, date: string): DueItem[] {
  const journal = ctx.journalIfExists();
  if (!journal) return [];
  const out: DueItem[] = journal.progress.dueExperiments(date).map((e) => ({ kind: 'experiment' as const, id: e.id, text: e.plan, due: e.due }));
  const plan = journal.progress.planToFollowUp(startOfDay(now).toISOString());
  if (plan) out.push({ kind: 'plan', id: plan.id, text: plan.plan, due: localDay(new Date(plan.occurredAt)) });
  return out;
}

/** Everything but the prompt comes from the journal, if there is one; a missing journal is an empty one. */
function summarize(ctx: Context, now: Date, date: string, prompt: ReflectionPrompt): DailySummary {
  const journal = ctx.journalIfExists();
  if (!journal) {
    return { date, prompt, streak: { current: 0, longest: 0 }, yesterday: { records: 0, distortions: [] }, checkedInToday: false, due: [] };
  }
  const days = practiceDayNumbers(journal.practiceSpans(), (day) => journal.practiceTimesOn(day));
  const y = subDays(now, 1);
  const written = journal.writtenBetween(startOfDay(y).toISOString(), endOfDay(y).toISOString());
  const nameOf = patternNames(ctx);
  const distortions = written.distortions
    .map((d) => ({ id: d.id, name: nameOf(d.id), count: d.count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const checkedInToday = journal.checkins(startOfDay(now).toISOString(), endOfDay(now).toISOString()).length > 0;
  return { date, prompt, streak: streakOf(days, dayNumber(date)), yesterday: { records: written.records, distortions }, checkedInToday, due: dueToday(ctx, now, date) };
}

/** Pattern names (the library's names file, or the whole library when the person has patterns of their own); a
 * broken patterns file of the person's own must not stop a cron run. */
function patternNames(ctx: Context): (id: string) => string {
  try {
    return patternNamer(ctx.paths.configDir, () => ctx.library());
  } catch {
    return (id) => id;
  }
}

/** How to start a record from here: with --db when the journal was named by the flag, not the environment. */
function startCommand(ctx: Context): string {
  const fromEnv = ctx.env.REFRAME_DB ? resolve(ctx.env.REFRAME_DB) === ctx.paths.db : false;
  if (!ctx.paths.dbExplicit || fromEnv) return 'reframe new';
  return `reframe --db '${ctx.paths.db.replace(/'/g, `'\\''`)}' new`;
}

async function sendNotification(ctx: Context, prompt: ReflectionPrompt): Promise<void> {
  const { notify } = await import('../../cron/notify');
  const r = notify(msg.daily.notifyTitle, prompt.text, ctx.env);
  if (r.sent) return;
  ctx.say(ctx.errTheme.warn(r.reason === 'missing' ? msg.daily.notifyMissing : msg.daily.notifyFailed(r.detail)));
}

/**
 * The check-in. The mood is kept the moment it is given: Ctrl-C at the words still saves it (a check-in
 * without words is a whole check-in); Ctrl-C at the mood saves nothing. Both exit 130.
 */
async function checkIn(ctx: Context, summary: DailySummary): Promise<void> {
  // The safety note and its detector (~0.8 MB of code) load here, before anything is typed, so a note is never
  // delayed; the printed and --json paths never need them.
  const { askHowToGoOn, noteForTexts, noteOnInterrupt } = await import('../../safety-note');
  const prompter = await ctx.prompter();
  ctx.out(renderDaily(summary, ctx.theme, undefined, true));
  prompter.note('');
  // Follow-ups first: each offered, each saved as soon as it is told. Words about danger stop here gently.
  if (summary.due.length) {
    try {
      await (await import('./follow-up')).followUps(ctx, prompter, summary.due);
    } catch (err) {
      if (err instanceof StoppedHere) {
        ctx.say(msg.safety.stoppedDaily);
        return;
      }
      if ((err as { exitCode?: number })?.exitCode === 130) noteOnInterrupt(ctx);
      throw err;
    }
    prompter.note('');
  }
  const mood = await prompter.rating({ name: 'mood', message: msg.daily.mood });
  // Loaded only for a check-in: it brings the record schemas (full zod), which the printed path never needs.
  const { newId } = await import('../../input/record');
  let words: string | undefined;
  let lastSaved: string | undefined;
  const save = () => {
    lastSaved = newId(ctx);
    ctx.journal().insertCheckin({ id: lastSaved, createdAt: ctx.clock.now().toISOString(), mood, words, promptId: summary.prompt.id });
  };
  try {
    const w = await prompter.input({
      name: 'moodWords',
      message: msg.daily.moodWords,
      validate: (s) => (s.trim().length <= 80 ? true : msg.daily.moodWordsTooLong),
    });
    words = w.trim().replace(/\s+/g, ' ') || undefined;
  } catch (err) {
    if ((err as { exitCode?: number })?.exitCode === 130) {
      save();
      ctx.say('');
      ctx.say(msg.daily.checkinKept(mood));
    }
    throw err;
  }
  save();
  const id = lastSaved!;
  // Words about dying or being hurt: the note right away (the check-in is already saved), then a plain saved
  // line and a gentle choice before anything else is asked. Otherwise the day's reflection can be answered
  // (optional), kept with the check-in as soon as it is given, and looked at the same way.
  let a = words ? noteForTexts(ctx, [words]) : { danger: false, abuse: false };
  if (!a.danger && !a.abuse) {
    let typed: string;
    try {
      typed = await prompter.input({ name: 'reflection', message: `${summary.prompt.text}\n  ${msg.progress.answerAsk}` });
    } catch (err) {
      if ((err as { exitCode?: number })?.exitCode === 130) {
        ctx.say('');
        ctx.say(msg.daily.checkinKept(mood));
      }
      throw err;
    }
    if (typed.trim()) {
      ctx.journal().answerCheckin(id, typed);
      a = noteForTexts(ctx, [typed]);
    }
  }
  if (a.danger || a.abuse) {
    ctx.say(msg.safety.checkinSavedPlain);
    try {
      await askHowToGoOn(ctx, prompter, a.danger);
    } catch (err) {
      if (err instanceof StoppedHere) {
        ctx.say(msg.safety.stoppedDaily);
        return;
      }
      if ((err as { exitCode?: number })?.exitCode === 130) noteOnInterrupt(ctx);
      throw err;
    }
  } else ctx.say(ctx.errTheme.good(msg.daily.checkinSaved));
  prompter.note('');
  const go = await prompter.confirm({ name: 'startRecord', message: msg.daily.offerRecord, default: false });
  if (!go) {
    prompter.note(ctx.theme.muted(msg.daily.later));
    return;
  }
  const { runNew } = await import('../new/run');
  await runNew({}, ctx);
}
