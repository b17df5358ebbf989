// A record's rating history (issue 15, item 1): what `show` prints as a path and `show --json` as `ratings`.
// The record's own beliefAfter and each feeling's after are always the latest in its history.
import type { Rerating } from './progress';
import type { ThoughtRecord } from './record';

/** The ratings a record holds now, as one entry of its history (at the given time). */
export function ratingsOf(r: Pick<ThoughtRecord, 'beliefAfter' | 'emotions'>, at: string): Rerating {
  const out: Rerating = { at };
  if (r.beliefAfter !== undefined) out.beliefAfter = r.beliefAfter;
  const emotions = r.emotions.filter((e) => e.after !== undefined).map((e) => ({ name: e.name, after: e.after! }));
  if (emotions.length) out.emotions = emotions;
  return out;
}

export function isEmptyRating(r: Rerating): boolean {
  return r.beliefAfter === undefined && (r.emotions === undefined || r.emotions.length === 0);
}

/** What changed between a record and its edited form, as a re-rating; undefined when no after-rating changed. */
export function reratingBetween(before: ThoughtRecord, after: ThoughtRecord, at: string): Rerating | undefined {
  const out: Rerating = { at };
  if (after.beliefAfter !== undefined && after.beliefAfter !== before.beliefAfter) out.beliefAfter = after.beliefAfter;
  const emotions: { name: string; after: number }[] = [];
  for (const e of after.emotions) {
    const was = before.emotions.find((x) => x.name === e.name);
    if (e.after !== undefined && was?.after !== e.after) emotions.push({ name: e.name, after: e.after });
  }
  if (emotions.length) out.emotions = emotions;
  return isEmptyRating(out) ? undefined : out;
}

/** The history as `show --json` gives it: the record's own ratings first when it was never re-rated. */
export function ratingHistory(r: ThoughtRecord, kept: Rerating[]): Rerating[] {
  if (kept.length) return kept;
  const own = ratingsOf(r, r.occurredAt < r.createdAt ? r.occurredAt : r.createdAt);
  return isEmptyRating(own) ? [] : [own];
}

/** The record with its after-ratings set to the latest of the history (by time; the last given wins a tie). */
export function withLatest(r: ThoughtRecord, history: Rerating[]): ThoughtRecord {
  const sorted = history.map((h, i) => ({ h, i })).sort((a, b) => a.h.at.localeCompare(b.h.at) || a.i - b.i).map((x) => x.h);
  const next = { ...r, emotions: r.emotions.map((e) => ({ ...e })) };
  for (const h of sorted) {
    if (h.beliefAfter !== undefined) next.beliefAfter = h.beliefAfter;
    for (const e of h.emotions ?? []) {
      const mine = next.emotions.find((x) => x.name === e.name);
      if (mine) mine.after = e.after;
    }
  }
  return next;
}
