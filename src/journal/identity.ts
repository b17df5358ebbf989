// Is this file a Reframe journal? The one answer that opening (open.ts), `reframe doctor` (inspect.ts) and
// backups and restores (backup.ts) all give, read without changing anything in the file.
import { closeSync, openSync, readSync } from 'node:fs';
import type { DB } from './open';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema-version';
import { isSqliteHeader } from './key-file';

export { isSqliteHeader };

/** Reads the first bytes without changing anything: is this a SQLite file? Throws what reading throws. */
export function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && isSqliteHeader(buf);
  } finally {
    closeSync(fd);
  }
}

/** What a SQLite file says about itself: its schema version, application id, and whether it holds anything. */
export interface JournalFacts {
  version: number;
  appId: number;
  empty: boolean;
}

/** Read from one snapshot: another process may be creating the journal right now. */
export function readFacts(db: DB): JournalFacts {
  return db.transaction(() => ({
    version: db.pragma('user_version', { simple: true }) as number,
    appId: db.pragma('application_id', { simple: true }) as number,
    empty: (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as { n: number }).n === 0,
  }))();
}

/**
 * - `empty`: a SQLite file with nothing in it yet (reframe sets it up on first use; not a backup to restore)
 * - `ours`: a Reframe journal this version can read (perhaps after its migrations)
 * - `too-new`: a Reframe journal from a newer version, which this one must not change
 * - `not-ours`: any other SQLite database, never ours to change
 */
export type JournalKind = 'empty' | 'ours' | 'too-new' | 'not-ours';

export function classifyJournal(f: JournalFacts): JournalKind {
  if (f.version === 0 && f.empty) return 'empty';
  if (f.version === 0 || f.appId !== APPLICATION_ID) return 'not-ours';
  return f.version > SCHEMA_VERSION ? 'too-new' : 'ours';
}
