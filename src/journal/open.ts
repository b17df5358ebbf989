// Opening the journal: permissions, pragmas, refusing files that are not ours, migrations.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, fstatSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from '../errors';
import { msg } from '../messages';
import { MIGRATIONS, type Migration } from './migrations';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema-version';
import { checkUpgradeRoom } from './upgrade-space';
import { ensureNative } from './native';
import { classifyJournal, hasSqliteHeader, readFacts } from './identity';
import { applyKey, isNotADb, WrongPassphrase } from './cipher';

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
  /** The passphrase of an encrypted journal (cipher.ts): set right after opening, before anything is read. */
  key?: string;
}


function describeOsError(path: string, err: NodeJS.ErrnoException): JournalError {
  if (err.code === 'EACCES' || err.code === 'EPERM') return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  if (err.code === 'EISDIR') return new JournalError(msg.errors.journalIsFolder(path), msg.errors.journalIsFolderHint);
  if (err.code === 'ENOSPC') return new JournalError(msg.errors.diskFull(path));
  if (err.code === 'ENOTDIR') return new JournalError(msg.errors.journalBadFolder(path), msg.errors.journalIsFolderHint);
  if (err.code === 'EROFS') return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  // Creating a file or folder where the system allows none (e.g. under /proc).
  if (err.code === 'ENOENT') return new JournalError(msg.errors.journalNoAccess(path), msg.errors.journalNoAccessHint);
  return new JournalError(msg.errors.journalCannotOpen(path), msg.errors.restoreHint);
}

/** Maps a SQLite error raised while using the journal to a plain JournalError. */
export function journalFailure(path: string, err: unknown): JournalError {
  const out = journalFailureOf(path, err);
  if (out !== err) (out as { cause?: unknown }).cause ??= err; // shown with REFRAME_DEBUG=1
  return out;
}

