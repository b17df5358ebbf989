// The key of an encrypted journal derived ahead, on Node's thread pool, while the program loads (cipher.ts
// deriveAhead, journal/key-ahead.ts): the open then gives SQLCipher the raw key and salt. What matters: it is the
// same key (what one way writes the other reads), a wrong passphrase still fails as wrong, and a derivation made
// for another file, another salt or another passphrase is never used.
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { applyKey, derivedAheadReady, deriveAhead, isNotADb, useSqlcipher } from '../../src/journal/cipher';
import { deriveKeyAhead } from '../../src/journal/key-ahead';

const dir = mkdtempSync(join(tmpdir(), 'reframe-key-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A new encrypted database at `path` under `passphrase` (SQLite derives the key), with one row. */
function makeEncrypted(path: string, passphrase: string, value: string): void {
  const db = new Database(path);
  useSqlcipher(db);
  db.pragma(`key = '${passphrase}'`);
  db.exec(`CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('${value}')`);
  db.close();
}

/** Opens `path` through applyKey, noting whether the key pragma was a raw key. */
function openWith(path: string, passphrase: string) {
  const db = new Database(path);
  const pragmas: string[] = [];
  const real = db.pragma.bind(db);
  (db as unknown as { pragma: typeof db.pragma }).pragma = ((source: string, options?: object) => {
    pragmas.push(source);
    return real(source, options as never);
  }) as typeof db.pragma;
  applyKey(db, passphrase);
  const raw = pragmas.some((p) => p.startsWith(`key = "x'`) && /^key = "x'[0-9a-f]{96}'"$/.test(p));
  return { db, raw };
}

/** Reads with SQLite's own derivation from the passphrase, never a key derived ahead. */
function readWithPassphrase(path: string, passphrase: string): string[] {
  const db = new Database(path);
  try {
    useSqlcipher(db);
    db.pragma(`key = '${passphrase}'`);
    return (db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

describe('a key derived ahead', () => {
  it('opens the journal as the passphrase does, and what it writes the passphrase reads', async () => {
    const path = join(dir, 'one.db');
    makeEncrypted(path, 'tide and moon', 'first');
    deriveAhead(path, 'tide and moon');
    await derivedAheadReady();
    const { db, raw } = openWith(path, 'tide and moon');
    expect(raw).toBe(true);
    expect(db.prepare('SELECT v FROM t').pluck().get()).toBe('first');
    db.prepare('INSERT INTO t VALUES (?)').run('second');
    db.close();
    expect(readWithPassphrase(path, 'tide and moon')).toEqual(['first', 'second']);
  });

  it('made from a wrong passphrase fails as a wrong passphrase does', async () => {
    const path = join(dir, 'wrong.db');
    makeEncrypted(path, 'right one', 'x');
    deriveAhead(path, 'not the right one');
    await derivedAheadReady();
    const { db, raw } = openWith(path, 'not the right one');
    expect(raw).toBe(true);
    let err: unknown;
    try {
      db.prepare('SELECT v FROM t').get();
    } catch (e) {
      err = e;
    }
    db.close();
    expect(isNotADb(err)).toBe(true);
  });

  it('is not used for another passphrase, or once the file is another (a new salt)', async () => {
    const path = join(dir, 'swap.db');
    makeEncrypted(path, 'same words', 'old');
    deriveAhead(path, 'same words');
    await derivedAheadReady();
    const other = openWith(path, 'other words');
    expect(other.raw).toBe(false);
    other.db.close();
    // Replaced by another encrypted file under the same passphrase: its salt differs, so SQLite derives.
    const fresh = join(dir, 'fresh.db');
    makeEncrypted(fresh, 'same words', 'new');
    copyFileSync(fresh, path);
    const { db, raw } = openWith(path, 'same words');
    expect(raw).toBe(false);
    expect(db.prepare('SELECT v FROM t').pluck().get()).toBe('new');
    db.close();
  });
});

describe('deriveKeyAhead, from the command line and the environment', () => {
  it('starts for an encrypted journal named by --db with a private passphrase file, and only then', async () => {
    const path = join(dir, 'cli.db');
    makeEncrypted(path, 'quiet harbour', 'v');
    const file = join(dir, 'pass');
    writeFileSync(file, 'quiet harbour\n', { mode: 0o600 });
    deriveKeyAhead(['list', '--db', path, '--passphrase-file', file], {});
    await derivedAheadReady();
    const viaFlag = openWith(path, 'quiet harbour');
    expect(viaFlag.raw).toBe(true);
    viaFlag.db.close();

    // The same through the environment, with --db=PATH.
    const path2 = join(dir, 'env.db');
    makeEncrypted(path2, 'quiet harbour', 'v');
    deriveKeyAhead([`--db=${path2}`, 'stats'], { REFRAME_PASSPHRASE_FILE: file });
    await derivedAheadReady();
    const viaEnv = openWith(path2, 'quiet harbour');
    expect(viaEnv.raw).toBe(true);
    viaEnv.db.close();

    // A passphrase file others can read is refused by the open (with its own message): nothing is derived from it.
    const path3 = join(dir, 'loose.db');
    makeEncrypted(path3, 'open window', 'v');
    const loose = join(dir, 'loose-pass');
    writeFileSync(loose, 'open window\n');
    chmodSync(loose, 0o644);
    deriveKeyAhead(['list', '--db', path3, '--passphrase-file', loose], {});
    await derivedAheadReady();
    const refused = openWith(path3, 'open window');
    expect(refused.raw).toBe(false);
    refused.db.close();

    // A plain journal, or none: nothing to derive, and nothing is said.
    expect(() => deriveKeyAhead(['list', '--db', join(dir, 'none.db'), '--passphrase-file', file], {})).not.toThrow();
  });
});
