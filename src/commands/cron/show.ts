// reframe cron show: the daily line from the crontab, if there is one.
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import { describeLine, formatAt, ourLines, readCrontab } from '../../cron/crontab';

const showOptions = z.object({ json: z.optional(z.boolean()) });

export function runCronShow(raw: unknown, ctx: Context): void {
  const opts = parseOptions(showOptions, raw);
  const line = ourLines(readCrontab(ctx.env))[0];
  const d = line === undefined ? undefined : describeLine(line);
  if (opts.json) {
    ctx.out(JSON.stringify(line === undefined
      ? { installed: false }
      : { installed: true, at: d!.at ? formatAt(d!.at) : null, notify: d!.notify, line }, null, 2));
    return;
  }
  if (line === undefined) {
    ctx.say(msg.cron.none);
    ctx.say(ctx.errTheme.muted(msg.cron.noneHint));
    return;
  }
  ctx.out(line);
  if (d!.at) ctx.say(ctx.errTheme.muted(msg.cron.shows(formatAt(d!.at))));
}
