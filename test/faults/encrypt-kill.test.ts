// kill -9 at random moments during `reframe encrypt` and `reframe decrypt`: after each, the journal is one good
// journal, the old or the new (plain or encrypted), it opens with the same records, and the next run sweeps
// what the killed one left (its temp copy).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, sandbox, start, type Sandbox } from '../helpers/run';
import { loops } from '../helpers/loops';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-enc-kill-'); });
afterEach(() => sb.cleanup());

const plain = (path: string) => readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

function killAfter(args: string[], env: Record<string, string>, delay: number): Promise<number | null> {
  return new Promise((resolve) => {
    const p = start(sb, args, { env });
    p.stdin.end();
    const timer = setTimeout(() => p.kill('SIGKILL'), delay);
    p.on('close', (code) => { clearTimeout(timer); resolve(code); });
  });
}

describe('encrypt and decrypt killed at random moments', () => {
  it('always leave one good journal with the same records', async () => {
    const pw = join(sb.dir, 'pw');
    writeFileSync(pw, 'kill me softly\n');
    chmodSync(pw, 0o600);
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    for (let i = 0; i < 5; i++) {
      expect(run(sb, ['new', '--situation', `s${i}`, '--thought', `t${i}`, '--emotion', 'anxious:60']).code).toBe(0);
    }
    const ids = (): string[] => {
      const r = run(sb, ['list'], { env });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').map((l) => l.split('\t')[0]).sort();
    };
    const want = ids();
    expect(want).toHaveLength(5);
    let killedMidway = 0;
    const rounds = loops(30, 8);
    for (let i = 0; i < rounds; i++) {
      const cmd = plain(sb.db) ? 'encrypt' : 'decrypt';
      const code = await killAfter([cmd], env, Math.floor(Math.random() * 700));
      if (code === null) killedMidway++;
      expect(ids(), `round ${i} (${cmd}, exit ${code})`).toEqual(want);
      const integrity = run(sb, ['doctor'], { env });
      expect(integrity.code, integrity.stdout + integrity.stderr).toBe(0);
      // The run above swept the killed one's temp copy.
      expect(readdirSync(dirname(sb.db)).filter((f) => /\.tmp/.test(f)), `round ${i}`).toEqual([]);
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, 300_000);
});
