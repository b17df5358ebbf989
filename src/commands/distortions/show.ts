// reframe distortions show ID: one pattern, its examples, questions to ask and how to reframe it.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { renderPattern } from '../../render/patterns';
import { parseOptions } from '../../input/options';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runDistortionsShow(id: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const lib = ctx.library();
  const p = lib.get(id.trim());
  if (!p) throw lib.unknown(id.trim());
  const strategies = lib.strategiesFor([p.id]);
  if (opts.json) {
    const { cues: _c, ...rest } = p;
    ctx.out(JSON.stringify({ ...rest, strategies: strategies.map((s) => ({ id: s.id, name: s.name, summary: s.summary, steps: s.steps })) }, null, 2));
    return;
  }
  ctx.out(renderPattern(p, strategies, ctx.theme, ctx.io.stdout.columns ?? 80));
}
