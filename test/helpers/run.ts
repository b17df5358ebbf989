// Spawn the real binary against a journal in a temp folder. Never touches the real home.
import { spawnSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'reframe');

export interface Sandbox {
  dir: string;
  db: string;
  env: Record<string, string>;
  cleanup(): void;
}

/** A fresh home, XDG folders and journal path, all inside one temp folder. */
export function sandbox(prefix = 'reframe-test-'): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'data', 'reframe', 'journal.db');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: join(dir, 'home'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TZ: process.env.TZ ?? 'UTC',
  };
  return { dir, db, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
}

export function run(sb: Sandbox, args: string[], o: RunOptions = {}): RunResult {
  const env: Record<string, string> = { ...sb.env };
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    cwd: o.cwd ?? sb.dir,
    input: o.input ?? '',
    encoding: 'utf8',
    timeout: o.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** The same, without waiting: for concurrency and kill tests. */
export function start(sb: Sandbox, args: string[], o: RunOptions = {}) {
  const env: Record<string, string> = { ...sb.env };
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return spawn(process.execPath, [BIN, ...args], { env, cwd: o.cwd ?? sb.dir, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A minimal valid record, for `new` flags. */
export function recordArgs(extra: string[] = []): string[] {
  return ['new', '--situation', 'She went quiet at dinner', '--thought', "I'm not worthy of love", '--belief', '90', '--emotion', 'anxious:80', ...extra];
}
