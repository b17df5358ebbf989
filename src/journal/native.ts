// better-sqlite3's compiled addon must match the Node that runs reframe. Built for
// another Node version (after `nvm use 22`, say), it fails to load, and that used to read as "damaged
// journal". This loads it once, before any file is touched (so a failed open leaves no empty journal file
// behind), and says what is wrong and the one command that fixes it; REFRAME_DEBUG=1 shows the loader's error.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { JournalError } from '../errors';
import { msg } from '../messages';

let checked = false;

/** The error as a plain JournalError when it is the addon failing to load; undefined otherwise. */
export function nativeProblem(err: unknown): JournalError | undefined {
  const e = err as { code?: string; message?: string };
  const text = String(e?.message ?? '');
  const isLoad = e?.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|Could not locate the bindings file|invalid ELF header|wrong ELF class|undefined symbol|cannot open shared object/.test(text);
  if (!isLoad) return undefined;
  const m = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(text);
  let where = '';
  try { where = dirname(dirname(require.resolve('better-sqlite3/package.json'))); } catch { /* unknown */ }
  const out = new JournalError(
    msg.faults.nativeMismatch(process.version, m ? { built: m[1], needs: m[2] } : undefined),
    msg.faults.nativeMismatchHint(where ? dirname(where) : ''),
  );
  (out as { cause?: unknown }).cause = err;
  return out;
}

/** Load the addon (once per process); throws the plain error above when it can't be. */
export function ensureNative(): void {
  if (checked) return;
  try {
    new Database(':memory:').close();
  } catch (err) {
    throw nativeProblem(err) ?? err;
  }
  checked = true;
}
