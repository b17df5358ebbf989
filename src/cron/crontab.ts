// The person's crontab, read with `crontab -l` and written with `crontab -`. Reframe owns exactly one
// line, the one that ends with MARKER; every other byte of the table goes back as it came.
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OperationError, UsageError } from '../errors';
import { msg } from '../messages';
import { dataDir } from '../library/data-dir';

type Env = Record<string, string | undefined>;

/** Ends our line. To sh it is a comment; to us it is the name tag that finds the line again. */
export const MARKER = '# reframe-daily';

export interface At {
  hour: number;
  minute: number;
}

/** HH:MM (or H:MM), 00:00-23:59. Anything else is a usage error. */
export function parseAt(value: string): At {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new UsageError(msg.cron.badTime(value), msg.cron.badTimeHint);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function formatAt(at: At): string {
  return `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
}

/**
 * Quote a word for /bin/sh inside a crontab line. Single quotes keep everything literal to sh, but
 * cron turns an unescaped % into a newline before sh sees the line, and `\%` into a plain %.
 * So each % goes outside the quotes as `\%`, and a backslash in the text never meets a %.
 */
export function cronQuote(s: string): string {
  if (/[\n\r\0]/.test(s)) throw new UsageError(msg.cron.badPath(s), msg.cron.badPathHint);
  return s.split('%').map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join('\\%');
}

export interface Job {
  at: At;
  node: string;
  bin: string;
  /** The journal, when cron's default would not find the same one. */
  db?: string;
  log: string;
  notify: boolean;
}

/** The whole crontab line: the time, absolute paths, output appended to the log, and the marker. */
export function cronLine(job: Job): string {
  const words = [cronQuote(job.node), cronQuote(job.bin)];
  if (job.db !== undefined) words.push('--db', cronQuote(job.db));
  words.push('daily');
  if (job.notify) words.push('--notify');
  return `${job.at.minute} ${job.at.hour} * * * ${words.join(' ')} >> ${cronQuote(job.log)} 2>&1 ${MARKER}`;
}

/** What a line of ours says, for `cron show`. */
export function describeLine(line: string): { at?: At; notify: boolean } {
  const m = /^\s*(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*\s/.exec(line);
  const at = m ? { hour: Number(m[2]), minute: Number(m[1]) } : undefined;
  return { at, notify: /\sdaily --notify(\s|$)/.test(line) };
}

/** Our line: not a comment, and ends with the marker. */
export function isOurs(line: string): boolean {
  const t = line.replace(/\r$/, '').trimEnd();
  return !t.trimStart().startsWith('#') && t.endsWith(' ' + MARKER);
}

export function ourLines(table: string): string[] {
  return table.split('\n').filter(isOurs);
}

export type Change = 'added' | 'replaced' | 'unchanged';

/** The table with our line in it: in place of the old one (first of them), or appended at the end. */
export function withLine(table: string, line: string): { table: string; change: Change } {
  const lines = table.split('\n');
  const ours = lines.map((l, i) => (isOurs(l) ? i : -1)).filter((i) => i >= 0);
  if (ours.length === 1 && lines[ours[0]] === line) return { table, change: 'unchanged' };
  if (ours.length === 0) {
    const base = table === '' || table.endsWith('\n') ? table : table + '\n';
    return { table: `${base}${line}\n`, change: 'added' };
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i === ours[0]) out.push(line);
    else if (!ours.includes(i)) out.push(l);
  });
  return { table: out.join('\n'), change: 'replaced' };
}

/** The table without our line(s); every other line exactly as it was. */
export function withoutLine(table: string): { table: string; removed: number } {
  const lines = table.split('\n');
  const kept = lines.filter((l) => !isOurs(l));
  return { table: kept.join('\n'), removed: lines.length - kept.length };
}

function crontabEnv(env: Env): NodeJS.ProcessEnv {
  // The C locale keeps crontab's "no crontab for USER" in English, the one reply we look for.
  return { ...env, LC_ALL: 'C', LANG: 'C' } as NodeJS.ProcessEnv;
}

function firstLine(s: string | undefined, fallback: string): string {
  const l = (s ?? '').split('\n').map((x) => x.trim()).find(Boolean);
  return l ? l.slice(0, 200) : fallback;
}

function missing(err: NodeJS.ErrnoException | undefined): boolean {
  return err !== undefined && (err.code === 'ENOENT' || err.code === 'EACCES');
}

/** The current crontab; '' when the person has none yet ("no crontab for USER", exit 1). */
export function readCrontab(env: Env): string {
  const r = spawnSync('crontab', ['-l'], { env: crontabEnv(env), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  if (missing(r.error as NodeJS.ErrnoException)) throw new UsageError(msg.cron.noCrontab, msg.cron.noCrontabHint);
  if (r.error) throw new OperationError(msg.cron.readFailed(firstLine((r.error as Error).message, 'crontab did not run')), msg.cron.crontabHint);
  if (r.status === 0) return r.stdout;
  if (/no crontab for/i.test(r.stderr)) return '';
  throw new OperationError(msg.cron.readFailed(firstLine(r.stderr, `crontab -l exited with ${r.status ?? r.signal}`)), msg.cron.crontabHint);
}

/** Install a whole table with `crontab -`. */
export function writeCrontab(env: Env, table: string): void {
  const r = spawnSync('crontab', ['-'], { env: crontabEnv(env), input: table, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
  if (missing(r.error as NodeJS.ErrnoException)) throw new UsageError(msg.cron.noCrontab, msg.cron.noCrontabHint);
  if (r.error) throw new OperationError(msg.cron.writeFailed(firstLine((r.error as Error).message, 'crontab did not run')), msg.cron.crontabHint);
  if (r.status !== 0) throw new OperationError(msg.cron.writeFailed(firstLine(r.stderr, `crontab - exited with ${r.status ?? r.signal}`)), msg.cron.crontabHint);
}

/**
 * How to start this reframe with nothing from the shell: the node running now (cron has no nvm and
 * a bare PATH) and the real path of bin/reframe beside the data/ folder this code was loaded with.
 */
export function reframeInvocation(): { node: string; bin: string } {
  const candidates = [join(dirname(dataDir()), 'bin', 'reframe'), process.argv[1]].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p)) ?? candidates[0];
  let bin = found;
  try {
    bin = realpathSync(found);
  } catch { /* keep it as found */ }
  return { node: process.execPath, bin };
}
