// The OS keyring as a source of an encrypted journal's passphrase (issue 19), only when the person chose it with
// `reframe passphrase --remember`. One entry per journal: service "reframe", account the journal's absolute path.
//
// Every keyring question is asked by a child process (keyring-helper.ts) under a deadline, so a keyring that
// can't answer at once (cron, ssh, a locked collection waiting for a dialog) costs a few seconds at most and is
// then treated as absent. Without a session bus ($DBUS_SESSION_BUS_ADDRESS unset, as under cron) nothing is
// started at all. The secret goes through the child's stdin and stdout only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Env } from '../context';

export const KEYRING_SERVICE = 'reframe';

export type KeyringOp = 'probe' | 'get' | 'set' | 'update' | 'delete';

export interface KeyringRequest {
  op: KeyringOp;
  account: string;
  secret?: string;
}

/**
 * ok: done (get: `secret` is there; probe: a keyring that can store). none: no entry for this journal.
 * no-bus: no session bus to reach (cron, ssh, a container). no-service: a bus, but no Secret Service on it.
 * locked: the entry, or the collection a new one would go into, is locked (reframe never asks to unlock it).
 * timeout: no answer before the deadline. unsupported: this reframe can't reach a keyring from here.
 * error: the keyring said no (`detail`: its words, for REFRAME_DEBUG=1; never a secret).
 */
export type KeyringStatus = 'ok' | 'none' | 'no-bus' | 'no-service' | 'locked' | 'timeout' | 'unsupported' | 'error';

export interface KeyringAnswer {
  status: KeyringStatus;
  secret?: string;
  detail?: string;
}

/** How long a lookup may take before reframe goes on without it; changes get a little longer. */
export const KEYRING_TIMEOUT_MS = { read: 5_000, write: 10_000 };

/** The account a journal's entry is stored under: its absolute path. */
export function keyringAccount(dbPath: string): string {
  return resolve(dbPath);
}

/**
 * The note that the person chose the keyring for this journal (`passphrase --remember`): an empty file, 0600 in a
 * 0700 folder under $XDG_STATE_HOME/reframe/keyring/, named by a hash of the journal's path. Without it the keyring
 * is never asked when a journal opens, so a desktop with a session bus pays nothing (asking costs a child
 * process, ~0.5 s) unless the person chose it. It holds no secret and no words.
 */
export function keyringNotePath(stateDir: string, dbPath: string): string {
  return join(stateDir, 'keyring', createHash('sha256').update(keyringAccount(dbPath)).digest('hex').slice(0, 16));
}

/** Whether the person chose the keyring for this journal. */
export function keyringChosen(stateDir: string, dbPath: string): boolean {
  return existsSync(keyringNotePath(stateDir, dbPath));
}

/** Note (or forget) that the keyring holds this journal's passphrase. Never throws: a missing note only means
 *  the keyring is not asked (the person is asked, or a passphrase file is used) until --remember again. */
export function noteKeyringChosen(stateDir: string, dbPath: string, chosen: boolean): void {
  const file = keyringNotePath(stateDir, dbPath);
  try {
    if (!chosen) rmSync(file, { force: true });
    else {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, '', { mode: 0o600 });
    }
  } catch { /* said above */ }
}

const remembered = new Map<string, KeyringAnswer>();

/**
 * Ask the keyring (synchronously: a journal opens synchronously). `helper` is the script that runs reframe's own
 * code (Context.workerEntry); without one (a command run in-process by a test) there is no keyring.
 * A `get` is asked once per journal per process.
 */
export function askKeyring(op: KeyringOp, dbPath: string, env: Env, helper: string | undefined, secret?: string): KeyringAnswer {
  const account = keyringAccount(dbPath);
  if (op === 'get' && remembered.has(account)) return remembered.get(account)!;
  const a = ask(op, account, env, helper, secret);
  if (op === 'get') remembered.set(account, a);
  else remembered.delete(account);
  return a;
}

function ask(op: KeyringOp, account: string, env: Env, helper: string | undefined, secret?: string): KeyringAnswer {
  if (!helper || !['linux', 'darwin', 'win32', 'freebsd', 'openbsd'].includes(process.platform)) return { status: 'unsupported' };
  // The Secret Service lives on the session bus: none here, nothing to ask (and nothing is started).
  if (process.platform !== 'darwin' && process.platform !== 'win32' && !env.DBUS_SESSION_BUS_ADDRESS) return { status: 'no-bus' };
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'REFRAME_WORKER') childEnv[k] = v;
  const timeout = op === 'get' || op === 'probe' ? KEYRING_TIMEOUT_MS.read : KEYRING_TIMEOUT_MS.write;
  const request: KeyringRequest = { op, account, ...(secret !== undefined ? { secret } : {}) };
  const r = spawnSync(process.execPath, [helper, '__keyring'], {
    input: JSON.stringify(request),
    env: childEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
    windowsHide: true,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { status: 'timeout' };
  if (r.signal === 'SIGKILL') return { status: 'timeout' };
  try {
    const a = JSON.parse(r.stdout) as KeyringAnswer;
    if (typeof a?.status === 'string') return a;
  } catch { /* said below */ }
  return { status: 'error', detail: (r.stderr ?? '').trim().split('\n').pop()?.slice(0, 300) };
}
