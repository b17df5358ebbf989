// The OS keyring as the journal's passphrase source (issue 19), against a real Secret Service: gnome-keyring-daemon
// on a private session bus (test/helpers/keyring.ts), read and planted from outside with secret-tool. Only when the
// person chose it (`reframe passphrase --remember`), only where a real Secret Service runs, never hanging cron.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, run, sandbox, type Sandbox } from '../helpers/run';
import { SENTINEL, sentinelFlags, expectCalm, sha256 } from '../helpers/faults';
import { hasSecretServiceTools, startBus, startKeyring, type Bus, type Keyring } from '../helpers/keyring';
import { hasTmux, Terminal } from '../helpers/tmux';
import { keyringNotePath } from '../../src/journal/keyring';

// CI installs the tools (.ci/run): there a missing one is a failure, not a skip.
const tools = hasSecretServiceTools();
if (!tools && process.env.CI) throw new Error('keyring tests: dbus-daemon, gnome-keyring-daemon and secret-tool are needed (.ci/run installs them)');

const PASS = "keyring 'test' passphrase";
const PASS2 = 'a second passphrase';

let keyring: Keyring;
let sb: Sandbox;
let term: Terminal | undefined;

function keyFile(name: string, text: string): string {
  const p = join(sb.dir, name);
  writeFileSync(p, `${text}\n`);
  chmodSync(p, 0o600);
  return p;
}

/** Every file in the sandbox and the keyring's folder (but the passphrase files): none may hold the text. */
function filesHolding(text: string): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.isFile() ? [p] : [];
  });
  return [...walk(sb.dir), ...walk(keyring.dir)]
    .filter((p) => !/[/](pw|pw2|bad)$/.test(p))
    .filter((p) => readFileSync(p).includes(Buffer.from(text)));
}

function folderState(): Record<string, string> {
  const dir = dirname(sb.db);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = sha256(join(dir, name));
  return out;
}

/** An encrypted journal holding one record with the sentinel, and the passphrase file that opens it. */
function encryptedJournal(): string {
  const pw = keyFile('pw', PASS);
  expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
  const r = run(sb, ['--passphrase-file', pw, 'new', ...sentinelFlags()]);
  expect(r.code, r.stderr).toBe(0);
  return pw;
}

const withBus = () => ({ DBUS_SESSION_BUS_ADDRESS: keyring.address });

function ok(args: string[], env: Record<string, string | undefined> = {}) {
  const r = run(sb, args, { env });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** Like cron: env -i with PATH, HOME and the sandbox's folders only, no terminal; timed. */
function cronLike(args: string[], extra: Record<string, string> = {}) {
  const vars = { PATH: '/usr/bin:/bin', HOME: sb.env.HOME, XDG_DATA_HOME: sb.env.XDG_DATA_HOME, XDG_STATE_HOME: sb.env.XDG_STATE_HOME, TZ: sb.env.TZ, ...extra };
  const started = Date.now();
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const child = spawn('env', ['-i', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), process.execPath, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: sb.dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('close', (code) => { clearTimeout(killer); resolve({ code, stdout, stderr, ms: Date.now() - started }); });
  });
}

