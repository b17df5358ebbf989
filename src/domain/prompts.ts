// The daily reflection prompts: loaded from data/prompts.json, validated with zod, and rotated so that
// the same local day always gives the same prompt and two days in a row never give the same one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../zod-mini';
import { OperationError } from '../errors';
import { msg } from '../messages';
import { dataDir } from '../library/data-dir';
import { describeZodIssue } from './validate';
import { dayNumber } from './streak';

export interface ReflectionPrompt {
  id: string;
  theme: string;
  text: string;
}

/** The prompts file's schema, made at its first use: `daily` reads its own file unchecked (loadPrompts). zod's
 * small build (src/zod-mini.ts). */
export function promptsFileSchema() {
  const kebab = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case, like small-steps' }));
  const prompt = z.strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'must be a short lowercase id, like p001' })),
    theme: kebab,
    text: z.string().check(z.trim(), z.minLength(10), z.maxLength(300)),
  });
  return z.strictObject({
    version: z.literal(1),
    // Two at least, or two days in a row could not differ.
    prompts: z.array(prompt).check(z.minLength(2, { error: 'needs at least 2 prompts' })),
  });
}

/**
 * Read and validate a prompts file (default: data/prompts.json). A broken file is exit 1: the install is damaged.
 * `check` false (the program's own file, read by every `daily`): as for the pattern library's built-in files
 * (library.ts), the schema is left to the tests, which also require the file to be stored exactly as parsing
 * would leave it (test/unit/prompts.test.ts), so skipping it changes nothing but the ~3 ms zod takes to load.
 * A file that isn't even shaped like prompts is still checked, for the message that says what is wrong.
 */
export function loadPrompts(file = join(dataDir(), 'prompts.json'), check = true): ReflectionPrompt[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new OperationError(msg.daily.promptsUnreadable(file), msg.daily.promptsHint);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new OperationError(msg.daily.promptsBroken(file, 'it is not valid JSON'), msg.daily.promptsHint);
  }
  let prompts: ReflectionPrompt[];
  if (!check && shapedLikePrompts(data)) prompts = data.prompts;
  else {
    const r = promptsFileSchema().safeParse(data);
    if (!r.success) throw new OperationError(msg.daily.promptsBroken(file, describeZodIssue(r.error.issues[0], data)), msg.daily.promptsHint);
    prompts = r.data.prompts;
  }
  const seen = new Set<string>();
  for (const p of prompts) {
    if (seen.has(p.id)) throw new OperationError(msg.daily.promptsBroken(file, `the id "${p.id}" appears twice`), msg.daily.promptsHint);
    seen.add(p.id);
  }
  return prompts;
}

/** Version 1 and at least two prompts, each an id, a theme and a text: enough for daily to use unchecked. */
function shapedLikePrompts(data: unknown): data is { prompts: ReflectionPrompt[] } {
  const d = data as { version?: unknown; prompts?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.version !== 1 || !Array.isArray(d.prompts) || d.prompts.length < 2) return false;
  return d.prompts.every((p: unknown) => typeof p === 'object' && p !== null
    && typeof (p as ReflectionPrompt).id === 'string' && typeof (p as ReflectionPrompt).theme === 'string' && typeof (p as ReflectionPrompt).text === 'string');
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The step between one day's prompt and the next: near count/phi (so neighbours in the file, which
 * share a theme cycle, are far apart in time) and coprime with count. Coprime means every prompt
 * comes round once per `count` days; 0 < stride < count means day d and d+1 never share one.
 */
export function rotationStride(count: number): number {
  if (!Number.isInteger(count) || count < 2) throw new RangeError('the rotation needs at least 2 prompts');
  for (let s = Math.max(1, Math.round(count / 1.618)); s < count; s++) if (gcd(s, count) === 1) return s;
  return 1; // unreachable: count - 1 is always coprime with count
}

/** Index of the prompt for a local day (yyyy-MM-dd) among `count` prompts. */
export function promptIndex(day: string, count: number): number {
  const stride = rotationStride(count);
  const d = dayNumber(day);
  return (((d % count) * stride) % count + count) % count;
}

/** Today's prompt: the same all day, different tomorrow. */
export function promptForDay(prompts: ReflectionPrompt[], day: string): ReflectionPrompt {
  return prompts[promptIndex(day, prompts.length)];
}
