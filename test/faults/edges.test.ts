// Edges of time, ids, paths and pipes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { STACK } from '../helpers/faults';
import { testContext } from '../helpers/context';
import { runNew } from '../../src/commands/new/run';
import { heatMap } from '../../src/render/stats';
import { makeTheme } from '../../src/render/theme';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

function usage(r: ReturnType<typeof run>, re: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
}

describe('dates bounded to years that make sense', () => {
  it('--until 2300, 9999 and --since 1800 exit 2 saying why; 1900 to 2200 work', () => {
    expect(run(sb, recordArgs()).code).toBe(0);
    usage(run(sb, ['stats', '--until', '2300-12-31']), /--until is in the year 2300; reframe works with dates from 1900 to 2200/);
    usage(run(sb, ['stats', '--by', 'day', '--until', '9999-12-31']), /year 9999/);
    usage(run(sb, ['list', '--since', '1800-01-01']), /--since is in the year 1800/);
    usage(run(sb, ['list', '--since', '999y']), /--since is in the year/);
    usage(run(sb, [...recordArgs(), '--at', '2400-01-01 10:00']), /--at is in the year 2400/);
    expect(run(sb, ['stats', '--json', '--since', '1900-01-01', '--until', '2200-12-31']).code).toBe(0);
  });

  it('the heat map takes two centuries of days without overflowing the stack', () => {
    const days = Array.from({ length: 300_000 }, (_, i) => ({ day: new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10), records: i % 5 }));
    const glyphs = { heat: ['.', '-', '+', '*', '#'], ascii: true } as unknown as Parameters<typeof heatMap>[2];
    expect(() => heatMap(days, 80, glyphs, makeTheme({ env: { NO_COLOR: '1' }, isTTY: false }))).not.toThrow();
  });
});

describe('a clock before 1970', () => {
  it('new says the clock is wrong (exit 1), without a crash', async () => {
    const t = testContext({ now: new Date('1969-07-20T20:17:00Z') });
    try {
      const err = await runNew({ situation: 's', thought: 't', emotion: ['sad:40'] }, t.ctx).then(() => undefined, (e: unknown) => e as Error & { exitCode?: number });
      expect(err?.message).toMatch(/clock says it is before 1970/);
      expect(err?.exitCode).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});

describe('ids are case-insensitive', () => {
  it('an uppercase UUID and a lowercase ULID import, show, and dedupe in canonical case', () => {
    const file = join(sb.dir, 'ids.jsonl');
    const base = { createdAt: '2026-11-20T20:00:00.000Z', situation: 's', thought: 't', emotions: [{ name: 'sad', before: 50 }] };
    writeFileSync(file, [
      { ...base, id: '0190A8B2-7C3D-7E4F-8A9B-0C1D2E3F4A5B' },
      { ...base, id: '01jd7x4q9v6m2w8k3t5r0yh1zc' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const r = run(sb, ['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Added 2 records/);
    const ids = JSON.parse(run(sb, ['list', '--json']).stdout).map((x: { id: string }) => x.id).sort();
    expect(ids).toEqual(['0190a8b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b', '01JD7X4Q9V6M2W8K3T5R0YH1ZC']);
    expect(run(sb, ['show', '0190A8B2-7C3D']).code).toBe(0);
    expect(run(sb, ['show', '01jd7x4q9v']).code).toBe(0);
    // The same records again, in the other case: nothing added.
    writeFileSync(file, [{ ...base, id: '0190a8b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }, { ...base, id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC' }].map((x) => JSON.stringify(x)).join('\n'));
    expect(run(sb, ['import', file]).stderr).toMatch(/Skipped 2/);
  });
});

describe('--db', () => {
  it('"" is an error, not the default journal; spaces at its ends are refused, and no file is left', () => {
    usage(run(sb, ['--db', '', 'list']), /--db needs the path of a journal file/);
    usage(run(sb, ['--db', ' ', ...recordArgs()]), /--db needs the path/);
    const spaced = join(sb.dir, 'j.db ');
    usage(run(sb, ['--db', spaced, ...recordArgs()]), /starts or ends with a space/);
    usage(run(sb, recordArgs(), { env: { REFRAME_DB: ` ${join(sb.dir, 'k.db')}` } }), /starts or ends with a space/);
    expect(readdirSync(sb.dir).filter((f) => f.endsWith('.db ') || f === 'k.db')).toEqual([]);
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('an export cut short by a closed pipe', () => {
  it('says so on stderr and exits 141 (as git does on SIGPIPE); list | head stays quiet', () => {
    const file = join(sb.dir, 'many.jsonl');
    writeFileSync(file, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `01JD7X4Q9V6M2W8K3T5R${String(i).padStart(6, '0')}`, createdAt: '2026-11-20T20:00:00.000Z',
      situation: 'x'.repeat(200), thought: 't', emotions: [{ name: 'sad', before: 50 }] })).join('\n'));
    expect(run(sb, ['import', file]).code).toBe(0);
    const q = (s: string) => `"${s}"`;
    const e = spawnSync('bash', ['-c', `set -o pipefail; ${q(process.execPath)} ${q(BIN)} export --format jsonl | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], { env: sb.env, encoding: 'utf8' });
    expect(e.stdout).toMatch(/rc=141/);
    expect(e.stderr).toMatch(/The export was cut short/);
    expect(e.stderr).not.toMatch(STACK);
    const l = spawnSync('bash', ['-c', `${q(process.execPath)} ${q(BIN)} list | head -1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`], { env: sb.env, encoding: 'utf8' });
    expect(l.stdout).toMatch(/rc=0/);
    expect(l.stderr).toBe('');
  });
});
