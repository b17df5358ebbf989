// reframe daily as cron and pipes run it: stdin closed or never closed, cron's bare environment,
// no journal, a damaged journal, --json, --notify. It never waits and never creates the journal.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, run, sandbox, type Sandbox } from '../helpers/run';
import { loadPrompts, promptForDay } from '../../src/domain/prompts';
import { addDays, localDay } from '../../src/domain/streak';

let sb: Sandbox;
// The children run in the test's own time zone, so "yesterday" means the same day on both sides.
const ZONE = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zoned = () => { const s = sandbox(); s.env.TZ = ZONE; return s; };
beforeEach(() => { sb = zoned(); });
afterEach(() => sb.cleanup());

const prompts = loadPrompts();
const SECRET = 'SENTINEL-nobody-would-miss-me';

/** Like cron: `env -i PATH=/usr/bin:/bin HOME=...`, stdin from /dev/null. No XDG, no TERM, no LANG. */
function bare(args: string[], home: string, extraEnv: string[] = []) {
  return spawnSync('env', ['-i', 'PATH=/usr/bin:/bin', `HOME=${home}`, ...extraEnv, process.execPath, BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000, cwd: sb.dir,
  });
}

/** The local day here, which is the children's too (see ZONE). */
function today(): string {
  return localDay(new Date());
}

describe('reframe daily without a terminal', () => {
  it('in cron\'s bare environment, stdin from /dev/null, no journal: prints and exits 0, creates nothing', () => {
    const home = join(sb.dir, 'bare-home');
    mkdirSync(home);
    const r = bare(['daily'], home);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Today's reflection, /);
    expect(prompts.some((p) => r.stdout.includes(p.text))).toBe(true);
    expect(r.stdout).toContain('No streak yet');
    expect(r.stdout).toContain('To work through a thought: reframe new');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour in a log
    expect(existsSync(join(home, '.local'))).toBe(false);
  });

  it('--json in the bare environment: the day\'s own prompt', () => {
    const home = join(sb.dir, 'bare-home');
    mkdirSync(home);
    const r = bare(['daily', '--json'], home);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['checkedInToday', 'date', 'due', 'prompt', 'streak', 'yesterday']);
    expect(out.prompt).toEqual(promptForDay(prompts, out.date));
    expect(out.streak).toEqual({ current: 0, longest: 0 });
    expect(out.yesterday).toEqual({ records: 0, distortions: [] });
    expect(out.checkedInToday).toBe(false);
  });

  it('never reads stdin: exits on its own while stdin stays open and silent', async () => {
    const child = spawn(process.execPath, [BIN, 'daily'], { env: sb.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    // stdin is never written to nor closed until the process has exited.
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(out).toContain("Today's reflection");
  });

  it('the same day gives the same prompt, run after run', () => {
    const a = JSON.parse(run(sb, ['daily', '--json']).stdout);
    const b = JSON.parse(run(sb, ['daily', '--json']).stdout);
    if (a.date === b.date) expect(b.prompt).toEqual(a.prompt);
  });

  it('yesterday in numbers and pattern names, the streak; never a word of a record', () => {
    // Records written yesterday and the day before, through `new --input` (it keeps createdAt).
    const write = (day: string, hour: string, distortions: string[]) => {
      const file = join(sb.dir, `r-${day}-${hour}.json`);
      const createdAt = new Date(`${day}T${hour}:00`).toISOString(); // local time
      writeFileSync(file, JSON.stringify({
        createdAt, situation: `${SECRET} at dinner`, thought: `${SECRET} thought`,
        emotions: [{ name: 'hurt', before: 70 }], distortions, evidenceFor: [SECRET], reframe: SECRET,
      }));
      const r = run(sb, ['new', '--input', file]);
      expect(r.code, r.stderr).toBe(0);
    };
    // Around midnight the day may change between setting up and running: try again once.
    for (let attempt = 0; attempt < 2; attempt++) {
      sb.cleanup();
      sb = zoned();
      const t = today();
      write(addDays(t, -2), '20:00', []);
      write(addDays(t, -1), '09:15', ['mind-reading', 'fear-of-rejection']);
      write(addDays(t, -1), '22:40', ['mind-reading']);
      const r = run(sb, ['daily', '--json']);
      const plain = run(sb, ['daily']);
      if (today() !== t) continue;
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.date).toBe(t);
      expect(out.streak).toEqual({ current: 2, longest: 2 });
      expect(out.yesterday.records).toBe(2);
      expect(out.yesterday.distortions[0]).toEqual({ id: 'mind-reading', name: 'Mind reading', count: 2 });
      expect(out.yesterday.distortions.map((d: { id: string }) => d.id)).toEqual(['mind-reading', 'fear-of-rejection']);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toContain('Yesterday: 2 records. Patterns that came up: Mind reading (2), ');
      expect(plain.stdout).toContain('Streak: 2 days in a row, your longest yet.');
      for (const s of [r.stdout, r.stderr, plain.stdout, plain.stderr]) expect(s).not.toContain('SENTINEL');
      return;
    }
    throw new Error('the day changed twice while testing');
  });

  it('a damaged journal: the prompt still prints, a clear error names the file, exit 1, file untouched', () => {
    mkdirSync(join(sb.dir, 'data', 'reframe'), { recursive: true });
    writeFileSync(sb.db, 'not a database: my notes\n');
    const r = run(sb, ['daily']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Today's reflection");
    expect(r.stderr).toContain(sb.db);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(readFileSync(sb.db, 'utf8')).toBe('not a database: my notes\n');
    const j = run(sb, ['daily', '--json']);
    expect(j.code).toBe(1);
    expect(j.stdout).toBe('');
  });
});

describe('reframe daily --notify', () => {
  it('sends the prompt through notify-send, with arguments and no shell', () => {
    const bin = join(sb.dir, 'notifybin');
    mkdirSync(bin);
    const log = join(sb.dir, 'notify-args.txt');
    // Each argument on its own line, so a shell-split would show.
    writeFileSync(join(bin, 'notify-send'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${log}'\nprintf '%s\\n' "$DBUS_SESSION_BUS_ADDRESS" >> '${log}'\n`);
    chmodSync(join(bin, 'notify-send'), 0o755);
    const r = run(sb, ['daily', '--notify', '--json'], { env: { PATH: `${bin}:/usr/bin:/bin`, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/test-bus' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const args = readFileSync(log, 'utf8').split('\n');
    expect(args.slice(0, 5)).toEqual(['--app-name=reframe', '--', "Today's reflection", out.prompt.text, 'unix:path=/tmp/test-bus']);
  });

  it('says on stderr when notify-send is not there, and still exits 0', () => {
    const empty = join(sb.dir, 'emptybin');
    mkdirSync(empty);
    const r = run(sb, ['daily', '--notify'], { env: { PATH: empty } });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/notify-send is not installed/);
    expect(r.stdout).toContain("Today's reflection");
  });

  it('a notify-send that fails is one line on stderr, exit 0', () => {
    const bin = join(sb.dir, 'failbin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'notify-send'), '#!/bin/sh\necho "Cannot autolaunch D-Bus" >&2\nexit 1\n');
    chmodSync(join(bin, 'notify-send'), 0o755);
    const r = run(sb, ['daily', '--notify'], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/could not be shown \(notify-send exited with 1\)/);
  });
});
