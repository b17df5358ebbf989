// What the printable report summarises, worked out from the records of a period: pure, no I/O.
import type { ThoughtRecord } from './record';

export interface PatternRow { id: string; count: number; rated: number; meanEase?: number }
export interface FeelingRow { name: string; count: number; rerated: number; meanBefore: number; meanAfter?: number }
export interface BeliefPoint { at: string; before: number; after: number }
export interface ReportSummary {
  count: number;
  first?: string;
  last?: string;
  patterns: PatternRow[];
  feelings: FeelingRow[];
  belief: BeliefPoint[];
  /** Records with belief rated before, and the mean over those also rated after. */
  beliefMean?: { before: number; after: number; rated: number };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarise(records: readonly ThoughtRecord[]): ReportSummary {
  const patterns = new Map<string, { count: number; ease: number[] }>();
  const feelings = new Map<string, { befores: number[]; pairs: [number, number][] }>();
  const belief: BeliefPoint[] = [];
  let first: string | undefined;
  let last: string | undefined;
  for (const r of records) {
    if (!first || r.occurredAt < first) first = r.occurredAt;
    if (!last || r.occurredAt > last) last = r.occurredAt;
    const both = r.beliefBefore !== undefined && r.beliefAfter !== undefined;
    if (both) belief.push({ at: r.occurredAt, before: r.beliefBefore!, after: r.beliefAfter! });
    for (const d of new Set(r.distortions)) {
      const p = patterns.get(d) ?? { count: 0, ease: [] };
      p.count++;
      if (both) p.ease.push(r.beliefBefore! - r.beliefAfter!);
      patterns.set(d, p);
    }
    for (const e of r.emotions) {
      const f = feelings.get(e.name) ?? { befores: [], pairs: [] };
      f.befores.push(e.before);
      if (e.after !== undefined) f.pairs.push([e.before, e.after]);
      feelings.set(e.name, f);
    }
  }
  belief.sort((a, b) => a.at.localeCompare(b.at));
  return {
    count: records.length,
    first,
    last,
    patterns: [...patterns].map(([id, p]) => ({ id, count: p.count, rated: p.ease.length, meanEase: p.ease.length ? mean(p.ease) : undefined }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    feelings: [...feelings].map(([name, f]) => ({
      name, count: f.befores.length, rerated: f.pairs.length,
      // With re-ratings, before and after are both the means over the re-rated records, so they compare.
      meanBefore: f.pairs.length ? mean(f.pairs.map((p) => p[0])) : mean(f.befores),
      meanAfter: f.pairs.length ? mean(f.pairs.map((p) => p[1])) : undefined,
    })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    belief,
    beliefMean: belief.length ? { before: mean(belief.map((b) => b.before)), after: mean(belief.map((b) => b.after)), rated: belief.length } : undefined,
  };
}

/** A core belief and how strongly it was held each time it was rated (drawn only when the journal keeps them). */
export interface CoreBeliefPath { statement: string; ratings: { at: string; conviction: number }[] }
/** A behavioural experiment (drawn only when the journal keeps them). */
export interface ExperimentRow { at: string; experiment: string; prediction?: string; outcome?: string }
