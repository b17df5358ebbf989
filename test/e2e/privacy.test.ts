// Nobody else reads it: file modes under any umask, a warning for a journal others can read, the text of a
// record on no error path, and no network at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { BIN, ROOT, run, sandbox, type RunResult, type Sandbox } from '../helpers/run';
import { COMMANDS, FILE_MAKERS, SENTINEL, STACK, expectCalm, makeWorld, sentinelFlags, sentinelRecord, type World } from '../helpers/faults';
import { CTRL_C, FakePrompter, testContext } from '../helpers/context';
import { openDatabase } from '../../src/journal/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/journal/migrations';
import { runNew } from '../../src/commands/new/run';
import { runEdit } from '../../src/commands/edit/run';
import { ReframeError } from '../../src/errors';

const mode = (p: string) => statSync(p).mode & 0o777;

/** Run reframe under a given umask, through a shell, as a person's login shell would. */
function runUmask(sb: Sandbox, umask: string, args: string[], env: Record<string, string> = {}): RunResult {
  const r = spawnSync('sh', ['-c', `umask ${umask}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
    env: { ...sb.env, ...env }, cwd: sb.dir, encoding: 'utf8', input: '', timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Every file and folder below a path, with its mode. */
function walk(p: string): { path: string; dir: boolean; mode: number }[] {
  const st = statSync(p);
  const me = { path: p, dir: st.isDirectory(), mode: st.mode & 0o777 };
  if (!me.dir) return [me];
  return [me, ...readdirSync(p).flatMap((f) => walk(join(p, f)))];
}

describe.each(['000', '022'])('file modes under umask %s', (umask) => {
  let sb: Sandbox;
  beforeAll(() => { sb = sandbox(); });
  afterAll(() => sb.cleanup());

  it('the journal is 0600 and its folder 0700 when reframe makes them', () => {
    const r = runUmask(sb, umask, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40']);
    expect(r.code, r.stderr).toBe(0);
    expect(mode(sb.db)).toBe(0o600);
    expect(mode(join(sb.dir, 'data', 'reframe'))).toBe(0o700);
    expect(r.stderr).not.toMatch(/can be read by other people/);
  });

  it('its -wal and -shm files are 0600 while a save is under way', async () => {
    const p = spawn('sh', ['-c', `umask ${umask}; exec "$0" "$@"`, process.execPath, BIN, 'new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40'], {
      env: { ...sb.env, REFRAME_TEST_SLOW_WRITE_MS: '2000' }, stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (!(existsSync(sb.db + '-wal') && existsSync(sb.db + '-shm')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(mode(sb.db + '-wal')).toBe(0o600);
    expect(mode(sb.db + '-shm')).toBe(0o600);
    expect(await exited).toBe(0);
  });

  it('the copy kept before an upgrade is 0600', () => {
    const path = join(sb.dir, `old-${umask}.db`);
    openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) }).close();
    const r = runUmask(sb, umask, ['list'], { REFRAME_DB: path });
    expect(r.code, r.stderr).toBe(0);
    const backup = `${path}.before-v${SCHEMA_VERSION}.bak`;
    expect(mode(backup)).toBe(0o600);
  });

  it.each(FILE_MAKERS)('$name writes files 0600 and folders 0700', (maker) => {
    const w = makeWorld(sandboxFor(sb, maker.name));
    const r = runUmask(w.sb, umask, maker.args(w));
    expect(r.code, r.stderr).toBe(0);
    for (const out of maker.outputs(w)) {
      for (const f of walk(out)) expect(`${f.path} ${f.mode.toString(8)}`).toBe(`${f.path} ${(f.dir ? 0o700 : 0o600).toString(8)}`);
    }
  });

  it('a draft kept by Ctrl-C lives inside the journal: no other file appears', async () => {
    const old = process.umask(parseInt(umask, 8));
    const t = testContext({ tty: true, prompter: new FakePrompter({ situation: [`${SENTINEL} draft`], when: [CTRL_C] }) });
    try {
      await expect(runNew({}, t.ctx)).rejects.toMatchObject({ exitCode: 130 });
      t.ctx.journalIfExists()?.close();
      const folder = join(t.dir, 'data', 'reframe');
      const files = walk(join(t.dir, 'data'));
      expect(files.filter((f) => !f.dir).map((f) => f.path)).toEqual([join(folder, 'journal.db')]);
      for (const f of files) expect(`${f.path} ${f.mode.toString(8)}`).toBe(`${f.path} ${f.dir ? '700' : '600'}`);
      const db = new Database(join(folder, 'journal.db'), { readonly: true });
      expect(db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);
      db.close();
    } finally {
      process.umask(old);
      t.cleanup();
    }
  });
});

/** A fresh sandbox per file maker, cleaned with the parent. */
function sandboxFor(parent: Sandbox, name: string): Sandbox {
  const sb = sandbox();
  const cleanup = parent.cleanup;
  parent.cleanup = () => { sb.cleanup(); cleanup(); };
  void name;
  return sb;
}

describe('a journal others can read', () => {
  let sb: Sandbox;
  beforeAll(() => {
    sb = sandbox();
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('gets one warning on stderr that says how to fix it, and is not changed behind the person\'s back', () => {
    chmodSync(sb.db, 0o644);
    const r = run(sb, ['list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr.match(/can be read by other people/g)).toHaveLength(1);
    expect(r.stderr).toContain(sb.db);
    expect(r.stderr).toContain(`chmod 600 ${sb.db}`);
    expect(mode(sb.db)).toBe(0o644);
  });

  it('no warning once it is private again', () => {
    chmodSync(sb.db, 0o600);
    const r = run(sb, ['list']);
    expect(r.stderr).not.toMatch(/can be read by other people/);
  });
});

describe('the text of a record never reaches stderr', () => {
  let sb: Sandbox;
  let w: World;
  const file = (name: string, content: string | Buffer) => {
    const p = join(sb.dir, name);
    writeFileSync(p, content);
    return p;
  };
  beforeAll(() => {
    sb = sandbox();
    w = makeWorld(sb);
  });
  afterAll(() => sb.cleanup());

  const rec = () => sentinelRecord();
  const bad = (patch: Record<string, unknown>) => JSON.stringify({ ...rec(), ...patch });

  // Each: argv (and stdin) that fails; the sentinel is in every text field it carries.
  const PATHS: { name: string; args: () => string[]; input?: () => string | Buffer; code: number }[] = [
    { name: 'unknown flag', args: () => ['new', ...sentinelFlags(), '--bogus'], code: 2 },
    { name: 'rating out of range', args: () => ['new', ...sentinelFlags(), '--belief', '101'], code: 2 },
    { name: 'rating not a number', args: () => ['new', ...sentinelFlags(), '--reframe-belief', 'lots'], code: 2 },
    { name: 'malformed emotion', args: () => ['new', ...sentinelFlags(), '--emotion', 'anxious'], code: 2 },
    { name: 'unknown pattern', args: () => ['new', ...sentinelFlags(), '--distortion', 'not-a-pattern'], code: 2 },
    { name: 'bad date', args: () => ['new', ...sentinelFlags(), '--at', 'the day before'], code: 2 },
    { name: 'missing emotion', args: () => ['new', '--situation', SENTINEL, '--thought', SENTINEL], code: 2 },
    { name: 'text too long', args: () => ['new', ...sentinelFlags(), '--situation', `${SENTINEL} `.repeat(3000)], code: 2 },
    { name: 'flags and --input together', args: () => ['new', ...sentinelFlags(), '--input', w.files.record], code: 2 },
    { name: 'bad JSON in a file', args: () => ['new', '--input', file('broken.json', JSON.stringify(rec()).slice(0, -20))], code: 2 },
    { name: 'bad JSON on stdin', args: () => ['new', '--input', '-'], input: () => `{"situation": "${SENTINEL}", oops}`, code: 2 },
    { name: 'invalid record: rating', args: () => ['new', '--input', file('r1.json', bad({ beliefBefore: 101 }))], code: 2 },
    { name: 'invalid record: unknown field', args: () => ['new', '--input', file('r2.json', bad({ mood: SENTINEL }))], code: 2 },
    { name: 'invalid record: wrong types', args: () => ['new', '--input', file('r3.json', bad({ emotions: SENTINEL, tags: SENTINEL, answers: [SENTINEL] }))], code: 2 },
    { name: 'invalid record: long emotion name', args: () => ['new', '--input', file('r4.json', bad({ emotions: [{ name: SENTINEL.repeat(3), before: 10 }] }))], code: 2 },
    { name: 'invalid record: tag with spaces', args: () => ['new', '--input', file('r5.json', bad({ tags: [`${SENTINEL} two words`] }))], code: 2 },
    { name: 'invalid record: blank thought', args: () => ['new', '--input', file('r6.json', bad({ thought: '   ' }))], code: 2 },
    { name: 'invalid UTF-8 on stdin', args: () => ['new', '--input', '-'], input: () => Buffer.concat([Buffer.from(`{"situation": "${SENTINEL} `), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), code: 2 },
    { name: 'a folder as --input', args: () => ['new', '--input', sb.dir], code: 2 },
    { name: 'same id saved twice', args: () => ['new', '--input', file('dup.json', JSON.stringify({ ...rec(), id: w.id }))], code: 2 },
    { name: 'edit: unknown id', args: () => ['edit', '01ZZZZZZZZ', ...sentinelFlags().slice(0, 4)], code: 2 },
    { name: 'edit: bad rating', args: () => ['edit', w.id, '--reframe', SENTINEL, '--belief-after', '-3'], code: 2 },
    { name: 'edit: re-rate a feeling it does not have', args: () => ['edit', w.id, '--emotion', 'lonely::20'], code: 2 },
    { name: 'edit without a terminal or flags', args: () => ['edit', w.id], code: 2 },
    { name: 'delete without --yes', args: () => ['delete', w.id], code: 2 },
    { name: 'show: id too short', args: () => ['show', w.id.slice(0, 4)], code: 2 },
    { name: 'list: search it cannot parse', args: () => ['list', '--search', '"unterminated AND ('], code: 2 },
    { name: 'list: bad --since', args: () => ['list', '--since', 'soonish'], code: 2 },
    { name: 'new --resume without a terminal', args: () => ['new', '--resume'], code: 2 },
    { name: 'import: one bad record among good ones', args: () => ['import', file('imp.json', JSON.stringify([rec(), { ...rec(), beliefBefore: 500 }, rec()]))], code: 2 },
    { name: 'import: broken JSON Lines', args: () => ['import', file('imp.jsonl', `${JSON.stringify(rec())}\n{"situation": "${SENTINEL}"\n`)], code: 2 },
    { name: 'import: not UTF-8', args: () => ['import', '-'], input: () => Buffer.concat([Buffer.from(`[{"situation": "${SENTINEL}`), Buffer.from([0xc0, 0x80]), Buffer.from('"}]')]), code: 2 },
    { name: 'export: unknown format', args: () => ['export', '--format', 'docx'], code: 2 },
    { name: 'backup over an existing file', args: () => ['backup', w.files.record], code: 2 },
  ];

  it.each(PATHS)('$name', (p) => {
    const r = run(sb, p.args(), { input: p.input?.() });
    expectCalm(r, p.name);
    expect(r.code, r.stderr).toBe(p.code);
    expect(r.stdout).toBe('');
  });

  it('a record saved half-way (no feelings): no command prints its text on stderr', () => {
    // Damaged, locked and too-new journals full of the sentinel: see the matrix in test/e2e/damaged.test.ts.
    const raw = new Database(sb.db);
    raw.prepare("INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES ('01JD7X4Q9V6M2W8K3T5R0YH1ZY', '2026-11-21T10:00:00.000Z', '2026-11-21T10:00:00.000Z', '2026-11-21T10:00:00.000Z', ?, ?)").run(SENTINEL, SENTINEL);
    raw.close();
    for (const c of COMMANDS) {
      const args = c.args(w).map((a) => (a === w.id ? '01JD7X4Q9V6M2W8K3T5R0YH1ZY' : a));
      const r = run(sb, args, { input: c.input?.(w) });
      expectCalm(r, c.name);
    }
  });

  it('what cron logs (`reframe daily` without a terminal) carries no record text', () => {
    // Times that are never in the future, whatever the hour the test runs (a future --at is refused).
    for (const at of ['yesterday 21:00', 'today 00:00']) {
      expect(run(sb, ['new', ...sentinelFlags(), '--distortion', 'mind-reading', '--at', at]).code).toBe(0);
    }
    for (const args of [['daily'], ['daily', '--json']]) {
      const r = run(sb, args);
      expectCalm(r, args.join(' '));
      expect(r.code).toBe(0);
      expect(r.stdout.toLowerCase()).not.toContain(SENTINEL.toLowerCase());
      expect(r.stdout).toMatch(/\S/);
    }
  });

  it('Ctrl-C in the guided flows: the message and the draft note carry none of the answers', async () => {
    const scripts: Record<string, unknown[]>[] = [
      { situation: [`${SENTINEL} s`], when: [CTRL_C] },
      { situation: [`${SENTINEL} s`], when: [''], emotion: ['anxious', '__done'], emotionBefore: [70], thought: [`${SENTINEL} t`, CTRL_C] },
    ];
    for (const answers of scripts) {
      const t = testContext({ tty: true, prompter: new FakePrompter(answers as never) });
      try {
        const err = await runNew({}, t.ctx).then(() => undefined, (e: unknown) => e);
        expect(err).toBeInstanceOf(ReframeError);
        const e = err as ReframeError;
        expect(e.exitCode).toBe(130);
        expect(`${e.message}\n${e.hint ?? ''}\n${t.stderr.text}`).not.toContain(SENTINEL);
        expect(t.stderr.text).toMatch(/kept as a draft/);
      } finally {
        t.cleanup();
      }
    }
    const t = testContext({ tty: true, prompter: new FakePrompter({ editField: ['thought'], thought: [CTRL_C] }) });
    try {
      const rec = { ...sentinelRecord(), id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-20T20:00:00.000Z' };
      const p = join(t.dir, 'rec.json');
      writeFileSync(p, JSON.stringify(rec));
      await runNew({ input: p }, t.ctx);
      const before = t.stderr.text.length;
      const err = (await runEdit(rec.id, {}, t.ctx).then(() => undefined, (e: unknown) => e)) as ReframeError;
      expect(err.exitCode).toBe(130);
      expect(`${err.message}\n${err.hint ?? ''}\n${t.stderr.text.slice(before)}`).not.toContain(SENTINEL);
    } finally {
      t.cleanup();
    }
  });

  it('REFRAME_DEBUG=1 is the only way to see a stack', () => {
    // A check of the STACK pattern itself: with debugging on, the same error does show one.
    const plain = join(sb.dir, 'plain');
    writeFileSync(plain, 'not a journal');
    expect(run(sb, ['list'], { env: { REFRAME_DB: plain, REFRAME_DEBUG: '1' } }).stderr).toMatch(STACK);
    const quiet = run(sb, ['list'], { env: { REFRAME_DB: plain } });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).not.toMatch(STACK);
  });
});

describe('no network, ever', () => {
  let sb: Sandbox;
  let w: World;
  let guard: string;
  let log: string;
  beforeAll(() => {
    sb = sandbox();
    w = makeWorld(sb);
    guard = join(sb.dir, 'no-network.cjs');
    log = join(sb.dir, 'network-attempts.log');
    // Loaded before reframe: every way out to the network records the attempt and throws.
    writeFileSync(guard, `
      const fs = require('node:fs');
      const block = (what) => function () {
        fs.appendFileSync(${JSON.stringify(log)}, what + '\\n');
        throw new Error('network use is not allowed: ' + what);
      };
      const net = require('node:net');
      net.connect = net.createConnection = block('net.connect');
      net.Socket.prototype.connect = block('net.Socket.connect');
      for (const m of ['node:http', 'node:https']) {
        const mod = require(m);
        mod.request = block(m + '.request');
        mod.get = block(m + '.get');
      }
      const tls = require('node:tls');
      tls.connect = block('tls.connect');
      const dns = require('node:dns');
      for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns[k] = block('dns.' + k);
      for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns.promises[k] = block('dns.promises.' + k);
      require('node:dgram').createSocket = block('dgram.createSocket');
      require('node:http2').connect = block('http2.connect');
      globalThis.fetch = block('fetch');
      if (globalThis.WebSocket) globalThis.WebSocket = block('WebSocket');
      require('node:module').syncBuiltinESMExports();
    `);
  });
  afterAll(() => sb.cleanup());

  const guarded = (args: string[], input?: string) =>
    run(sb, args, { input, env: { NODE_OPTIONS: `--require ${guard}` } });

  it('the guard itself catches a request (so the checks below can fail)', () => {
    const r = spawnSync(process.execPath, ['--require', guard, '--input-type=module', '-e',
      "import https from 'node:https'; try { https.get('https://example.com') } catch {} try { await fetch('http://example.com') } catch {}"], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['node:https.get', 'fetch']);
    writeFileSync(log, '');
  });

  it.each(COMMANDS)('$name works with every network call blocked, and makes none', (c) => {
    const r = guarded(c.args(w), c.input?.(w));
    expectCalm(r, c.name);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('');
  });

  it('the bundle imports no network module', () => {
    const dist = join(ROOT, 'dist');
    const files = walk(dist).filter((f) => !f.dir && /\.(c|m)?js$/.test(f.path));
    expect(files.length).toBeGreaterThan(0);
    const NET = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:)?(?:http|https|http2|tls|dns|dgram)(?:\/promises)?["']/;
    for (const f of files) expect(readFileSync(f.path, 'utf8'), f.path).not.toMatch(NET);
  });

  it('node:net only for the local session bus: one source file, unix sockets only', () => {
    // The keyring helper asks the D-Bus session bus (a unix socket on this computer, the same one the keyring
    // library's own libdbus uses) whether a Secret Service is there (src/journal/dbus.ts). Nothing else may
    // import node:net, and that file connects by socket path only, never to a host or a port.
    const NET = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:)?net["']/;
    const sources = walk(join(ROOT, 'src')).filter((f) => !f.dir && f.path.endsWith('.ts'));
    const users = sources.filter((f) => NET.test(readFileSync(f.path, 'utf8'))).map((f) => f.path.slice(ROOT.length + 1));
    expect(users).toEqual(['src/journal/dbus.ts']);
    const text = readFileSync(join(ROOT, 'src', 'journal', 'dbus.ts'), 'utf8');
    const connects = [...text.matchAll(/createConnection\(([^)]*)\)/g)].map((m) => m[1]);
    expect(connects).toEqual(['{ path: socketPath }']);
    expect(text).not.toMatch(/\b(host|port)\s*:/);
  });
});

