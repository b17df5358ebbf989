// Hostile files: import refuses devices and files past its size cap, reads a named
// pipe once (with its writer's data), names non-UTF-8 input for what it is; export and backup never write
// through a link another user planted in a shared folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, lchownSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync, chmodSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { STACK } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const rec = (i: number) => JSON.stringify({ id: `01JD7X4Q9V6M2W8K3T5R${String(i).padStart(6, '0')}`, createdAt: '2026-11-20T20:00:00.000Z', situation: `s${i}`, thought: 't', emotions: [{ name: 'sad', before: 50 }] });

function refused(r: ReturnType<typeof run>, re: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

describe('import: sizes, devices, pipes, encodings', () => {
  it('refuses /dev/zero and /dev/urandom at once', () => {
    for (const dev of ['/dev/zero', '/dev/urandom']) {
      const t0 = Date.now();
      refused(run(sb, ['import', dev], { timeoutMs: 20_000 }), /is not a file \(a device or a folder\)/);
      expect(Date.now() - t0).toBeLessThan(15_000);
    }
    refused(run(sb, ['import', sb.dir]), /is not a file/);
  });

  it('refuses a file past the cap without reading it; --max-size lifts the cap', () => {
    const big = join(sb.dir, 'sparse.jsonl');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1024 ** 3); // 1 GB, sparse
    closeSync(fd);
    refused(run(sb, ['import', big]), /larger than 256 MB, the most import reads/);
    const small = join(sb.dir, 'small.jsonl');
    writeFileSync(small, Array.from({ length: 50 }, (_, i) => rec(i)).join('\n'));
    refused(run(sb, ['import', small, '--max-size', '1K']), /larger than 1 KB/);
    expect(run(sb, ['import', small, '--max-size', '1M']).code).toBe(0);
    refused(run(sb, ['import', small, '--max-size', 'lots']), /--max-size takes a size/);
    refused(run(sb, ['import', '-', '--max-size', '1K'], { input: Array.from({ length: 50 }, (_, i) => rec(i)).join('\n') }), /standard input is larger/);
  });

  it('reads a named pipe once, with what its writer wrote', async () => {
    const fifo = join(sb.dir, 'in.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const p = spawn(process.execPath, [BIN, 'import', fifo], { env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const exit = new Promise<number | null>((resolve) => p.on('exit', resolve));
    writeFileSync(fifo, Array.from({ length: 3 }, (_, i) => rec(i)).join('\n') + '\n');
    const code = await Promise.race([exit, new Promise<string>((r) => setTimeout(() => r('hung'), 20_000))]);
    if (code === 'hung') p.kill('SIGKILL');
    expect(code, err).toBe(0);
    expect(err).toMatch(/Added 3 records/);
  });

  it('says what non-UTF-8 input is', () => {
    const f = (name: string, b: Buffer) => { const p = join(sb.dir, name); writeFileSync(p, b); return p; };
    refused(run(sb, ['import', f('u16.json', Buffer.from('\ufeff[]', 'utf16le'))]), /is UTF-16 text; import reads UTF-8/);
    refused(run(sb, ['import', f('bin.json', Buffer.from([0x5b, 0, 0, 0x5d]))]), /not a text file \(it holds a NUL byte at byte 1\)/);
    refused(run(sb, ['import', f('latin1.jsonl', Buffer.concat([Buffer.from(rec(1) + '\n'), Buffer.from('{"situation":"caf\xe9"}', 'latin1')]))]),
      /not UTF-8 text \(the bytes at byte \d+, line 2, are not valid UTF-8\)/);
  });
});

describe('a link another user planted in a shared folder', () => {
  it.runIf(process.getuid?.() === 0)('export --out and backup refuse to write through it; the victim file is untouched', () => {
    expect(run(sb, recordArgs()).code).toBe(0);
    const shared = join(sb.dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    const victim = join(sb.dir, 'bashrc');
    writeFileSync(victim, 'export PS1=mine\n');
    const targets: [string, string[]][] = [
      ['out.json', ['export', '--format', 'json', '--out']],
      ['out.md', ['export', '--out']],
      ['copy.db', ['backup', '--force']],
      ['notes', ['export', '--split', '--out']],
    ];
    for (const [name, args] of targets) {
      const link = join(shared, name);
      symlinkSync(name === 'notes' ? sb.dir : victim, link);
      lchownSync(link, 65534, 65534); // nobody's link
      const r = run(sb, [...args, link]);
      refused(r, /is a link another user made in a shared folder, so reframe won't write through it/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('export PS1=mine\n');
    // Our own link is followed as before.
    const mine = join(shared, 'mine.json');
    symlinkSync(join(sb.dir, 'real.json'), mine);
    writeFileSync(join(sb.dir, 'real.json'), '');
    expect(run(sb, ['export', '--format', 'json', '--out', mine]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(sb.dir, 'real.json'), 'utf8'))).toHaveLength(1);
  });
});
