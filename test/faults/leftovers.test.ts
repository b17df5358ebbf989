// Leftovers of killed writers: an export's or a backup's temp file, an upgrade's copy in
// progress, a restore's marker. `doctor` names each (without removing anything); the next run that opens the
// journal removes them, and never a file of a writer still running.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { loops } from '../helpers/loops';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

const temps = (dir: string) => readdirSync(dir).filter((f) => /\.tmp(-journal|-wal|-shm)?$/.test(f) || f.endsWith('.restoring'));

describe('leftovers of killed writers', () => {
  it('doctor names each kind, the next run removes them, a live writer\'s file stays', () => {
    expect(run(sb, recordArgs()).code).toBe(0);
    const jdir = dirname(sb.db);
    const out = join(sb.dir, 'exports');
    mkdirSync(out);
    const pid = Number(deadPid());
    const planted = [
      join(jdir, `journal.db.before-v7.bak.${pid}.tmp`),
      join(jdir, `journal.db.before-v7.bak.${pid}.tmp-journal`),
      join(jdir, `.journal.db.before-restore-20261122-213000.bak.${pid}.0123456789ab.tmp`),
      join(out, `.all.json.${pid}.0123456789ab.tmp`),
      join(out, `.copy.db.${pid}.ba9876543210.tmp`),
      `${sb.db}.restoring`,
    ];
    for (const p of planted) writeFileSync(p, p.endsWith('.restoring') ? String(pid) : 'private', { mode: 0o600 });
    // The note a killed export left naming its folder.
    const notes = join(sb.dir, 'state', 'reframe', 'writing');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, `${pid}-abcd0123`), out);
    // A writer still running (this test's own process) keeps its file.
    const live = join(out, `.live.json.${process.pid}.0123456789ab.tmp`);
    writeFileSync(live, 'x');

    const d = run(sb, ['doctor']);
    for (const p of planted) expect(d.stdout, p).toContain(p);
    expect(d.stdout).not.toContain(live);
    expect(d.stdout).toMatch(/journal upgrade that was stopped left a private file with records in it/);
    expect(d.stdout).toMatch(/export or backup that was stopped left a private file/);
    expect(d.stdout).toMatch(/restore that was stopped left its marker/);
    for (const p of planted) expect(existsSync(p), `doctor removed ${p}`).toBe(true);

    expect(run(sb, ['list']).code).toBe(0);
    for (const p of planted) expect(existsSync(p), `still there: ${p}`).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(notes)).toEqual([]);
    expect(run(sb, ['doctor']).stdout).not.toMatch(/stopped left/);
  });

  it('kill -9 during an export or a backup: the next run leaves no temp file', async () => {
    const recs = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: `01JD7X4Q9V6M2W8K3T5R${String(i).padStart(6, '0')}`,
      createdAt: '2026-11-20T20:00:00.000Z', situation: 'w'.repeat(400), thought: 't', emotions: [{ name: 'sad', before: 50 }] }));
    writeFileSync(join(sb.dir, 'r.jsonl'), recs.join('\n'));
    expect(run(sb, ['import', join(sb.dir, 'r.jsonl')]).code).toBe(0);
    const out = join(sb.dir, 'out');
    mkdirSync(out);
    let killedWithTemp = 0;
    for (let k = 0; k < loops(10, 4); k++) {
      const args = k % 2 ? ['backup', '--force', join(out, 'copy.db')] : ['export', '--format', 'md', '--out', join(out, 'all.md')];
      const p = spawn(process.execPath, [BIN, ...args], { env: sb.env, stdio: 'ignore' });
      const exit = new Promise((r) => p.on('exit', r));
      for (let t = 0; t < 400 && p.exitCode === null; t++) {
        if (temps(out).length) { p.kill('SIGKILL'); break; }
        await new Promise((r) => setTimeout(r, 5));
      }
      await exit;
      if (p.signalCode === 'SIGKILL') killedWithTemp++;
      expect(run(sb, ['list', '--limit', '1']).code).toBe(0);
      expect(temps(out), `round ${k}`).toEqual([]);
    }
    expect(killedWithTemp).toBeGreaterThan(0);
  });
});
