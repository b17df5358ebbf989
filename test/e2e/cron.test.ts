// reframe cron install | show | remove against a FAKE `crontab` first on PATH (the machine's real
// crontab is never touched here), and the installed line run the way cron would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, recordArgs, run, sandbox, type Sandbox } from '../helpers/run';
import { commandOf, cronCommand, fakeCrontab } from '../helpers/cron';

let sb: Sandbox;
let fake: ReturnType<typeof fakeCrontab>;
beforeEach(() => {
  sb = sandbox();
  fake = fakeCrontab(sb.dir);
  sb.env.PATH = `${fake.bin}:/usr/bin:/bin`;
});
afterEach(() => sb.cleanup());

const table = () => readFileSync(fake.table, 'utf8');
const calls = () => (existsSync(fake.calls) ? readFileSync(fake.calls, 'utf8').trim().split('\n') : []);
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const OTHERS = [
  'MAILTO="ana@example.com"',
  'SHELL=/bin/bash',
  '# m h  dom mon dow   command',
  '0 3 * * * /usr/local/bin/backup --quiet >> /var/log/backup.log 2>&1',
  '',
  '# weekly: date +\\%F in a file name',
  '15 4 * * 1 tar czf /tmp/home-$(date +\\%F).tgz ~/notes   ',
  '@reboot echo "reframe-daily is in this comment but the line is not ours"',
].join('\n') + '\n';

