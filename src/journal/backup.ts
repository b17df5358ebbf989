// Backups of the journal with SQLite's online backup API (never a file copy): consistent even while another
// reframe writes, because all pages are copied in one step under one read snapshot (WAL readers never
// block writers). A backup is a single self-contained file (rollback journal mode), 0600, that is itself a
// valid journal: `reframe --db FILE list` reads it, and `reframe backup --restore FILE` puts it back.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, fchmodSync, fsyncSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, publish, tempSibling } from '../fsutil';
import type { DB } from './open';
import { classifyJournal, hasSqliteHeader, readFacts } from './identity';
import { applyKey } from './cipher';

/** better-sqlite3-multiple-ciphers copies `rate` pages per step; this many means "all of them in the next step". */
const ALL_PAGES = 0x7fffffff;

export interface JournalFileInfo {
  records: number;
  schema: number;
}

export type Inspection = ({ ok: true } & JournalFileInfo) | { ok: false; reason: 'missing' | 'unreadable' | 'not-ours' | 'too-new' | 'damaged' };

/** Is this file a Reframe journal (or a backup of one) that this version can read? Changes nothing in it. */
export function inspectJournalFile(path: string): Inspection {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not-ours' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
  try {
    if (size === 0 || !hasSqliteHeader(path)) return { ok: false, reason: 'not-ours' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  let db: DB | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const facts = readFacts(db);
    const kind = classifyJournal(facts);
    if (kind === 'empty' || kind === 'not-ours') return { ok: false, reason: 'not-ours' };
    if (kind === 'too-new') return { ok: false, reason: 'too-new' };
    const schema = facts.version;
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return { ok: false, reason: 'damaged' };
    const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    return { ok: true, records, schema };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    db?.close();
  }
}

/** Open a file already inspected, read-only, as the source of a restore. */
export function openReadonly(path: string): DB {
  return new Database(path, { readonly: true, fileMustExist: true });
}

function removeQuietly(p: string): void {
  for (const f of [p, `${p}-journal`, `${p}-wal`, `${p}-shm`]) {
    try { unlinkSync(f); } catch { /* not there */ }
  }
}

/**
 * Copy a database into a new file at `dest`: into a 0600 temp file beside it first, checked, flushed, then
 * renamed into place (without overwrite, an existing `dest` is never replaced, even one that appears meanwhile).
 * mode 'delete' makes a self-contained backup; 'wal' a file ready to be a live journal.
 */
export async function copyDatabase(src: DB, dest: string, o: { overwrite: boolean; mode: 'delete' | 'wal'; key?: string }): Promise<JournalFileInfo> {
  const tmp = tempSibling(dest);
  const fd = openSync(tmp, 'wx', 0o600);
  try { fchmodSync(fd, 0o600); } finally { closeSync(fd); }
  try {
    // An encrypted journal: the backup API can't copy it, but VACUUM INTO on its keyed connection writes a
    // copy encrypted with the same key (one read snapshot, like the backup).
    if (o.key !== undefined) src.prepare('VACUUM INTO ?').run(tmp);
    else await src.backup(tmp, { progress: () => ALL_PAGES });
    const info = settle(tmp, o.mode, o.key);
    const f = openSync(tmp, 'r+');
    try { fsyncSync(f); } finally { closeSync(f); }
    publish(tmp, dest, !o.overwrite);
    fsyncDir(dirname(dest));
    return info;
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}

/** Set the copy's journal mode, check it, count its records. */
function settle(path: string, mode: 'delete' | 'wal', key?: string): JournalFileInfo {
  const db = new Database(path, { fileMustExist: true });
  try {
    if (key !== undefined) applyKey(db, key);
    db.pragma(`journal_mode = ${mode === 'wal' ? 'WAL' : 'DELETE'}`);
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('the copy failed its integrity check');
    const schema = db.pragma('user_version', { simple: true }) as number;
    const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
    return { records, schema };
  } finally {
    db.close();
  }
}

/**
 * Replace the contents of a live journal with those of `src`, through SQLite, in one transaction: other
 * reframe processes see the old journal or the new one, never a mix, and a failure changes nothing.
 */
export async function restoreInto(src: DB, journalPath: string): Promise<void> {
  await src.backup(journalPath, { progress: () => ALL_PAGES });
}