function journalFailureOf(path: string, err: unknown): JournalError {
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

/**
 * mkdir -p, one level at a time. fs.mkdirSync's recursive mode spins forever where a parent exists but
 * refuses children with ENOENT (e.g. under /proc/self on Node 20); this fails with that error instead.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  for (const d of missing) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another reframe made it meanwhile
    }
  }
}

function prepareFile(path: string, create: boolean, keyed = false): 'new' | 'existing' {
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
    if (st.size === 0 || keyed) return 'existing'; // an encrypted journal has no plain header
    let ok: boolean;
    try {
      ok = hasSqliteHeader(path);
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
      makeFolders(dir);
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
  ensureNative(); // before the file is made: a failed load leaves nothing behind (native.ts)
  let state: 'new' | 'existing' = 'new';
  if (!memory) {
    state = prepareFile(path, opts.create !== false, opts.key !== undefined);
  }
  // Checked now, said once the file is known to be a journal (not for a file reframe then refuses).
  let looseMode: number | undefined;
  if (!memory && state === 'existing') {
    try {
      const mode = statSync(path).mode & 0o777;
      if (mode & 0o077) looseMode = mode;
    } catch { /* reported by the open below */ }
  }
  // A file this call made and then couldn't use is removed: a failed open leaves no empty journal behind.
  const unmake = () => {
    if (state !== 'new' || memory) return;
    try { if (statSync(path).size === 0) unlinkSync(path); } catch { /* gone, or not ours to remove */ }
  };
  let db: DB;
  try {
    db = new Database(path, { fileMustExist: !memory, readonly: opts.readonly === true });
  } catch (err) {
    unmake();
    throw journalFailure(path, err);
  }
  try {
    if (opts.key !== undefined) applyKey(db, opts.key);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    db.pragma('foreign_keys = ON');
    // Refuse a file that is not ours (or is too new) BEFORE changing anything in it:
    // `journal_mode = WAL` rewrites the header of a database in rollback mode.
    let version: number;
    try {
      version = identify(db, path);
    } catch (err) {
      // The first read under a wrong key: SQLite can't make a database of the file.
      if (opts.key !== undefined && isNotADb(err)) throw new WrongPassphrase(msg.cipher.wrong(path));
      throw err;
    }
    if (looseMode !== undefined) opts.onLoosePermissions?.(path, looseMode);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    migrate(db, path, state === 'new', opts, version);
  } catch (err) {
    db.close();
    unmake();
    if (err instanceof JournalError || err instanceof WrongPassphrase) throw err;
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

/** The journal's schema version, once it is clear the file is ours and not too new; throws otherwise. Changes nothing. */
function identify(db: DB, path: string): number {
  const facts = readFacts(db);
  const kind = classifyJournal(facts);
  if (kind === 'too-new') {
    throw new JournalError(msg.errors.journalTooNew(path, facts.version, SCHEMA_VERSION), msg.errors.journalTooNewHint);
  }
  if (kind === 'not-ours') throw new JournalError(msg.errors.journalNotOurs(path), msg.errors.restoreHint);
  return facts.version;
}

export function migrate(db: DB, path: string, isNew: boolean, opts: OpenOptions, version: number): void {
  // A journal at this reframe's version (nearly every open) needs no step: the steps' SQL isn't even loaded.
  if (!opts.migrations && version >= SCHEMA_VERSION) return;
  const steps = opts.migrations ?? MIGRATIONS;
  const latest = steps.length ? steps[steps.length - 1].version : 0;
  if (version >= latest) return;
  if (opts.readonly) return; // read what is there; writing would need an upgrade first

  let backup: string | undefined;
  if (version > 0 && !isNew && path !== ':memory:') {
    // An existing journal is about to change shape: keep a copy of it as it was first.
    backup = `${path}.before-v${latest}.bak`;
    // Room for the copy and the rewrite, checked before anything is written (upgrade-space.ts).
    checkUpgradeRoom(path, version, latest);
    if (!existsSync(backup)) {
      // Into an empty 0600 file made first (never readable by others, whatever the umask), then renamed:
      // a crash half-way leaves a stray temp file, never a half-written backup under the real name.
      const tmp = `${backup}.${process.pid}.tmp`;
      try { unlinkSync(tmp); } catch { /* a killed upgrade's, with our pid: gone now */ }
      closeSync(openSync(tmp, 'wx', 0o600)); // exclusive: never through a link planted at this name
      chmodSync(tmp, 0o600);
      try {
        db.prepare('VACUUM INTO ?').run(tmp);
        renameSync(tmp, backup);
      } catch (err) {
        for (const f of [tmp, `${tmp}-journal`]) {
          try { unlinkSync(f); } catch { /* already gone */ }
        }
        throw err;
      }
    }
  }

  const applyStep = (step: Migration) => {
    // Read the version inside the write lock: another process may have migrated meanwhile.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current >= step.version) return;
    db.exec(step.sql);
    if (step.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${step.version}`);
  };
  if (version === 0) {
    // A new journal is built in one transaction (each step a savepoint inside it), so another process
    // opening it at the same moment never sees it half-built and never takes it for an old journal.
    db.transaction(() => { for (const step of steps) db.transaction(() => applyStep(step))(); }).immediate();
    return;
  }
  // An existing journal: each step in its own transaction, so a failing step leaves the last good version.
  try {
    for (const step of steps) db.transaction(() => applyStep(step)).immediate();
  } catch (err) {
    const code = String((err as { code?: string })?.code ?? '');
    // Busy, damaged or out of reach: those say what they are, as anywhere else.
    if (/^SQLITE_(BUSY|LOCKED|CORRUPT|NOTADB|IOERR|READONLY|CANTOPEN|PERM)/.test(code)) throw journalFailure(path, err);
    let now = version;
    try { now = db.pragma('user_version', { simple: true }) as number; } catch { /* keep what we knew */ }
    throw new JournalError(msg.errors.upgradeFailed(path, latest, now), msg.errors.upgradeFailedHint(backup, code === 'SQLITE_FULL' || code === 'ENOSPC' ? 'full' : ''));
  }
  if (backup) opts.onUpgrade?.(version, latest, backup);
}
