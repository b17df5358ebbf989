// The one place that turns an outcome into an exit code.
// Only the version is imported up front: `reframe --version` should cost no more than starting Node.
// Everything else (errors, messages, the CLI) is loaded once we know there is more to do.
import { VERSION } from './version';
import { serveWorker } from './import/worker';
import { guardStreams, onOutputFailure, stdOutput } from './io/std-output';

async function printError(err: unknown, debug: boolean): Promise<void> {
  const [{ Cancelled, ReframeError }, { msg }] = await Promise.all([import('./errors'), import('./messages')]);
  const w = (s: string) => stdOutput(2).write(s + '\n');
  if (err instanceof Cancelled) {
    if (err.message && !err.silent) w(err.message);
    if (err.hint) w(err.hint);
    return;
  }
  if (err instanceof ReframeError) {
    w(`reframe: ${err.message}`);
    if (err.hint) w(err.hint);
  } else {
    w(`reframe: ${msg.errors.unexpected}`);
    if (!debug) w(msg.errors.unexpectedHint);
  }
  if (debug && err instanceof Error && err.stack) w(err.stack);
  // The error underneath a plain one (the addon's loader, SQLite's own): what REFRAME_DEBUG=1 is for.
  for (let c = debug && err instanceof Error ? (err as { cause?: unknown }).cause : undefined, k = 0; c && k < 5; c = (c as { cause?: unknown }).cause, k++) {
    w(`Caused by: ${c instanceof Error ? c.stack ?? c.message : String(c)}`);
  }
}

async function exitCodeOf(err: unknown): Promise<number> {
  const { toExitCode } = await import('./errors');
  return toExitCode(err);
}

/** `workerEntry`: the script worker threads start, when this process is reframe itself (Context.workerEntry). */
export async function main(argv: string[], workerEntry?: string): Promise<number> {
  const args = argv.slice(2);
  // Fast path: nothing to load for the version.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    guardOutput();
    stdOutput(1).write(VERSION + '\n');
    return 0;
  }
  // The keyring helper (src/journal/keyring-helper.ts): a child this program started to ask the OS keyring.
  if (args.length === 1 && args[0] === '__keyring') {
    guardOutput();
    return (await import('./journal/keyring-helper')).serveKeyring();
  }
  const debug = process.env.REFRAME_DEBUG === '1';
  // An encrypted journal's key derivation starts now, on a thread of its own, while the program loads: first,
  // before the CLI is asked for and before standard output is opened (key-ahead.ts loads only Node's modules).
  try {
    (await import('./journal/key-ahead')).deriveKeyAhead(args, process.env);
  } catch { /* the open says what is wrong, in its own words */ }
  guardOutput();
  // The everyday commands on a plain command line start without commander (src/fast-start.ts); the rest, and
  // anything it doesn't read, go through the CLI.
  const { runFast } = await import('./fast-start');
  const { closeAll } = await import('./runtime');
  try {
    if (!(await runFast(argv, workerEntry))) await (await import('./cli')).runCli(argv, workerEntry);
    return 0;
  } catch (err) {
    await printError(err, debug);
    return exitCodeOf(err);
  } finally {
    try { closeAll(); } catch { /* closing is best effort */ }
  }
}

// A reader that goes away (`reframe list | head -1`) is not an error. Set up before anything is written, but
// after an encrypted journal's key derivation has started. Standard output and error are written directly when
// they are pipes or files (src/io/std-output.ts); Node's streams, made only for a terminal or when a library asks,
// get the same handler.
let closing = false;
let guarded = false;
function guardOutput(): void {
  if (guarded) return;
  guarded = true;
  onOutputFailure(outputFailed);
  guardStreams(outputFailed);
}

function outputFailed(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') {
    // Quiet for browsing (`list | head`); an export cut short says so and exits 141 (src/io/pipe-closed.ts,
    // already loaded by then when it matters, so this resolves at once).
    if (closing) return;
    closing = true;
    void import('./io/pipe-closed').then(({ stdoutClosed }) => {
      const closed = stdoutClosed();
      if (closed.line) { try { stdOutput(2).write(closed.line + '\n'); } catch { /* stderr gone too */ } }
      process.exit(closed.line ? closed.code : process.exitCode ?? 0);
    });
    return;
  }
  // Any other write failure (a full disk: ENOSPC, a terminal gone: EIO): one line, exit 1, never a stack.
  if (closing) return;
  closing = true;
  void import('./messages').then(({ msg }) => {
    try {
      stdOutput(2).write(msg.errors.outputFailed(err.code) + '\n');
      if (process.env.REFRAME_DEBUG === '1') stdOutput(2).write(String(err.stack) + '\n');
    } catch { /* stderr is the stream that failed */ }
    process.exit(1);
  });
}

function runMain(): void {
  // A worker runs the very file this code came from (the built bundle), never whatever bin/reframe would load
  // now: a build or an upgrade during an import must not put other code on the checking thread.
  main(process.argv, typeof __filename === 'string' ? __filename : process.argv[1]).then(
    (code) => { process.exitCode = code; },
    async (err) => {
      await printError(err, process.env.REFRAME_DEBUG === '1');
      process.exitCode = await exitCodeOf(err);
    },
  );
}

// A worker thread this program started (src/import/worker.ts) serves its task instead of the command line.
const workerTask = process.env.REFRAME_WORKER;
if (workerTask) {
  guardOutput();
  void serveWorker(workerTask).then((served) => { if (!served) runMain(); });
} else {
  runMain();
}
