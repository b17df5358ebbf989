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
import { applyKey, isNotADb } from './cipher';

/** better-sqlite3-multiple-ciphers copies `rate` pages per step; this many means "all of them in the next step". */
const ALL_PAGES = 0x7fffffff;

export interface JournalFileInfo {
  records: number;
  schema: number;
}

export type Inspection = ({ ok: true } & JournalFileInfo) | { ok: false; reason: 'missing' | 'unreadable' | 'not-ours' | 'too-new' | 'damaged' | 'wrong-key' };

/**
 * Is this file a Reframe journal (or a backup of one) that this version can read? Changes nothing in it.
 * With a key, an encrypted one (SQLCipher 4): a key that doesn't open it is 'wrong-key'.
 */
export function inspectJournalFile(path: string, key?: string): Inspection {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not-ours' };
    size = st.size;
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
  try {
    if (size === 0 || (key === undefined && !hasSqliteHeader(path))) return { ok: false, reason: 'not-ours' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  let db: DB | undefined;
  try {
    db = openReadonly(path, key);
    let facts;
    try {
      facts = readFacts(db);
    } catch (err) {
      if (key !== undefined && isNotADb(err)) return { ok: false, reason: 'wrong-key' };
      throw err;
    }
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

/** Open a file already inspected, read-only, as the source of a restore (with its key when encrypted). */
export function openReadonly(path: string, key?: string): DB {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  if (key !== undefined) {
    try { applyKey(db, key); } catch (err) { db.close(); throw err; }
  }
  return db;
}

/** An open journal's own figures, read through its connection (an encrypted one is open with its key). */
export function inspectOpen(db: DB): Inspection {
  try {
    if (db.pragma('main.quick_check', { simple: true }) !== 'ok') return { ok: false, reason: 'damaged' };
    const schema = db.pragma('main.user_version', { simple: true }) as number;
    const records = (db.prepare('SELECT count(*) AS n FROM main.records').get() as { n: number }).n;
    return { ok: true, records, schema };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
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

const SRC = 'restore_src';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SchemaRow { type: string; name: string; tbl_name: string; sql: string | null }

/**
 * Replace the contents of a live journal with those of the journal file at srcPath, through the journal's own
 * connection, in one transaction: for an encrypted journal, which the backup API can't write to (its connection
 * would have no key). The file is attached (with srcKey when it is encrypted, with none when plain), every
 * table, index, trigger and view of the journal is dropped and made again from the file's schema with the
 * file's rows (the full-text indexes' own tables copied as they are), and its user_version and application_id
 * are taken over, so the journal becomes what the file is, schema version and all, as a backup would make it.
 * The pages written are the journal's, so under its key; nothing goes through a temporary file (temp_store is
 * MEMORY on a keyed connection). Record counts and a quick_check are checked before the commit: a failure
 * rolls everything back and the journal is as it was. Other reframe processes see the old contents or the new.
 */
export function replaceContents(db: DB, srcPath: string, srcKey: string | undefined): JournalFileInfo {
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF'); // tables are dropped and filled in an order that foreign keys would refuse
  db.unsafeMode(true); // the full-text indexes' shadow tables are copied directly
  // An empty key attaches a plain file (with no KEY clause, sqlite3mc would use the journal's key).
  db.prepare(`ATTACH DATABASE ? AS ${SRC} KEY ?`).run(srcPath, srcKey ?? '');
  try {
    return db.transaction((): JournalFileInfo => {
      const schemaOf = (schema: string) => db.prepare(`SELECT type, name, tbl_name, sql FROM ${schema}.sqlite_schema ORDER BY rowid`).all() as SchemaRow[];
      const isVirtual = (o: SchemaRow) => o.type === 'table' && /^CREATE\s+VIRTUAL\s+TABLE/i.test(o.sql ?? '');
      const internal = (o: SchemaRow) => o.name.startsWith('sqlite_');
      const exists = (name: string) => db.prepare("SELECT 1 FROM main.sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;

      // 1. The journal's objects go: triggers and views, the virtual tables (with their shadow tables), the rest.
      const mine = schemaOf('main');
      for (const o of mine) if (o.type === 'trigger') db.exec(`DROP TRIGGER main.${quote(o.name)}`);
      for (const o of mine) if (o.type === 'view') db.exec(`DROP VIEW main.${quote(o.name)}`);
      for (const o of mine) if (isVirtual(o)) db.exec(`DROP TABLE main.${quote(o.name)}`);
      for (const o of mine) if (o.type === 'table' && !internal(o) && !isVirtual(o) && exists(o.name)) db.exec(`DROP TABLE main.${quote(o.name)}`);
      for (const t of ['sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4']) if (exists(t)) db.exec(`DELETE FROM main.${t}`);

      // 2. The file's tables, then their rows (before any trigger exists, so none fires), then the rest.
      const theirs = schemaOf(SRC);
      for (const o of theirs) if (isVirtual(o)) db.exec(o.sql!);
      const tables = theirs.filter((o) => o.type === 'table' && !internal(o) && !isVirtual(o));
      for (const o of tables) {
        if (exists(o.name)) db.exec(`DELETE FROM main.${quote(o.name)}`); // a shadow table its virtual table made
        else db.exec(o.sql!);
      }
      for (const o of tables) {
        const cols = (db.prepare(`SELECT name FROM pragma_table_info(?, '${SRC}')`).pluck().all(o.name) as string[]).map(quote).join(', ');
        db.exec(`INSERT INTO main.${quote(o.name)} (${cols}) SELECT ${cols} FROM ${SRC}.${quote(o.name)}`);
      }
      if (theirs.some((o) => o.name === 'sqlite_sequence') && exists('sqlite_sequence')) {
        db.exec('DELETE FROM main.sqlite_sequence');
        db.exec(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${SRC}.sqlite_sequence`);
      }
      for (const o of theirs) if ((o.type === 'index' || o.type === 'view') && o.sql && !internal(o)) db.exec(o.sql);
      for (const o of theirs) if (o.type === 'trigger' && o.sql) db.exec(o.sql);
      const version = db.pragma(`${SRC}.user_version`, { simple: true }) as number;
      db.pragma(`main.user_version = ${Math.trunc(version)}`);
      db.pragma(`main.application_id = ${Math.trunc(db.pragma(`${SRC}.application_id`, { simple: true }) as number)}`);

      // 3. Checked before the commit: every table holds the file's rows, and the journal is sound.
      for (const o of tables) {
        const n = (schema: string) => (db.prepare(`SELECT count(*) AS n FROM ${schema}.${quote(o.name)}`).get() as { n: number }).n;
        if (n('main') !== n(SRC)) throw new Error('the restored journal did not match the backup');
      }
      if (db.pragma('main.quick_check', { simple: true }) !== 'ok') throw new Error('the restored journal failed its integrity check');
      const records = (db.prepare('SELECT count(*) AS n FROM main.records').get() as { n: number }).n;
      return { records, schema: version };
    }).immediate();
  } finally {
    try { db.prepare(`DETACH DATABASE ${SRC}`).run(); } catch { /* not attached */ }
    db.unsafeMode(false);
    db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
}
