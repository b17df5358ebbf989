// zod's small build, for the schemas on paths that run many times a day: command options and the pattern
// library. zod/mini is the same core with a functional API (z.optional(z.string()) for z.string().optional()):
// ~40 KB and a few ms to load and build schemas, against ~180 KB and ~15 ms for the full API. Both report
// the same issues; full zod sets English messages by itself, so this does too.
// Use as `import * as z from '../zod-mini'`; add a name below when a schema needs one. Records
// (domain/record.ts) keep the full API. scripts/build.mjs bundles this file on its own (see there).
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export {
  _default, array, boolean, enum, extend, literal, number, maxLength, minLength, object, optional, record, refine, regex, strictObject,
  string, trim,
} from 'zod/mini';
export type { infer, input, output, ZodMiniDefault, ZodMiniType } from 'zod/mini';
