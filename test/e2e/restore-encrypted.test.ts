// backup --restore with encryption (issue 19): an encrypted journal stays encrypted under its own passphrase
// whatever the backup; an encrypted backup never lands in a plain file (a plain journal becomes encrypted with
// the backup's passphrase); a backup made under an older passphrase needs that one (--backup-passphrase-file or
// the prompt). A wrong key is exit 2 in one line with nothing written, and no record text reaches the folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { SENTINEL, sentinelFlags, expectCalm, sha256 } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-restore-enc-'); });
afterEach(() => sb.cleanup());

const PASS = "first 'passphrase'";
const NEWER = 'second passphrase';
const AFTER = 'AFTER-THE-BACKUP-words';

function keyFile(name: string, text: string): string {
  const p = join(sb.dir, name);
  writeFileSync(p, `${text}\n`);
  chmodSync(p, 0o600);
  return p;
}

/** Backups live outside the journal's folder, as a person's backup drive would. */
function backupPath(name: string): string {
  const dir = join(sb.dir, 'drive');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, name);
}

function ok(args: string[], env: Record<string, string> = {}): string {
  const r = run(sb, args, { env });
  expect(`${args[0]} ${args[1] ?? ''}: ${r.stderr}(exit ${r.code})`).toMatch(/\(exit 0\)$/);
  return r.stdout;
}

const encryptedHeader = (p: string) => readFileSync(p).subarray(0, 16).toString('latin1') !== 'SQLite format 3\0';

/** Every file in the journal's folder, byte for byte: the sentinel and the later words, in either case. */
function textOnDisk(): string[] {
  const dir = dirname(sb.db);
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (!statSync(p).isFile()) continue;
    const raw = readFileSync(p);
    for (const s of [SENTINEL, SENTINEL.toLowerCase(), AFTER]) if (raw.includes(Buffer.from(s))) found.push(`${name}: ${s}`);
  }
  return found;
}

function folderState(): Record<string, string> {
  const dir = dirname(sb.db);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) if (!name.endsWith('-shm') && !name.endsWith('-wal')) out[name] = sha256(join(dir, name));
  return out;
}

function privateFiles(): void {
  const dir = dirname(sb.db);
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
}

const stateDir = () => join(sb.env.XDG_STATE_HOME, 'reframe', 'daily');

/** The thoughts in the journal, read with this key. */
function thoughts(env: Record<string, string>, db = sb.db): string[] {
  const out = JSON.parse(ok(['--db', db, 'export', '--format', 'json'], env));
  return out.filter((x: { kind?: string }) => x.kind === undefined || x.kind === 'record').map((r: { thought: string }) => r.thought).sort();
}

