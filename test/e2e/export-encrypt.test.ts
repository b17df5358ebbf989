// export --encrypt writes one age file (age-encryption.org/v1, passphrase), 0600, with no record text in it;
// import opens it with the same passphrase source and brings back the same records; a wrong passphrase is exit 2
// with nothing written. Plain export of an encrypted journal says, once, that the file is plain text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { SENTINEL, sentinelFlags, sha256 } from '../helpers/faults';

let sb: Sandbox;
let other: Sandbox;
beforeEach(() => { sb = sandbox('reframe-age-'); other = sandbox('reframe-age2-'); });
afterEach(() => { sb.cleanup(); other.cleanup(); });

function keyFile(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, 0o600);
  return p;
}

function ids(s: Sandbox, env: Record<string, string> = {}): string[] {
  const r = run(s, ['export', '--format', 'json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { id?: string; kind?: string }[]).filter((x) => x.kind === undefined || x.kind === 'record').map((x) => x.id!).sort();
}

describe('export --encrypt and import of an age file', () => {
  it('writes an age file 0600 without the sentinel; import with the same passphrase gives the same records', () => {
    const pw = keyFile(sb.dir, 'pw', 'a quiet passphrase\n');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    expect(run(sb, ['new', '--situation', 'second one', '--thought', 'another thought', '--emotion', 'calm:30']).code).toBe(0);
    const out = join(sb.dir, 'journal.json.age');
    const e = run(sb, ['export', '--encrypt', '--format', 'json', '--out', out], { env: { REFRAME_PASSPHRASE_FILE: pw } });
    expect(e.code, e.stderr).toBe(0);
    const raw = readFileSync(out);
    expect(raw.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(raw.includes(Buffer.from(SENTINEL))).toBe(false);
    expect(raw.includes(Buffer.from(SENTINEL.toLowerCase()))).toBe(false);

    const pw2 = keyFile(other.dir, 'pw', 'a quiet passphrase\n');
    const i = run(other, ['--passphrase-file', pw2, 'import', out]);
    expect(i.code, i.stderr).toBe(0);
    expect(ids(other)).toEqual(ids(sb));
    expect(ids(sb).length).toBe(2);
  });

  it('a wrong passphrase is exit 2, one line, and the journal is unchanged', () => {
    const pw = keyFile(sb.dir, 'pw', 'the right one\n');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    const out = join(sb.dir, 'j.age');
    expect(run(sb, ['--passphrase-file', pw, 'export', '--encrypt', '--format', 'jsonl', '--out', out]).code).toBe(0);
    expect(run(other, ['new', '--situation', 'mine', '--thought', 'a thought', '--emotion', 'calm:20']).code).toBe(0);
    const before = sha256(other.db);
    const wrong = keyFile(other.dir, 'wrong', 'not it\n');
    const i = run(other, ['import', out], { env: { REFRAME_PASSPHRASE_FILE: wrong } });
    expect(i.code).toBe(2);
    expect(i.stderr.trim().split('\n').length).toBe(1);
    expect(i.stderr).not.toContain(SENTINEL);
    expect(sha256(other.db)).toBe(before);
    // A fresh place: no journal is created.
    const third = sandbox('reframe-age3-');
    try {
      const t = run(third, ['import', out], { env: { REFRAME_PASSPHRASE_FILE: wrong } });
      expect(t.code).toBe(2);
      expect(existsSync(third.db)).toBe(false);
    } finally { third.cleanup(); }
  });

  it('to a pipe (no --out) writes the age file to stdout; without any passphrase source and no terminal, exit 2', () => {
    const pw = keyFile(sb.dir, 'pw', 'piped\n');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    const r = run(sb, ['export', '--encrypt', '--format', 'csv'], { env: { REFRAME_PASSPHRASE_FILE: pw } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('age-encryption.org/v1\n')).toBe(true);
    expect(r.stdout).not.toContain(SENTINEL);
    const n = run(sb, ['export', '--encrypt', '--format', 'md']);
    expect(n.code).toBe(2);
    expect(n.stdout).toBe('');
  });

  it('a markdown age export given to import gets the error a markdown file gets', () => {
    const pw = keyFile(sb.dir, 'pw', 'md\n');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    const age = join(sb.dir, 'j.md.age');
    const md = join(sb.dir, 'j.md');
    expect(run(sb, ['--passphrase-file', pw, 'export', '--encrypt', '--out', age]).code).toBe(0);
    expect(run(sb, ['export', '--out', md]).code).toBe(0);
    const a = run(other, ['--passphrase-file', pw, 'import', age]);
    const b = run(other, ['import', md]);
    expect(a.code).toBe(b.code);
    expect(a.code).not.toBe(0);
    expect(a.stderr.replaceAll(age, 'F')).toBe(b.stderr.replaceAll(md, 'F'));
  });

  it('a plain export of an encrypted journal to a file says it is plain text', () => {
    const pw = keyFile(sb.dir, 'pw', 'enc\n');
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    expect(run(sb, ['encrypt'], { env }).code).toBe(0);
    expect(run(sb, ['new', ...sentinelFlags()], { env }).code).toBe(0);
    const p = run(sb, ['export', '--format', 'json', '--out', join(sb.dir, 'plain.json')], { env });
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain('plain text');
    const q = run(sb, ['export', '--encrypt', '--format', 'json', '--out', join(sb.dir, 'enc.age')], { env });
    expect(q.code, q.stderr).toBe(0);
    expect(q.stderr).not.toContain('plain text');
  });

  it('is sealed as it is made: many 64 KiB chunks, and opening it gives exactly the plain export, byte for byte', async () => {
    const pw = keyFile(sb.dir, 'pw', 'a quiet passphrase\n');
    const long = 'a long evening of going over it again and again, '.repeat(12);
    const records = Array.from({ length: 400 }, (_, i) => ({
      occurredAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
      situation: `${i} ${long}`, thought: `${SENTINEL} ${i}`, emotions: [{ name: 'anxious', before: 60 }], beliefBefore: 70,
    }));
    const file = join(sb.dir, 'many.json');
    writeFileSync(file, JSON.stringify(records));
    const imp = run(sb, ['import', file]);
    expect(imp.code, imp.stderr).toBe(0);
    for (const format of ['jsonl', 'md']) {
      const plain = run(sb, ['export', '--format', format]);
      expect(plain.code, plain.stderr).toBe(0);
      expect(plain.stdout.length).toBeGreaterThan(4 * 65536);
      const out = join(sb.dir, `many.${format}.age`);
      const e = run(sb, ['export', '--encrypt', '--format', format, '--out', out], { env: { REFRAME_PASSPHRASE_FILE: pw } });
      expect(e.code, e.stderr).toBe(0);
      const raw = readFileSync(out);
      expect(raw.includes(Buffer.from(SENTINEL))).toBe(false);
      const { Decrypter } = await import('age-encryption');
      const d = new Decrypter();
      d.addPassphrase('a quiet passphrase');
      const text = await d.decrypt(new Uint8Array(raw), 'text');
      // The markdown's heading carries the day it was made: the same minute in both.
      expect(text, format).toBe(plain.stdout);
    }
  });
});
