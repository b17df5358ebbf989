// reframe cron remove: take the daily line out of the crontab; nothing else changes.
import type { Context } from '../../context';
import { msg } from '../../messages';
import { readCrontab, withoutLine, writeCrontab } from '../../cron/crontab';
import { dailyLogPath } from '../../cron/log';

export function runCronRemove(_raw: unknown, ctx: Context): void {
  const { table, removed } = withoutLine(readCrontab(ctx.env));
  if (removed === 0) {
    ctx.say(msg.cron.nothingToRemove);
    return;
  }
  writeCrontab(ctx.env, table);
  ctx.say(ctx.errTheme.good(msg.cron.removed));
  ctx.say(ctx.errTheme.muted(msg.cron.removedLog(dailyLogPath(ctx))));
}
