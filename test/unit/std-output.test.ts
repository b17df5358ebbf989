// src/io/std-output.ts's direct writer, on descriptors of a temp folder: what it promises the code that writes
// through it (test/e2e/std-output.test.ts runs the real binary on pipes, a full non-blocking one included).
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectOutput, onOutputFailure } from '../../src/io/std-output';

let dir: string;
const fds: number[] = [];
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'reframe-stdout-')); });
afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

const settle = () => new Promise<void>((res) => setImmediate(() => setImmediate(res)));
const noStream = () => { throw new Error('the stream is not for this test'); };

describe('the direct writer', () => {
  it('writes every byte in order, strings and bytes alike, and always has room', async () => {
    const file = join(dir, 'out');
    const fd = openSync(file, 'w');
    fds.push(fd);
    const out = new DirectOutput(fd, noStream);
    expect(out.write('caf\u00e9 ')).toBe(true);
    expect(out.write(new TextEncoder().encode('na\u00efve\n'))).toBe(true);
    let drained = false;
    out.once('drain', () => { drained = true; });
    await settle();
    expect(drained).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('caf\u00e9 na\u00efve\n');
    expect(out.isTTY).toBe(false);
  });

  it('a write that fails is told once, after it returns; from then on writes are dropped and there is never room', async () => {
    const file = join(dir, 'read-only');
    writeFileSync(file, '');
    const fd = openSync(file, 'r'); // write(2) on it fails with EBADF
    fds.push(fd);
    const told: string[] = [];
    onOutputFailure((err) => told.push(String(err.code)));
    const out = new DirectOutput(fd, noStream);
    expect(out.write('first')).toBe(false);
    expect(told).toEqual([]); // not yet: the writer's caller carries on first, as with a stream's 'error'
    expect(out.write('second')).toBe(false);
    let drained = false;
    out.once('drain', () => { drained = true; });
    await settle();
    expect(told).toEqual(['EBADF']);
    expect(drained).toBe(false); // an export waiting for room stops here until the handler ends the process
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
