// Standard output and error on a pipe or a file are written without Node's streams (src/io/std-output.ts): what
// the streams did for us must still happen. A pipe someone left non-blocking fills up and still gets every byte, in
// order; a write the file refuses is one line and exit 1; and a command whose output goes to pipes never loads
// Node's stream and socket modules (the ~7 ms of every start this saves).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { STACK } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

describe('standard output written directly', () => {
  // F_SETPIPE_SZ (a 4 KB pipe) is Linux's.
  it.skipIf(process.platform !== 'linux')('a non-blocking pipe that fills up still gets all of the output, in order', () => {
    const expected = run(sb, ['distortions', 'list', '--json']);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(16_384);
    // The pipe is made 4 KB and non-blocking, and its reader waits before reading: the writes meet EAGAIN.
    const py = `
import fcntl, os, subprocess, sys, time, json
r, w = os.pipe()
fcntl.fcntl(w, 1031, 4096)  # F_SETPIPE_SZ
os.set_blocking(w, False)
p = subprocess.Popen([sys.argv[1], sys.argv[2], 'distortions', 'list', '--json'], stdout=w, stderr=subprocess.PIPE, env=json.loads(sys.argv[3]))
os.close(w)
time.sleep(0.7)
data = b''
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    data += chunk
err = p.stderr.read()
p.wait()
sys.stdout.buffer.write(json.dumps({'code': p.returncode, 'stderr': err.decode()}).encode() + b'\\n' + data)
`;
    const r = spawnSync('python3', ['-c', py, process.execPath, BIN, JSON.stringify(sb.env)], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    const nl = r.stdout.indexOf('\n');
    const head = JSON.parse(r.stdout.slice(0, nl)) as { code: number; stderr: string };
    expect(head.stderr).toBe('');
    expect(head.code).toBe(0);
    expect(r.stdout.slice(nl + 1)).toBe(expected.stdout);
  });

  it('a file that refuses the write: one line, exit 1, never the words', () => {
    expect(run(sb, recordArgs(['--thought', 'SECRET-WORDS-HERE'])).code).toBe(0);
    const file = join(sb.dir, 'read-only-out');
    writeFileSync(file, '');
    const fd = openSync(file, 'r'); // opened for reading only: write(2) fails with EBADF
    const r = spawnSync(process.execPath, [BIN, 'list', '--json'], { env: sb.env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Couldn't write the output \(EBADF\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('SECRET');
    expect(readFileSync(file, 'utf8')).toBe('');
  });

  it('the everyday reads writing to pipes load neither Node\'s streams, its sockets nor its terminals; a file gets the same bytes', () => {
    expect(run(sb, recordArgs(['--thought', 'A thought to list'])).code).toBe(0);
    const probe = join(sb.dir, 'probe.cjs');
    const seen = join(sb.dir, 'modules.txt');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(seen)}, process.moduleLoadList.join('\\n')));\n`);
    const piped = spawnSync(process.execPath, ['-r', probe, BIN, 'list'], { env: sb.env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('A thought to list');
    // The everyday reads, as a script or cron runs them (daily asks about a terminal only for an encrypted journal):
    // into Node's pipes (sockets, on Unix) and through a shell's | (a FIFO).
    const q = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
    for (const args of [['list'], ['daily', '--json'], ['daily'], ['stats', '--json'], ['stats', '--since', '30d']]) {
      const runs = {
        node: () => spawnSync(process.execPath, ['-r', probe, BIN, ...args], { env: sb.env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }),
        shell: () => spawnSync('sh', ['-c', `${[process.execPath, '-r', probe, BIN, ...args].map(q).join(' ')} 2>&1 | cat`], { env: sb.env, encoding: 'utf8' }),
      };
      for (const [how, start] of Object.entries(runs)) {
        const r = start();
        const what = `${how}: ${args.join(' ')}`;
        expect(r.status, what).toBe(0);
        expect(r.stdout.length, what).toBeGreaterThan(0);
        const modules = readFileSync(seen, 'utf8').split('\n');
        for (const m of ['NativeModule net', 'NativeModule stream', 'NativeModule tty']) expect(modules, `${what}: ${m}`).not.toContain(m);
      }
    }
    // The probe itself can see them when a stream is made: the check is not blind.
    const made = spawnSync(process.execPath, ['-r', probe, '-e', 'process.stdout.write("")'], { env: sb.env, stdio: ['ignore', 'pipe', 'pipe'] });
    expect(made.status).toBe(0);
    expect(readFileSync(seen, 'utf8').split('\n')).toContain('NativeModule net');
    // Into a file: the same bytes as into a pipe.
    const file = join(sb.dir, 'out.txt');
    const fd = openSync(file, 'w');
    const filed = spawnSync(process.execPath, [BIN, 'list'], { env: sb.env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(filed.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
  });
});
