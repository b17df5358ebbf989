// kill -9 at random moments of `reframe sync`, on the sending side and on the receiving side, again and again.
// After each kill: both journals pass integrity_check, change notes are on (capture = 1: an apply killed halfway
// never leaves them off), and every device file holds whole JSON lines but perhaps its last. At the end, a sync
// on each side brings the two journals to the same records, each once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, start, type Sandbox } from '../helpers/run';
import { loops } from '../helpers/loops';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-sync-kill-'); });
afterEach(() => sb.cleanup());

const db = (n: string) => join(sb.dir, `${n}.db`);
const folder = () => join(sb.dir, 'Sync');

function killAfter(name: string, delay: number): Promise<{ finished: boolean }> {
  return new Promise((resolve) => {
    const p = start(sb, ['--db', db(name), 'sync']);
    p.stdin.end();
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const timer = setTimeout(() => { if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL'); }, delay);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === null) expect([0, 1], err).toContain(code);
      expect(err).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
      resolve({ finished: code === 0 && signal === null });
    });
  });
}

function examine(name: string): { ok: string; capture: number; records: number; ids: string[] } {
  const d = new Database(db(name), { readonly: true });
  try {
    return {
      ok: d.pragma('integrity_check', { simple: true }) as string,
      capture: d.prepare('SELECT capture FROM sync_self').pluck().get() as number,
      records: d.prepare('SELECT count(*) FROM records').pluck().get() as number,
      ids: d.prepare('SELECT id FROM records ORDER BY id').pluck().all() as string[],
    };
  } finally {
    d.close();
  }
}

function folderLinesWhole(): void {
  const root = join(folder(), 'reframe-sync', 'v1', 'devices');
  for (const dev of readdirSync(root)) {
    for (const f of readdirSync(join(root, dev))) {
      const text = readFileSync(join(root, dev, f), 'utf8');
      const lines = text.split('\n');
      const last = lines.pop(); // after the final newline: empty, or a torn line
      for (const l of lines) expect(() => JSON.parse(l), `${dev}/${f}`).not.toThrow();
      if (last) expect(text.endsWith('\n')).toBe(false);
    }
  }
}

function batch(from: number, n: number): string {
  const file = join(sb.dir, `batch-${from}.jsonl`);
  const lines: string[] = [];
  for (let i = from; i < from + n; i++) {
    lines.push(JSON.stringify({ occurredAt: '2026-11-20T19:05:00.000Z', situation: `situation ${i}`, thought: `thought ${i}`,
      emotions: [{ name: 'anxious', before: 80 }], evidenceFor: [`for ${i}`], tags: [`t${i}`] }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('kill -9 during sync', () => {
  it('leaves both journals and the folder whole, and a later sync converges', async () => {
    mkdirSync(folder());
    expect(run(sb, ['--db', db('a'), 'import', batch(0, 1500)]).code).toBe(0);
    for (const n of ['a', 'b']) expect(run(sb, ['--db', db(n), 'sync', 'init', folder()]).code).toBe(0);
    // How long a whole sync takes here, to spread the kills over all of it.
    const t0 = Date.now();
    expect(run(sb, ['--db', db('b'), 'sync']).code).toBe(0); // b has nothing yet: a short one, for start-up
    const startup = Date.now() - t0;
    let next = 1500;
    let finished = 0;
    const rounds = loops(24, 8);
    for (let i = 0; i < rounds; i++) {
      const side = i % 2 === 0 ? 'a' : 'b';
      if (side === 'a' && i > 0) {
        expect(run(sb, ['--db', db('a'), 'import', batch(next, 200)]).code).toBe(0);
        next += 200;
        expect(run(sb, ['--db', db('a'), 'delete', examine('a').ids[i], '--yes']).code).toBe(0);
      }
      const o = await killAfter(side, Math.floor(startup * 0.5 + Math.random() * startup * 2.5));
      if (o.finished) finished++;
      for (const n of ['a', 'b']) {
        const e = examine(n);
        expect(e.ok, `round ${i}, ${n}`).toBe('ok');
        expect(e.capture, `round ${i}, ${n}: change notes left off`).toBe(1);
      }
      folderLinesWhole();
    }
    for (let k = 0; k < 2; k++) for (const n of ['a', 'b']) {
      const r = run(sb, ['--db', db(n), 'sync']);
      expect(r.code, r.stderr).toBe(0);
    }
    const a = examine('a');
    const b = examine('b');
    expect(b.ids).toEqual(a.ids);
    expect(new Set(b.ids).size).toBe(b.ids.length);
    expect(a.records).toBe(next - (rounds / 2 - 1));
    // Some kills landed in the middle (a sync that always finished would prove nothing).
    expect(finished).toBeLessThan(rounds);
  }, 600_000);
});
