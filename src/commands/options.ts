// Parsing a command's options with its zod schema: the edge where flags become typed values.
import type * as z from 'zod';
import { UsageError } from '../errors';
import { describeZodError } from '../domain/validate';

export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new UsageError(`Invalid option: ${describeZodError(r.error)}.`, 'See the command\'s --help.');
  return r.data;
}
