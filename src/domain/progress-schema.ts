// The JSON forms of issue 15's objects as import takes them (export writes them with domain/progress.ts).
// Each has a "kind"; unknown fields are an error, as for records. Full zod: import loads it anyway.
import * as z from 'zod';
import { MAX_ITEMS, MAX_TEXT, canonicalId, emotionName, isRecordId, isoDateTime, rating } from './record';
import { KINDS } from './progress';

const id = z.string({ error: 'must be a ULID or UUID' }).refine(isRecordId, { error: 'must be a ULID (26 characters) or a UUID' }).transform(canonicalId);
const text = z.string({ error: 'must be text' })
  .max(MAX_TEXT, { error: `is too long (over ${MAX_TEXT} characters)` })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });
const optText = text.optional();
const day = z.string({ error: 'must be a day like 2026-12-08' }).refine((s) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const c = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2200 && c.getUTCMonth() === m - 1 && c.getUTCDate() === d;
}, { error: 'must be a day like 2026-12-08' });

export const ratingObject = z.strictObject({
  kind: z.literal(KINDS.rating),
  record: id,
  at: isoDateTime,
  beliefAfter: rating.optional(),
  emotions: z.array(z.strictObject({ name: emotionName, after: rating })).max(MAX_ITEMS).optional(),
});

export const beliefObject = z.strictObject({
  kind: z.literal(KINDS.belief),
  id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  text,
  type: z.enum(['core', 'rule'], { error: 'must be "core" or "rule"' }),
  alternative: optText,
  ratings: z.array(z.strictObject({ at: isoDateTime, conviction: rating, alternativeConviction: rating.optional() })).max(10_000).default([]),
  evidence: z.array(z.strictObject({ at: isoDateTime, text })).max(10_000).default([]),
  records: z.array(id).max(100_000).default([]),
  experiments: z.array(id).max(100_000).default([]),
});

export const experimentObject = z.strictObject({
  kind: z.literal(KINDS.experiment),
  id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  belief: id.optional(),
  record: id.optional(),
  plan: text,
  prediction: text,
  predictionBelief: rating,
  due: day,
  problems: optText,
  coping: optText,
  doneAt: isoDateTime.optional(),
  outcome: optText,
  cameTrue: rating.optional(),
  learned: optText,
});

export const followUpObject = z.strictObject({ kind: z.literal(KINDS.followup), record: id, at: isoDateTime, text });

export const checkinObject = z.strictObject({
  kind: z.literal(KINDS.checkin),
  id,
  createdAt: isoDateTime,
  mood: rating,
  words: optText,
  promptId: z.string().max(40).optional(),
  answer: optText,
  moodLabel: z.string().max(200).optional(),
  tags: z.array(z.string().max(200)).max(100).optional(),
  source: z.string().max(40).optional(),
  sourceId: z.string().max(200).optional(),
});

export const PROGRESS_SCHEMAS = {
  [KINDS.rating]: ratingObject,
  [KINDS.belief]: beliefObject,
  [KINDS.experiment]: experimentObject,
  [KINDS.followup]: followUpObject,
  [KINDS.checkin]: checkinObject,
} as const;

export type RatingObject = z.output<typeof ratingObject>;
export type BeliefObject = z.output<typeof beliefObject>;
export type ExperimentObject = z.output<typeof experimentObject>;
export type FollowUpObject = z.output<typeof followUpObject>;
export type CheckinObject = z.output<typeof checkinObject>;
