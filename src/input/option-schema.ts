// The zod schema of a command's option shape (input/options.ts): each option optional, a string or a boolean.
// Loaded only for options that don't fit their shape, and by the commands that extend a shape with more.
import * as z from '../zod-mini';
import type { OptionShape } from './options';

export function schemaOf(shape: OptionShape) {
  return z.object(Object.fromEntries(Object.entries(shape).map(([key, type]) => [key, z.optional(type === 'string' ? z.string() : z.boolean())])));
}
