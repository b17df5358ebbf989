// Installs reframe as a person would, without the network: packs the package (npm pack), then runs
// `npm install -g` into a temporary prefix against a registry served from this process on 127.0.0.1. That
// registry holds reframe-cbt (the tarball just packed), better-sqlite3-multiple-ciphers, made from the addon
// already built in node_modules as a prebuilt would ship it (build/Release/better_sqlite3.node, no install
// script), and @napi-rs/keyring with this platform's prebuilt package, so nothing compiles and nothing is fetched. Used by test/e2e/install.test.ts and
// `npm run bench -- --installed`.
//
//   const inst = await installLocal({ dir });   // dir: an empty temp folder
//   inst.bin        the installed `reframe` (prefix/bin/reframe)
//   inst.prefix, inst.tarball, inst.registry, inst.npm(args, opts) (npm against that registry), inst.close()
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;

/** npm's own environment for a run: no settings of the caller's (npm test sets npm_config_*), a fresh home. */
function npmEnv(dir, registry, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && v !== undefined) env[k] = v;
  writeFileSync(join(dir, 'npmrc'), '');
  writeFileSync(join(dir, 'npmrc-global'), '');
  return {
    ...env,
    HOME: join(dir, 'npm-home'),
    npm_config_userconfig: join(dir, 'npmrc'),
    npm_config_globalconfig: join(dir, 'npmrc-global'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_registry: registry,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    ...extra,
  };
}

/** Runs npm without blocking this process (it serves the registry npm is reading). */
export function runNpm(args, { cwd, env, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve) => {
    const [cmd, pre] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
    const child = spawn(cmd, [...pre, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.on('error', (e) => { clearTimeout(timer); resolve({ code: 127, stdout, stderr: stderr + e.message }); });
  });
}

/** better-sqlite3-multiple-ciphers as a prebuilt package: its JavaScript and its built addon, no install script, no dependencies. */
function prebuiltSqlite(dir, { withAddon = true } = {}) {
  const src = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
  const stage = join(dir, withAddon ? 'sqlite-prebuilt' : 'sqlite-no-addon', 'package');
  mkdirSync(stage, { recursive: true });
  cpSync(join(src, 'lib'), join(stage, 'lib'), { recursive: true });
  if (withAddon) {
    mkdirSync(join(stage, 'build', 'Release'), { recursive: true });
    cpSync(join(src, 'build', 'Release', 'better_sqlite3.node'), join(stage, 'build', 'Release', 'better_sqlite3.node'));
  }
  const { name, version, main, license } = pkg;
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name, version, main, license }, null, 2));
  const tgz = join(dir, `${withAddon ? '' : 'no-addon-'}better-sqlite3-multiple-ciphers-${version}.tgz`);
  const t = spawnSync('tar', ['-czf', tgz, '-C', join(stage, '..'), 'package']);
  if (t.status !== 0) throw new Error(`tar: ${t.stderr}`);
  return { name, version, tgz };
}

/**
 * @napi-rs/keyring as the registry ships it: its JavaScript, and the one platform package of its prebuilt addons
 * that npm installed here (the others are optional and for other systems, so this registry leaves them out).
 */
function keyringPackages(dir) {
  const pack = (name) => {
    const src = join(root, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
    const stage = join(dir, name.replace('/', '+'), 'package');
    mkdirSync(stage, { recursive: true });
    cpSync(src, stage, { recursive: true });
    const tgz = join(dir, `${name.replace('/', '+')}-${pkg.version}.tgz`);
    const t = spawnSync('tar', ['-czf', tgz, '-C', join(stage, '..'), 'package']);
    if (t.status !== 0) throw new Error(`tar: ${t.stderr}`);
    return { name, version: pkg.version, tgz, pkg };
  };
  const main = pack('@napi-rs/keyring');
  const platforms = readdirSync(join(root, 'node_modules', '@napi-rs')).filter((n) => n.startsWith('keyring-')).map((n) => pack(`@napi-rs/${n}`));
  const optionalDependencies = Object.fromEntries(platforms.map((p) => [p.name, p.version]));
  return [
    { ...main, manifest: { main: main.pkg.main, optionalDependencies } },
    ...platforms.map((p) => ({ ...p, manifest: { main: p.pkg.main, os: p.pkg.os, cpu: p.pkg.cpu, ...(p.pkg.libc ? { libc: p.pkg.libc } : {}) } })),
  ];
}

/** A registry of the given tarballs: GET /NAME answers the packument, GET /NAME/-/FILE the tarball. */
function serveRegistry(packages) {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const [name, dash, file] = url.startsWith('@') ? [url.split('/').slice(0, 2).join('/'), ...url.split('/').slice(2)] : url.split('/');
    const p = byName.get(name);
    if (!p) { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error":"not found"}'); return; }
    const data = readFileSync(p.tgz);
    if (dash === '-' && file) { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(data); return; }
    const base = `http://${req.headers.host}`;
    const manifest = { ...p.manifest, name: p.name, version: p.version, dist: {
      tarball: `${base}/${p.name}/-/${p.name.replace(/^@[^/]+\//, '')}-${p.version}.tgz`,
      shasum: createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
    } };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ name: p.name, 'dist-tags': { latest: p.version }, versions: { [p.version]: manifest } }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

/** Packs reframe (the build in dist/ must be current) and installs it globally into dir/prefix. */
export async function installLocal({ dir, withAddon = true, install = true } = {}) {
  // The man page is made by prepack; packing here skips scripts (a build now would pull the bundle from under
  // reframes other tests are running), so it is made first, from the current build.
  const { writeManPage } = await import('./man.mjs');
  writeManPage();
  const pack = await runNpm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, env: npmEnv(dir, 'http://127.0.0.1:9/') });
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const packed = JSON.parse(pack.stdout)[0];
  const tarball = join(dir, packed.filename);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const sqlite = prebuiltSqlite(dir, { withAddon });
  const { server, url } = await serveRegistry([
    { name: pkg.name, version: pkg.version, tgz: tarball, manifest: { bin: pkg.bin, dependencies: pkg.dependencies, engines: pkg.engines, man: pkg.man } },
    { ...sqlite, manifest: {} },
    ...keyringPackages(dir),
  ]);
  const prefix = join(dir, 'prefix');
  const npm = (args, o = {}) => runNpm(args, { cwd: o.cwd ?? dir, env: npmEnv(dir, url, o.env) });
  const inst = { dir, tarball, files: packed.files.map((f) => f.path), prefix, bin: join(prefix, 'bin', 'reframe'), registry: url, npm, close: () => new Promise((r) => server.close(() => r())) };
  if (install) {
    const r = await npm(['install', '--global', '--prefix', prefix, tarball]);
    if (r.code !== 0) { await inst.close(); throw new Error(`npm install -g failed (${r.code}): ${r.stderr}`); }
  }
  return inst;
}
