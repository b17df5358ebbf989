// reframe distortions list: every pattern in the library.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { renderPatternList } from '../../render/patterns';
import { parseOptions } from '../../input/options';

const schema = z.object({ json: z.optional(z.boolean()) });

export async function runDistortionsList(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const lib = ctx.library();
  if (opts.json) {
    ctx.out(JSON.stringify(lib.patterns.map(({ cues: _c, ...p }) => p), null, 2));
    return;
  }
  ctx.out(renderPatternList(lib, ctx.theme));
}
