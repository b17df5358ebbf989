// The journal's database handle, as every repository in this folder uses it: statements prepared once per
// process, and the one rule for which errors are about the journal (SQLite's and the file system's) and
// which pass through unchanged.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { DB } from './open';
import { journalFailure } from './open';

/** SQL NULL -> undefined, for optional fields. */
export const n2u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class JournalDb {
  private stmts = new Map<string, Statement>();

  constructor(readonly db: DB, readonly path: string) {}

  close(): void {
    if (this.db.open) this.db.close();
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
