// `backup --restore` under other writers. The before-restore copy and the swap are two
// SQLite steps, and a save landing between them would be in neither. So a restore first takes the journal's
// write lock, leaves a marker beside the journal (`journal.db.restoring`, holding its pid) and lets the lock
// go; every write (Journal.write/writeAsync) looks for the marker once it holds the write lock itself, and a
// writer that finds it rolls back, waits until the restore is over, and tries again: its record then goes
// into the restored journal. Because the marker is made under the write lock and checked under it, no write
// can commit between the copy and the swap. A marker whose restore was killed (its pid is gone) is removed.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DB } from './open';

export function restoreMarker(journalPath: string): string {
  return `${journalPath}.restoring`;
}

/** Thrown inside a write transaction when a restore is under way (the transaction rolls back). */
export class RestoreUnderWay extends Error {
  constructor() {
    super('a restore is under way');
    this.name = 'RestoreUnderWay';
  }
}

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long an empty marker counts as a restore starting (older than that, it was killed right then). */
export const EMPTY_MARKER_MS = 5000;

/** The pid of the restore under way, or undefined (a marker left by a killed restore is removed). */
export function restoreUnderWay(journalPath: string): number | undefined {
  if (journalPath === ':memory:') return undefined;
  const marker = restoreMarker(journalPath);
  let text: string;
  try {
    text = readFileSync(marker, 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  if (pid === process.pid) return undefined; // the restore itself
  if (pidAlive(pid)) return pid;
  if (text.trim() === '') {
    // Made a moment ago, the pid not written yet: a restore is starting (unless it was killed right then).
    try { if (Date.now() - statSync(marker).mtimeMs < EMPTY_MARKER_MS) return -1; } catch { return undefined; }
  }
  try { unlinkSync(marker); } catch { /* another reframe removed it */ }
  return undefined;
}

/** Inside a write transaction: refuse to write while a restore is under way. */
export function checkNoRestore(journalPath: string): void {
  if (restoreUnderWay(journalPath) !== undefined) throw new RestoreUnderWay();
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** How long a writer waits for a restore to finish before saying the journal is busy. */
export const RESTORE_WAIT_MS = 10 * 60_000;

/** Run a write, and again after the restore it met is over (sync). */
export function retryAfterRestore<T>(journalPath: string, fn: () => T): T {
  const until = Date.now() + RESTORE_WAIT_MS;
  for (;;) {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof RestoreUnderWay) || Date.now() > until) throw err;
      while (restoreUnderWay(journalPath) !== undefined && Date.now() < until) sleep(50);
    }
  }
}

/** The same for an asynchronous write. */
export async function retryAfterRestoreAsync<T>(journalPath: string, fn: () => Promise<T>): Promise<T> {
  const until = Date.now() + RESTORE_WAIT_MS;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof RestoreUnderWay) || Date.now() > until) throw err;
      while (restoreUnderWay(journalPath) !== undefined && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Begin a restore: under the journal's write lock (waiting for a writer that holds it to commit), make the
 * marker. Returns the function that ends it. Throws SQLITE_BUSY as a write would.
 */
export function beginRestore(db: DB, journalPath: string): () => void {
  const marker = restoreMarker(journalPath);
  db.exec('BEGIN IMMEDIATE');
  try {
    try {
      placeMarker(marker);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || restoreUnderWay(journalPath) !== undefined) throw err;
      placeMarker(marker); // the old one was a killed restore's, now removed
    }
  } finally {
    db.exec('ROLLBACK');
  }
  return () => { try { unlinkSync(marker); } catch { /* gone already */ } };
}

/**
 * Make the marker with the pid already in it: written to a temp file first (named as every temp file is, so the
 * next run sweeps it if this one is killed), then linked into place, which fails if a marker is there. A kill
 * at any moment leaves no marker or a whole one, never an empty one that would look like a restore starting.
 * Where the file system has no hard links, the marker is made in place and written (the empty-marker rule in
 * restoreUnderWay covers the moment between).
 */
function placeMarker(marker: string): void {
  const tmp = join(dirname(marker), `.${basename(marker)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, String(process.pid), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, marker);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
    const fd = openSync(marker, 'wx', 0o600);
    try { writeSync(fd, String(process.pid)); } finally { closeSync(fd); }
  } finally {
    try { unlinkSync(tmp); } catch { /* gone */ }
  }
}
