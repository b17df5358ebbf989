// Living in a shell: did-you-mean, help topics and bare groups, completion answered by the program, an ambiguous
// id listing its candidates, and the pager (through a real pseudo-terminal with tmux).
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, recordArgs, sandbox, BIN, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { STACK } from '../helpers/faults';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

describe('did you mean', () => {
  const cases: [string[], RegExp, RegExp][] = [
    [['stat'], /Unknown command 'stat'/, /Did you mean `reframe stats`\?\nSee `reframe --help`\./],
    [['lsit'], /Unknown command 'lsit'/, /Did you mean `reframe list`\?/],
    [['list', '--limt', '3'], /Unknown option '--limt'/, /Did you mean --limit\?\nSee `reframe list --help`\./],
    [['cron', 'instal'], /Unknown command 'instal'/, /Did you mean `reframe cron install`\?\nSee `reframe cron --help`\./],
    [['distortions', 'show', 'mindreading'], /no thinking pattern with the id "mindreading"/, /Did you mean "mind-reading"\?/],
    [['list', '--distortion', 'catastrophising'], /no thinking pattern/, /Did you mean "catastrophizing"\?/],
    [['help', 'crn'], /no help topic or command "crn"/, /Did you mean `reframe help cron`\?/],
  ];
  for (const [args, what, hint] of cases) {
    it(args.join(' '), () => {
      const r = run(sb, args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(what);
      expect(r.stderr).toMatch(hint);
      expect(r.stderr).not.toMatch(STACK);
    });
  }

  it('suggests nothing for a word that is nowhere near', () => {
    const r = run(sb, ['distortions', 'show', 'zzzzzzzz']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/Did you mean/);
  });
});

describe('help', () => {
  it('the root help names the environment variables, the exit codes and completion', () => {
    const r = run(sb, ['--help']);
    expect(r.code).toBe(0);
    for (const v of ['REFRAME_DB', 'REFRAME_DEBUG', 'REFRAME_BUSY_TIMEOUT_MS', 'REFRAME_PAGER', 'NO_COLOR']) expect(r.stdout).toContain(v);
    expect(r.stdout).toMatch(/Exit codes: 0 done, 1 failed, 2 a usage mistake, 130/);
    expect(r.stdout).toContain('reframe completion bash|zsh|fish');
  });

  it('help environment says what each variable does', () => {
    const r = run(sb, ['help', 'environment']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/REFRAME_BUSY_TIMEOUT_MS +how long to wait/);
    expect(r.stdout).toMatch(/^ {2}2 +a usage mistake/m);
  });

  it('help cron install is install\'s help, the same as cron install --help', () => {
    const a = run(sb, ['help', 'cron', 'install']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^Usage: reframe cron install /);
    expect(a.stdout).toBe(run(sb, ['cron', 'install', '--help']).stdout);
  });

  it('a bare group prints its help on stdout and exits 0; a group that acts on its own still acts', () => {
    for (const g of [['cron'], ['distortions'], ['--db', sb.db, 'cron']]) {
      const r = run(sb, g);
      expect(r.code, g.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: reframe (cron|distortions) /);
      expect(r.stderr).toBe('');
    }
    const plan = run(sb, ['safety-plan', '--json']);
    expect(plan.code).toBe(0);
    expect(plan.stdout.trim()).toBe('null');
  });
});

describe('completion', () => {
  const complete = (...words: string[]) => run(sb, ['__complete', '--', ...words]).stdout.split('\n').filter(Boolean);

  it('prints a script for bash, zsh and fish that each shell accepts', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = run(sb, ['completion', shell]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('__complete');
      const has = spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
      if (!has && shell !== 'bash') continue;
      const file = `${sb.dir}/reframe.${shell}`;
      require('node:fs').writeFileSync(file, r.stdout);
      const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      expect(check.status, `${shell}: ${check.stderr}`).toBe(0);
    }
    const bad = run(sb, ['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bash, zsh and fish, not "tcsh"/);
  });

  it('offers commands, subcommands, flags, pattern ids, tags, feelings and record ids', () => {
    expect(complete('')).toEqual(expect.arrayContaining([expect.stringMatching(/^list\tList records/), expect.stringMatching(/^stats\t/), ':']));
    expect(complete('')).not.toEqual(expect.arrayContaining([expect.stringMatching(/^__complete/)]));
    expect(complete('cron', '')).toEqual(['install\tAdd the daily line to your crontab, or change its time (your other lines stay as they are)', expect.stringMatching(/^show\t/), expect.stringMatching(/^remove\t/), ':']);
    expect(complete('list', '--')).toEqual(expect.arrayContaining([expect.stringMatching(/^--distortion\t/), expect.stringMatching(/^--db\t/), '--help\tshow help']));
    expect(complete('list', '--distortion', '')).toEqual(expect.arrayContaining(['mind-reading\tMind reading', 'catastrophizing\tCatastrophizing']));
    expect(complete('distortions', 'show', 'mi')).toContain('mind-reading\tMind reading');
    expect(complete('export', '--format=')).toEqual(['--format=md', '--format=json', '--format=jsonl', '--format=csv', ':']);
    expect(complete('--db', '')).toEqual([':files']);
    expect(complete('import', '')).toEqual([':files']);
    // Before the first record: nothing from the journal, and no journal made by a Tab.
    expect(complete('list', '--tag', '')).toEqual([':']);
    expect(require('node:fs').existsSync(sb.db)).toBe(false);
    expect(run(sb, recordArgs(['--tag', 'partner', '--emotion', 'ashamed:30'])).code).toBe(0);
    expect(complete('list', '--tag', '')).toEqual(['partner', ':']);
    expect(complete('list', '--emotion', '')).toEqual(['anxious', 'ashamed', ':']);
    const ids = complete('show', '');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}\t\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('bash completes through the script as a shell does at a Tab', () => {
    expect(run(sb, recordArgs(['--tag', 'partner'])).code).toBe(0);
    const script = run(sb, ['completion', 'bash']).stdout;
    const bin = `${sb.dir}/bin`;
    spawnSync('sh', ['-c', `mkdir -p '${bin}' && printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' '${process.execPath}' '${BIN}' > '${bin}/reframe' && chmod +x '${bin}/reframe'`]);
    const tab = (words: string) => spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _reframe_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { encoding: 'utf8', env: { ...sb.env, PATH: `${bin}:${sb.env.PATH}` } }).stdout.trim().split('\n');
    expect(tab('reframe st')).toEqual(['stats']);
    expect(tab('reframe list --ta')).toEqual(['--tag']);
    expect(tab('reframe list --tag p')).toEqual(['partner']);
    expect(tab('reframe distortions show mind')).toEqual(['mind-reading']);
  });
});

describe('an ambiguous id', () => {
  const two = () => {
    const input = ['01JD7X4Q9V6M2W8K3T5R0YH1ZC', '01JD7X4Q9V6M2W8K3T5R0YH1ZD'].map((id, i) => JSON.stringify({
      id, createdAt: `2026-11-2${i}T21:30:00.000Z`, occurredAt: `2026-11-2${i}T19:05:00.000Z`, situation: 's',
      thought: i ? 'Nobody at work would notice if I stopped turning up for a whole week' : 'She must think I am boring',
      emotions: [{ name: 'sad', before: 50 }],
    })).join('\n');
    expect(run(sb, ['import', '-'], { input }).code).toBe(0);
  };

  it.skipIf(!hasTmux())('lists the candidates with their dates and first words on a terminal, as git does', async () => {
    two();
    term = new Terminal(sb, ['show', '01JD7X4Q'], { PAGER: 'cat' });
    const s = await term.waitFor(/\[exit:2\]/);
    expect(s).toMatch(/"01JD7X4Q" matches 2 records:\n {2}01JD7X4Q9V6M2W8K3T5R0YH1ZC {2}2026-11-20 {2}She must think I am boring\n {2}01JD7X4Q9V6M2W8K3T5R0YH1ZD {2}2026-11-21 {2}Nobody at work would notice if I\.\.\.\n/);
  });

  it("lists ids and dates only when stderr is not a terminal: a record's words never reach a log", () => {
    two();
    const r = run(sb, ['show', '01JD7X4Q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"01JD7X4Q" matches 2 records:\n {2}01JD7X4Q9V6M2W8K3T5R0YH1ZC {2}2026-11-20\n {2}01JD7X4Q9V6M2W8K3T5R0YH1ZD {2}2026-11-21\nType more of the id/);
    expect(r.stderr).not.toMatch(/boring|Nobody/);
  });
});

describe('TERM=dumb on a terminal', () => {
  it.skipIf(!hasTmux())('keeps the table list prints for people, in ASCII and without colour', async () => {
    expect(run(sb, recordArgs(['--distortion', 'labeling'])).code).toBe(0);
    term = new Terminal(sb, ['list'], { TERM: 'dumb', NO_COLOR: '' });
    const s = await term.waitFor(/\[exit:0\]/);
    expect(s).toMatch(/ID +WHEN +THOUGHT +PATTERNS +FEELING/);
    expect(s).toMatch(/anxious 80/);
    expect(s).not.toMatch(/\t/);
  });
});

describe('the pager', () => {
  const many = () => {
    const input = Array.from({ length: 80 }, (_, i) => JSON.stringify({
      situation: 's', thought: `thought number ${i}`, emotions: [{ name: 'sad', before: 50 }],
      occurredAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    })).join('\n');
    expect(run(sb, ['import', '-'], { input }).code).toBe(0);
  };

  it('is never used when stdout is not a terminal', () => {
    many();
    const r = run(sb, ['list'], { env: { PAGER: 'false', REFRAME_PAGER: undefined } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(80);
  });

  it.skipIf(!hasTmux())('pages a long list on a terminal; Ctrl-C then q leave cleanly with exit 0', async () => {
    many();
    term = new Terminal(sb, ['list'], { PAGER: 'less -FRX' });
    await term.waitFor(/thought number 79/);
    const screen = await term.waitFor(/^:\s*$/m);
    expect(screen).not.toContain('thought number 0 ');
    term.key('C-c');
    await new Promise((r) => setTimeout(r, 300));
    term.key('q');
    expect(await term.exitCode()).toBe(0);
  });

  it.skipIf(!hasTmux())('--no-pager, PAGER=cat and REFRAME_PAGER= print straight to the terminal', async () => {
    many();
    for (const [args, env] of [[['--no-pager', 'list'], { PAGER: 'less' }], [['list'], { PAGER: 'cat' }], [['list'], { REFRAME_PAGER: '', PAGER: 'less' }]] as [string[], Record<string, string>][]) {
      term = new Terminal(sb, args, env);
      expect(await term.exitCode(), JSON.stringify(env)).toBe(0);
      term.close();
      term = undefined;
    }
  });

  it.skipIf(!hasTmux())('REFRAME_PAGER wins over PAGER; a pager that will not start is said, and the output still shown', async () => {
    many();
    term = new Terminal(sb, ['stats'], { REFRAME_PAGER: 'no-such-pager-here', PAGER: 'less' });
    const s = await term.waitFor(/\[exit:0\]/);
    expect(s).toContain('The pager "no-such-pager-here" could not start');
    expect(s).toMatch(/80 records/);
  });
});
