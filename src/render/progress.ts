// Progress over time as text: a record's rating path, beliefs, experiments. Pure: (data) -> string.
import { differenceInCalendarDays, format } from 'date-fns';
import type { Belief, Experiment, Rerating } from '../domain/progress';
import { isDue, latestConviction } from '../domain/progress';
import type { ThoughtRecord } from '../domain/record';
import type { Theme } from './theme';
import { arrow } from './card';
import { localDateTime, wrap } from './text';
import { msg } from '../messages';

const p = msg.progress;

/** When a rating was given, said from the record's point of view: "that night", "three days later". */
export function whenSaid(at: string, r: Pick<ThoughtRecord, 'occurredAt' | 'createdAt'>, first: boolean): string {
  const start = new Date(r.occurredAt);
  const d = new Date(at);
  const days = differenceInCalendarDays(d, start);
  const hours = (d.getTime() - start.getTime()) / 3_600_000;
  if (first && hours < 24 && days <= 1) return p.thatNight;
  if (days <= 0) return p.laterThatDay;
  if (days === 1) return p.nextDay;
  if (days < 14) return p.daysLater(days);
  if (days < 70) return p.weeksLater(Math.round(days / 7));
  return p.onDay(format(d, d.getFullYear() === start.getFullYear() ? 'd MMM' : 'd MMM yyyy'));
}

/** "belief 90 -> 55 that night -> 35 three days later", and a line like it for each re-rated feeling. */
export function ratingPaths(r: ThoughtRecord, history: Rerating[], t: Theme): string[] {
  if (history.length < 2) return [];
  const a = ` ${arrow(t)} `;
  const out: string[] = [];
  const beliefSteps = history.filter((h) => h.beliefAfter !== undefined)
    .map((h, i) => `${h.beliefAfter} ${t.muted(whenSaid(h.at, r, i === 0 && h.at === history[0].at))}`);
  if (beliefSteps.length) out.push(`  ${t.muted(p.beliefPath)} ${r.beliefBefore ?? '?'}${a}${beliefSteps.join(a)}`);
  for (const e of r.emotions) {
    const steps = history.flatMap((h) => (h.emotions ?? []).filter((x) => x.name === e.name).map((x) => ({ h, after: x.after })));
    if (steps.length < 2) continue;
    out.push(`  ${e.name} ${e.before}${a}${steps.map((s, i) => `${s.after} ${t.muted(whenSaid(s.h.at, r, i === 0 && s.h.at === history[0].at))}`).join(a)}`);
  }
  return out;
}

function day(iso: string): string {
  return format(new Date(iso), 'd MMM yyyy');
}

/** One line per belief: id, type, first -> latest conviction, the words. */
export function renderBeliefList(bs: Belief[], t: Theme, width = 80): string {
  return bs.map((b) => {
    const first = b.ratings[0]?.conviction;
    const latest = latestConviction(b);
    const conv = first === undefined ? '' : first === latest ? `${latest}` : `${first} ${arrow(t)} ${latest}`;
    const head = `${t.id(b.id)}  ${t.muted(p.beliefTypes[b.type])}  ${conv}`;
    return `${head}\n${wrap(b.text, Math.max(40, width) - 4, '  ')}`;
  }).join('\n');
}

export function renderBelief(b: Belief, experiments: Experiment[], t: Theme, width = 80): string {
  const w = Math.max(40, Math.min(width, 100)) - 4;
  const lines = [`${t.id(b.id)}  ${t.muted(`${p.beliefTypes[b.type]}, ${localDateTime(b.createdAt)}`)}`, '', wrap(b.text, w, '  ')];
  const section = (title: string, body: string[]) => { lines.push('', t.label(title), ...body); };
  if (b.alternative) section(p.alternative, [wrap(b.alternative, w, '  ')]);
  section(p.conviction, b.ratings.map((r) => `  ${day(r.at).padEnd(12)} ${String(r.conviction).padStart(3)}${r.alternativeConviction !== undefined ? t.muted(`   (${p.alternative.toLowerCase()} ${r.alternativeConviction})`) : ''}`));
  if (b.ratings.length >= 2) lines.push(`  ${t.accent(bar(b.ratings.map((r) => r.conviction), t))}`);
  section(p.dataLog, b.evidence.length ? b.evidence.map((e) => `  ${t.muted(day(e.at))}  ${wrap(e.text, w - 14, '               ').trimStart()}`) : [`  ${t.muted(p.dataLogNone)}`]);
  if (b.records.length) section(p.linkedRecords, b.records.map((id) => `  ${t.id(id)}`));
  if (experiments.length) section(p.linkedExperiments, experiments.map((e) => `  ${t.id(e.id)}  ${t.muted(e.doneAt ? p.status.done : e.due)}  ${firstLine(e.plan, w - 40)}`));
  return lines.filter((l, i, all) => !(l === '' && all[i + 1] === '')).join('\n');
}

/** A small line of how conviction went, one block per rating (no colour needed to read it). */
export function bar(values: number[], t: Theme): string {
  const blocks = t.fancy ? ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] : ['_', '.', '-', '=', '+', '*', '#', '@'];
  return values.map((v) => blocks[Math.min(7, Math.floor(v / 12.5))]).join('');
}

function firstLine(s: string, max: number): string {
  const one = s.split('\n')[0];
  return one.length > Math.max(20, max) ? one.slice(0, Math.max(20, max) - 3) + '...' : one;
}

export function experimentStatus(e: Experiment, today: string): string {
  if (e.doneAt) return p.status.done;
  if (e.due < today) return p.status.overdue;
  if (isDue(e, today)) return p.status.due;
  return p.status.planned;
}

export function renderExperimentList(es: Experiment[], today: string, t: Theme, width = 80): string {
  return es.map((e) => {
    const st = experimentStatus(e, today);
    const colour = st === 'done' ? t.good : st === 'overdue' || st === 'due' ? t.warn : t.muted;
    return `${t.id(e.id)}  ${e.due}  ${colour(st)}\n  ${firstLine(e.plan, width - 4)}`;
  }).join('\n');
}

export function renderExperiment(e: Experiment, today: string, t: Theme, belief?: Belief, width = 80): string {
  const w = Math.max(40, Math.min(width, 100)) - 4;
  const L = p.labels;
  const lines = [`${t.id(e.id)}  ${t.muted(`${L.due} ${e.due}, ${experimentStatus(e, today)}`)}`];
  const section = (title: string, body: string | undefined) => {
    if (body === undefined) return;
    lines.push('', t.label(title), wrap(body, w, '  '));
  };
  if (belief) section(L.belief, belief.text);
  else if (e.record) section(L.record, e.record);
  section(L.plan, e.plan);
  section(L.prediction, `${e.prediction}  (${e.predictionBelief})`);
  section(L.problems, e.problems);
  section(L.coping, e.coping);
  if (e.doneAt) {
    section(L.outcome, e.outcome);
    section(L.cameTrue, e.cameTrue === undefined ? undefined : `${e.cameTrue}  (${L.prediction.toLowerCase()} ${e.predictionBelief} ${arrow(t)} ${e.cameTrue})`);
    section(L.learned, e.learned);
  }
  return lines.join('\n');
}
