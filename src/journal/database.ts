// The journal's database handle, as every repository in this folder uses it: statements prepared once per
// process, and the one rule for which errors are about the journal (SQLite's and the file system's) and
// which pass through unchanged.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { DB } from './open';
import { journalFailure } from './open';
import { statSync } from 'node:fs';
import { JournalError } from '../errors';
import { msg } from '../messages';

/** SQL NULL -> undefined, for optional fields. */
export const n2u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** Which file is at `path` now (device and inode), or undefined when there is none (or it is in memory). */
function fileAt(path: string): string | undefined {
  if (path === ':memory:') return undefined;
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/** Thrown inside a write transaction when the journal's path holds another file now (the transaction rolls back). */
export class JournalReplaced extends Error {
  constructor() {
    super('the journal file was replaced');
    this.name = 'JournalReplaced';
  }
}

export class JournalDb {
  private stmts = new Map<string, Statement>();
  /** The file this connection has open (device and inode), as it was at the open. */
  private file: string | undefined;
  /** Opens the journal's path again (runtime.ts gives it: the key, the prompt); none: a replaced file is an error. */
  reopen: (() => DB) | undefined;

  constructor(public db: DB, readonly path: string) {
    this.file = fileAt(path);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Inside a write transaction (the write lock held): is the file at the journal's path still the one this
   * connection has open? `encrypt`, `decrypt` and `passphrase` replace the file with a checked copy by rename;
   * a save through the old connection would go to the old file, which nothing reads any more.
   */
  checkSameFile(): void {
    if (this.file === undefined) return;
    const now = fileAt(this.path);
    if (now !== undefined && now !== this.file) throw new JournalReplaced();
  }

  /** After JournalReplaced: this connection closed, the path opened again (reopen), statements made anew. */
  reconnect(): void {
    if (!this.reopen) throw new JournalError(msg.errors.journalReplaced(this.path), msg.errors.journalReplacedHint);
    // The old connection goes first: closing it makes SQLite remove "<journal>-wal" by its name, and from now on
    // that name is the new file's. (encrypt, decrypt and passphrase removed the old one before the switch.)
    try { this.db.close(); } catch { /* the old file's connection: nothing of it is needed */ }
    this.stmts.clear(); // the old connection's statements, even if the reopen below fails
    this.db = this.reopen();
    this.file = fileAt(this.path);
  }

  /** A prepared statement, made once per process. */
  stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  /**
   * An error from a read or a write, as the person should hear it. SQLite's own errors and file-system errors
   * are about the journal; anything else (a UsageError, a bug, a worker thread out of memory) passes through
   * unchanged, so nobody is told to restore a journal that is fine.
   */
  failure(err: unknown): unknown {
    if (err instanceof Error && (err.name === 'SqliteError' || (err as NodeJS.ErrnoException).syscall)) return journalFailure(this.path, err);
    return err;
  }

  /** Run a read; SQLite errors become plain JournalErrors. */
  read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      throw this.failure(err);
    }
  }
}