describe('backup --restore with encryption', () => {
  it('an encrypted backup into the encrypted journal: the journal as it was kept, encrypted; no text in the folder', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    ok(['encrypt'], env);
    const bak = backupPath('enc.db');
    ok(['backup', bak], env);
    expect(encryptedHeader(bak)).toBe(true);
    ok(['new', '--situation', AFTER, '--thought', `${AFTER} thought`, '--belief', '50', '--emotion', 'sad:50'], env);

    const r = run(sb, ['backup', '--restore', bak, '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Restored 1 record from /);
    expect(r.stderr).toMatch(/Your journal as it was is kept at .*before-restore-/);
    expect(encryptedHeader(sb.db)).toBe(true);
    expect(thoughts(env)).toEqual([`${SENTINEL} thought`]);
    // The journal as it was (with the later record) is kept beside it, encrypted with the same key.
    const kept = join(dirname(sb.db), readdirSync(dirname(sb.db)).find((n) => n.includes('.before-restore-'))!);
    expect(encryptedHeader(kept)).toBe(true);
    expect(thoughts(env, kept)).toEqual([`${AFTER} thought`, `${SENTINEL} thought`]);
    expect(textOnDisk()).toEqual([]);
    privateFiles();
    // The state file for cron follows: one record now.
    const state = JSON.parse(readFileSync(join(stateDir(), readdirSync(stateDir())[0]), 'utf8'));
    expect(state.records).toBe(1);
    expect(JSON.stringify(state)).not.toContain('SENTINEL');
  });

  it('a backup made under an older passphrase: refused in one line with nothing written, then restored with --backup-passphrase-file; the journal keeps its current key', () => {
    const old = keyFile('old', PASS);
    const now = keyFile('now', NEWER);
    ok(['new', ...sentinelFlags()]);
    ok(['--passphrase-file', old, 'encrypt']);
    const bak = backupPath('old.db');
    ok(['--passphrase-file', old, 'backup', bak]);
    ok(['--passphrase-file', old, 'passphrase', '--new-passphrase-file', now]);
    ok(['new', '--situation', AFTER, '--thought', `${AFTER} thought`, '--belief', '50', '--emotion', 'sad:50'], { REFRAME_PASSPHRASE_FILE: now });

    const before = folderState();
    const r = run(sb, ['--passphrase-file', now, 'backup', '--restore', bak, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/doesn't open the backup .*--backup-passphrase-file\)\. Nothing was changed\./);
    expectCalm(r, 'restore');
    expect(folderState()).toEqual(before);

    // A wrong --backup-passphrase-file: the same, nothing written.
    const wrong = run(sb, ['--passphrase-file', now, 'backup', '--restore', bak, '--yes', '--backup-passphrase-file', keyFile('x', 'not it')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(folderState()).toEqual(before);

    const good = run(sb, ['--passphrase-file', now, 'backup', '--restore', bak, '--yes', '--backup-passphrase-file', old]);
    expect(good.code, good.stderr).toBe(0);
    expect(thoughts({ REFRAME_PASSPHRASE_FILE: now })).toEqual([`${SENTINEL} thought`]);
    // Still under its current passphrase, not the backup's.
    const withOld = run(sb, ['--passphrase-file', old, 'list']);
    expect(withOld.code).toBe(2);
    expect(textOnDisk()).toEqual([]);
    privateFiles();
  });

  it('a plain backup into an encrypted journal: the journal stays encrypted under its key', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    const bak = backupPath('plain.db');
    ok(['backup', bak]);
    expect(encryptedHeader(bak)).toBe(false);
    ok(['encrypt'], env);
    ok(['new', '--situation', AFTER, '--thought', `${AFTER} thought`, '--belief', '50', '--emotion', 'sad:50'], env);

    const r = run(sb, ['backup', '--restore', bak, '--yes', '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ records: 1, encrypted: true });
    expect(encryptedHeader(sb.db)).toBe(true);
    expect(thoughts(env)).toEqual([`${SENTINEL} thought`]);
    expect(textOnDisk()).toEqual([]);
    privateFiles();
    // Every command still works on it, and `doctor` finds it sound.
    ok(['new', '--situation', 'and after', '--thought', 'later', '--belief', '40', '--emotion', 'calm:20'], env);
    expect(ok(['doctor'], env)).toMatch(/encrypted \(SQLCipher 4\)/);
    expect(textOnDisk()).toEqual([]);
  });

  it('an encrypted backup into a plain journal: the journal becomes encrypted, with the backup\'s passphrase, and says so', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    ok(['encrypt'], env);
    const bak = backupPath('enc.db');
    ok(['backup', bak], env);
    ok(['decrypt'], env);
    expect(encryptedHeader(sb.db)).toBe(false);
    ok(['new', '--situation', AFTER, '--thought', `${AFTER} thought`, '--belief', '50', '--emotion', 'sad:50']);

    const r = run(sb, ['backup', '--restore', bak, '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Your journal is encrypted now, with the backup's passphrase/);
    expect(encryptedHeader(sb.db)).toBe(true);
    expect(thoughts(env)).toEqual([`${SENTINEL} thought`]);
    const kept = join(dirname(sb.db), readdirSync(dirname(sb.db)).find((n) => n.includes('.before-restore-'))!);
    expect(encryptedHeader(kept)).toBe(true);
    expect(thoughts(env, kept)).toEqual([`${AFTER} thought`, `${SENTINEL} thought`]);
    // No words in the clear anywhere in the folder, the plain journal's included.
    expect(textOnDisk()).toEqual([]);
    privateFiles();
    expect(readdirSync(stateDir())).toHaveLength(1);
  });

  it('an encrypted backup with no key and no terminal: exit 2 naming --backup-passphrase-file, nothing written', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    ok(['encrypt'], env);
    const bak = backupPath('enc.db');
    ok(['backup', bak], env);
    ok(['decrypt'], env);
    const before = folderState();
    const r = run(sb, ['backup', '--restore', bak, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--backup-passphrase-file/);
    expectCalm(r, 'restore');
    expect(folderState()).toEqual(before);
  });

  it('a wrong passphrase for the encrypted journal: exit 2 in one line, nothing written', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    ok(['encrypt'], env);
    const bak = backupPath('enc.db');
    ok(['backup', bak], env);
    const before = folderState();
    const r = run(sb, ['--passphrase-file', keyFile('bad', 'not it'), 'backup', '--restore', bak, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/passphrase doesn't open the journal/);
    expectCalm(r, 'restore');
    expect(folderState()).toEqual(before);
  });

  it('an encrypted backup where there is no journal yet: the journal is made encrypted with its key', () => {
    const env = { REFRAME_PASSPHRASE_FILE: keyFile('pw', PASS) };
    ok(['new', ...sentinelFlags()]);
    ok(['encrypt'], env);
    const bak = backupPath('enc.db');
    ok(['backup', bak], env);
    const fresh = join(sb.dir, 'other', 'journal.db');
    const r = run(sb, ['--db', fresh, 'backup', '--restore', bak, '--yes'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(encryptedHeader(fresh)).toBe(true);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(fresh)).mode & 0o777).toBe(0o700);
    expect(thoughts(env, fresh)).toEqual([`${SENTINEL} thought`]);
    for (const name of readdirSync(dirname(fresh))) expect(readFileSync(join(dirname(fresh), name)).includes(Buffer.from(SENTINEL))).toBe(false);
    expect(existsSync(join(dirname(fresh), 'journal.db-journal'))).toBe(false);
  });
});
