// When and how the crisis note (and the note about harm from someone else) is shown. Once per run each, on
// stderr, never logged, never in the way of a save: the words are saved first, then looked at.
import type { Context } from './context';
import type { Prompter } from './flows/prompter';
import { StoppedHere, type SafetyWatch } from './flows/safety-watch';
import { assess, type Assessment } from './domain/safety/detect';
import type { SafetyPlan } from './domain/safety-plan';
import { renderAbuseNote, renderCrisisNote, renderPlan } from './render/crisis';
import { msg } from './messages';

interface RunState {
  /** The crisis note was shown in this run. */
  danger: boolean;
  abuse: boolean;
  /** Words raising it were given in this run (shown or not). */
  raised: boolean;
}
const runs = new WeakMap<Context, RunState>();
function state(ctx: Context): RunState {
  let s = runs.get(ctx);
  if (!s) runs.set(ctx, (s = { danger: false, abuse: false, raised: false }));
  return s;
}

/** The person's plan, if there is a journal with one. A journal that can't be read must not stop the note. */
export function planIfAny(ctx: Context): SafetyPlan | undefined {
  try {
    const j = ctx.journalIfExists();
    return j?.safetyPlan();
  } catch {
    return undefined;
  }
}

/** Show what `a` calls for and has not been shown in this run. Returns true when something was shown. */
export function showNotes(ctx: Context, a: Assessment, intro?: string): boolean {
  const s = state(ctx);
  let shown = false;
  if (a.danger || a.abuse) s.raised = true;
  if (a.danger && !s.danger) {
    s.danger = true;
    ctx.say('');
    for (const l of renderCrisisNote(planIfAny(ctx), ctx.errTheme, intro)) ctx.say(l);
    shown = true;
  }
  if (a.abuse && !s.abuse) {
    s.abuse = true;
    ctx.say('');
    for (const l of renderAbuseNote(ctx.errTheme)) ctx.say(l);
    shown = true;
  }
  if (shown) ctx.say('');
  return shown;
}

/** Look at the words, and show the note they call for (once per run). */
export function noteForTexts(ctx: Context, texts: Iterable<string | undefined>): Assessment {
  const a = assess(texts);
  showNotes(ctx, a);
  return a;
}

/** Words that raised a note in this run (for what is said at the end, and on Ctrl-C). */
export function raisedInRun(ctx: Context): boolean {
  return state(ctx).raised;
}

/** On Ctrl-C after such words: the help lines again, briefly (the full note if it was never shown). */
export function noteOnInterrupt(ctx: Context): void {
  const s = state(ctx);
  if (!s.raised) return;
  if (!s.danger && !s.abuse) return;
  ctx.say(s.danger ? msg.safety.reminder : msg.abuse.lines[2].trim());
}

/**
 * What the guided flows are given: after each answer (already saved), the note if the words call for it, and
 * then a gentle choice: go on, stop here (what was written is kept), or see the safety plan.
 */
export function safetyWatch(ctx: Context, prompter: Prompter): SafetyWatch {
  return {
    assess: (texts) => assess(texts),
    async after(texts) {
      const a = assess(texts);
      if (!showNotes(ctx, a)) return;
      await askHowToGoOn(ctx, prompter, a.danger);
    },
  };
}

/** The gentle choice after the note: go on, stop here (throws StoppedHere), or see the safety plan first. */
export async function askHowToGoOn(ctx: Context, p: Prompter, danger: boolean): Promise<void> {
  for (let looked = false; ;) {
    const plan = planIfAny(ctx);
    const choices = [
      { value: 'go', name: msg.safety.goOn },
      { value: 'stop', name: msg.safety.stopHere },
      ...(danger && !looked ? [{ value: 'plan', name: plan ? msg.safety.seePlan : msg.safety.makePlan }] : []),
    ];
    const c = await p.select({ name: 'safetyNext', message: msg.safety.howToGoOn, choices });
    if (c === 'go') return;
    if (c === 'stop') throw new StoppedHere();
    looked = true;
    ctx.say('');
    if (plan) ctx.say(renderPlan(plan, ctx.errTheme));
    else {
      ctx.say(msg.plan.none);
      ctx.say(msg.plan.noneHint);
    }
    ctx.say('');
  }
}
