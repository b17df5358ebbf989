// An encrypted journal (issue 19): every command works through a passphrase file, no record text ever reaches
// the disk in the clear, a wrong or missing key is exit 2 with nothing written, and the file opens elsewhere
// with the three documented SQLCipher 4 pragmas.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { SENTINEL, sentinelFlags, expectCalm, sha256 } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-enc-'); });
afterEach(() => sb.cleanup());

const PASS = "correct horse 'battery' staple";

function keyFile(name: string, text: string, mode = 0o600): string {
  const p = join(sb.dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

/** Every file in the journal's folder, searched byte for byte for the sentinel (either case). */
function sentinelOnDisk(): string[] {
  const dir = dirname(sb.db);
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (!statSync(p).isFile()) continue;
    const raw = readFileSync(p);
    if (raw.includes(Buffer.from(SENTINEL)) || raw.includes(Buffer.from(SENTINEL.toLowerCase()))) found.push(name);
  }
  return found;
}

function folderState(): Record<string, string> {
  const dir = dirname(sb.db);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = sha256(join(dir, name));
  return out;
}

function header(path: string): string {
  return readFileSync(path).subarray(0, 16).toString('latin1');
}

describe('an encrypted journal', () => {
  it('starts encrypted, and new, list, show, stats, export, backup, doctor work with a passphrase file; no sentinel on disk', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    const enc = run(sb, ['encrypt'], { env });
    expect(enc.code, enc.stderr).toBe(0);
    expect(header(sb.db)).not.toBe('SQLite format 3\0');
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(sb.db)).mode & 0o777).toBe(0o700);

    const steps: string[][] = [
      ['new', ...sentinelFlags()],
      ['list'],
      ['stats'],
      ['export', '--format', 'json'],
      ['backup', join(dirname(sb.db), 'copy.db')],
      ['doctor'],
    ];
    let id = '';
    for (const args of steps) {
      const r = run(sb, args, { env });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      if (args[0] === 'new') id = r.stdout.trim();
      if (args[0] === 'list' || args[0] === 'export') expect(r.stdout).toContain(SENTINEL);
      if (args[0] === 'doctor') expect(r.stdout).toMatch(/REFRAME_PASSPHRASE_FILE file/);
      expect(sentinelOnDisk(), args[0]).toEqual([]);
    }
    const show = run(sb, ['--passphrase-file', pw, 'show', id]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`${SENTINEL} thought`);
    expect(sentinelOnDisk()).toEqual([]);
    const doc = run(sb, ['--passphrase-file', pw, 'doctor']);
    expect(doc.stdout).toMatch(/--passphrase-file file/);

    // The backup is encrypted with the same key, and reads back through it.
    const copy = join(dirname(sb.db), 'copy.db');
    expect(header(copy)).not.toBe('SQLite format 3\0');
    const back = run(sb, ['--db', copy, 'list'], { env });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(id);
  });

  it('opens with the engine alone and the three documented pragmas', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    run(sb, ['new', ...sentinelFlags()]);
    expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
    const db = new Database(sb.db, { readonly: true });
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = '${PASS.replace(/'/g, "''")}'`);
    const rows = db.prepare('SELECT thought FROM records').pluck().all();
    db.close();
    expect(rows).toEqual([`${SENTINEL} thought`]);
  });

  it('a wrong passphrase is exit 2 in one line, and nothing is written', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    run(sb, ['new', ...sentinelFlags()]);
    expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
    const before = folderState();
    const bad = keyFile('bad', 'not it\n');
    for (const args of [['list'], ['new', ...sentinelFlags()], ['doctor']]) {
      const r = run(sb, ['--passphrase-file', bad, ...args]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/passphrase doesn't open/);
      expect(r.stderr).not.toContain(SENTINEL);
      expectCalm(r, args[0]);
      expect(folderState()).toEqual(before);
    }
  });

  it('refuses a passphrase file others can read; without a key and a terminal, names REFRAME_PASSPHRASE_FILE', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
    const loose = keyFile('loose', `${PASS}\n`, 0o644);
    for (const r of [run(sb, ['--passphrase-file', loose, 'list']), run(sb, ['list'], { env: { REFRAME_PASSPHRASE_FILE: loose } })]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/chmod 600/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    if (process.getuid?.() === 0) {
      // Root can hand the file to someone else: a passphrase file that is not yours is refused too.
      const theirs = keyFile('theirs', `${PASS}\n`);
      chownSync(theirs, 4321, 4321);
      const r = run(sb, ['--passphrase-file', theirs, 'list']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/belongs to another user/);
    }
    const folderKey = run(sb, ['--passphrase-file', sb.dir, 'list']);
    expect(folderKey.code).toBe(2);
    expect(folderKey.stderr).toMatch(/not a regular file/);
    const none = run(sb, ['list']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/REFRAME_PASSPHRASE_FILE/);
    expectCalm(none, 'list');
  });

  it('encrypt twice and decrypt of a plain journal are exit 2; passphrase changes the key; decrypt brings the plain file back', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    const pw2 = keyFile('pw2', 'a new one\n');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    const plain = run(sb, ['decrypt']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/not encrypted/);
    expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
    const twice = run(sb, ['--passphrase-file', pw, 'encrypt']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/encrypted already/);
    const re = run(sb, ['--passphrase-file', pw, 'passphrase', '--new-passphrase-file', pw2]);
    expect(re.code, re.stderr).toBe(0);
    expect(run(sb, ['--passphrase-file', pw, 'list']).code).toBe(2);
    expect(run(sb, ['--passphrase-file', pw2, 'list']).stdout).toContain(SENTINEL);
    expect(sentinelOnDisk()).toEqual([]);
    const dec = run(sb, ['--passphrase-file', pw2, 'decrypt']);
    expect(dec.code, dec.stderr).toBe(0);
    expect(header(sb.db)).toBe('SQLite format 3\0');
    const list = run(sb, ['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(SENTINEL);
    const doc = run(sb, ['doctor']);
    expect(doc.stdout).toMatch(/not encrypted/);
    expect(readdirSync(dirname(sb.db)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('sync between two encrypted journals with the same passphrase: the records travel, the folder holds no sentinel', () => {
    const pw = keyFile('pw', `${PASS}\n`);
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    const a = join(sb.dir, 'a', 'a.db');
    const b = join(sb.dir, 'b', 'b.db');
    const folder = join(sb.dir, 'Sync');
    const rr = (db: string, args: string[]) => {
      const r = run(sb, ['--db', db, ...args], { env });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    rr(a, ['encrypt']);
    rr(b, ['encrypt']);
    const id = rr(a, ['new', ...sentinelFlags()]).stdout.trim();
    rr(a, ['sync', 'init', folder]);
    rr(b, ['sync', 'init', folder]);
    rr(a, ['sync']);
    rr(b, ['sync']);
    expect(rr(b, ['list']).stdout).toContain(id);
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const leaks = walk(folder).filter((f) => { const raw = readFileSync(f); return raw.includes(Buffer.from(SENTINEL)) || raw.includes(Buffer.from(SENTINEL.toLowerCase())); });
    expect(leaks).toEqual([]);
  });
});
