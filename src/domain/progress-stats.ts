// `stats`'s figures for issue 15: each belief's conviction over the range, and the experiments planned, done
// and how often the feared prediction came true. Pure.
import type { Belief, Experiment } from './progress';

export interface BeliefTrend {
  id: string;
  text: string;
  first: number | null;
  latest: number | null;
  ratings: { at: string; conviction: number }[];
}

export interface ExperimentFigures { planned: number; done: number; meanCameTrue: number | null }

const inRange = (at: string, since?: string, until?: string) => (!since || at >= since) && (!until || at <= until);

export function beliefTrends(beliefs: Belief[], since?: string, until?: string): BeliefTrend[] {
  return beliefs.map((b) => {
    const ratings = b.ratings.filter((r) => inRange(r.at, since, until)).map((r) => ({ at: r.at, conviction: r.conviction }));
    return {
      id: b.id, text: b.text,
      first: ratings.length ? ratings[0].conviction : null,
      latest: ratings.length ? ratings[ratings.length - 1].conviction : null,
      ratings,
    };
  });
}

/** Planned in the range (by when planned); of those, done; the mean of how far the prediction came true (1 decimal). */
export function experimentFigures(es: Experiment[], since?: string, until?: string): ExperimentFigures {
  const planned = es.filter((e) => inRange(e.createdAt, since, until));
  const done = planned.filter((e) => e.doneAt !== undefined);
  const rated = done.filter((e) => e.cameTrue !== undefined);
  const mean = rated.length ? Math.round((rated.reduce((s, e) => s + e.cameTrue!, 0) / rated.length) * 10) / 10 : null;
  return { planned: planned.length, done: done.length, meanCameTrue: mean };
}
