// The record: the single source of truth for its shape (CONTRACT.md, "The record").
import * as z from 'zod';

export const MAX_TEXT = 50_000;
export const MAX_ITEMS = 200;

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isRecordId(s: string): boolean {
  return ULID_RE.test(s) || UUID_RE.test(s);
}

export const rating = z
  .number({ error: 'must be a whole number from 0 to 100' })
  .int({ error: 'must be a whole number from 0 to 100' })
  .min(0, { error: 'must be from 0 to 100' })
  .max(100, { error: 'must be from 0 to 100' });

/** Free text, kept exactly as typed; only a blank answer counts as missing. */
const requiredText = z
  .string({ error: 'must be text' })
  .max(MAX_TEXT, { error: `is too long (over ${MAX_TEXT} characters)` })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

const optionalText = z
  .string({ error: 'must be text' })
  .max(MAX_TEXT, { error: `is too long (over ${MAX_TEXT} characters)` });

const textList = z.array(requiredText).max(MAX_ITEMS, { error: `has more than ${MAX_ITEMS} items` });

export const isoDateTime = z
  .string({ error: 'must be an ISO 8601 date and time' })
  .refine((s) => s.length <= 40 && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    error: 'must be an ISO 8601 date and time, like 2026-11-22T19:05:00Z',
  })
  // A real calendar day (no 30 February) and real clock time.
  .refine((s) => {
    const [y, m, d] = s.slice(0, 10).split('-').map(Number);
    const c = new Date(Date.UTC(y, m - 1, d));
    return c.getUTCMonth() === m - 1 && c.getUTCDate() === d && Number(s.slice(11, 13)) < 24 && Number(s.slice(14, 16)) < 60;
  }, { error: 'must be a real date and time, like 2026-11-22T19:05:00Z' })
  // In UTC it must still be a plain four-digit year (9999-12-31T23:59-01:00 is not), so it re-imports.
  .refine((s) => { const y = new Date(s).getUTCFullYear(); return y >= 1900 && y <= 9999; }, {
    error: 'must be a date between the years 1900 and 9999',
  })
  .transform((s) => new Date(s).toISOString());

export const emotionName = z
  .string({ error: 'must be text' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length >= 1 && s.length <= 40, { error: 'must be 1 to 40 characters' });

export const tagName = z
  .string({ error: 'must be text' })
  .transform((s) => s.trim().replace(/^#+/, '').toLowerCase())
  .refine((s) => /^[^\s,]{1,40}$/u.test(s), { error: 'must be one word of up to 40 characters, without spaces or commas' });

export const distortionId = z
  .string({ error: 'must be a pattern id' })
  .refine((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 60, { error: 'must be a pattern id such as mind-reading' });

export const emotionSchema = z.strictObject({
  name: emotionName,
  before: rating,
  after: rating.nullish().transform((v) => v ?? undefined).optional(),
});

export const answerSchema = z.strictObject({
  question: requiredText,
  answer: requiredText,
});

const optRating = rating.nullish().transform((v) => v ?? undefined).optional();
const optText = optionalText.nullish().transform((v) => (v === null || v === undefined || v.trim() === '' ? undefined : v)).optional();

/** The fields a person writes. */
export const recordBodySchema = z.strictObject({
  occurredAt: isoDateTime,
  situation: requiredText,
  emotions: z.array(emotionSchema).min(1, { error: 'needs at least one emotion with a rating' }).max(MAX_ITEMS),
  thought: requiredText,
  beliefBefore: optRating,
  otherThoughts: textList.default([]),
  distortions: z.array(distortionId).max(MAX_ITEMS).default([]),
  evidenceFor: textList.default([]),
  evidenceAgainst: textList.default([]),
  answers: z.array(answerSchema).max(MAX_ITEMS).default([]),
  reframe: optText,
  reframeBelief: optRating,
  beliefAfter: optRating,
  actionPlan: optText,
  tags: z.array(tagName).max(MAX_ITEMS).default([]),
});

/** A whole record, as --json, export and import use it. */
export const recordSchema = recordBodySchema.extend({
  id: z.string({ error: 'must be a ULID or UUID' }).refine(isRecordId, { error: 'must be a ULID (26 characters) or a UUID' }),
  createdAt: isoDateTime,
});

/** Import and --input: id and createdAt may be left for the program to make; occurredAt defaults to createdAt. */
export const recordInputSchema = recordSchema.extend({
  id: recordSchema.shape.id.optional(),
  createdAt: isoDateTime.optional(),
  occurredAt: isoDateTime.optional(),
});

export type Emotion = z.output<typeof emotionSchema>;
export type Answer = z.output<typeof answerSchema>;
export type RecordBody = z.output<typeof recordBodySchema>;
export type ThoughtRecord = z.output<typeof recordSchema>;
export type RecordInput = z.output<typeof recordInputSchema>;

const KEY_ORDER: (keyof ThoughtRecord)[] = [
  'id', 'createdAt', 'occurredAt', 'situation', 'emotions', 'thought', 'beliefBefore', 'otherThoughts',
  'distortions', 'evidenceFor', 'evidenceAgainst', 'answers', 'reframe', 'reframeBelief', 'beliefAfter',
  'actionPlan', 'tags',
];

/** The contract's JSON form: keys in a fixed order, absent optional values left out. */
export function toJson(r: ThoughtRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = r[k];
    if (v === undefined) continue;
    if (k === 'emotions') {
      out.emotions = r.emotions.map((e) => (e.after === undefined ? { name: e.name, before: e.before } : { name: e.name, before: e.before, after: e.after }));
    } else out[k] = v;
  }
  return out;
}

/** Remove duplicates but keep the first occurrence's order (tags, distortions). */
export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Every text field, in one list: for the safety check and for search. */
export function recordTexts(r: Partial<RecordBody>): string[] {
  const out: string[] = [];
  const push = (s?: string) => { if (s) out.push(s); };
  push(r.situation); push(r.thought); push(r.reframe); push(r.actionPlan);
  for (const s of r.otherThoughts ?? []) push(s);
  for (const s of r.evidenceFor ?? []) push(s);
  for (const s of r.evidenceAgainst ?? []) push(s);
  for (const a of r.answers ?? []) { push(a.answer); }
  return out;
}
