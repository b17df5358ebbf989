// A record as a readable card (show, and the summary at the end of the guided flow).
import type { ThoughtRecord, Emotion } from '../domain/record';
import type { Library } from '../library/library';
import type { Theme } from './theme';
import { localDateTime, relativeTime, wrap } from './text';
import { msg } from '../messages';
import { awaitsBalancedThought } from '../domain/balanced-thought';

export function arrow(t: Theme): string {
  return t.unicode ? '→' : '->';
}

/** "80 -> 40" with the change coloured: easing is good news. */
export function change(before: number | undefined, after: number | undefined, t: Theme): string {
  if (before === undefined) return after === undefined ? '' : `? ${arrow(t)} ${after}`;
  if (after === undefined) return `${before}`;
  const s = `${before} ${arrow(t)} ${after}`;
  return after < before ? t.good(s) : after > before ? t.warn(s) : s;
}

export function emotionLine(e: Emotion, t: Theme): string {
  return `${e.name} ${change(e.before, e.after, t)}`;
}

export interface CardOptions {
  theme: Theme;
  library: Library;
  now: Date;
  width?: number;
  /** The review before saving: no id or time line yet, and no `reframe edit` hint (there is no id to edit). */
  draft?: boolean;
}

export function renderCard(r: ThoughtRecord, o: CardOptions): string {
  const t = o.theme;
  const w = Math.max(40, Math.min(o.width ?? 80, 100)) - 4;
  const lines: string[] = [];
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    lines.push('', t.label(title));
    lines.push(...body);
  };
  const bullet = t.unicode ? '•' : '-';
  const list = (xs: string[]) => xs.map((x) => wrap(x, w, '    ').replace(/^ {4}/, `  ${bullet} `));
  const para = (x: string) => wrap(x, w, '  ');

  if (o.draft) lines.push(t.muted(`${localDateTime(r.occurredAt)} (${relativeTime(r.occurredAt, o.now)})`));
  else lines.push(`${t.id(r.id)}  ${t.muted(`${localDateTime(r.occurredAt)} (${relativeTime(r.occurredAt, o.now)})`)}`);
  section('Situation', [para(r.situation)]);
  // Imported from an app that never asked (FreeCBT): said plainly, not left out.
  section('Feelings', r.emotions.length ? r.emotions.map((e) => `  ${emotionLine(e, t)}`) : [`  ${t.muted(msg.notes.noMoods)}`]);
  const belief = r.beliefBefore !== undefined || r.beliefAfter !== undefined ? `  ${t.muted('belief')} ${change(r.beliefBefore, r.beliefAfter, t)}` : '';
  section('Hot thought', [para(r.thought), ...(belief ? [belief] : [])]);
  section('Other thoughts', list(r.otherThoughts));
  section('Thinking patterns', r.distortions.map((id) => {
    const p = o.library.get(id);
    return p ? `  ${bullet} ${p.name} ${t.muted(`(${id})`)}` : `  ${bullet} ${id} ${t.muted(`(${msg.unknownPattern})`)}`;
  }));
  section('Evidence for', list(r.evidenceFor));
  section('Evidence against', list(r.evidenceAgainst));
  section('Questions', r.answers.flatMap((a) => [wrap(a.question, w, '  ').replace(/^/, ''), t.muted(wrap(a.answer, w, '    '))].map((x, i) => (i === 0 ? t.accent(x) : x))));
  if (r.whenTrue) {
    section('When the thought is true', [
      ...(r.actionPlan ? [`  ${t.muted('what I can do')}`, para(r.actionPlan)] : []),
      ...(r.whenTrue.help ? [`  ${t.muted('help I can ask for')}`, para(r.whenTrue.help)] : []),
      ...(r.whenTrue.friend ? [`  ${t.muted('what I would tell a friend')}`, para(r.whenTrue.friend)] : []),
    ]);
  }
  if (r.reframe) section('Balanced thought', [para(r.reframe), ...(r.reframeBelief !== undefined ? [`  ${t.muted('believed')} ${r.reframeBelief}`] : [])]);
  else if (awaitsBalancedThought(r)) section('Balanced thought', [para(o.draft ? msg.flow.noReframeShort : msg.flow.noReframeYet(r.id))]);
  if (r.actionPlan && !r.whenTrue) section('Next step', [para(r.actionPlan)]);
  if (r.tags.length) section('Tags', [`  ${r.tags.map((x) => '#' + x).join(' ')}`]);
  return lines.join('\n');
}

/** What changed: the short summary the guided flow ends with. */
export function renderChangeSummary(r: Pick<ThoughtRecord, 'emotions' | 'beliefBefore' | 'beliefAfter'>, t: Theme): string {
  const lines = [t.heading('What changed')];
  if (r.beliefBefore !== undefined) lines.push(`  belief in the thought  ${change(r.beliefBefore, r.beliefAfter, t)}`);
  for (const e of r.emotions) lines.push(`  ${emotionLine(e, t)}`);
  return lines.join('\n');
}
