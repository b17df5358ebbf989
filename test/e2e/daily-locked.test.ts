// reframe daily on an encrypted journal from cron, where no key is at hand: the prompt, the streak and what is
// due come from the small state file (dates and counts only), and it exits 0. With a key it refreshes that file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, recordArgs, run, sandbox, type Sandbox } from '../helpers/run';
import { loadPrompts, promptForDay } from '../../src/domain/prompts';
import { localDay } from '../../src/domain/streak';

let sb: Sandbox;
const ZONE = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
beforeEach(() => { sb = sandbox(); sb.env.TZ = ZONE; });
afterEach(() => sb.cleanup());

const SECRET = 'SENTINEL-lanternfish';
const PLAN = 'SENTINEL-umbrella-plan';
const stateDir = () => join(sb.env.XDG_STATE_HOME, 'reframe', 'daily');

/** Like cron: `env -i PATH=/usr/bin:/bin HOME=...` (plus the sandbox's XDG folders), stdin not a terminal. */
function bare(args: string[]) {
  const env = ['PATH=/usr/bin:/bin', `HOME=${sb.env.HOME}`, `XDG_DATA_HOME=${sb.env.XDG_DATA_HOME}`, `XDG_STATE_HOME=${sb.env.XDG_STATE_HOME}`, `TZ=${ZONE}`];
  return spawnSync('env', ['-i', ...env, process.execPath, BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 30_000, cwd: sb.dir,
  });
}

function ok(args: string[], env: Record<string, string> = {}): string {
  const r = run(sb, args, { env });
  expect(r.stderr + `(exit ${r.code})`).toMatch(/\(exit 0\)$/);
  return r.stdout;
}

/** An encrypted journal with a record (words: SECRET) and an experiment due today (words: PLAN). */
function encryptedJournal(): Record<string, string> {
  const key = join(sb.dir, 'key.txt');
  writeFileSync(key, 'correct horse battery\n', { mode: 0o600 });
  const rec = ok(recordArgs(['--situation', `${SECRET} at the station`])).trim();
  ok(['--passphrase-file', key, 'encrypt']);
  const withKey = { REFRAME_PASSPHRASE_FILE: key };
  ok(['experiments', 'add', '--record', rec, '--plan', PLAN, '--prediction', `${SECRET} will happen`, '--prediction-belief', '60', '--due', 'today'], withKey);
  return withKey;
}

describe('reframe daily on an encrypted journal', () => {
  it('with the key: the state file appears, private, with no words of any record', () => {
    const withKey = encryptedJournal();
    ok(['daily'], withKey);
    const files = readdirSync(stateDir());
    expect(files).toHaveLength(1);
    expect(statSync(stateDir()).mode & 0o777).toBe(0o700);
    const file = join(stateDir(), files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('SENTINEL');
    expect(text).not.toContain('station');
    expect(text).not.toContain('umbrella');
    const state = JSON.parse(text);
    expect(state.version).toBe(1);
    expect(state.records).toBe(1);
    expect(state.practiceDays).toContain(localDay(new Date()));
    expect(new Set(state.practiceDays).size).toBe(state.practiceDays.length); // each day once
    expect(state.due).toEqual([{ kind: 'experiment', due: localDay(new Date()) }]);
  });

  it('a write with the key refreshes the state file before daily ever runs', () => {
    encryptedJournal();
    expect(readdirSync(stateDir())).toHaveLength(1);
  });

  it('from cron without a key: exit 0, the prompt, the streak and what is due, and one line about the rest', () => {
    encryptedJournal();
    const r = bare(['daily']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const prompt = promptForDay(loadPrompts(), localDay(new Date()));
    expect(r.stdout).toContain(prompt.text);
    expect(r.stdout).toContain('Streak: 1 day');
    expect(r.stdout).toContain(`An experiment due ${localDay(new Date())}.`);
    expect(r.stdout).toContain('Your journal is locked');
    expect(r.stdout).not.toContain('SENTINEL');
    for (const f of readdirSync(stateDir())) expect(readFileSync(join(stateDir(), f), 'utf8')).not.toContain('SENTINEL');
  });

  it('--json from cron without a key: the usual fields it can fill, and where they came from', () => {
    encryptedJournal();
    const r = bare(['daily', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fromStateFile).toBe(true);
    expect(out.locked).toBe(true);
    expect(out.prompt).toEqual(promptForDay(loadPrompts(), out.date));
    expect(out.streak).toEqual({ current: 1, longest: 1 });
    expect(out.due).toEqual([{ kind: 'experiment', id: null, text: null, due: localDay(new Date()) }]);
    expect(r.stdout).not.toContain('SENTINEL');
  });

  it('each write with the key refreshes it; daily --json with the key is the usual shape', () => {
    const withKey = encryptedJournal();
    ok(recordArgs(['--situation', `${SECRET} again`]), withKey);
    const file = join(stateDir(), readdirSync(stateDir())[0]);
    expect(JSON.parse(readFileSync(file, 'utf8')).records).toBe(2);
    const out = JSON.parse(ok(['daily', '--json'], withKey));
    expect(Object.keys(out).sort()).toEqual(['checkedInToday', 'date', 'due', 'prompt', 'streak', 'yesterday']);
    expect(readFileSync(file, 'utf8')).not.toContain('SENTINEL');
  });

  it('no state file yet: the prompt alone and the line, exit 0', () => {
    encryptedJournal();
    rmSync(stateDir(), { recursive: true });
    const r = bare(['daily']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Today's reflection, /);
    expect(r.stdout).not.toContain('Streak');
    expect(r.stdout).toContain('Your journal is locked');
  });

  it('encrypt writes the state file at once (cron has it before any other command); decrypt removes it', () => {
    const key = join(sb.dir, 'key.txt');
    writeFileSync(key, 'correct horse battery\n', { mode: 0o600 });
    ok(recordArgs(['--situation', `${SECRET} at the station`]));
    expect(existsSync(stateDir())).toBe(false);
    ok(['--passphrase-file', key, 'encrypt']);
    const files = readdirSync(stateDir());
    expect(files).toHaveLength(1);
    const file = join(stateDir(), files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(stateDir()).mode & 0o777).toBe(0o700);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('SENTINEL');
    expect(JSON.parse(text).records).toBe(1);
    // From cron, right after encrypt: the streak is there, read from the file.
    expect(bare(['daily']).stdout).toContain('Streak: 1 day');

    ok(['--passphrase-file', key, 'decrypt']);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(stateDir())).toEqual([]);
    // Plain again: daily reads the journal itself, with or without cron.
    const r = bare(['daily']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Your journal is locked');
    expect(readdirSync(stateDir())).toEqual([]);
  });

  it('a plain journal writes no state file', () => {
    ok(recordArgs());
    ok(['daily']);
    expect(bare(['daily']).status).toBe(0);
    expect(existsSync(stateDir())).toBe(false);
  });
});
