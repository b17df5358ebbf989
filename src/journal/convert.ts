// `reframe encrypt`, `decrypt` and `passphrase`: the journal rewritten under another key (or none), by copy,
// check and rename, so a kill at any moment leaves one good journal, the old or the new:
//   1. checkpoint the journal (its WAL emptied into the file)
//   2. VACUUM INTO a private temp file beside it (same key as the journal, or plain)
//   3. rekey the copy (it is in rollback mode, which rekey needs), then WAL mode; fsync it
//   4. reopen it under the new key: integrity_check, record count, user_version and application_id match
//   5. close the journal (its empty -wal goes), remove its -shm, rename the copy over it, fsync the folder
// A killed run leaves only its temp file (`.journal.db.PID.HEX.tmp`), which the next run sweeps (leftovers.ts).
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { OperationError } from '../errors';
import { fsyncDir, tempSibling } from '../fsutil';
import { msg } from '../messages';
import { applyKey, sqlString, useSqlcipher } from './cipher';
import type { Journal } from './journal';
import { journalFailure } from './open';

interface Shape {
  records: number;
  tables: number;
  version: number;
  appId: number;
}

function shape(db: Database.Database): Shape {
  return {
    records: (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
    tables: (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n,
    version: db.pragma('user_version', { simple: true }) as number,
    appId: db.pragma('application_id', { simple: true }) as number,
  };
}

function removeQuietly(p: string): void {
  for (const f of [p, `${p}-journal`, `${p}-wal`, `${p}-shm`]) {
    try { unlinkSync(f); } catch { /* not there */ }
  }
}

/**
 * Rewrite the journal under `to` (a passphrase, or undefined for plain). `from` is the passphrase it is open
 * with now (undefined when plain). The journal is closed when this returns.
 */
export function convertJournal(journal: Journal, from: string | undefined, to: string | undefined): void {
  const path = journal.path;
  const db = journal.db;
  const tmp = tempSibling(path);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = shape(db);
    const fd = openSync(tmp, 'wx', 0o600);
    try { fchmodSync(fd, 0o600); } finally { closeSync(fd); }
    db.prepare('VACUUM INTO ?').run(tmp); // under the journal's own key, or plain

    const copy = new Database(tmp, { fileMustExist: true });
    try {
      if (from !== undefined) applyKey(copy, from);
      else useSqlcipher(copy);
      copy.pragma(`rekey = ${sqlString(to ?? '')}`);
      copy.pragma('journal_mode = WAL');
    } finally {
      copy.close();
    }
    const f = openSync(tmp, 'r+');
    try { fsyncSync(f); } finally { closeSync(f); }

    const check = new Database(tmp, { fileMustExist: true }); // read-write: closing removes its -wal and -shm
    try {
      if (to !== undefined) applyKey(check, to);
      const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
      const after = shape(check);
      if (!ok || JSON.stringify(after) !== JSON.stringify(before)) throw new OperationError(msg.cipher.copyCheckFailed);
    } finally {
      check.close();
    }
    for (const side of ['-wal', '-shm', '-journal']) {
      try { unlinkSync(tmp + side); } catch { /* gone with the close */ }
    }

    // The journal closed: the last connection checkpoints and removes its -wal. A -wal still holding pages
    // (another reframe wrote meanwhile) must not be left beside the new file, so stop instead.
    journal.close();
    let walBytes = 0;
    try { walBytes = statSync(`${path}-wal`).size; } catch { /* gone, as it should be */ }
    if (walBytes > 0) throw new OperationError(msg.cipher.copyCheckFailed);
    for (const side of ['-wal', '-shm']) {
      try { unlinkSync(path + side); } catch { /* not there */ }
    }
    renameSync(tmp, path);
    fsyncDir(dirname(path));
  } catch (err) {
    removeQuietly(tmp);
    if (err instanceof OperationError) throw err;
    throw journalFailure(path, err);
  }
}
