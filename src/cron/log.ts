// Where the daily cron line writes its log.
import { join } from 'node:path';
import type { Context } from '../context';

/** The log the cron line appends to: $XDG_STATE_HOME/reframe/daily.log. */
export function dailyLogPath(ctx: Context): string {
  return join(ctx.paths.stateDir, 'daily.log');
}
