// `npm run bench` is not part of npm test (minutes of timing); this runs it once on a tiny journal so it
// cannot rot: it must finish, print its table and write results of the documented shape. No timing is
// asserted (a busy machine is not a failure).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';
import { hasTmux } from '../helpers/tmux';

const dir = mkdtempSync(join(tmpdir(), 'reframe-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('measures every command on a tiny journal and writes the results as JSON', () => {
    const out = join(dir, 'results');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--sizes', '200', '--quick', '--out', out, '--cache', join(dir, 'cache')], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, REFRAME_DB: join(dir, 'never-used.db') },
    });
    expect(r.stderr).not.toMatch(/Error|exited/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\s*size\s+command\s+runs\s+median\s+node -e 0/m);
    expect(r.stdout).toMatch(/--version .* <= 1\.2x\s+(met|MISSED)/);

    const files = readdirSync(out);
    expect(files).toContain('latest.json');
    expect(files.filter((f) => /^bench-.*\.json$/.test(f))).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8'));
    expect(report).toMatchObject({ schema: 2, baseline: 'node -e 0', options: { sizes: [200], runs: 1, quick: true } });
    // Clean by default: nothing of the caller's environment reaches either process.
    expect(report.environment).toMatchObject({ inherited: false, nodeStartVars: [] });
    expect(report.environment.vars.filter((k: string) => !['PATH', 'HOME', 'LANG', 'TZ'].includes(k))).toEqual([]);
    // The floors give what reframe gives (the stats figures, list's lines), so comparing their times is fair.
    expect(report.floorChecks).toEqual([{ size: 200, agrees: true, differs: [] }]);
    expect(typeof report.allTargetsMet).toBe('boolean');
    expect(Array.isArray(report.growth)).toBe(true);

    const ids = report.results.map((x: { id: string; size: number | null }) => `${x.id}@${x.size}`);
    expect(ids).toEqual([
      'version@null', 'list@200', 'list-floor@200', 'stats-all@200', 'stats-floor@200', 'stats-30d@200', 'daily@200', 'list-enc@200', 'stats-all-enc@200', 'daily-enc@200', 'suggest@200',
      ...(hasTmux() ? ['new-tty@200'] : []), 'export-md@200', 'import@200', 'import-ceiling@200', 'import-ceiling-after@200',
    ]);
    for (const x of report.results) {
      expect(x.runs).toBe(1);
      for (const k of ['medianMs', 'baselineMs', 'ratio']) expect(x[k]).toBeGreaterThan(0);
      expect(x.samples.ms).toHaveLength(1);
      expect(x.samples.baselineMs).toHaveLength(1);
      // Targets apply at 100,000 records, except --version's.
      expect(x.target === null).toBe(x.id !== 'version');
    }
    const byId = Object.fromEntries(report.results.map((x: { id: string }) => [x.id, x]));
    expect(byId.import.recordsPerSecond).toBeGreaterThan(0);
    expect(byId.import.vsCeiling).toBeGreaterThan(0);
    expect(byId['import-ceiling'].recordsPerSecond).toBeGreaterThan(0);
    expect(byId['stats-all'].vsFloor).toBeGreaterThan(0);
    expect(byId.list.vsFloor).toBeGreaterThan(0);
    if (hasTmux()) expect(byId['new-tty'].baseline).toMatch(/printing a line/);
    expect(byId['export-md'].peakRssMb).toBeGreaterThan(0);
    expect(typeof byId.version.pass).toBe('boolean');
  });
});
