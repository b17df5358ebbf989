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