describe.skipIf(!tools)('the OS keyring (a real Secret Service)', () => {
  beforeAll(async () => { keyring = await startKeyring(); }, 60_000);
  afterAll(() => keyring?.stop());
  beforeEach(() => { sb = sandbox('reframe-kr-'); });
  afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

  it('remember: no file and no terminal opens the journal, doctor says keyring; forget: exit 2 again', () => {
    const pw = encryptedJournal();
    expect(keyring.lookup(sb.db)).toBeUndefined();

    const rem = ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    expect(rem.stderr).toMatch(/Your keyring remembers this journal's passphrase now/);
    expect(rem.stderr).toContain(sb.db);
    expect(rem.stderr).not.toContain(PASS);
    // Stored in the Secret Service itself, under service "reframe" and the journal's absolute path.
    expect(keyring.lookup(sb.db)).toBe(PASS);
    // And the note that the person chose it (no secret: an empty private file), without which it is never asked.
    const note = keyringNotePath(join(sb.env.XDG_STATE_HOME!, 'reframe'), sb.db);
    expect(readFileSync(note, 'utf8')).toBe('');
    expect(statSync(note).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(note)).mode & 0o777).toBe(0o700);

    // No passphrase file, no terminal: the keyring opens it.
    const list = ok(['list'], withBus());
    expect(list.stdout).toContain(SENTINEL);
    expect(list.stderr).toBe('');
    const doc = ok(['doctor'], withBus());
    expect(doc.stdout).toMatch(/Encryption: encrypted \(SQLCipher 4\), opened with the passphrase remembered in your keyring/);
    // A passphrase file still comes first, and doctor says so.
    expect(ok(['--passphrase-file', pw, 'doctor'], withBus()).stdout).toMatch(/--passphrase-file file/);
    // The passphrase is on no file but its own file (the keyring's own file is encrypted by gnome-keyring).
    expect(filesHolding(PASS)).toEqual([]);
    expect(filesHolding(SENTINEL)).toEqual([]);

    const forget = ok(['passphrase', '--forget'], withBus());
    expect(forget.stderr).toMatch(/no longer holds the passphrase/);
    expect(keyring.lookup(sb.db)).toBeUndefined();
    expect(existsSync(note)).toBe(false);
    const locked = run(sb, ['list'], { env: withBus() });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toMatch(/REFRAME_PASSPHRASE_FILE/);
    expect(locked.stderr.trim().split('\n')).toHaveLength(1);
    expectCalm(locked, 'list');
    const again = ok(['passphrase', '--forget'], withBus());
    expect(again.stderr).toMatch(/nothing to forget/);
  });

  it('without --remember the keyring is never used, even when it holds nothing', () => {
    encryptedJournal();
    const r = run(sb, ['list'], { env: withBus() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/REFRAME_PASSPHRASE_FILE/);
    expect(keyring.lookup(sb.db)).toBeUndefined();
    // Nor when something else put the right passphrase there: only the person's choice (--remember) counts.
    keyring.store(sb.db, PASS);
    const planted = run(sb, ['list'], { env: withBus() });
    expect(planted.code).toBe(2);
    expect(planted.stdout).not.toContain(SENTINEL);
    expect(existsSync(keyringNotePath(join(sb.env.XDG_STATE_HOME!, 'reframe'), sb.db))).toBe(false);
  });

  it('a wrong stored entry: one line and exit 2 without a terminal, nothing written; daily still runs from the state file', () => {
    const pw = encryptedJournal();
    ok(['--passphrase-file', pw, 'daily']); // the state file, as any keyed daily leaves it
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    keyring.store(sb.db, 'not the passphrase'); // changed behind reframe's back
    const before = folderState();
    for (const args of [['list'], ['new', ...sentinelFlags()], ['doctor']]) {
      const r = run(sb, args, { env: withBus() });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split('\n'), args[0]).toHaveLength(1);
      expect(r.stderr).toMatch(/The passphrase remembered in your keyring doesn't open the journal at .*Nothing was changed/);
      expect(r.stderr).not.toContain('not the passphrase');
      expectCalm(r, args[0]);
      expect(folderState(), args[0]).toEqual(before);
    }
    // The entry is left as it was: reframe never writes to the keyring unless asked.
    expect(keyring.lookup(sb.db)).toBe('not the passphrase');

    const daily = run(sb, ['daily'], { env: withBus() });
    expect(daily.code, daily.stderr).toBe(0);
    expect(daily.stdout).toMatch(/Streak: 1 day/);
    expect(daily.stdout).toMatch(/Your journal is locked/);
    expect(daily.stderr.trim().split('\n')).toHaveLength(1);
    expect(daily.stderr).toMatch(/remembered in your keyring doesn't open/);

    // --remember puts the right one back (proved with the file first).
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    expect(keyring.lookup(sb.db)).toBe(PASS);
    expect(ok(['list'], withBus()).stdout).toContain(SENTINEL);
  });

  it.skipIf(!hasTmux())('a wrong stored entry on a terminal: one line, then the prompt opens it', async () => {
    const pw = encryptedJournal();
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    keyring.store(sb.db, 'stale passphrase');
    term = new Terminal(sb, ['list'], { ...withBus(), REFRAME_PAGER: 'cat' });
    await term.waitFor('Passphrase for your journal:', { timeoutMs: 30_000 });
    expect(term.screen()).toMatch(/remembered in your keyring doesn't open this journal/);
    term.type(PASS);
    expect(await term.exitCode(30_000)).toBe(0);
    const screen = term.screen();
    expect(screen).toContain(SENTINEL);
    expect(screen).not.toContain('stale passphrase');
    expect(screen).not.toContain(PASS);
  });

  it('--remember with no secret service: exit 2, one line naming a passphrase file, nothing stored', async () => {
    const pw = encryptedJournal();
    // No session bus at all (cron, ssh, a container).
    const noBus = run(sb, ['passphrase', '--remember'], { env: { REFRAME_PASSPHRASE_FILE: pw } });
    expect(noBus.code).toBe(2);
    expect(noBus.stderr.trim().split('\n')).toHaveLength(1);
    expect(noBus.stderr).toMatch(/no desktop session bus here.*won't remember.*REFRAME_PASSPHRASE_FILE/);
    // A session bus with no Secret Service on it.
    const bare: Bus = await startBus();
    try {
      const noService = run(sb, ['passphrase', '--remember'], { env: { REFRAME_PASSPHRASE_FILE: pw, DBUS_SESSION_BUS_ADDRESS: bare.address } });
      expect(noService.code).toBe(2);
      expect(noService.stderr.trim().split('\n')).toHaveLength(1);
      expect(noService.stderr).toMatch(/No keyring service .* is running here.*REFRAME_PASSPHRASE_FILE/);
      // --forget there: exit 2 too, and list is the usual no-key exit 2 (nothing hangs, nothing is said of it).
      expect(run(sb, ['passphrase', '--forget'], { env: { DBUS_SESSION_BUS_ADDRESS: bare.address } }).code).toBe(2);
      const list = run(sb, ['list'], { env: { DBUS_SESSION_BUS_ADDRESS: bare.address } });
      expect(list.code).toBe(2);
      expect(list.stderr).toMatch(/REFRAME_PASSPHRASE_FILE/);
    } finally {
      bare.stop();
    }
    expect(keyring.lookup(sb.db)).toBeUndefined();
    // A plain journal has nothing to remember.
    const plain = sandbox('reframe-kr-plain-');
    try {
      run(plain, ['new', ...sentinelFlags()]);
      const r = run(plain, ['passphrase', '--remember'], { env: withBus() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not encrypted/);
      expect(keyring.lookup(plain.db)).toBeUndefined();
    } finally {
      plain.cleanup();
    }
    // --remember with --forget: one at a time.
    expect(run(sb, ['passphrase', '--remember', '--forget'], { env: withBus() }).code).toBe(2);
  });

  it('passphrase change updates a remembered entry; decrypt forgets it', () => {
    const pw = encryptedJournal();
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    const pw2 = keyFile('pw2', PASS2);
    // The old passphrase from the keyring, the new one from a file.
    const change = ok(['passphrase', '--new-passphrase-file', pw2], withBus());
    expect(change.stderr).toMatch(/passphrase is changed/);
    expect(change.stderr).toMatch(/Your keyring remembers the new passphrase too/);
    expect(keyring.lookup(sb.db)).toBe(PASS2);
    expect(ok(['list'], withBus()).stdout).toContain(SENTINEL);
    expect(run(sb, ['--passphrase-file', pw, 'list']).code).toBe(2);

    const dec = ok(['decrypt'], withBus());
    expect(dec.stderr).toMatch(/no longer encrypted/);
    expect(dec.stderr).toMatch(/Your keyring no longer holds its passphrase either/);
    expect(keyring.lookup(sb.db)).toBeUndefined();
    expect(ok(['doctor']).stdout).toMatch(/not encrypted/);
  });

  it('a change without a remembered entry leaves the keyring alone', () => {
    const pw = encryptedJournal();
    const pw2 = keyFile('pw2', PASS2);
    const change = ok(['--passphrase-file', pw, 'passphrase', '--new-passphrase-file', pw2], withBus());
    expect(change.stderr).not.toMatch(/keyring/);
    expect(keyring.lookup(sb.db)).toBeUndefined();
  });

  it('daily from cron (env -i, no bus) works from the state file after --remember, quickly and quietly', async () => {
    const pw = encryptedJournal();
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    ok(['daily'], withBus()); // opened through the keyring: the state file is refreshed
    const r = await cronLike(['daily']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Streak: 1 day/);
    expect(r.stdout).toMatch(/Your journal is locked/);
    expect(r.ms).toBeLessThan(10_000);
    // With the bus (a cron job inside a desktop session), daily opens the journal itself.
    const desk = await cronLike(['daily'], withBus());
    expect(desk.code, desk.stderr).toBe(0);
    expect(desk.stdout).not.toMatch(/Your journal is locked/);
  });

  it('a session bus that never answers: daily still runs from the state file and list is exit 2, within seconds', async () => {
    const pw = encryptedJournal();
    ok(['--passphrase-file', pw, 'daily']);
    // As after --remember on a day the keyring answered: the note that the person chose it.
    mkdirSync(join(sb.env.XDG_STATE_HOME!, 'reframe', 'keyring'), { recursive: true, mode: 0o700 });
    writeFileSync(keyringNotePath(join(sb.env.XDG_STATE_HOME!, 'reframe'), sb.db), '', { mode: 0o600 });
    const dir = join(sb.dir, 'hang');
    mkdirSync(dir);
    const socket = join(dir, 'bus');
    const silent: Server = createServer(() => { /* accepts, never says a word */ });
    await new Promise<void>((resolve) => silent.listen(socket, resolve));
    try {
      const env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` };
      const daily = await cronLike(['daily'], env);
      expect(daily.code, daily.stderr).toBe(0);
      expect(daily.stdout).toMatch(/Your journal is locked/);
      expect(daily.stderr).toBe('');
      expect(daily.ms).toBeLessThan(12_000);
      const list = await cronLike(['list'], env);
      expect(list.code).toBe(2);
      expect(list.stderr).toMatch(/REFRAME_PASSPHRASE_FILE/);
      expect(list.ms).toBeLessThan(12_000);
    } finally {
      silent.close();
    }
  });

  it('the secret never reaches a command line or the environment of the helper', () => {
    // The helper is started with `__keyring` only; what it is asked travels on its stdin. Seen from outside:
    // while reframe runs, no process's command line or environment holds the passphrase.
    const pw = encryptedJournal();
    ok(['passphrase', '--remember'], { ...withBus(), REFRAME_PASSPHRASE_FILE: pw });
    const child = spawn(process.execPath, [BIN, 'list'], { env: { ...sb.env, ...withBus() }, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen: string[] = [];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && child.exitCode === null) {
      for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
        for (const f of ['cmdline', 'environ']) {
          try { if (readFileSync(`/proc/${pid}/${f}`).includes(Buffer.from(PASS))) seen.push(`${pid}/${f}`); } catch { /* gone or not ours */ }
        }
      }
      spawnSync('sleep', ['0.02']);
    }
    child.kill();
    expect(seen).toEqual([]);
    expect(statSync(sb.db).size).toBeGreaterThan(0);
  });
});
