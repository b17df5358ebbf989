// Bundles src/ into dist/ with esbuild, then builds a V8 code cache for it. Runs from `npm install`
// (prepare) and before tests and benchmarks.
//
// Why one CommonJS file and a code cache: Node 20 compiles every ES module from source on every start, and
// for `reframe list` that compiling was a fifth of the run (~20 ms). A CommonJS script can be compiled with
// V8's cached data instead (Node 22 does this itself with module.enableCompileCache; Node 20 can't). So the
// program is one CommonJS bundle whose modules start lazily (each command's code runs only when that
// command is used), bin/reframe runs it through vm.Script with the cache, and this script makes the cache
// by running the bundle once over a set of commands on a throwaway journal (scripts/warm-cache.cjs).
//
// Files: dist/bundle/reframe-<hash>.cjs and reframe-<hash>.cache, named by the bundle's content, and
// dist/reframe.json naming the pair, replaced last by rename. So a build never breaks a reframe that is
// running at that moment (tests run builds side by side), and a cache can never be paired with the wrong
// source (V8 checks only the source's length). A cache V8 rejects (another Node version, other V8 flags) is
// ignored: the program just compiles as it would without one.
// `node scripts/build.mjs --report` prints the bundle's size by package and the cache's size.
import { build } from 'esbuild';
import { bundleOptions } from './bundle-config.mjs';
import { CACHED } from './hot-paths.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const report = process.argv.includes('--report');
// --pack (npm's prepack): dist/ holds only this build afterwards, so the package ships one bundle.
const pack = process.argv.includes('--pack');

const result = await build({ ...(await bundleOptions(root)), metafile: report });

const code = result.outputFiles[0].contents;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 12);
const bundleDir = join(dist, 'bundle');
mkdirSync(bundleDir, { recursive: true });
const name = `reframe-${hash}`;
const bundle = join(bundleDir, `${name}.cjs`);
const tmp = (p) => `${p}.${process.pid}.tmp`;
// Written once per content (the name is its hash); rewritten if a stopped build left it short. Synced before
// the rename, so a power cut can't leave a short file under the right name.
if (!existsSync(bundle) || statSync(bundle).size !== code.length) {
  const fd = openSync(tmp(bundle), 'w', 0o644);
  try {
    writeSync(fd, code);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp(bundle), bundle);
}

// One code cache per command, so each start reads only the compiled code it needs (one cache for all
// commands was twice the size and cost `list` ~4 ms more). bin/reframe picks the cache by the command
// word in its arguments ('' for anything not listed). Which commands get one is scripts/hot-paths.mjs;
// each is warmed with the examples its own --help shows (warmUps below). `new` runs first: it makes the
// journal the others read.
const WARM = { version: [['--version']], ...warmUps(bundle, CACHED.filter((k) => k !== 'version')), '': [['--help']] };
if (process.env.REFRAME_BUILD_VERBOSE) console.log(JSON.stringify(WARM));
const home = mkdtempSync(join(tmpdir(), 'reframe-warm-'));
const caches = {};
const failures = [];
const warmOne = (key) => new Promise((done) => {
  const file = join(bundleDir, `${name}${key ? '.' + key : ''}.cache`);
  const child = spawn(process.execPath, [join(root, 'scripts', 'warm-cache.cjs'), bundle, tmp(file), home, JSON.stringify(WARM[key])], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  child.on('error', (e) => { err += e.message; });
  child.on('close', (status) => {
    if (status === 0 && existsSync(tmp(file))) {
      renameSync(tmp(file), file);
      caches[key] = relative(dist, file);
    } else {
      rmSync(tmp(file), { force: true });
      failures.push(`${key || 'default'}: ${err.trim().split('\n')[0] || `exit ${status}`}`);
    }
    done();
  });
});
try {
  await warmOne('new');
  const rest = Object.keys(WARM).filter((k) => k !== 'new');
  const workers = Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
    while (rest.length) await warmOne(rest.shift());
  });
  await Promise.all(workers);
} finally {
  rmSync(home, { recursive: true, force: true });
}
// A missing cache only makes reframe a little slower to start, so the build says so and carries on.
if (failures.length) process.stderr.write(`build: no code cache for ${failures.join('; ')} (reframe works, it just starts a little slower)\n`);

