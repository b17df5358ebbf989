// reframe cron install | show | remove: one crontab line that runs `reframe daily` every day.
import { chmodSync, closeSync, constants, fstatSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Context } from '../context';
import { OperationError } from '../errors';
import { msg } from '../messages';
import { parseOptions } from './options';
import {
  cronLine, describeLine, formatAt, ourLines, parseAt, readCrontab, reframeInvocation, withLine, withoutLine, writeCrontab,
} from '../cron/crontab';

const installOptions = z.object({ at: z.string(), notify: z.boolean().optional() });
const showOptions = z.object({ json: z.boolean().optional() });

/** The log the cron line appends to: $XDG_STATE_HOME/reframe/daily.log. */
export function dailyLogPath(ctx: Context): string {
  return join(ctx.paths.stateDir, 'daily.log');
}

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
