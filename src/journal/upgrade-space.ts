// An old journal on a nearly full disk. An upgrade first writes a copy of the journal
// beside it and then rewrites part of it, so it needs room: about twice the journal's size. That is checked
// before the upgrade starts. Without the room, nothing is written: the journal is read through an upgraded
// copy in memory (the file itself is only read), every reading command works, and a write says why it can't.
//
// Free space comes from statfs. Tests set REFRAME_TEST_FREE_BYTES to pretend a disk is nearly full: a small
// tmpfs would need root (mount) here, and filling a real disk would disturb the machine; the variable only
// ever makes reframe more careful (claiming more room than there is just brings back the disk-full error).
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from './cipher';
import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalError } from '../errors';
import { msg } from '../messages';

export class UpgradeNeedsRoom extends JournalError {
  constructor(readonly path: string, readonly from: number, readonly to: number, readonly need: number, readonly free: number) {
    super(msg.faults.upgradeNoRoom(path, from, to, msg.faults.mb(need), msg.faults.mb(free)), msg.faults.upgradeNoRoomHint);
  }
}

/** Bytes free to this user where the journal lives. */
export function freeBytes(dir: string, env: Record<string, string | undefined> = process.env): number {
  const fake = env.REFRAME_TEST_FREE_BYTES;
  if (fake !== undefined && fake !== '' && Number.isFinite(Number(fake))) return Number(fake);
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return Number.POSITIVE_INFINITY; // can't tell: try, and say so if the disk fills
  }
}

/** What an upgrade of this journal needs: the copy from before, and room for the rewrite (WAL) besides. */
export function upgradeNeed(path: string): number {
  let size = 0;
  for (const f of [path, `${path}-wal`]) {
    try { size += statSync(f).size; } catch { /* not there */ }
  }
  return 2 * size + 1_000_000;
}

/** Throws UpgradeNeedsRoom when the disk can't hold what upgrading this journal needs. */
export function checkUpgradeRoom(path: string, from: number, to: number): void {
  const need = upgradeNeed(path);
  const free = freeBytes(dirname(path));
  if (free < need) throw new UpgradeNeedsRoom(path, from, to, need, free);
}

/**
 * The journal, upgraded in memory: read whole (with what its -wal holds), upgraded there by `migrate`, then
 * made query-only. The file on disk is not written.
 */
export function openUpgradedInMemory(path: string, migrate: (db: Database.Database, version: number) => void, key?: string): Database.Database {
  const src = new Database(path, { readonly: true, fileMustExist: true });
  let buf: Buffer;
  try {
    if (key !== undefined) applyKey(src, key); // an encrypted journal serializes as plain pages, kept in memory only
    buf = src.serialize();
  } finally {
    src.close();
  }
  // A WAL-mode header can't be used in memory: mark it as a rollback-journal database (bytes 18 and 19).
  if (buf.length > 19) { buf[18] = 1; buf[19] = 1; }
  const db = new Database(buf);
  const version = db.pragma('user_version', { simple: true }) as number;
  migrate(db, version);
  db.pragma('query_only = 1');
  return db;
}
