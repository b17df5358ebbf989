// Parsing a command's options with its zod schema: the edge where flags become typed values.
// Command options use zod/mini (src/zod-mini.ts); daily, distortions suggest and the record flags of new/edit
// (input/record.ts) still use full zod, which they load anyway for records. Either API works here.
import type * as z from 'zod/v4/core';
import { UsageError } from '../errors';
import { msg } from '../messages';
import { describeZodError } from '../domain/validate';

/** A schema of either zod API: both have safeParse. */
type Schema = z.$ZodType & { safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: z.$ZodError } };

export function parseOptions<T extends Schema>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(msg.input.invalidOption(describeZodError(r.error)), msg.input.seeHelp);
  return r.data as z.output<T>;
}

/** A command's options, each a string (`--since <when>`) or a flag: the plain shape its zod schema is made from. */
export type OptionShape = Readonly<Record<string, 'string' | 'boolean'>>;
export type OptionsOf<S extends OptionShape> = { [K in keyof S]?: S[K] extends 'string' ? string : boolean };

/**
 * A command's options, read against their shape. The command line gives each as the shape says (commander and
 * src/fast-start.ts give strings and `true`), and then they are taken as they are, as the schema would give
 * them back: zod (its chunk and its first schema, ~3 ms of `list`) is loaded only for options that don't fit, to
 * say what is wrong in its words. test/unit/options.test.ts holds the two ways to the same answers.
 */
export async function readOptions<S extends OptionShape>(shape: S, raw: unknown): Promise<OptionsOf<S>> {
  if (fits(shape, raw)) return { ...raw } as OptionsOf<S>;
  const { schemaOf } = await import('./option-schema');
  return parseOptions(schemaOf(shape), raw) as OptionsOf<S>;
}

function fits(shape: OptionShape, raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || Object.getPrototypeOf(raw) !== Object.prototype) return false;
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(shape, key) || typeof value !== shape[key]) return false;
  }
  return true;
}
