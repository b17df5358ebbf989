// kill -9 at random moments during `backup --restore` with encryption: an encrypted backup into the encrypted
// journal (one transaction on its keyed connection), and into a plain journal (encrypted first, then restored).
// After each, the journal opens with a key and holds the records of before or of the backup, never a mix, its
// integrity is sound, no record text is in the folder in the clear once it is encrypted, and the next run sweeps
// what the killed one left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, sandbox, start, type Sandbox } from '../helpers/run';
import { loops } from '../helpers/loops';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-restore-kill-'); });
afterEach(() => sb.cleanup());

const WORDS = 'KILLED-RESTORE-words';
const plain = (path: string) => readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';

function killAfter(args: string[], env: Record<string, string>, delay: number): Promise<number | null> {
  return new Promise((resolve) => {
    const p = start(sb, args, { env });
    p.stdin.end();
    const timer = setTimeout(() => p.kill('SIGKILL'), delay);
    p.on('close', (code) => { clearTimeout(timer); resolve(code); });
  });
}

function textInFolder(): string[] {
  const dir = dirname(sb.db);
  return readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile() && readFileSync(join(dir, n)).includes(Buffer.from(WORDS)));
}

describe('backup --restore with encryption killed at random moments', () => {
  it('always leaves one good journal: the records of before, or the backup\'s', async () => {
    const pw = join(sb.dir, 'pw');
    writeFileSync(pw, 'kill me softly\n');
    chmodSync(pw, 0o600);
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    const ids = (): string[] => {
      const r = run(sb, ['list'], { env });
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
    };
    for (let i = 0; i < 3; i++) expect(run(sb, ['new', '--situation', `${WORDS} ${i}`, '--thought', `t${i}`, '--emotion', 'anxious:60']).code).toBe(0);
    expect(run(sb, ['encrypt'], { env }).code).toBe(0);
    mkdirSync(join(sb.dir, 'drive'), { mode: 0o700 });
    const backup = join(sb.dir, 'drive', 'b.db');
    expect(run(sb, ['backup', backup], { env }).code).toBe(0);
    const inBackup = ids();
    for (let i = 3; i < 6; i++) expect(run(sb, ['new', '--situation', `${WORDS} ${i}`, '--thought', `t${i}`, '--emotion', 'anxious:60'], { env }).code).toBe(0);
    let killedMidway = 0;
    const rounds = loops(24, 8);
    for (let i = 0; i < rounds; i++) {
      // Every other round starts from a plain journal with the later records (decrypted, records added back).
      const fromPlain = i % 2 === 1;
      if (fromPlain && !plain(sb.db)) expect(run(sb, ['decrypt'], { env }).code).toBe(0);
      const before = ids();
      const code = await killAfter(['backup', '--restore', backup, '--yes'], env, Math.floor(Math.random() * 900));
      if (code === null) killedMidway++;
      else expect(code, `round ${i}`).toBe(0);
      const after = ids();
      expect([JSON.stringify(before), JSON.stringify(inBackup)], `round ${i} (exit ${code})`).toContain(JSON.stringify(after));
      const doctor = run(sb, ['doctor'], { env });
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
      if (!plain(sb.db)) expect(textInFolder(), `round ${i}`).toEqual([]);
      expect(readdirSync(dirname(sb.db)).filter((f) => /\.tmp|\.restoring/.test(f)), `round ${i}`).toEqual([]);
      // Records back for the next round (into whatever the journal is now).
      if (after.length < 6) for (let k = 0; k < 3; k++) expect(run(sb, ['new', '--situation', `${WORDS} r${i}-${k}`, '--thought', 't', '--emotion', 'calm:10'], { env }).code).toBe(0);
    }
    expect(killedMidway).toBeGreaterThan(0);
  }, 300_000);
});
