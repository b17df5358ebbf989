// Long output on a terminal goes through a pager, as git does: $REFRAME_PAGER, else $PAGER, else `less -FRX`
// (-F: quit at once when it fits on one screen, -R: keep colour, -X: leave the text on the screen after).
// Never when stdout is not a terminal (pipes, cron, scripts), never for TERM=dumb, never with --no-pager;
// REFRAME_PAGER or PAGER set to "" or "cat" turns it off. While the pager runs, Ctrl-C belongs to it (less
// stops reading, q leaves); reframe waits for the pager, and a pager closed early (q) is not an error.
import { spawn } from 'node:child_process';
import type { Env, IO, Output } from '../context';
import { msg } from '../messages';

export const DEFAULT_PAGER = 'less -FRX';

/** The pager command to run, or undefined for none. */
export function pagerCommand(env: Env): string | undefined {
  const chosen = env.REFRAME_PAGER ?? env.PAGER ?? DEFAULT_PAGER;
  const p = chosen.trim();
  return p === '' || p === 'cat' ? undefined : p;
}

export interface Paging {
  /** Ends the output and waits for the pager to close (the person reads, then presses q). */
  finish(): Promise<void>;
}

/** Sends io.stdout through the pager from now until finish(); undefined when there is to be no pager. */
export async function startPager(io: IO, env: Env): Promise<Paging | undefined> {
  if (!io.stdout.isTTY || env.TERM === 'dumb') return undefined;
  const cmd = pagerCommand(env);
  if (!cmd) return undefined;
  const words = cmd.split(/\s+/);
  // A plain command line runs as it is; anything needing a shell (quotes, pipes, $VARS) runs through sh, as git's.
  const plain = words.every((w) => /^[\w./+=,:@%-]+$/.test(w));
  const childEnv = { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' } as NodeJS.ProcessEnv;
  const child = plain
    ? spawn(words[0], words.slice(1), { stdio: ['pipe', 'inherit', 'inherit'], env: childEnv })
    : spawn('/bin/sh', ['-c', cmd], { stdio: ['pipe', 'inherit', 'inherit'], env: childEnv });
  const started = await new Promise<boolean>((done) => {
    child.once('spawn', () => done(true));
    child.once('error', () => done(false));
  });
  if (!started) {
    // The default missing (no less installed) is no news; a pager the person chose that won't start is.
    if (cmd !== DEFAULT_PAGER) io.stderr.write(msg.shell.pagerFailed(cmd) + '\n');
    return undefined;
  }
  let closed = false;
  child.stdin!.on('error', () => { closed = true; }); // q before the end: EPIPE, not an error
  const exited = new Promise<void>((done) => child.once('close', () => { closed = true; done(); }));
  const real = io.stdout;
  const paged: Output = {
    write: (chunk: string) => {
      if (!closed) child.stdin!.write(chunk);
      return true;
    },
    isTTY: true,
    columns: real.columns,
  };
  io.stdout = paged;
  const keep = () => { /* Ctrl-C is the pager's while it runs */ };
  process.on('SIGINT', keep);
  return {
    async finish() {
      child.stdin!.end();
      await exited;
      process.off('SIGINT', keep);
      io.stdout = real;
    },
  };
}
