// Parsing a command's options with its zod schema: the edge where flags become typed values.
// Schemas may be full zod or zod/mini (src/zod-mini.ts, for the commands that should start fast).
import type * as z from 'zod/v4/core';
import { UsageError } from '../errors';
import { describeZodError } from '../domain/validate';

/** A schema of either zod API: both have safeParse. */
type Schema = z.$ZodType & { safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: z.$ZodError } };

export function parseOptions<T extends Schema>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(`Invalid option: ${describeZodError(r.error)}.`, 'See the command\'s --help.');
  return r.data as z.output<T>;
}
