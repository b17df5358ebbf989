// reframe daily, as text: the prompt, the streak, yesterday in numbers (never anyone's words).
import { format } from 'date-fns';
import type { Theme } from './theme';
import type { ReflectionPrompt } from '../domain/prompts';
import type { Streak } from '../domain/streak';
import { msg } from '../messages';
import { dropControls } from './width';

export interface DailySummary {
  /** The local day, yyyy-MM-dd. */
  date: string;
  prompt: ReflectionPrompt;
  streak: Streak;
  yesterday: { records: number; distortions: { id: string; name: string; count: number }[] };
  checkedInToday: boolean;
  /** Experiments due today or overdue, and the latest record's plan not yet followed up: listed first. */
  due: DueItem[];
}

export interface DueItem {
  kind: 'experiment' | 'plan';
  /** The experiment's id, or the record's. */
  id: string;
  text: string;
  /** Local day, yyyy-MM-dd: the experiment's due day, or the day of the record the plan came from. */
  due: string;
}

/** The `--json` form: exactly these keys, for scripts. */
export function dailyJson(s: DailySummary): object {
  return {
    date: s.date,
    prompt: { id: s.prompt.id, theme: s.prompt.theme, text: s.prompt.text },
    streak: { current: s.streak.current, longest: s.streak.longest },
    yesterday: { records: s.yesterday.records, distortions: s.yesterday.distortions.map((d) => ({ id: d.id, name: d.name, count: d.count })) },
    checkedInToday: s.checkedInToday,
    due: s.due.map((d) => ({ kind: d.kind, id: d.id, text: d.text, due: d.due })),
  };
}

/** The date as a person reads it: "Sunday 22 November 2026". */
export function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return format(new Date(y, m - 1, d, 12), 'EEEE d MMMM yyyy');
}

export function streakLine(st: Streak): string {
  if (st.current === 0) return st.longest === 0 ? msg.daily.streakNone : msg.daily.streakRestart(st.longest);
  if (st.current === 1) return msg.daily.streakOne(st.longest);
  return msg.daily.streak(st.current, st.longest);
}

export function yesterdayLine(y: DailySummary['yesterday']): string {
  if (y.records === 0) return msg.daily.yesterdayNone;
  const names = y.distortions.map((d) => (d.count > 1 ? `${d.name} (${d.count})` : d.name)).join(', ');
  return msg.daily.yesterday(y.records, names);
}

/** The prompt block alone: what still prints when the journal can't be read. */
export function renderPrompt(date: string, prompt: ReflectionPrompt, t: Theme): string {
  return [
    t.heading(msg.daily.heading(longDate(date))) + t.muted(` ${t.unicode ? '·' : '-'} ${prompt.theme}`),
    '',
    `  ${t.accent(prompt.text)}`,
    '',
  ].join('\n');
}

/** The whole report; `startCommand` adds the line that says how to begin a record. */
export function renderDaily(s: DailySummary, t: Theme, startCommand?: string, withWords = false): string {
  const lines = [...dueLines(s.due, t, withWords), renderPrompt(s.date, s.prompt, t), streakLine(s.streak), yesterdayLine(s.yesterday)];
  if (s.checkedInToday) lines.push(msg.daily.checkedInToday);
  if (startCommand) lines.push(t.muted(msg.daily.startRecord(startCommand)));
  return lines.join('\n');
}

/**
 * What to follow up, first: experiments due and the latest plan. The person's words only in a terminal
 * (`withWords`): from cron this goes to a log file, where it names only what is due and its id.
 */
export function dueLines(due: DueItem[], t: Theme, withWords: boolean): string[] {
  if (due.length === 0) return [];
  const one = (s: string) => dropControls(s.split('\n')[0]).slice(0, 200);
  const line = (d: DueItem) => {
    if (!withWords) return d.kind === 'experiment' ? msg.progress.dueExperimentBare(d.id, d.due) : msg.progress.duePlanBare(d.id, d.due);
    return `${t.id(d.id.slice(0, 10))}  ${d.kind === 'experiment' ? msg.progress.dueExperiment(one(d.text), d.due) : msg.progress.duePlan(one(d.text))}`;
  };
  return [t.heading(msg.progress.dueHeading), ...due.map((d) => `  ${line(d)}`), ''];
}