// The manifest last, by rename: until then a running reframe keeps the files it started with.
const manifest = join(dist, 'reframe.json');
// The files the manifest named until now are kept until the next build: a reframe that read it a moment ago
// may be about to read them.
let previous = [];
try {
  const old = JSON.parse(readFileSync(manifest, 'utf8'));
  previous = [old.bundle, ...Object.values(old.caches ?? {})].filter((f) => typeof f === 'string').map((f) => join(dist, f));
} catch { /* no manifest yet */ }
// An all-ASCII bundle (esbuild's charset: 'ascii' escapes the rest) can be read as latin1: half the time of utf8.
const encoding = code.every((byte) => byte < 0x80) ? 'latin1' : 'utf8';
if (encoding !== 'latin1') {
  const at = code.findIndex((byte) => byte >= 0x80);
  process.stderr.write(`build: the bundle is not all ASCII (near ${JSON.stringify(code.subarray(Math.max(0, at - 60), at + 20).toString('utf8'))}), so every start reads it as UTF-8, slower; write that character as a \\u escape in src/\n`);
}
writeFileSync(tmp(manifest), JSON.stringify({ version: pkg.version, bundle: relative(dist, bundle), encoding, node: process.version, arch: process.arch, keys: Object.keys(WARM), caches }, null, 2) + '\n');
renameSync(tmp(manifest), manifest);

// Old builds are removed once nothing can still be starting from them (dist/chunks and dist/reframe.mjs
// are what builds before the code cache wrote).
const fresh = new Set([bundle, ...Object.values(caches).map((c) => join(dist, c)), ...(pack ? [] : previous)]);
for (const dir of [bundleDir, join(dist, 'chunks')]) {
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    try {
      if (!fresh.has(p) && (pack || Date.now() - statSync(p).mtimeMs > 10 * 60_000)) unlinkSync(p);
    } catch { /* another build removed it */ }
  }
}
for (const old of ['reframe.mjs']) {
  const p = join(dist, old);
  try {
    if (Date.now() - statSync(p).mtimeMs > 10 * 60_000) unlinkSync(p);
  } catch { /* not there */ }
}
if (process.env.REFRAME_BUILD_VERBOSE) console.log(`built ${relative(root, bundle)} with ${Object.keys(caches).length} code caches`);
if (report) printReport(result.metafile, code.length, caches);
// The man page (dist/man/reframe.1) from the new build's own help: for the package (--pack) or when asked (--man).
if (pack || process.argv.includes('--man')) (await import('./man.mjs')).writeManPage();

/** The bundle's bytes by package, and the size of the code cache. */
function printReport(meta, bundleBytes, caches) {
  const pkgs = new Map();
  for (const out of Object.values(meta.outputs)) {
    for (const [input, v] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1] : input.startsWith('stand-in:') ? 'stand-ins' : 'src';
      pkgs.set(key, (pkgs.get(key) ?? 0) + v.bytesInOutput);
    }
  }
  console.log(`bundle ${(bundleBytes / 1024).toFixed(0)} KB; code caches: ${Object.entries(caches).map(([k, f]) => `${k || 'default'} ${(statSync(join(dist, f)).size / 1024).toFixed(0)} KB`).join(', ')}`);
  for (const [k, v] of [...pkgs].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${(v / 1024).toFixed(0).padStart(6)} KB`);
}

/**
 * The command lines to warm each command's cache with: the examples its `--help` shows (`$ reframe ...`), so the
 * warm-up follows the CLI's flags instead of repeating them. A pipe ends an example; examples that need a shell
 * (input redirection, $(...)) or start with another program are left out. A record id in an example (01JD7X...)
 * stands for the newest record ("{id}", filled in by scripts/warm-cache.cjs).
 */
function warmUps(bundleFile, keys) {
  const bin = join(root, 'bin', 'reframe');
  const out = {};
  for (const key of keys) {
    const probe = `process.argv = [process.argv[0], ${JSON.stringify(bundleFile)}, ${JSON.stringify(key)}, '--help'];
      require(${JSON.stringify(bin)}).runBundle(${JSON.stringify(bundleFile)});`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lines = (r.stdout ?? '').split('\n').map((l) => /^\s+\$ reframe (.*)$/.exec(l)?.[1]).filter((l) => l !== undefined);
    out[key] = lines.map((l) => shellWords(l.split(' | ')[0])).filter((w) => w !== undefined)
      .map((words) => words.map((w) => (/^01[0-9A-HJKMNP-TV-Z]{4,}$/.test(w) ? '{id}' : w)));
    if (out[key].length === 0) throw new Error(`build: \`reframe ${key} --help\` shows no examples to warm its cache with`);
  }
  return out;
}

/** A command line's words, with '...' and "..." quoting; undefined when it needs more of a shell than that. */
function shellWords(line) {
  if (/[<>`]|\$\(/.test(line)) return undefined;
  const words = [];
  for (const m of line.trim().matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  }
  return words;
}
