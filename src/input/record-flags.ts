// Record flags and ids, which every command that makes or changes a record needs at its start: no record schemas
// here (full zod, ~15 ms to load), so the guided `new` shows its first question without them. Validating a
// whole record is record.ts.
import { monotonicFactory } from 'ulid';
import * as z from '../zod-mini';
import type { Context } from '../context';
import { OperationError, UsageError } from '../errors';
import { msg } from '../messages';
import type { Emotion, RecordBody } from '../domain/record';
import { parseOccurredAt } from '../domain/dates';
import { uniqueTags } from '../domain/tags';

const ulid = monotonicFactory();

export function newId(ctx: Context): string {
  const t = ctx.clock.now().getTime();
  // A ULID holds the time since 1970: a clock set before then can't make one.
  if (!(t >= 0)) throw new OperationError(msg.faults.clockBefore1970, msg.faults.clockBefore1970Hint);
  return ulid(t);
}

export function parseRating(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\d{1,3}$/.test(v) || Number(v) > 100) throw new UsageError(msg.errors.badRating(flag));
  return Number(v);
}

export interface EmotionFlag {
  name: string;
  before?: number;
  after?: number;
}

/** NAME:BEFORE[:AFTER], or NAME::AFTER (re-rating, for edit). */
export function parseEmotionFlag(value: string, allowNoBefore: boolean): EmotionFlag {
  const m = /^\s*([^:]{1,40}?)\s*:\s*(\d{0,3})\s*(?::\s*(\d{1,3})\s*)?$/.exec(value);
  if (!m || m[1].trim() === '') throw new UsageError(msg.errors.badEmotion, msg.input.emotionExample);
  const num = (s: string | undefined) => {
    if (s === undefined || s === '') return undefined;
    const n = Number(s);
    if (n > 100) throw new UsageError(msg.errors.badEmotion, msg.input.emotionExample);
    return n;
  };
  const before = num(m[2]);
  const after = num(m[3]);
  if (before === undefined && !(allowNoBefore && after !== undefined)) throw new UsageError(msg.errors.badEmotion, msg.input.emotionExample);
  return { name: m[1].trim().toLowerCase(), before, after };
}

/** Options shared by `new` and `edit`, as commander gives them. */
export const recordFlagsSchema = z.object({
  situation: z.optional(z.string()),
  thought: z.optional(z.string()),
  belief: z.optional(z.string()),
  emotion: z.optional(z.array(z.string())),
  otherThought: z.optional(z.array(z.string())),
  distortion: z.optional(z.array(z.string())),
  for: z.optional(z.array(z.string())),
  against: z.optional(z.array(z.string())),
  reframe: z.optional(z.string()),
  reframeBelief: z.optional(z.string()),
  beliefAfter: z.optional(z.string()),
  plan: z.optional(z.string()),
  tag: z.optional(z.array(z.string())),
  at: z.optional(z.string()),
  input: z.optional(z.string()),
  json: z.optional(z.boolean()),
  resume: z.optional(z.boolean()),
  coreBelief: z.optional(z.string()),
});
export type RecordFlags = z.infer<typeof recordFlagsSchema>;

export const FIELD_FLAGS: (keyof RecordFlags)[] = [
  'situation', 'thought', 'belief', 'emotion', 'otherThought', 'distortion', 'for', 'against', 'reframe',
  'reframeBelief', 'beliefAfter', 'plan', 'tag', 'at',
];

export function hasFieldFlags(o: RecordFlags): boolean {
  return FIELD_FLAGS.some((k) => o[k] !== undefined);
}

/** The record fields the flags set (only those given). */
export function fieldsFromFlags(o: RecordFlags, now: Date): Partial<Record<keyof RecordBody, unknown>> & { emotionFlags?: EmotionFlag[] } {
  const f: Partial<Record<keyof RecordBody, unknown>> & { emotionFlags?: EmotionFlag[] } = {};
  if (o.situation !== undefined) f.situation = o.situation;
  if (o.thought !== undefined) f.thought = o.thought;
  if (o.belief !== undefined) f.beliefBefore = parseRating('--belief', o.belief);
  if (o.otherThought) f.otherThoughts = o.otherThought;
  if (o.distortion) f.distortions = [...new Set(o.distortion.map((d) => d.trim()))];
  if (o.for) f.evidenceFor = o.for;
  if (o.against) f.evidenceAgainst = o.against;
  if (o.reframe !== undefined) f.reframe = o.reframe;
  if (o.reframeBelief !== undefined) f.reframeBelief = parseRating('--reframe-belief', o.reframeBelief);
  if (o.beliefAfter !== undefined) f.beliefAfter = parseRating('--belief-after', o.beliefAfter);
  if (o.plan !== undefined) f.actionPlan = o.plan;
  if (o.tag) f.tags = uniqueTags(o.tag.flatMap((t) => t.split(',')));
  if (o.at !== undefined) f.occurredAt = parseOccurredAt(o.at, now);
  return f;
}

/** Merge emotion flags into a list: replace by name, or add. */
export function mergeEmotions(current: Emotion[], flags: EmotionFlag[]): Emotion[] {
  const out = current.map((e) => ({ ...e }));
  for (const f of flags) {
    const i = out.findIndex((e) => e.name === f.name);
    if (i >= 0) {
      if (f.before !== undefined) out[i].before = f.before;
      if (f.after !== undefined) out[i].after = f.after;
    } else {
      if (f.before === undefined) throw new UsageError(msg.input.noFeelingToRerate(f.name), msg.input.noFeelingToRerateHint);
      out.push({ name: f.name, before: f.before, after: f.after });
    }
  }
  return out;
}
