// reframe distortions suggest TEXT: the patterns a thought most likely shows, best first.
import * as z from 'zod';
import type { Context } from '../../context';
import { JournalError, OperationError, UsageError } from '../../errors';
import { msg } from '../../messages';
import { createSuggester, type PastThought, type PatternSuggestion } from '../../domain/suggest';
import { renderSuggestions } from '../../render/suggestions';
import { parseOptions } from '../../input/options';
import { noteForTexts } from '../../safety-note';

/** One thought is short; this keeps a pasted essay from being taken for one. */
export const MAX_THOUGHT = 5000;
/** How many past records the history weighting looks at. */
export const HISTORY_RECORDS = 500;

const schema = z.object({
  json: z.boolean().optional(),
  limit: z.string().optional(),
  history: z.boolean().optional(),
});

export async function runDistortionsSuggest(text: unknown, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const limit = parseLimit(opts.limit);
  const words = (Array.isArray(text) ? text : text === undefined ? [] : [text]).map(String);
  const thought = words.length === 1 && words[0] === '-' ? await readStdin(ctx) : words.join(' ');
  if (thought.trim() === '') throw new UsageError(msg.suggest.noText, msg.suggest.noTextHint);
  if (thought.length > MAX_THOUGHT) throw new UsageError(msg.suggest.tooLong(MAX_THOUGHT), msg.suggest.tooLongHint);

  // Words about dying, self-harm or someone hurting the person are never met with a thinking pattern: no
  // suggestion at all (JSON []), and the note on stderr.
  const concern = noteForTexts(ctx, [thought]);
  if (concern.danger || concern.abuse) {
    if (opts.json) ctx.out('[]');
    return;
  }

  const lib = ctx.library();
  const history = opts.history === false ? [] : pastThoughts(ctx);
  const list: PatternSuggestion[] = createSuggester(lib.patterns, history, lib.lexicon).suggest(thought, { limit });

  if (opts.json) {
    ctx.out(JSON.stringify(list, null, 2));
    return;
  }
  if (list.length === 0) {
    ctx.say(msg.suggest.nothing);
    return;
  }
  ctx.out(renderSuggestions(list, ctx.theme));
}

/** The person's own past choices, if they have a journal. A journal that can't be read only costs the weighting. */
export function pastThoughts(ctx: Context, limit = HISTORY_RECORDS): PastThought[] {
  try {
    return ctx.journalIfExists()?.recentThoughtsWithDistortions(limit) ?? [];
  } catch (err) {
    if (err instanceof JournalError || err instanceof OperationError) return [];
    throw err;
  }
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 3;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 50) throw new UsageError(msg.suggest.badLimit(value), msg.suggest.badLimitHint);
  return n;
}

async function readStdin(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of ctx.io.stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(b);
      size += b.length;
      if (size > MAX_THOUGHT * 4) break;
    }
  } catch {
    throw new UsageError(msg.suggest.cantRead, msg.suggest.noTextHint);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
}
