// A desktop notification through notify-send, spawned directly (never through a shell).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

type Env = Record<string, string | undefined>;

/** The absolute path of an executable on $PATH, like `command -v`. */
export function findOnPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(':')) {
    if (!dir || !isAbsolute(dir)) continue;
    const p = join(dir, name);
    try {
      if (!statSync(p).isFile()) continue;
      accessSync(p, constants.X_OK);
      return p;
    } catch { /* not here */ }
  }
  return undefined;
}

export type NotifyResult = { sent: true } | { sent: false; reason: 'missing' } | { sent: false; reason: 'failed'; detail: string };

/**
 * Show a notification. Cron gives no DBUS_SESSION_BUS_ADDRESS, so when it is missing the usual
 * per-user bus (/run/user/UID/bus) is passed on if it exists. Waits at most a few seconds.
 */
export function notify(title: string, body: string, env: Env): NotifyResult {
  const bin = findOnPath('notify-send', env);
  if (!bin) return { sent: false, reason: 'missing' };
  const childEnv: Env = { ...env };
  if (!childEnv.DBUS_SESSION_BUS_ADDRESS) {
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const bus = uid === undefined ? undefined : `/run/user/${uid}/bus`;
    try {
      if (bus && statSync(bus)) childEnv.DBUS_SESSION_BUS_ADDRESS = `unix:path=${bus}`;
    } catch { /* no session bus: notify-send will say so */ }
  }
  const r = spawnSync(bin, ['--app-name=reframe', '--', title, body], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 5_000,
    encoding: 'utf8',
  });
  if (r.error) return { sent: false, reason: 'failed', detail: (r.error as NodeJS.ErrnoException).code ?? 'could not start it' };
  if (r.signal) return { sent: false, reason: 'failed', detail: 'notify-send took too long' };
  if (r.status !== 0) return { sent: false, reason: 'failed', detail: `notify-send exited with ${r.status}` };
  return { sent: true };
}
