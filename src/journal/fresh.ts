// A new journal built whole before anyone can see it (import, when there is no journal yet): the records go into
// a private file beside the journal's path, which is linked into place only once they are all in, checked and on
// disk. So a bad file (found at its last record) or a crash half-way leaves no journal behind, and the records
// are read and checked once, as they are saved, instead of in a first pass over the whole file.
// While it is private the file keeps a rollback journal (each page written once; WAL would write each twice),
// with synchronous = FULL as always; it becomes a WAL journal before it is published.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { JournalError } from '../errors';
import { fsyncDir } from '../fsutil';
import { Journal } from './journal';
import { journalFailure, openDatabase, type DB } from './open';

const SIDES = ['', '-journal', '-wal', '-shm'];

function tempName(path: string, pid: number): string {
  return join(dirname(path), `.${basename(path)}.import-${pid}.tmp`);
}

function removeFile(p: string): void {
  for (const side of SIDES) {
    try { unlinkSync(p + side); } catch { /* not there */ }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove what a killed import left beside the journal (its private file holds records: it must not linger).
 * A file of a process still running is left alone.
 */
export function removeStaleImports(path: string): void {
  for (const p of staleImports(path, true)) {
    try { unlinkSync(p); } catch { /* another process removed it */ }
  }
}

/**
 * Files a killed import left beside the journal at `path` (those of a process still running are not stale).
 * `sides`: also their -journal, -wal and -shm files; without, only the private journal files themselves.
 */
export function staleImports(path: string, sides = false): string[] {
  if (path === ':memory:') return [];
  const base = basename(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  const prefix = `.${base}.import-`;
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.tmp(-journal|-wal|-shm)?$/.exec(name.slice(prefix.length));
    if (!m || (m[2] && !sides)) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || !alive(pid)) out.push(join(dirname(path), name));
  }
  return out;
}

export type Built<T> = { published: true; value: T } | { published: false; value: T; exists: boolean };

/**
 * Build a new journal at `path` with fill (which writes into it and says whether to keep it), then publish it.
 * Not published: fill said no, or a journal appeared at `path` meanwhile (exists: true; the caller imports into
 * that one instead). Throws what fill throws, leaving nothing behind.
 */
export async function buildNewJournal<T>(path: string, fill: (j: Journal) => Promise<{ keep: boolean; value: T }>): Promise<Built<T>> {
  const dir = dirname(path);
  const madeFolders: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) madeFolders.unshift(d);
  const tmp = tempName(path, process.pid);
  removeFile(tmp);
  let journal: Journal | undefined;
  const discard = () => {
    journal?.close();
    removeFile(tmp);
    for (const d of [...madeFolders].reverse()) {
      try { rmdirSync(d); } catch { /* not empty, or not ours to remove */ }
    }
  };
  try {
    const db = openPrivate(tmp, path);
    db.pragma('journal_mode = DELETE');
    journal = new Journal(db, path); // messages name the journal, not the private file
    const { keep, value } = await fill(journal);
    if (!keep) {
      discard();
      return { published: false, value, exists: existsSync(path) };
    }
    try {
      db.pragma('journal_mode = WAL');
    } catch (err) {
      throw journalFailure(path, err);
    }
    journal.close();
    const fd = openSync(tmp, 'r+');
    try { fsyncSync(fd); } finally { closeSync(fd); }
    if (place(tmp, path) !== 'placed') {
      // Taken meanwhile, or a file system without hard links (which can't put a file in place without a moment
      // where it could replace a journal another reframe just made): the caller imports into the journal at
      // `path` the ordinary way, in one transaction; the file is known to be good by now.
      discard();
      return { published: false, value, exists: true };
    }
    fsyncDir(dir);
    removeFile(tmp);
    return { published: true, value };
  } catch (err) {
    discard();
    throw err;
  }
}

/** Open (create) the private file; what goes wrong is said about the journal's path, where the person looks. */
function openPrivate(tmp: string, path: string): DB {
  try {
    return openDatabase(tmp);
  } catch (err) {
    if (!(err instanceof JournalError)) throw err;
    const about = (s: string) => s.split(tmp).join(path);
    throw new JournalError(about(err.message), err.hint === undefined ? undefined : about(err.hint));
  }
}

/** Put tmp at path unless something is there already ('taken'), or say the file system has no hard links. */
function place(tmp: string, path: string): 'placed' | 'taken' | 'no-links' {
  try {
    linkSync(tmp, path);
    return 'placed';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'taken';
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return 'no-links';
    throw journalFailure(path, err);
  }
}
