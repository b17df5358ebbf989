// Installed as a person installs a command-line tool: `npm pack`, then `npm install -g` of that tarball into a
// temporary prefix, against a registry served on 127.0.0.1 that holds better-sqlite3-multiple-ciphers as a prebuilt ships it (the
// addon already built in node_modules, no install script): no network, no compiling (scripts/install-local.mjs).
// Then reframe runs from another folder with a fresh home, with the package read-only (as another user when
// the tests run as root), and makes its start-up caches under $XDG_CACHE_HOME/reframe.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';
import { STACK } from '../helpers/faults';
// @ts-expect-error a plain ES module script, no types
import { installLocal } from '../../scripts/install-local.mjs';

interface Installed { bin: string; prefix: string; files: string[]; registry: string; npm(args: string[], o?: { cwd?: string; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }>; close(): Promise<void> }

const dir = mkdtempSync(join(tmpdir(), 'reframe-install-'));
chmodSync(dir, 0o755);
let inst: Installed;
const pkgDir = () => join(inst.prefix, 'lib', 'node_modules', 'reframe-cbt');
// As root, a read-only package means nothing unless someone else runs it: then reframe runs as nobody (when
// nobody can reach Node and the temp folder; otherwise as root, which still checks everything but the modes).
let asOther = false;
const AS_NOBODY = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];
const home = join(dir, 'home');
const elsewhere = join(dir, 'elsewhere');

function treeMode(path: string, mode: number) {
  chmodSync(path, statSync(path).isDirectory() ? mode | 0o111 : mode);
  if (statSync(path).isDirectory()) for (const e of readdirSync(path)) treeMode(join(path, e), mode);
}

function reframe(args: string[], o: { env?: Record<string, string>; input?: string } = {}) {
  const env: Record<string, string> = {
    PATH: `${join(inst.prefix, 'bin')}:${process.env.PATH}`, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', ...o.env,
  };
  const [cmd, pre] = asOther ? [AS_NOBODY[0], AS_NOBODY.slice(1)] : ['reframe', []];
  const r = spawnSync(cmd, [...pre, ...(asOther ? ['reframe'] : []), ...args], { cwd: elsewhere, env, encoding: 'utf8', input: o.input ?? '', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  inst = await installLocal({ dir }) as Installed;
  treeMode(pkgDir(), 0o555); // read-only for everyone
  mkdirSync(elsewhere, { mode: 0o777 });
  mkdirSync(home, { mode: 0o700 });
  if (process.getuid?.() === 0 && existsSync(AS_NOBODY[0])) {
    const probe = spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), inst.bin, '--version'], { cwd: elsewhere, env: { PATH: `${join(inst.prefix, 'bin')}:${process.env.PATH}` }, encoding: 'utf8' });
    asOther = probe.status === 0;
    if (asOther) spawnSync('chown', ['65534:65534', home, elsewhere]);
  }
}, 300_000);

