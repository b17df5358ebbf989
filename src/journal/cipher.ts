// An encrypted journal (issue 19): SQLCipher 4's format through sqlite3mc (better-sqlite3-multiple-ciphers).
// A journal is encrypted when its file holds whole pages and does not start with SQLite's 16-byte header.
// Its key is set right after opening, before anything is read: cipher = sqlcipher, legacy = 4, key = '...'
// (the same three pragmas open it in DB Browser for SQLite or the sqlcipher shell). Where the passphrase comes
// from, in order: --passphrase-file, $REFRAME_PASSPHRASE_FILE, the OS keyring when the person chose it
// (`reframe passphrase --remember`, keyring.ts), a hidden prompt on a terminal. Never from an argument or a plain
// variable holding the secret.
import { spawnSync } from 'node:child_process';
import { readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { Cancelled, UsageError } from '../errors';
import { msg } from '../messages';
import type { DB } from './open';
import { askKeyring, keyringChosen } from './keyring';
import type { Env } from '../context';
import { derivedAhead, isEncryptedFile, PASSPHRASE_ENV, passphraseFileOf, readPassphraseLine } from './key-file';

export { derivedAheadReady, deriveAhead, isEncryptedFile, PASSPHRASE_ENV } from './key-file';

export type KeySource = 'file' | 'env-file' | 'keyring' | 'prompt';

export interface Key {
  passphrase: string;
  source: KeySource;
}

/** The passphrase did not open the journal (SQLite says SQLITE_NOTADB on the first read): exit 2. */
export class WrongPassphrase extends UsageError {}

/** A SQL string literal: single quotes doubled. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** SQLCipher 4's settings for this connection's databases (before key or rekey). */
export function useSqlcipher(db: DB): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

/** Key a connection just opened, before anything else touches the file. A key derived ahead for this file and
 * passphrase (deriveAhead) is given as SQLCipher's raw key and salt, so SQLite skips the derivation; otherwise
 * SQLite derives it from the passphrase. Either way the same key: a wrong passphrase fails the same way. */
export function applyKey(db: DB, passphrase: string): void {
  useSqlcipher(db);
  const raw = typeof db.name === 'string' ? derivedAhead(db.name, passphrase) : undefined;
  db.pragma(raw ? `key = "x'${raw}'"` : `key = ${sqlString(passphrase)}`);
  db.pragma('temp_store = MEMORY');
}

/** The first line of a passphrase file, after checking the file is private and the person's own. */
export function readPassphraseFile(path: string, from: 'flag' | 'env', flag = '--passphrase-file'): string {
  const name = from === 'flag' ? flag : PASSPHRASE_ENV;
  const r = readPassphraseLine(path);
  if ('line' in r) return r.line;
  switch (r.refused) {
    case 'missing': throw new UsageError(msg.cipher.keyFileMissing(name, path));
    case 'notFile': throw new UsageError(msg.cipher.keyFileNotFile(name, path));
    case 'loose': throw new UsageError(msg.cipher.keyFileLoose(name, path, r.mode ?? ''));
    case 'notYours': throw new UsageError(msg.cipher.keyFileNotYours(name, path));
    case 'empty': throw new UsageError(msg.cipher.keyFileEmpty(name, path));
  }
}

/** A passphrase from a file (flag, then environment), or undefined when neither is given. */
export function fileKey(passphraseFile: string | undefined, env: Record<string, string | undefined>): Key | undefined {
  const file = passphraseFileOf(passphraseFile, env);
  if (file === undefined) return undefined;
  return { passphrase: readPassphraseFile(file.path, file.from), source: file.from === 'flag' ? 'file' : 'env-file' };
}

/** Can a hidden prompt be shown? stdin and stderr both terminals. */
export function canPrompt(): boolean {
  return isatty(0) && isatty(2);
}

/**
 * Ask for a passphrase on the terminal without echo. Synchronous (the journal opens synchronously): the terminal
 * is put in no-echo, byte-at-a-time mode with stty for the one line read from fd 0, and put back as it was.
 * Ctrl-C or Ctrl-D on an empty line stops (exit 130); Backspace works; nothing typed is ever shown.
 */
export function promptHidden(question: string): string {
  // Echo off first, then the question: someone typing the moment it appears must never see their passphrase.
  const saved = spawnSync('stty', ['-g'], { stdio: [0, 'pipe', 'ignore'], encoding: 'utf8' }).stdout?.trim();
  spawnSync('stty', ['-echo', '-icanon', '-isig', 'min', '1', 'time', '0'], { stdio: [0, 'ignore', 'ignore'] });
  writeSync(2, question);
  const bytes: number[] = [];
  let cancelled = false;
  try {
    const one = Buffer.alloc(1);
    for (;;) {
      let n: number;
      try {
        n = readSync(0, one, 0, 1, null);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); continue; }
        throw err;
      }
      if (n === 0) break;
      const b = one[0];
      if (b === 0x03 || (b === 0x04 && bytes.length === 0)) { cancelled = true; break; }
      if (b === 0x0a || b === 0x0d || b === 0x04) break;
      if (b === 0x7f || b === 0x08) {
        // Backspace: drop one whole UTF-8 character.
        while (bytes.length && (bytes[bytes.length - 1] & 0xc0) === 0x80) bytes.pop();
        bytes.pop();
        continue;
      }
      bytes.push(b);
    }
  } finally {
    spawnSync('stty', saved ? [saved] : ['sane'], { stdio: [0, 'ignore', 'ignore'] });
    writeSync(2, '\n');
  }
  if (cancelled) throw Cancelled.stopped();
  return Buffer.from(bytes).toString('utf8');
}

