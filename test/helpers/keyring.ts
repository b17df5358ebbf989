// A real Secret Service for the keyring tests, nowhere near the person's own: a private D-Bus session bus (our
// own config: no service activation, so nothing starts unless a test starts it) and gnome-keyring-daemon on it,
// its keyrings in a temp folder, unlocked with a throwaway password. secret-tool (libsecret) reads and plants
// entries from outside reframe. .ci/run installs dbus-daemon, gnome-keyring and libsecret-tools.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 10_000 });
  return r.error === undefined;
};

/** dbus-daemon, gnome-keyring-daemon and secret-tool are installed. */
export function hasSecretServiceTools(): boolean {
  return has('dbus-daemon', ['--version']) && has('gnome-keyring-daemon', ['--version']) && has('secret-tool', ['--version']);
}

export interface Bus {
  /** The DBUS_SESSION_BUS_ADDRESS of this bus. */
  address: string;
  dir: string;
  stop(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A private session bus on a socket in a temp folder, with nothing on it. */
export async function startBus(): Promise<Bus> {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-bus-'));
  const socket = join(dir, 'bus');
  const config = join(dir, 'session.conf');
  writeFileSync(config, `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`);
  const daemon = spawn('dbus-daemon', ['--config-file', config, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`dbus-daemon did not start: ${err}`)), 15_000);
    daemon.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0];
      if (out.includes('\n')) { clearTimeout(timer); resolve(line.trim()); }
    });
    daemon.stderr!.on('data', (d) => { err += d; });
    daemon.on('exit', (code) => { clearTimeout(timer); reject(new Error(`dbus-daemon exited (${code}): ${err}`)); });
  });
  return {
    address,
    dir,
    stop() {
      stopChild(daemon);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(c: ChildProcess): void {
  if (c.pid !== undefined && c.exitCode === null && c.signalCode === null) {
    try { process.kill(c.pid, 'SIGTERM'); } catch { /* gone */ }
  }
}

export interface Keyring extends Bus {
  /** secret-tool on this bus: lookup (undefined when there is no entry), store, clear. */
  lookup(account: string): string | undefined;
  store(account: string, secret: string): void;
  /** How many items with service=reframe the keyring holds, of any account. */
  count(): number;
}

/** A bus with gnome-keyring-daemon on it (secrets component only), its login keyring unlocked. */
export async function startKeyring(): Promise<Keyring> {
  const bus = await startBus();
  const home = join(bus.dir, 'home');
  const runtime = join(bus.dir, 'run');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: runtime,
    DBUS_SESSION_BUS_ADDRESS: bus.address,
  };
  const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  daemon.stderr!.on('data', (d) => { err += d; });
  daemon.stdin!.end('throwaway-test-keyring');
  const tool = (args: string[], input?: string) => spawnSync('secret-tool', args, { env, input: input ?? '', encoding: 'utf8', timeout: 20_000 });
  // Ready when the Secret Service owns its name and its default collection answers.
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (daemon.exitCode !== null) throw new Error(`gnome-keyring-daemon exited (${daemon.exitCode}): ${err}`);
    const owner = spawnSync('dbus-send', ['--bus=' + bus.address, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], { encoding: 'utf8', timeout: 5_000 });
    if (/boolean true/.test(owner.stdout ?? '') && tool(['search', 'service', 'reframe-readiness']).status !== null) break;
    if (Date.now() > deadline) throw new Error(`gnome-keyring-daemon did not come up: ${err}`);
    await sleep(100);
  }
  return {
    ...bus,
    stop() {
      stopChild(daemon);
      bus.stop();
    },
    lookup(account) {
      const r = tool(['lookup', 'service', 'reframe', 'username', account]);
      return r.status === 0 ? r.stdout : undefined;
    },
    store(account, secret) {
      const r = tool(['store', '--label', 'planted by a test', 'service', 'reframe', 'username', account], secret);
      if (r.status !== 0) throw new Error(`secret-tool store failed: ${r.stderr}`);
    },
    count() {
      const r = tool(['search', '--all', 'service', 'reframe']);
      return (r.stdout.match(/^\[\/org\/freedesktop\/secrets\/collection\//gm) ?? []).length;
    },
  };
}
