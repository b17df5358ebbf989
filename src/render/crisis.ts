// The crisis note, the note about harm from someone else, and the safety plan, as lines of text. Pure.
// The first line of the crisis note says help is available now; then the person's own plan (its people and
// crisis-line steps), then the lines: the local emergency number, 988, Samaritans, findahelpline.com.
import { msg } from '../messages';
import { NOTE_STEPS, PLAN_STEPS, isEmptyPlan, type PlanStep, type SafetyPlan } from '../domain/safety-plan';
import type { Theme } from './theme';
import { sanitizeLine } from './crisis-text';

const stepTitle = (k: PlanStep) => msg.plan.steps[k].title;

/** `context`: a line after the first one, saying where the words were (an import, say). */
export function renderCrisisNote(plan: SafetyPlan | undefined, t: Theme, context?: string): string[] {
  const out = [t.heading(msg.safety.title)];
  if (context) out.push(context);
  const own = plan ? NOTE_STEPS.filter((k) => plan[k].length > 0) : [];
  if (plan && own.length) {
    out.push(msg.safety.planIntro);
    for (const k of own) {
      out.push(`  ${stepTitle(k)}:`);
      for (const l of plan[k]) out.push(`    - ${sanitizeLine(l)}`);
    }
  }
  out.push(...msg.safety.lines);
  if (!plan || isEmptyPlan(plan)) out.push(t.muted(msg.safety.noPlan));
  return out;
}

export function renderAbuseNote(t: Theme): string[] {
  return [t.heading(msg.abuse.title), ...msg.abuse.lines];
}

/** The whole plan, step by step (an empty step says so). */
export function renderPlan(plan: SafetyPlan, t: Theme): string {
  const out = [t.heading(msg.plan.heading), t.muted(msg.plan.changed(plan.updatedAt.slice(0, 10))), ''];
  PLAN_STEPS.forEach((k, i) => {
    out.push(`${i + 1}. ${stepTitle(k)}`);
    if (plan[k].length === 0) out.push(`   ${t.muted(msg.plan.emptyStep)}`);
    for (const l of plan[k]) out.push(`   - ${sanitizeLine(l)}`);
    out.push('');
  });
  return out.join('\n').trimEnd();
}

/** The plan in the markdown export: a section after the records. */
export function planMarkdown(plan: SafetyPlan): string {
  const out = [`## ${msg.plan.heading}`, '', `_${msg.plan.changed(plan.updatedAt)}_`, ''];
  PLAN_STEPS.forEach((k) => {
    out.push(`### ${stepTitle(k)}`, '');
    if (plan[k].length === 0) out.push(`_${msg.plan.emptyStep}_`);
    for (const l of plan[k]) out.push(`- ${l.replace(/\r?\n/g, ' ')}`);
    out.push('');
  });
  return out.join('\n');
}
