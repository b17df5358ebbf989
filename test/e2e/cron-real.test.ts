// Against the machine's REAL crontab, only where that is safe to try: as root (CI containers) with
// Debian's `crontab` installed. The existing table is saved first and put back byte for byte, even
// when the test fails; a lock keeps two test runs from interleaving their save and restore.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';

const hasCrontab = spawnSync('sh', ['-c', 'command -v crontab'], { encoding: 'utf8' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function crontab(args: string[], input?: string) {
  return spawnSync('crontab', args, { input, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
}

/** The current table, or null when there is none. */
function save(): string | null {
  const r = crontab(['-l']);
  if (r.status === 0) return r.stdout;
  if (/no crontab for/.test(r.stderr)) return null;
  throw new Error(`crontab -l failed: ${r.stderr}`);
}

function restore(saved: string | null): void {
  if (saved === null) crontab(['-r']);
  else {
    const r = crontab(['-'], saved);
    if (r.status !== 0) throw new Error(`could not restore the crontab: ${r.stderr}`);
  }
}

const LOCK = join(tmpdir(), 'reframe-real-crontab.lock');
async function lock(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch {
      // A lock left by a run that was killed: older than two minutes is stale.
      try { if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true }); } catch { /* gone */ }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('another test run holds the crontab lock');
}

let sb: Sandbox;
let saved: string | null | undefined;
beforeEach(async () => {
  sb = sandbox();
  await lock();
  saved = save();
});
afterEach(() => {
  try {
    if (saved !== undefined) restore(saved);
    expect(save()).toBe(saved);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
    sb.cleanup();
  }
});

describe.skipIf(!hasCrontab || !isRoot)('reframe cron against the real crontab (root only; restored afterwards)', () => {
  it('install, install again, show, remove: the other lines come back byte for byte', () => {
    const others = 'MAILTO=""\n# a comment of the owner\n0 3 1 1 * /bin/true --reframe-test-line 50\\% \n\n';
    expect(crontab(['-'], others).status).toBe(0);

    let r = run(sb, ['cron', 'install', '--at', '21:30']);
    expect(r.code, r.stderr).toBe(0);
    const after = save()!;
    expect(after.startsWith(others)).toBe(true);
    expect(after.slice(others.length)).toMatch(/^30 21 \* \* \* '.+' '.+\/bin\/reframe' --db '.+' daily >> '.+daily\.log' 2>&1 # reframe-daily\n$/);

    r = run(sb, ['cron', 'install', '--at', '21:30']);
    expect(r.code).toBe(0);
    expect(save()).toBe(after);

    r = run(sb, ['cron', 'show']);
    expect(r.stdout).toBe(after.slice(others.length));

    r = run(sb, ['cron', 'remove']);
    expect(r.code).toBe(0);
    expect(save()).toBe(others);
  });

  it('works when there is no crontab at all yet', () => {
    crontab(['-r']);
    expect(save()).toBeNull();
    expect(run(sb, ['cron', 'install', '--at', '06:45']).code).toBe(0);
    expect(save()).toMatch(/^45 6 \* \* \* .* # reframe-daily\n$/);
    expect(run(sb, ['cron', 'remove']).code).toBe(0);
    expect(save()).toBe('');
  });
});
