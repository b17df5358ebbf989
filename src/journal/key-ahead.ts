// The key of an encrypted journal, derived ahead (key-file.ts, deriveAhead): main.ts calls this first thing, so
// SQLCipher's ~0.1 s derivation runs on a thread of its own while the program loads. It reads the command line
// only for --db and --passphrase-file, and only a passphrase file (or $REFRAME_PASSPHRASE_FILE) the journal's
// own open would accept; anything it can't tell (the keyring, the prompt, a file refused) is left to the open,
// which says what is wrong. A guess that turns out wrong costs a thread's time, never a different key: the open
// uses a derived key only for the same file, salt and passphrase.
// It loads nothing but key-file.ts (Node's fs, path, os, crypto) and global-options.ts, so the derivation
// starts a few milliseconds after reframe does.
import type { Env } from '../context';
import { globalValue } from '../global-options';
import { deriveAhead, isEncryptedFile, journalPath, passphraseFileOf, readPassphraseLine } from './key-file';

/** Starts the derivation when the command line names a passphrase file and the journal is encrypted. */
export function deriveKeyAhead(args: string[], env: Env): void {
  try {
    const dbFlag = globalValue(args, '--db');
    const chosen = dbFlag ?? env.REFRAME_DB;
    if (dbFlag === '' || (chosen !== undefined && chosen !== chosen.trim())) return; // refused by the open (paths.ts)
    const { db } = journalPath(env, dbFlag);
    if (!isEncryptedFile(db)) return;
    // The file the open would read (cipher.ts, fileKey), only if the open accepts it.
    const file = passphraseFileOf(globalValue(args, '--passphrase-file'), env);
    if (file === undefined) return;
    const r = readPassphraseLine(file.path);
    if ('line' in r) deriveAhead(db, r.line);
  } catch { /* the open says what is wrong, in its own words */ }
}