describe('reframe cron with a fake crontab', () => {
  it('install with no crontab yet: one line, absolute paths, the journal, the log (0700 folder, 0600 file)', () => {
    const r = run(sb, ['cron', 'install', '--at', '21:30']);
    expect(r.code, r.stderr).toBe(0);
    const log = join(sb.dir, 'state', 'reframe', 'daily.log');
    const want = `30 21 * * * ${q(process.execPath)} ${q(realpathSync(BIN))} --db ${q(sb.db)} daily >> ${q(log)} 2>&1 # reframe-daily\n`;
    expect(table()).toBe(want);
    expect(r.stdout).toBe(want);
    expect(r.stderr).toContain('every day at 21:30');
    expect(statSync(join(sb.dir, 'state', 'reframe')).mode & 0o777).toBe(0o700);
    expect(statSync(log).mode & 0o777).toBe(0o600);
    expect(calls()).toEqual(['-l', '-']);
  });

  it('install twice leaves one line and does not rewrite the table', () => {
    run(sb, ['cron', 'install', '--at', '21:30']);
    const once = table();
    const r = run(sb, ['cron', 'install', '--at', '21:30']);
    expect(r.code).toBe(0);
    expect(table()).toBe(once);
    expect(r.stderr).toMatch(/already in your crontab at 21:30; nothing changed/);
    expect(calls()).toEqual(['-l', '-', '-l']);
  });

  it('other lines, comments and MAILTO stay byte for byte; a new time replaces our line in place', () => {
    writeFileSync(fake.table, OTHERS);
    expect(run(sb, ['cron', 'install', '--at', '21:30']).code).toBe(0);
    const first = table();
    expect(first.startsWith(OTHERS)).toBe(true);
    expect(first.slice(OTHERS.length).split('\n')).toEqual([expect.stringMatching(/^30 21 \* \* \* .* # reframe-daily$/), '']);

    writeFileSync(fake.table, first + '0 12 * * * echo after-ours\n');
    const r = run(sb, ['cron', 'install', '--at', '7:05', '--notify']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Changed the daily prompt in your crontab to 07:05/);
    const lines = table().split('\n');
    expect(table().startsWith(OTHERS)).toBe(true);
    expect(lines.filter((l) => l.endsWith('# reframe-daily'))).toHaveLength(1);
    expect(lines[OTHERS.split('\n').length - 1]).toMatch(/^5 7 \* \* \* .* daily --notify >> .* # reframe-daily$/);
    expect(table().endsWith('0 12 * * * echo after-ours\n')).toBe(true);

    const rm = run(sb, ['cron', 'remove']);
    expect(rm.code).toBe(0);
    expect(rm.stderr).toContain('Removed the daily prompt');
    expect(table()).toBe(OTHERS + '0 12 * * * echo after-ours\n');
  });

  it('show: the line on stdout, or a kind word on stderr; --json for scripts', () => {
    let r = run(sb, ['cron', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no daily prompt in your crontab/);
    expect(JSON.parse(run(sb, ['cron', 'show', '--json']).stdout)).toEqual({ installed: false });

    writeFileSync(fake.table, OTHERS);
    run(sb, ['cron', 'install', '--at', '08:00', '--notify']);
    r = run(sb, ['cron', 'show']);
    expect(r.code).toBe(0);
    const ours = table().split('\n').find((l) => l.endsWith('# reframe-daily'))!;
    expect(r.stdout).toBe(ours + '\n');
    expect(r.stderr).toContain('Runs every day at 08:00.');
    expect(JSON.parse(run(sb, ['cron', 'show', '--json']).stdout)).toEqual({ installed: true, at: '08:00', notify: true, line: ours });
  });

  it('remove with nothing of ours changes nothing and says so', () => {
    writeFileSync(fake.table, OTHERS);
    const r = run(sb, ['cron', 'remove']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no daily prompt in your crontab; nothing changed/);
    expect(table()).toBe(OTHERS);
    expect(calls()).toEqual(['-l']);
    // and with no crontab at all
    const sb2 = sandbox();
    const f2 = fakeCrontab(sb2.dir);
    try {
      expect(run(sb2, ['cron', 'remove'], { env: { PATH: `${f2.bin}:/usr/bin:/bin` } }).code).toBe(0);
      expect(existsSync(f2.table)).toBe(false);
    } finally {
      sb2.cleanup();
    }
  });

  it.each(['24:00', '7:5', 'abc', '12:60', '', '21.30'])('an invalid time %j is exit 2, and crontab is never called', (at) => {
    writeFileSync(fake.table, OTHERS);
    const r = run(sb, ['cron', 'install', '--at', at]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--at takes a time of day as HH:MM/);
    expect(table()).toBe(OTHERS);
    expect(calls()).toEqual([]);
    expect(existsSync(join(sb.dir, 'state'))).toBe(false);
  });

  it('--at is required', () => {
    const r = run(sb, ['cron', 'install']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--at/);
  });

  it('no crontab command at all: a clear error, exit 2, nothing created', () => {
    const empty = join(sb.dir, 'emptybin');
    mkdirSync(empty);
    for (const args of [['cron', 'install', '--at', '21:30'], ['cron', 'show'], ['cron', 'remove']]) {
      const r = run(sb, args, { env: { PATH: empty } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/The `crontab` command isn't available here/);
      expect(r.stderr).toMatch(/systemd user timer/);
    }
    expect(existsSync(join(sb.dir, 'state'))).toBe(false);
  });

  it('a crontab that fails to save: exit 1 with its reason; the table is as it was', () => {
    writeFileSync(fake.table, OTHERS);
    const r = run(sb, ['cron', 'install', '--at', '21:30'], { env: { FAKE_CRONTAB_FAIL: 'write' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Couldn't save your crontab: crontab: installing new crontab failed: disk quota exceeded/);
    expect(table()).toBe(OTHERS);
  });

  it('without --db or REFRAME_DB or XDG_DATA_HOME, the line leaves the journal to its default', () => {
    const r = run(sb, ['cron', 'install', '--at', '21:30'], { env: { XDG_DATA_HOME: undefined } });
    expect(r.code).toBe(0);
    expect(table()).not.toContain('--db');
  });

  it('--db and REFRAME_DB go into the line as absolute paths', () => {
    expect(run(sb, ['--db', 'rel/j.db', 'cron', 'install', '--at', '21:30'], { env: { XDG_DATA_HOME: undefined } }).code).toBe(0);
    expect(table()).toContain(`--db ${q(join(sb.dir, 'rel', 'j.db'))} daily`);
    expect(run(sb, ['cron', 'install', '--at', '21:30'], { env: { XDG_DATA_HOME: undefined, REFRAME_DB: '/srv/x y/j.db' } }).code).toBe(0);
    expect(table()).toContain(`--db '/srv/x y/j.db' daily`);
    expect(table().split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('the installed line runs the way cron runs it', () => {
  it('env -i PATH=/usr/bin:/bin HOME=..., cron\'s % rule, sh -c: exit 0 and the prompt lands in the log', () => {
    // Awkward paths on purpose: a %, a space and a quote in the log folder and the journal.
    const state = join(sb.dir, "st%ate it's");
    const db = join(sb.dir, 'j%urnal "x"', 'journal.db');
    const env = { XDG_STATE_HOME: state, REFRAME_DB: db };
    expect(run(sb, recordArgs(), { env }).code).toBe(0); // a record today: the streak shows in the log
    const r = run(sb, ['cron', 'install', '--at', '21:30'], { env });
    expect(r.code, r.stderr).toBe(0);
    const line = table().trimEnd();
    expect(line).toContain('\\%');
    const { command, stdin } = cronCommand(commandOf(line));
    expect(stdin).toBe(''); // no % left for cron to turn into a newline

    const home = join(sb.dir, 'cron-home');
    mkdirSync(home);
    for (let i = 0; i < 2; i++) {
      const out = spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', `HOME=${home}`, 'SHELL=/bin/sh', '/bin/sh', '-c', command], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000,
      });
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout + out.stderr).toBe(''); // everything went to the log
    }
    const log = readFileSync(join(state, 'reframe', 'daily.log'), 'utf8');
    expect(log.match(/Today's reflection, /g)).toHaveLength(2); // appended, not overwritten
    expect(log).toContain('Streak: 1 day.');
    expect(log).not.toContain('worthy'); // never a record's words in the log
    expect(existsSync(join(home, '.local'))).toBe(false);
  });

  it('with --notify and no notify-send in cron\'s PATH, the log says so and the run still succeeds', () => {
    const r = run(sb, ['cron', 'install', '--at', '06:00', '--notify']);
    expect(r.code).toBe(0);
    const { command } = cronCommand(commandOf(table().trimEnd()));
    const home = join(sb.dir, 'cron-home');
    mkdirSync(home);
    const out = spawnSync('env', ['-i', 'PATH=/nonexistent', `HOME=${home}`, '/bin/sh', '-c', command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.status, out.stderr).toBe(0);
    const log = readFileSync(join(sb.dir, 'state', 'reframe', 'daily.log'), 'utf8');
    expect(log).toContain("Today's reflection");
    expect(log).toMatch(/notify-send is not installed/);
  });
});