afterAll(async () => {
  await inst?.close();
  if (inst) treeMode(pkgDir(), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm install -g of the packed tarball', () => {
  it('ships the built program, its data and the man page, and no tests or sources', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'reframe.json'), 'utf8'));
    expect(inst.files).toEqual(expect.arrayContaining(['bin/reframe', 'dist/reframe.json', `dist/${manifest.bundle}`, 'data/patterns.json', 'dist/man/reframe.1', 'README.md', 'package.json']));
    // Every start pack the manifest names is shipped (bin/reframe would pass over a missing one, only slower).
    const packs = Object.values(manifest.packs as Record<string, { file: string }>);
    expect(packs.length).toBeGreaterThan(3);
    for (const p of packs) expect(inst.files).toContain(`dist/${manifest.bundle.replace(/[^/]+$/, p.file)}`);
    expect(inst.files.filter((f) => /^(test|src|scripts|node_modules|docs)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(pkgDir(), 'package.json'), 'utf8'));
    expect(pkg.name).toBe('reframe-cbt');
    expect(pkg.bin).toEqual({ reframe: 'bin/reframe' });
    expect(Object.keys(pkg.dependencies)).toEqual(['@napi-rs/keyring', 'better-sqlite3-multiple-ciphers']);
    // The keyring's addon (outside the bundle, for the keyring helper) loads from where npm put it.
    const keyring = spawnSync(process.execPath, ['-e', `const r = require('node:module').createRequire(${JSON.stringify(join(pkgDir(), 'package.json'))}); if (typeof r('@napi-rs/keyring').Entry !== 'function') process.exit(3)`], { encoding: 'utf8' });
    expect(keyring.status, keyring.stderr).toBe(0);
    // npm links the man page into the prefix: `man reframe` finds it.
    const man = readFileSync(join(inst.prefix, 'share', 'man', 'man1', 'reframe.1'), 'utf8');
    expect(man).toMatch(/^\.TH REFRAME 1 /);
    expect(man).toMatch(/\.SS reframe cron install\n/);
    expect(man).toMatch(/REFRAME_BUSY_TIMEOUT_MS/);
  });

  it('runs new, list, stats, completion and a did-you-mean from another folder with a fresh home', () => {
    const id = reframe(['new', '--situation', 'Quiet dinner', '--thought', 'She must think I am boring', '--emotion', 'anxious:70', '--tag', 'partner']);
    expect(id.stderr).not.toMatch(STACK);
    expect(id.code, id.stderr).toBe(0);
    expect(id.stdout.trim()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(existsSync(join(home, '.local', 'share', 'reframe', 'journal.db'))).toBe(true);
    const list = reframe(['list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('She must think I am boring');
    const stats = reframe(['stats', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ records: 1, tags: [{ tag: 'partner', count: 1 }] });
    const script = reframe(['completion', 'bash']);
    expect(script.code).toBe(0);
    const check = spawnSync('bash', ['-n'], { input: script.stdout, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    // The completion script asks the installed reframe itself, as a shell would at a Tab.
    const tab = spawnSync('bash', ['-c', `${script.stdout}\nCOMP_WORDS=(reframe list --tag p); COMP_CWORD=3; _reframe_complete; printf '%s\\n' "\${COMPREPLY[@]}"`],
      { encoding: 'utf8', env: { PATH: `${join(inst.prefix, 'bin')}:${process.env.PATH}`, HOME: home, LANG: 'C.UTF-8' }, cwd: elsewhere });
    if (!asOther) expect(tab.stdout.trim()).toBe('partner');
    const typo = reframe(['stat']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean `reframe stats`\?/);
    expect(typo.stdout).toBe('');
  });

  it('makes its start-up caches once per Node version under $XDG_CACHE_HOME/reframe, never in the package', () => {
    const cacheHome = join(dir, 'cache-home');
    mkdirSync(cacheHome, { mode: 0o777 });
    if (asOther) spawnSync('chown', ['65534:65534', cacheHome]);
    const before = readdirSync(join(pkgDir(), 'dist', 'bundle')).sort();
    expect(reframe(['list', '--limit', '5'], { env: { XDG_CACHE_HOME: cacheHome } }).code).toBe(0);
    const perNode = join(cacheHome, 'reframe', `v8-${process.version}-${process.arch}`);
    expect(statSync(join(cacheHome, 'reframe')).mode & 0o777).toBe(0o700);
    expect(statSync(perNode).mode & 0o777).toBe(0o700);
    // One folder per build (named like the build's own folder), one cache per chunk the command ran.
    const manifest = JSON.parse(readFileSync(join(pkgDir(), 'dist', 'reframe.json'), 'utf8'));
    const build = manifest.bundle.split('/')[1];
    expect(readdirSync(perNode).filter((f) => f !== 'node')).toEqual([build]);
    const folder = join(perNode, build);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // `list` starts from its start pack (one file holding the chunks it loads: bin/reframe readPack), so its
    // compiled code is one cache; a command without a pack keeps one per chunk.
    const listPack = `${manifest.packs.list.file}.cache`;
    expect(readdirSync(folder)).toContain(listPack);
    expect(reframe(['distortions'], { env: { XDG_CACHE_HOME: cacheHome } }).code).toBe(0);
    const files = readdirSync(folder).sort();
    expect(files).toContain('reframe.cache');
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      expect(f).toMatch(/^(reframe|c-[A-Za-z0-9_-]+|pack-[a-z]+(\.tty)?-[0-9a-f]{12}\.pack)\.cache$/);
      expect(statSync(join(folder, f)).mode & 0o777).toBe(0o600);
    }
    const made = files.map((f) => statSync(join(folder, f)).mtimeMs);
    // The next start uses them (V8 accepts them), so none is written again.
    expect(reframe(['list', '--limit', '5'], { env: { XDG_CACHE_HOME: cacheHome } }).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(files);
    expect(files.map((f) => statSync(join(folder, f)).mtimeMs)).toEqual(made);
    expect(readdirSync(join(pkgDir(), 'dist', 'bundle')).sort()).toEqual(before);
    // A cache that does not fit is not trusted: the output is right and the cache is made again.
    const file = join(folder, listPack);
    spawnSync('sh', ['-c', `printf 'not a cache' > '${file}'`]);
    const again = reframe(['list', '--limit', '5'], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('She must think I am boring');
    expect(statSync(file).size).toBeGreaterThan(1000);
  });

  it('npx reframe-cbt runs the same program', async () => {
    const r = await inst.npm(['exec', '--yes', '--package', 'reframe-cbt', '--', 'reframe', '--db', join(dir, 'npx.db'), 'list', '--json'], { cwd: elsewhere });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  }, 300_000);
});

describe('without its native addon', () => {
  it('says in one line what to run, with no stack and no journal file', async () => {
    const d = mkdtempSync(join(tmpdir(), 'reframe-install-noaddon-'));
    const bare = await installLocal({ dir: d, withAddon: false }) as Installed;
    try {
      const db = join(d, 'j.db');
      const r = spawnSync(bare.bin, ['--db', db, 'new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40'], { cwd: d, env: { PATH: process.env.PATH ?? '', HOME: join(d, 'home'), LANG: 'C.UTF-8' }, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/better-sqlite3-multiple-ciphers addon\) is not installed/);
      expect(r.stderr).toMatch(/npm install -g --allow-scripts=better-sqlite3-multiple-ciphers reframe-cbt/);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(db)).toBe(false);
    } finally {
      await bare.close();
      rmSync(d, { recursive: true, force: true });
    }
  }, 300_000);
});
