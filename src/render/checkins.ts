// Check-ins (from `reframe daily`, and Daylio's rows): a list, and their JSON form.
import type { Checkin } from '../journal/practice';
import type { Theme } from './theme';
import { localDateTime } from './text';
import { truncate } from './width';

export function checkinJson(c: Checkin): Record<string, unknown> {
  return {
    id: c.id, createdAt: c.createdAt, mood: c.mood, moodLabel: c.moodLabel ?? null, words: c.words ?? null, tags: c.tags ?? [],
    promptId: c.promptId ?? null, answer: c.answer ?? null, source: c.source ?? null,
  };
}

const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Piped: one tab-separated line per check-in (id, time, mood, mood word, tags, words, the answer to the prompt). */
export function renderCheckinsPlain(cs: Checkin[]): string {
  return cs.map((c) => [c.id, c.createdAt, String(c.mood), c.moodLabel ?? '', (c.tags ?? []).join(','), truncate(oneLine(c.words), 200, '...'), truncate(oneLine(c.answer), 200, '...')].join('\t')).join('\n');
}

export function renderCheckinsList(cs: Checkin[], t: Theme, width = 100): string {
  return cs.map((c) => {
    const mood = `${String(c.mood).padStart(3)}${c.moodLabel ? ` ${c.moodLabel}` : ''}`;
    const tags = (c.tags ?? []).map((x) => '#' + x).join(' ');
    const words = oneLine(c.words);
    const answer = oneLine(c.answer);
    const rest = [tags, words, answer && `(${answer})`].filter(Boolean).join('  ');
    return `${t.muted(localDateTime(c.createdAt))}  ${mood}${rest ? '  ' + truncate(rest, Math.max(20, width - 40)) : ''}`;
  }).join('\n');
}
