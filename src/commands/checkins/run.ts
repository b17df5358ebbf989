// reframe checkins [--since --until] [--json]: every check-in `daily` kept, oldest first.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { parseBound } from '../../domain/dates';
import { checkinToJson } from '../../domain/progress';
import { localDateTime, wrap } from '../../render/text';
import { loadPrompts } from '../../domain/prompts';

const schema = z.object({ since: z.optional(z.string()), until: z.optional(z.string()), json: z.optional(z.boolean()) });

export async function runCheckins(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const now = ctx.clock.now();
  const since = opts.since !== undefined ? parseBound('--since', opts.since, now, 'start') : undefined;
  const until = opts.until !== undefined ? parseBound('--until', opts.until, now, 'end') : undefined;
  if (since && until && since > until) throw new UsageError(msg.stats.badRange, msg.stats.badRangeHint);
  const list = ctx.journalIfExists()?.checkins(since?.toISOString(), until?.toISOString()) ?? [];
  if (opts.json) return ctx.out(JSON.stringify(list.map((c) => { const { kind: _k, ...rest } = checkinToJson(c); return rest; }), null, 2));
  if (list.length === 0) return ctx.say(msg.progress.noCheckins);
  const t = ctx.theme;
  const w = Math.max(40, Math.min(ctx.io.stdout.columns ?? 80, 100)) - 6;
  let prompts: Map<string, string> = new Map();
  try { prompts = new Map(loadPrompts().map((p) => [p.id, p.text])); } catch { /* the answers still show */ }
  ctx.out(list.map((c) => {
    const lines = [`${t.muted(localDateTime(c.createdAt))}  ${t.label(String(c.mood).padStart(3))}${c.words ? `  ${c.words}` : ''}`];
    if (c.answer) {
      const q = c.promptId ? prompts.get(c.promptId) : undefined;
      if (q) lines.push(t.accent(wrap(q, w, '    ')));
      lines.push(wrap(c.answer, w, '    '));
    }
    return lines.join('\n');
  }).join('\n'));
}
