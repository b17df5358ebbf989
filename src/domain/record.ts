// The record: the single source of truth for its shape (docs/CONTRACT.md, "The record").
import * as z from 'zod';
import { isTag, normaliseTag } from './tags';

export const MAX_TEXT = 50_000;
export const MAX_ITEMS = 200;

// Both are case-insensitive by their specs: stored in their canonical case, ULIDs upper, UUIDs lower.
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(s: string): boolean {
  return ULID_RE.test(s) || UUID_RE.test(s);
}

/** A record id in its canonical case. */
export function canonicalId(s: string): string {
  return UUID_RE.test(s) ? s.toLowerCase() : ULID_RE.test(s) ? s.toUpperCase() : s;
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

/** The form every export writes (toISOString, UTC, milliseconds). */
const CANONICAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Is s a good time already in the form we store? The same answer isoProblem gives, without building any
 * Date (an import checks two times per record; this is most of what checking a record costs otherwise).
 * False only means "ask isoProblem".
 */
export function isCanonicalIso(s: string): boolean {
  const m = CANONICAL_ISO.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]);
}

/** Why an ISO time is not acceptable, or undefined when it is. */
function isoProblem(s: string): string | undefined {
  if (isCanonicalIso(s)) return undefined;
  const shape = 'must be an ISO 8601 date and time, like 2026-11-22T19:05:00Z';
  if (s.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) || Number.isNaN(Date.parse(s))) return shape;
  // A real calendar day (no 30 February) and real clock time.
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const c = new Date(Date.UTC(y, m - 1, d));
  if (c.getUTCMonth() !== m - 1 || c.getUTCDate() !== d || Number(s.slice(11, 13)) > 23 || Number(s.slice(14, 16)) > 59) return shape;
  // In UTC it must still be a plain four-digit year (9999-12-31T23:59-01:00 is not), so it re-imports.
  const year = new Date(s).getUTCFullYear();
  if (year < 1900 || year > 9999) return 'must be a date between the years 1900 and 9999';
  return undefined;
}

export const isoDateTime = z
  .string({ error: 'must be an ISO 8601 date and time' })
  .superRefine((s, ctx) => {
    const problem = isoProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((s) => (isCanonicalIso(s) ? s : new Date(s).toISOString()));

/**
 * Invisible characters that can make a name look like another: bidi controls, zero-width spaces,
 * and a zero-width joiner that is not joining two emoji. Refused in feeling names and tags.
 */
const INVISIBLE = /[\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|(?<![\p{Extended_Pictographic}\ufe0f\u{1f3fb}-\u{1f3ff}])\u200d|\u200d(?!\p{Extended_Pictographic})/u;
const INVISIBLE_ERROR = 'must not contain invisible direction or zero-width characters';
/** Does a name hold one of the invisible characters refused in feeling names and tags? */
export function hasInvisible(s: string): boolean {
  return INVISIBLE.test(s);
}

export const emotionName = z
  .string({ error: 'must be text' })
  .transform((s) => s.trim().toLowerCase())
  .refine((s) => s.length >= 1 && s.length <= 40, { error: 'must be 1 to 40 characters' })
  .refine((s) => !/\p{Cc}/u.test(s), { error: 'must not contain control characters' })
  .refine((s) => !INVISIBLE.test(s), { error: INVISIBLE_ERROR });

export const tagName = z
  .string({ error: 'must be text' })
  .transform(normaliseTag)
  .refine((s) => !INVISIBLE.test(s), { error: INVISIBLE_ERROR })
  .refine(isTag, { error: 'must be one word of up to 40 characters, without spaces or commas' });

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

/**
 * When the person found that the evidence mostly supports the thought: the help they could ask for and what
 * they would tell a friend in the same place (what they can do is the record's actionPlan). Present, even
 * empty, means the person said the thought is mostly true.
 */
export const whenTrueSchema = z.strictObject({
  help: optText,
  friend: optText,
});

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
  whenTrue: whenTrueSchema.nullish().transform((v) => v ?? undefined).optional(),
  tags: z.array(tagName).max(MAX_ITEMS).default([]),
});

/** A whole record, as --json, export and import use it. */
export const recordSchema = recordBodySchema.extend({
  id: z.string({ error: 'must be a ULID or UUID' }).refine(isRecordId, { error: 'must be a ULID (26 characters) or a UUID' }).transform(canonicalId),
  createdAt: isoDateTime,
});

/** Import and --input: id and createdAt may be left for the program to make; occurredAt defaults to createdAt. */
export const recordInputSchema = recordSchema.extend({
  id: recordSchema.shape.id.optional(),
  createdAt: isoDateTime.optional(),
  occurredAt: isoDateTime.optional(),
});

/**
 * Imported records: apps that never asked for moods (FreeCBT) give none, so an imported record may have no
 * feelings (shown as "no moods were recorded"). Records written here still need one.
 */
export const importedRecordSchema = recordSchema.extend({ emotions: z.array(emotionSchema).max(MAX_ITEMS) });
export const importInputSchema = recordInputSchema.extend({ emotions: z.array(emotionSchema).max(MAX_ITEMS) });

export type Emotion = z.output<typeof emotionSchema>;
export type Answer = z.output<typeof answerSchema>;
export type WhenTrue = z.output<typeof whenTrueSchema>;
export type RecordBody = z.output<typeof recordBodySchema>;
export type ThoughtRecord = z.output<typeof recordSchema>;
export type RecordInput = z.output<typeof recordInputSchema>;

// Plain functions over records live in record-fields.ts (no zod there); re-exported for everyone else.
export { toJson, uniq, recordTexts } from './record-fields';
