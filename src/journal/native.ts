// better-sqlite3-multiple-ciphers's compiled addon must match the Node that runs reframe. Built for
// another Node version (after `nvm use 22`, say), it fails to load, and that used to read as "damaged
// journal". This loads it once, before any file is touched (so a failed open leaves no empty journal file
// behind), and says what is wrong and the one command that fixes it; REFRAME_DEBUG=1 shows the loader's error.
import Database from 'better-sqlite3-multiple-ciphers';
import { dirname } from 'node:path';
import { JournalError } from '../errors';
import { msg } from '../messages';
import { dataDir } from '../library/data-dir';
import { PACKAGE_NAME } from '../version';

let checked = false;

/** The error as a plain JournalError when it is the addon failing to load; undefined otherwise. */
export function nativeProblem(err: unknown): JournalError | undefined {
  const e = err as { code?: string; message?: string };
  const text = String(e?.message ?? '');
  // Not there at all: npm held back better-sqlite3-multiple-ciphers's install script (npm 11 does for a global install unless
  // allowed), or it failed. scripts/sqlite-bindings.cjs (the bundle) and the `bindings` package (tests) both
  // say "Could not locate the bindings file"; no better-sqlite3-multiple-ciphers folder at all is the missing module.
  const missing = /Could not locate the bindings file|Cannot find module '(better-sqlite3-multiple-ciphers|bindings)/.test(text);
  const isLoad = missing || e?.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|invalid ELF header|wrong ELF class|undefined symbol|cannot open shared object/.test(text);
  if (!isLoad) return undefined;
  const m = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(text);
  const root = packageRoot();
  // Installed with npm install -g (or npx): the fix is the install line, not a rebuild in a folder the person
  // may not be able to write.
  const installed = root !== undefined && /[\\/]node_modules[\\/]/.test(root);
  const out = missing
    ? new JournalError(msg.shell.nativeMissing, msg.shell.nativeMissingHint(PACKAGE_NAME, installed ? '' : root ?? ''))
    : new JournalError(
      msg.faults.nativeMismatch(process.version, m ? { built: m[1], needs: m[2] } : undefined),
      installed ? msg.shell.nativeMismatchGlobalHint(PACKAGE_NAME) : msg.faults.nativeMismatchHint(root ?? ''),
    );
  (out as { cause?: unknown }).cause = err;
  return out;
}

/** reframe's own folder (where data/ is, beside dist/ or src/). */
function packageRoot(): string | undefined {
  try {
    return dirname(dataDir());
  } catch {
    return undefined;
  }
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
