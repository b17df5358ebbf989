// Progress over weeks (issue 15): re-ratings of a record, core beliefs with their conviction, the positive data
// log, behavioural experiments, follow-ups of a record's plan, check-ins. Plain types and pure helpers, no zod:
// the journal and the read-only commands load this. The JSON forms (export, import, --json) are built here;
// their schemas for import are in progress-schema.ts.

/** One re-rating of a record: the belief in the hot thought and/or feelings, later. */
export interface Rerating {
  at: string;
  beliefAfter?: number;
  emotions?: { name: string; after: number }[];
}

export type BeliefType = 'core' | 'rule';

export interface BeliefRating { at: string; conviction: number; alternativeConviction?: number }
export interface DataLogEntry { at: string; text: string }

export interface Belief {
  id: string;
  createdAt: string;
  updatedAt: string;
  text: string;
  type: BeliefType;
  alternative?: string;
  ratings: BeliefRating[];
  evidence: DataLogEntry[];
  records: string[];
  experiments: string[];
}

export interface Experiment {
  id: string;
  createdAt: string;
  updatedAt: string;
  belief?: string;
  record?: string;
  plan: string;
  prediction: string;
  predictionBelief: number;
  /** A local calendar day, yyyy-MM-dd. */
  due: string;
  problems?: string;
  coping?: string;
  doneAt?: string;
  outcome?: string;
  cameTrue?: number;
  learned?: string;
}

/** How a record's plan went, told later (daily's follow-up). */
export interface FollowUp { record: string; at: string; text: string }

export interface CheckinData {
  id: string;
  createdAt: string;
  mood: number;
  words?: string;
  promptId?: string;
  answer?: string;
  /** Imported from another app (Daylio): its name and id there, the person's mood word, activities as tags. */
  moodLabel?: string;
  tags?: string[];
  source?: string;
  sourceId?: string;
}

export const KINDS = {
  rating: 'rating',
  belief: 'belief',
  experiment: 'experiment',
  followup: 'followup',
  checkin: 'checkin',
} as const;

const drop = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

/** A belief's JSON form (show --json, export). */
export function beliefToJson(b: Belief): Record<string, unknown> {
  return drop({
    kind: KINDS.belief, id: b.id, createdAt: b.createdAt, updatedAt: b.updatedAt, text: b.text, type: b.type,
    alternative: b.alternative,
    ratings: b.ratings.map((r) => drop({ at: r.at, conviction: r.conviction, alternativeConviction: r.alternativeConviction })),
    evidence: b.evidence.map((e) => ({ at: e.at, text: e.text })),
    records: b.records, experiments: b.experiments,
  });
}

export function experimentToJson(e: Experiment): Record<string, unknown> {
  return drop({
    kind: KINDS.experiment, id: e.id, createdAt: e.createdAt, updatedAt: e.updatedAt, belief: e.belief, record: e.record,
    plan: e.plan, prediction: e.prediction, predictionBelief: e.predictionBelief, due: e.due, problems: e.problems,
    coping: e.coping, doneAt: e.doneAt, outcome: e.outcome, cameTrue: e.cameTrue, learned: e.learned,
  });
}

export function reratingToJson(record: string, r: Rerating): Record<string, unknown> {
  return drop({ kind: KINDS.rating, record, at: r.at, beliefAfter: r.beliefAfter, emotions: r.emotions });
}

export function followUpToJson(f: FollowUp): Record<string, unknown> {
  return { kind: KINDS.followup, record: f.record, at: f.at, text: f.text };
}

export function checkinToJson(c: CheckinData): Record<string, unknown> {
  return drop({
    kind: KINDS.checkin, id: c.id, createdAt: c.createdAt, mood: c.mood, words: c.words, promptId: c.promptId, answer: c.answer,
    moodLabel: c.moodLabel, tags: c.tags?.length ? c.tags : undefined, source: c.source, sourceId: c.sourceId,
  });
}

/** The latest conviction of a belief, if rated. */
export function latestConviction(b: Belief): number | undefined {
  return b.ratings.length ? b.ratings[b.ratings.length - 1].conviction : undefined;
}

/** Is the experiment due (today or before) and not done? `today` is a local yyyy-MM-dd. */
export function isDue(e: Experiment, today: string): boolean {
  return e.doneAt === undefined && e.due <= today;
}

/** Words a belief's text and a thought share, as a 0-1 overlap (for offering a kept belief that resembles a thought). */
export function resemblance(a: string, b: string): number {
  const words = (s: string) => new Set(s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w)));
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size);
}
const STOP = new Set(['the', 'and', 'that', 'this', 'with', 'for', 'are', 'was', 'will', 'would', 'have', 'has', 'not', 'but', 'its', 'all', 'just', 'about', 'from', 'they', 'them', 'she', 'her', 'him', 'his', 'you', 'your', 'what', 'when', 'then', 'than', 'because', 'really', 'very', 'been', 'being']);
