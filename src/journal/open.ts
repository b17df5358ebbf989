// Opening the journal: permissions, pragmas, refusing files that are not ours, migrations.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync, fstatSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from '../errors';
import { msg } from '../messages';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';

export type DB = Database.Database;

export interface OpenOptions {
  /** Create the file (and its folder) when missing. Default true. */
  create?: boolean;
  readonly?: boolean;
  /** Milliseconds to wait for another writer. */
  busyTimeoutMs?: number;
  /** The schema steps to apply (tests pass a prefix to build an old journal). */
  migrations?: Migration[];
  /** Called when an existing journal is upgraded; receives the path of the backup taken first. */
  onUpgrade?: (from: number, to: number, backupPath: string) => void;
  /** Called when the journal file can be read by other people. */
  onLoosePermissions?: (path: string, mode: number) => void;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function describeOsError(path: string, err: NodeJS.ErrnoException): JournalError {
  if (err.code === 'EACCES' || err.code === 'EPERM') return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  if (err.code === 'EISDIR') return new JournalError(msg.errors.journalIsFolder(path), msg.errors.journalIsFolderHint);
  if (err.code === 'ENOSPC') return new JournalError(msg.errors.diskFull(path));
  if (err.code === 'ENOTDIR') return new JournalError(msg.errors.journalBadFolder(path), msg.errors.journalIsFolderHint);
  if (err.code === 'EROFS') return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  return new JournalError(msg.errors.journalCannotOpen(path), msg.errors.restoreHint);
}

/** Maps a SQLite error raised while using the journal to a plain JournalError. */
export function journalFailure(path: string, err: unknown): JournalError {
  const e = err as { code?: string; message?: string };
  const code = String(e?.code ?? '');
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new JournalError(msg.errors.journalBusy(path), msg.errors.journalBusyHint);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new JournalError(msg.errors.diskFull(path));
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR')) {
    return new JournalError(msg.errors.journalDamaged(path), msg.errors.restoreHint);
  }
  if ((e as NodeJS.ErrnoException)?.syscall) return describeOsError(path, e as NodeJS.ErrnoException);
  return new JournalError(msg.errors.journalCannotOpen(path), msg.errors.restoreHint);
}

/** Reads the first bytes without changing anything: is this a SQLite file? */
function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function prepareFile(path: string, create: boolean): 'new' | 'existing' {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') throw describeOsError(path, e);
  }
  if (st) {
    if (st.isDirectory()) throw new JournalError(msg.errors.journalIsFolder(path), msg.errors.journalIsFolderHint);
    if (!st.isFile()) throw new JournalError(msg.errors.journalNotOurs(path), msg.errors.restoreHint);
    if (st.size === 0) return 'existing';
    let ok: boolean;
    try {
      ok = looksLikeSqlite(path);
    } catch (err) {
      throw describeOsError(path, err as NodeJS.ErrnoException);
    }
    if (!ok) throw new JournalError(msg.errors.journalNotOurs(path), msg.errors.restoreHint);
    return 'existing';
  }
  if (!create) throw new JournalError(msg.errors.journalMissing(path));
  const dir = dirname(path);
  try {
    if (!existsSync(dir)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700); // mkdir's mode is filtered by the umask
    }
    const fd = openSync(path, 'wx', 0o600);
    try {
      // Whatever the umask, the journal is readable by its owner only.
      const cur = fstatSync(fd).mode & 0o777;
      if (cur !== 0o600) chmodSync(path, 0o600);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return 'existing';
    throw describeOsError(path, e);
  }
  return 'new';
}

export function openDatabase(path: string, opts: OpenOptions = {}): DB {
  const memory = path === ':memory:';
  let state: 'new' | 'existing' = 'new';
  if (!memory) {
    state = prepareFile(path, opts.create !== false);
    if (state === 'existing' && opts.onLoosePermissions) {
      try {
        const mode = statSync(path).mode & 0o777;
        if (mode & 0o077) opts.onLoosePermissions(path, mode);
      } catch { /* reported by the open below */ }
    }
  }
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: !memory, readonly: opts.readonly === true });
  } catch (err) {
    throw journalFailure(path, err);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, path, state === 'new', opts);
  } catch (err) {
    db.close();
    if (err instanceof JournalError) throw err;
    throw journalFailure(path, err);
  }
  if (!memory && !opts.readonly) tightenSidecars(path);
  return db;
}

/** The -wal and -shm files take the journal's mode from SQLite; make sure of it anyway. */
export function tightenSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm']) {
    try {
      const p = path + suffix;
      if ((statSync(p).mode & 0o077) !== 0) chmodSync(p, 0o600);
    } catch { /* not there yet */ }
  }
}

function isEmptyDatabase(db: DB): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  return row.n === 0;
}

function migrate(db: DB, path: string, isNew: boolean, opts: OpenOptions): void {
  const steps = opts.migrations ?? MIGRATIONS;
  const latest = steps.length ? steps[steps.length - 1].version : 0;
  // Read version, id and emptiness from one snapshot: another process may be creating the journal right now.
  const { version, appId, empty } = db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    appId: db.pragma('application_id', { simple: true }) as number,
    empty: isEmptyDatabase(db),
  }))();
  if (version > SCHEMA_VERSION) {
    throw new JournalError(msg.errors.journalTooNew(path, version, SCHEMA_VERSION), msg.errors.journalTooNewHint);
  }
  if (version === 0 && !empty) {
    // A SQLite file with tables of its own that we never wrote: not ours to change.
    throw new JournalError(msg.errors.journalNotOurs(path), msg.errors.restoreHint);
  }
  if (version > 0 && appId !== APPLICATION_ID) {
    throw new JournalError(msg.errors.journalNotOurs(path), msg.errors.restoreHint);
  }
  if (version >= latest) return;
  if (opts.readonly) return; // read what is there; writing would need an upgrade first

  if (version > 0 && !isNew && path !== ':memory:') {
    // An existing journal is about to change shape: keep a copy of it as it was first.
    const backup = `${path}.before-v${latest}.bak`;
    if (!existsSync(backup)) {
      db.prepare('VACUUM INTO ?').run(backup);
      chmodSync(backup, 0o600);
    }
    opts.onUpgrade?.(version, latest, backup);
  }

  for (const step of steps) {
    const apply = db.transaction(() => {
      // Read the version inside the write lock: another process may have migrated meanwhile.
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= step.version) return;
      db.exec(step.sql);
      if (step.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${step.version}`);
    });
    apply.immediate();
  }
}