export interface KeyOptions {
  passphraseFile: string | undefined;
  env: Env;
  /** 0 for the first try; the keyring is asked on the first try only. */
  attempt: number;
  /** The journal: its entry in the keyring is named by its absolute path. */
  path: string;
  /** Where the note that the person chose the keyring is kept ($XDG_STATE_HOME/reframe): without the note for this
   *  journal the keyring is not asked at all. */
  stateDir: string;
  /** The script that runs reframe's own code (Context.workerEntry): the keyring is asked through it. */
  helper?: string;
  /** false: skip the keyring (its entry did not open the journal). */
  keyring?: boolean;
  /** Say a line on stderr (why the keyring was passed over, before a prompt). */
  say?: (line: string) => void;
}

/**
 * The passphrase remembered in the OS keyring for this journal, when there is one and the keyring answers at
 * once. Nothing is said when there is no keyring or no entry (the person never chose it); when there is one that
 * can't be read right now, one line says so, but only before a prompt (never to cron).
 */
export function keyringKey(o: KeyOptions): Key | undefined {
  if (!keyringChosen(o.stateDir, o.path)) return undefined; // never chosen: nothing to ask, nothing to pay
  const a = askKeyring('get', o.path, o.env, o.helper);
  if (a.status === 'ok' && typeof a.secret === 'string' && a.secret !== '') return { passphrase: a.secret, source: 'keyring' };
  if (canPrompt() && o.say) {
    if (a.status === 'locked') o.say(msg.cipher.keyringLockedAsk);
    else if (a.status === 'timeout') o.say(msg.cipher.keyringSlowAsk);
    else if (a.status === 'error') o.say(msg.cipher.keyringErrorAsk);
  }
  if (a.detail && o.env.REFRAME_DEBUG === '1' && o.say) o.say(`keyring: ${a.detail}`);
  return undefined;
}

/**
 * The key to open an encrypted journal with: a file, the keyring (when remembered), or (on a terminal) the prompt;
 * exit 2 when there is none.
 */
export function keyForOpen(o: KeyOptions): Key {
  const k = fileKey(o.passphraseFile, o.env);
  if (k) return k;
  if (o.attempt === 0 && o.keyring !== false) {
    const r = keyringKey(o);
    if (r) return r;
  }
  if (!canPrompt()) throw new UsageError(msg.cipher.noKey);
  return { passphrase: promptHidden(o.attempt === 0 ? msg.cipher.ask : msg.cipher.askAgain), source: 'prompt' };
}

/** A new passphrase (encrypt, passphrase): from a file, or asked twice on a terminal. */
export function newKey(passphraseFile: string | undefined, env: Record<string, string | undefined>, o: { fileOnly?: boolean } = {}): Key {
  const k = o.fileOnly ? (passphraseFile === undefined ? undefined : { passphrase: readPassphraseFile(passphraseFile, 'flag'), source: 'file' as const }) : fileKey(passphraseFile, env);
  if (k) return k;
  if (!canPrompt()) throw new UsageError(msg.cipher.noKey);
  for (let i = 0; i < 3; i++) {
    const a = promptHidden(msg.cipher.askNew);
    if (a === '') { writeSync(2, msg.cipher.emptyNew + '\n'); continue; }
    const b = promptHidden(msg.cipher.askNewAgain);
    if (a === b) return { passphrase: a, source: 'prompt' };
    writeSync(2, msg.cipher.mismatch + '\n');
  }
  throw new UsageError(msg.cipher.noNewKey);
}

/** Is this error SQLite refusing the key (the file is not a database under it)? */
export function isNotADb(err: unknown): boolean {
  return String((err as { code?: string })?.code ?? '') === 'SQLITE_NOTADB';
}
