// reframe cron install --at HH:MM: add (or move) the one crontab line that runs `reframe daily` every day.
import { chmodSync, closeSync, constants, fstatSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { dailyLogPath } from '../../cron/log';
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { OperationError } from '../../errors';
import { msg } from '../../messages';
import { parseOptions } from '../../input/options';
import {
  cronLine, formatAt, parseAt, readCrontab, reframeInvocation, withLine, writeCrontab,
} from '../../cron/crontab';

const installOptions = z.object({ at: z.string(), notify: z.optional(z.boolean()) });

/** The journal for the line: named whenever cron, which has only HOME, would not find the same one. */
function journalForCron(ctx: Context): string | undefined {
  const home = ctx.env.HOME;
  const cronDefault = home ? join(home, '.local', 'share', 'reframe', 'journal.db') : undefined;
  return ctx.paths.dbExplicit || ctx.paths.db !== cronDefault ? ctx.paths.db : undefined;
}

/** The log's folder (0700) and the log itself (0600), so cron's own umask never opens them up. */
function prepareLog(log: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const fd = openSync(log, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
    try {
      if ((fstatSync(fd).mode & 0o077) !== 0) chmodSync(log, 0o600);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new OperationError(msg.cron.noLogFolder(dir), msg.cron.noLogFolderHint);
  }
}

export function runCronInstall(raw: unknown, ctx: Context): void {
  const opts = parseOptions(installOptions, raw);
  const at = parseAt(opts.at);
  const log = dailyLogPath(ctx);
  const { node, bin } = reframeInvocation();
  const line = cronLine({ at, node, bin, db: journalForCron(ctx), log, notify: Boolean(opts.notify) });
  const before = readCrontab(ctx.env);
  const { table, change } = withLine(before, line);
  prepareLog(log, ctx.paths.stateDir);
  if (change !== 'unchanged') writeCrontab(ctx.env, table);
  ctx.out(line);
  const when = formatAt(at);
  if (change === 'added') ctx.say(ctx.errTheme.good(msg.cron.added(when, log)));
  else if (change === 'replaced') ctx.say(ctx.errTheme.good(msg.cron.replaced(when)));
  else ctx.say(msg.cron.unchanged(when));
  if (opts.notify && change !== 'unchanged') ctx.say(msg.cron.notifyNote);
  if (change !== 'unchanged') ctx.say(ctx.errTheme.muted(msg.cron.removeHint));
}
