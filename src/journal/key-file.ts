// What an encrypted journal's open needs before anything else, with no dependencies but Node's fs, path, os and
// crypto, so main.ts can load it and start the key derivation within a few milliseconds of the start (key-ahead.ts):
// where the journal is, whether it is encrypted, a passphrase file's first line (with the reason a file is refused,
// which cipher.ts puts in words), and the derivation itself, run ahead on Node's thread pool.
import { pbkdf2 } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

export const PASSPHRASE_ENV = 'REFRAME_PASSPHRASE_FILE';

function home(env: Env): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : homedir();
}

/** An XDG folder: the variable when it is absolute (the spec says relative paths are invalid), else the fallback. */
export function xdg(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v && v.startsWith('/') ? v : join(home(env), fallback);
}

/** The journal's path, first that applies: --db, $REFRAME_DB, $XDG_DATA_HOME, ~/.local/share (paths.ts checks the
 * names first). */
export function journalPath(env: Env, dbFlag?: string): { db: string; explicit: boolean } {
  const explicit = dbFlag ?? (env.REFRAME_DB && env.REFRAME_DB.length > 0 ? env.REFRAME_DB : undefined);
  return { db: explicit ? resolve(explicit) : join(xdg(env, 'XDG_DATA_HOME', '.local/share'), 'reframe', 'journal.db'), explicit: explicit !== undefined };
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Do these first bytes of a file (16 or more) start a SQLite database? */
export function isSqliteHeader(head: Uint8Array): boolean {
  return head.length >= 16 && Buffer.from(head.buffer, head.byteOffset, 16).toString('latin1') === SQLITE_MAGIC;
}

/** The first 16 bytes of a file (an encrypted journal's salt), or undefined. */
export function headOf(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 ? head : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Is the file at path an encrypted journal? Non-empty, whole pages, no SQLite header. Changes nothing. */
export function isEncryptedFile(path: string): boolean {
  if (path === ':memory:') return false;
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size < 512 || st.size % 512 !== 0) return false;
  } catch {
    return false;
  }
  const head = headOf(path);
  return head !== undefined && !isSqliteHeader(head);
}

/** Which passphrase file a journal's open reads: the flag, else $REFRAME_PASSPHRASE_FILE when it is not empty;
 * `from` says which, for the messages that name it. */
export function passphraseFileOf(flag: string | undefined, env: Record<string, string | undefined>): { path: string; from: 'flag' | 'env' } | undefined {
  if (flag !== undefined) return { path: flag, from: 'flag' };
  const e = env[PASSPHRASE_ENV];
  return e !== undefined && e !== '' ? { path: e, from: 'env' } : undefined;
}

/** A passphrase file's first line, or why it is refused: missing, not a file, open to others (`mode`), someone
 * else's, or empty. */
export type PassphraseFile = { line: string } | { refused: 'missing' | 'notFile' | 'loose' | 'notYours' | 'empty'; mode?: string };

export function readPassphraseLine(path: string): PassphraseFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK); // a FIFO must not hang the open
  } catch {
    return { refused: 'missing' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { refused: 'notFile' };
    if ((st.mode & 0o177) !== 0) return { refused: 'loose', mode: (st.mode & 0o777).toString(8) };
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return { refused: 'notYours' };
    const line = readFileSync(fd, 'utf8').split('\n')[0].replace(/\r$/, '');
    return line === '' ? { refused: 'empty' } : { line };
  } finally {
    closeSync(fd);
  }
}

// SQLCipher 4's key derivation (legacy = 4), which costs ~0.1 s of one core on every open: PBKDF2-HMAC-SHA512,
// 256,000 rounds, a 32-byte key, salted with the file's first 16 bytes. main.ts starts it on a thread of Node's
// pool as the program starts (key-ahead.ts), so it runs while the program loads; the command waits for it
// (derivedAheadReady) before it opens the journal. Held in this process's memory only, like the passphrase.
const KDF_ROUNDS = 256_000;
const ahead = new Map<string, Promise<void>>();
const derived = new Map<string, string>();
const aheadId = (path: string, salt: Buffer, passphrase: string) => `${path}\0${salt.toString('hex')}\0${passphrase}`;

/** Start deriving the key of the encrypted file at `path` under `passphrase`, on Node's thread pool. */
export function deriveAhead(path: string, passphrase: string): void {
  const salt = headOf(path);
  if (!salt) return;
  const id = aheadId(path, salt, passphrase);
  if (ahead.has(id)) return;
  ahead.set(id, new Promise<void>((done) => {
    pbkdf2(passphrase, salt, KDF_ROUNDS, 32, 'sha512', (err, key) => {
      derived.set(id, err ? '' : key.toString('hex') + salt.toString('hex'));
      done();
    });
  }));
}

/** Is a derivation started ahead still running? */
export function derivingAhead(): boolean {
  return ahead.size > derived.size;
}

/** Every derivation started ahead, finished (they never fail: a failed one is just not used). */
export async function derivedAheadReady(): Promise<void> {
  await Promise.all(ahead.values());
}

/** The raw key and salt (hex) derived ahead for the file as it is now and this passphrase, if there is one. */
export function derivedAhead(path: string, passphrase: string): string | undefined {
  if (derived.size === 0) return undefined;
  const salt = headOf(path);
  return (salt && derived.get(aheadId(path, salt, passphrase))) || undefined; // '' is a derivation that failed
}
