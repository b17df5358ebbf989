// Files a person asks for (exports, backups): written to a hidden temp file beside the target with mode 0600,
// flushed to disk, then renamed into place, so a crash or a full disk never leaves half a file behind.
import { randomBytes } from 'node:crypto';
import {
  chmodSync, closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { OperationError, UsageError } from './errors';
import { msg } from './messages';
import { refuseForeignLink } from './io/safe-path';
import { noteTempFolder } from './io/leftovers';

/** A hidden name beside path, unique to this write. */
export function tempSibling(path: string): string {
  // The pid lets the next run tell a killed writer's file from a live one's (leftovers.ts).
  noteTempFolder(resolve(dirname(path)));
  return resolve(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Flush a folder's entries (the rename) to disk; best effort, some file systems refuse. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* not supported here */ }
}

/** An OS error while writing `path`, as a plain error (exit 1). */
export function writeFailure(path: string, err: unknown): OperationError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new OperationError(msg.transfer.diskFull(path));
  return new OperationError(msg.transfer.cantWrite(path), msg.transfer.cantWriteHint);
}

function statOrUndefined(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** Is `p` the journal, or one of its side files (by name, or as the same file through a link)? */
export function isJournalPath(p: string, journal: string): boolean {
  const a = resolve(p);
  const j = resolve(journal);
  const st = statOrUndefined(a);
  for (const side of [j, `${j}-wal`, `${j}-shm`, `${j}-journal`]) {
    if (a === side) return true;
    const o = st && statOrUndefined(side);
    if (st && o && st.dev === o.dev && st.ino === o.ino) return true;
  }
  return false;
}

/**
 * Where an export should go: a regular file (new or replaced whole, through a temp file beside it; a link
 * is followed, not replaced), or something that is not a file at all (/dev/stdout, a named pipe), written directly.
 */
export function exportTarget(path: string, journal: string): { path: string; direct: boolean } {
  const abs = resolve(path);
  if (isJournalPath(abs, journal)) throw new UsageError(msg.transfer.isJournal(abs), msg.transfer.isJournalHint);
  refuseForeignLink(abs);
  const st = statOrUndefined(abs);
  if (st?.isDirectory()) throw new UsageError(msg.transfer.outIsFolder(abs), msg.transfer.outIsFolderHint);
  if (st && !st.isFile()) return { path: abs, direct: true };
  const real = st ? realpathSync(abs) : abs;
  const dir = dirname(real);
  const d = statOrUndefined(dir);
  if (!d || !d.isDirectory()) throw new UsageError(msg.transfer.noFolder(dir), msg.transfer.noFolderHint(dir));
  return { path: real, direct: false };
}

/**
 * Check a file we are about to create: its folder exists, it is not a folder, not the journal,
 * and (unless overwrite) not there yet. Returns the absolute path.
 */
export function checkOutputFile(path: string, o: { journal: string; overwrite: boolean; existsHint?: string }): string {
  const abs = resolve(path);
  if (isJournalPath(abs, o.journal)) throw new UsageError(msg.transfer.isJournal(abs), msg.transfer.isJournalHint);
  refuseForeignLink(abs);
  const dir = dirname(abs);
  const d = statOrUndefined(dir);
  if (!d || !d.isDirectory()) throw new UsageError(msg.transfer.noFolder(dir), msg.transfer.noFolderHint(dir));
  const st = statOrUndefined(abs);
  if (st?.isDirectory()) throw new UsageError(msg.transfer.outIsFolder(abs), msg.transfer.outIsFolderHint);
  if (st && !st.isFile()) throw new UsageError(msg.transfer.notAFile(abs), msg.transfer.isJournalHint);
  if (st && !o.overwrite) throw new UsageError(msg.transfer.backupExists(abs), o.existsHint ?? msg.transfer.backupExistsHint);
  return abs;
}

/** Make a folder (and missing parents) readable by its owner only. Returns true when it was created. */
export function ensurePrivateDir(dir: string): boolean {
  refuseForeignLink(dir);
  const st = statOrUndefined(dir);
  if (st) {
    if (!st.isDirectory()) throw new UsageError(msg.transfer.outIsFile(dir), msg.transfer.splitNeedsOutHint);
    return false;
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700); // mkdir's mode is filtered by the umask
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new UsageError(msg.transfer.outIsFile(dir), msg.transfer.splitNeedsOutHint);
    throw writeFailure(dir, err);
  }
  return true;
}

/** A file being written: nothing appears at `path` until commit(). */
export class AtomicFile {
  readonly tmp: string;
  private fd: number | undefined;

  constructor(readonly path: string, mode = 0o600) {
    this.tmp = tempSibling(path);
    try {
      this.fd = openSync(this.tmp, 'wx', mode);
      fchmodSync(this.fd, mode); // whatever the umask
    } catch (err) {
      this.abort();
      throw writeFailure(path, err);
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error('write after close');
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (err) {
      this.abort();
      throw writeFailure(this.path, err);
    }
  }

  /**
   * Flush, close and move into place. noClobber: fail instead of replacing a file that appeared meanwhile.
   * syncDir false: the caller flushes the folder once after many files (export --split).
   */
  commit(o: { noClobber?: boolean; syncDir?: boolean } = {}): void {
    try {
      if (this.fd !== undefined) {
        fsyncSync(this.fd);
        closeSync(this.fd);
        this.fd = undefined;
      }
      publish(this.tmp, this.path, o.noClobber === true);
    } catch (err) {
      this.abort();
      if (err instanceof UsageError) throw err;
      throw writeFailure(this.path, err);
    }
    if (o.syncDir !== false) fsyncDir(dirname(this.path));
  }

  /** Give up: close and remove the temp file. Safe to call twice. */
  abort(): void {
    if (this.fd !== undefined) {
      try { closeSync(this.fd); } catch { /* already closed */ }
      this.fd = undefined;
    }
    try { unlinkSync(this.tmp); } catch { /* never created, or already moved */ }
  }
}

/**
 * Move a finished temp file to its name. Without clobbering, a hard link makes "create only if absent" atomic;
 * where the file system has no hard links (FAT, some network drives) fall back to check-then-rename.
 */
export function publish(tmp: string, path: string, noClobber: boolean): void {
  if (!noClobber) {
    renameSync(tmp, path);
    return;
  }
  try {
    linkSync(tmp, path);
    unlinkSync(tmp);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(msg.transfer.backupExists(path), msg.transfer.backupExistsHint);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
  }
  if (statOrUndefined(path)) throw new UsageError(msg.transfer.backupExists(path), msg.transfer.backupExistsHint);
  renameSync(tmp, path);
}

/** Write a whole small file atomically, 0600. */
export function writeFileAtomic(path: string, data: string | Uint8Array, o: { syncDir?: boolean } = {}): void {
  const f = new AtomicFile(path);
  f.write(data);
  f.commit(o);
}
