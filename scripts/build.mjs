// Bundles src/ into dist/ with esbuild, then builds a V8 code cache for it. Runs from `npm install`
// (prepare) and before tests and benchmarks.
//
// Why CommonJS chunks with code caches: Node 20 compiles every ES module from source on every start, and for
// `reframe list` that compiling was a fifth of the run (~20 ms). A CommonJS script can be compiled with V8's
// cached data instead (Node 22 does this itself with module.enableCompileCache; Node 20 can't). And a start
// should read only the code its command uses: one bundle of everything (2.4 MB, a 1.7 MB cache) cost `list`
// ~45 ms just to read and deserialise. So esbuild splits the program at every `await import()` into chunks
// (scripts/bundle-config.mjs), each chunk becomes a CommonJS file, bin/reframe loads a chunk when the code
// first asks for it, through vm.Script with that chunk's cache, and this script makes the caches by running
// the program once over the everyday commands on a throwaway journal (scripts/warm-cache.cjs).
//
// Files: dist/bundle/<hash>/ holds one build (reframe.cjs, the entry, and its c-*.cjs chunks, with a .cache
// beside each chunk the warm-up ran), named by the hash of all its files, and dist/reframe.json names it,
// replaced last by rename. So a build never breaks a reframe that is running at that moment (tests run builds
// side by side), and a cache can never be paired with the wrong source (V8 checks only the source's length).
// A cache V8 rejects (another Node version, other V8 flags) is ignored: that chunk just compiles as it would
// without one.
// `node scripts/build.mjs --report` prints the build's size by package and its caches' size.
import { build } from 'esbuild';
import { bundleOptions, toCommonJS } from './bundle-config.mjs';
import { CACHED, DETECTOR, PACKS } from './hot-paths.mjs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const report = process.argv.includes('--report');
// --pack (npm's prepack): dist/ holds only this build afterwards, so the package ships one build.
const pack = process.argv.includes('--pack');

const result = await build({ ...(await bundleOptions(root)), metafile: true });
const files = (await toCommonJS(result.outputFiles)).sort((x, y) => (x.name < y.name ? -1 : 1));
const digest = createHash('sha256');
for (const f of files) digest.update(f.name).update('\0').update(f.code).update('\0');
const hash = digest.digest('hex').slice(0, 12);
const bundleDir = join(dist, 'bundle');
const buildDir = join(bundleDir, hash);
const ENTRY = 'reframe.cjs';
const tmp = (p) => `${p}.${process.pid}.tmp`;
// An all-ASCII build (esbuild's charset: 'ascii' escapes the rest) can be read as latin1: half the time of utf8.
for (const f of files) {
  const at = f.code.search(/[^\x00-\x7f]/);
  if (at >= 0) throw new Error(`build: ${f.name} is not all ASCII (near ${JSON.stringify(f.code.slice(Math.max(0, at - 60), at + 20))}); write that character as a \\u escape in src/`);
}
// Written once per content (the folder is named by its hash): into a folder of its own, each file synced, then
// renamed into place, so a stopped build or a power cut can't leave a short file under the right name.
if (!existsSync(join(buildDir, ENTRY))) {
  const staging = tmp(buildDir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const f of files) {
    const fd = openSync(join(staging, f.name), 'w', 0o644);
    try {
      writeSync(fd, f.code, null, 'latin1');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  rmSync(buildDir, { recursive: true, force: true });
  renameSync(staging, buildDir);
}

// The code caches: one per chunk, from one warm-up that runs the everyday commands (scripts/hot-paths.mjs), each
// with the examples its own --help shows (warmUps below), then --help and --version. `new` runs first: it makes
// the journal the others read. A chunk the warm-up never loads gets no cache here: the first run that needs it
// makes one in the user's cache folder (bin/reframe).
const WARM = [...Object.values(warmUps(buildDir, CACHED.filter((k) => k !== 'version'))).flat(), ['--help'], ['--version']];
if (process.env.REFRAME_BUILD_VERBOSE) console.log(JSON.stringify(WARM));
/** A warm-up that takes longer than this has hung (a pager or a prompt waiting): the build goes on without it. */
const WARM_TIMEOUT_MS = 180_000;
/** What a warm-up process that failed says: its first line of error, or how it ended. */
const warmFailure = (r) => r.error?.message ?? ((r.stderr ?? '').trim().split('\n')[0] || `exit ${r.status ?? r.signal}`);
// The warm-up's throwaway home is made beside dist/, on the same file system, so its caches are renamed into the
// build (a rename can't cross file systems: a TMPDIR on tmpfs would fail it).
const home = mkdtempSync(join(dist, '.warm-'));
const cacheOut = join(home, 'caches');
const caches = {};
let packs = {};
let failure;
try {
  mkdirSync(cacheOut);
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'warm-cache.cjs'), buildDir, cacheOut, home, JSON.stringify(WARM)], {
    cwd: home,
    timeout: WARM_TIMEOUT_MS,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) failure = warmFailure(r);
  else {
    for (const made of readdirSync(cacheOut)) {
      const chunk = made.replace(/\.cache$/, '.cjs');
      if (!files.some((f) => f.name === chunk)) continue;
      const target = join(buildDir, made);
      renameSync(join(cacheOut, made), tmp(target));
      renameSync(tmp(target), target);
      caches[chunk] = made;
    }
    try {
      packs = makePacks(home);
    } catch (err) {
      // Without packs every start reads its chunks one by one: a little slower, nothing worse.
      process.stderr.write(`build: no start packs (${err.message}); reframe works, it just starts a little slower\n`);
    }
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
/**
 * Start packs (bin/reframe's readPack): for each everyday command in PACKS, the chunks every one of its lines
 * loads, in load order, in one file, with one code cache made by running those lines from the pack.
 * A start then reads and compiles one file instead of ~25: `list --limit 20` ~5 ms sooner (the chunks' own files
 * and caches serve whatever a pack doesn't hold). Run in the warm-up's home, with the journal it made.
 */
function makePacks(home) {
  const made = {};
  const unpacked = new Set(Object.entries(result.metafile.outputs)
    .filter(([, out]) => Object.keys(out.inputs).some((input) => input.endsWith(DETECTOR)))
    .map(([path]) => path.replace(/^.*\//, '').replace(/\.js$/, '.cjs')));
  if (unpacked.size === 0) throw new Error(`no chunk holds ${DETECTOR}: scripts/hot-paths.mjs is out of date`);
  // One pack for output to a pipe or a file (`list`) and one for a terminal (`list.tty`: colour, tables, charts and
  // the guided flows have code of their own), each from its own lines, run piped or as if to a terminal
  // (REFRAME_WARM_TTY).
  const kinds = Object.entries(PACKS).flatMap(([word, { pipe, tty }]) => [
    ...(pipe ? [{ key: word, commands: pipe, tty: '0' }] : []),
    ...(tty ? [{ key: `${word}.tty`, commands: tty, tty: '1' }] : []),
  ]);
  const failures = [];
  for (const { key: word, commands, tty } of kinds) {
    try {
      made[word] = makePack(home, word, commands, tty, unpacked);
    } catch (err) {
      failures.push(err.message);
    }
  }
  // Packs this build didn't make (an earlier build of the same chunks, a kind no longer in PACKS, one that failed
  // just now) go: the package ships only what the manifest names. A reframe that read the old manifest a moment
  // ago and finds its pack gone reads the chunks' own files instead.
  const keep = new Set(Object.values(made).flatMap((p) => [p.file, caches[p.file]]));
  for (const f of readdirSync(buildDir)) {
    if (/^pack-/.test(f) && !keep.has(f)) rmSync(join(buildDir, f), { force: true });
  }
  // A pack that couldn't be made only makes its command start a little slower: said, and the rest are kept.
  for (const f of failures) process.stderr.write(`build: a start pack was left out (${f}); reframe works, that command just starts a little slower\n`);
  return made;
}

/** One start pack: its chunks (what every line loads), its file and its code cache; named by its content. */
function makePack(home, word, commands, tty, unpacked) {
  const warm = (args) => spawnSync(process.execPath, [join(root, 'scripts', 'warm-cache.cjs'), ...args], {
    cwd: home, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: WARM_TIMEOUT_MS, env: { ...process.env, REFRAME_WARM_TTY: tty },
  });
  // What every one of the command's lines loads, each run on its own (a chunk only some lines use loads from its
  // own file when they run: packed, every other line would pay to read it). In the order the first loads them.
  let chunks;
  for (const line of commands) {
    const namesFile = join(home, `pack-${word}.json`);
    const r = warm(['--pack-names', buildDir, home, JSON.stringify([line]), namesFile]);
    if (r.status !== 0) throw new Error(`the ${word} pack's warm-up failed: ${warmFailure(r)}`);
    const names = JSON.parse(readFileSync(namesFile, 'utf8'));
    chunks = chunks === undefined ? names : chunks.filter((name) => names.includes(name));
  }
  // The safety detector (~1 MB) loads only where a text needs it (a record with words of danger): never packed.
  chunks = chunks.filter((name) => !unpacked.has(name));
  const texts = chunks.map((name) => files.find((f) => f.name === name)?.code);
  if (texts.some((t) => t === undefined)) throw new Error(`the ${word} pack names a chunk the build doesn't have`);
  // Each chunk beside its name, which bin/reframe checks against the manifest's list; the file and its cache are
  // named by the text's hash, so a manifest, a pack and a cache (the build's or a user's) can't be paired wrongly
  // however a build is stopped or a start falls between its steps (V8 checks only a source's length).
  const text = `[${chunks.map((name, i) => `[${JSON.stringify(name)},${texts[i]}]`).join(',\n')}]`;
  const name = `pack-${word}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  const pack = { file: `${name}.pack`, chunks };
  const target = join(buildDir, pack.file);
  if (!existsSync(target)) {
    writeFileSync(tmp(target), text, { encoding: 'latin1', mode: 0o644 });
    renameSync(tmp(target), target);
  }
  const cacheFile = join(home, `${name}.cache`);
  const r = warm(['--pack-cache', buildDir, home, JSON.stringify(commands), JSON.stringify(pack), cacheFile]);
  if (r.status !== 0) throw new Error(`the ${word} pack's cache failed: ${warmFailure(r)}`);
  renameSync(cacheFile, tmp(join(buildDir, `${name}.cache`)));
  renameSync(tmp(join(buildDir, `${name}.cache`)), join(buildDir, `${name}.cache`));
  caches[pack.file] = `${name}.cache`;
  return pack;
}

// A missing cache only makes reframe a little slower to start, so the build says so and carries on.
if (failure) process.stderr.write(`build: no code caches (${failure}); reframe works, it just starts a little slower\n`);

// The manifest last, by rename: until then a running reframe keeps the files it started with.
const manifest = join(dist, 'reframe.json');
// The build the manifest named until now is kept until the next build: a reframe that read it a moment ago may be
// about to read its chunks.
let previous;
try {
  previous = JSON.parse(readFileSync(manifest, 'utf8')).bundle;
} catch { /* no manifest yet */ }
writeFileSync(tmp(manifest), JSON.stringify({ version: pkg.version, bundle: relative(dist, join(buildDir, ENTRY)), encoding: 'latin1', node: process.version, arch: process.arch, caches, packs }, null, 2) + '\n');
renameSync(tmp(manifest), manifest);

// Old builds are removed once nothing can still be starting from them (top-level reframe-*.cjs and *.cache files,
// dist/chunks and dist/reframe.mjs are what earlier kinds of build wrote).
const keep = new Set([buildDir, ...(pack || typeof previous !== 'string' ? [] : [join(dist, previous.split('/').slice(0, 2).join('/'))])]);
for (const dir of [bundleDir, join(dist, 'chunks')]) {
  if (!existsSync(dir)) continue;
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    try {
      if (!keep.has(p) && (pack || Date.now() - statSync(p).mtimeMs > 10 * 60_000)) rmSync(p, { recursive: true, force: true });
    } catch { /* another build removed it */ }
  }
}
// A warm-up home a stopped build left (the journal it made, nothing of the person's).
for (const entry of readdirSync(dist)) {
  const p = join(dist, entry);
  try {
    if (entry.startsWith('.warm-') && p !== home && Date.now() - statSync(p).mtimeMs > 60 * 60_000) rmSync(p, { recursive: true, force: true });
  } catch { /* another build removed it */ }
}
for (const old of ['reframe.mjs']) {
  const p = join(dist, old);
  try {
    if (Date.now() - statSync(p).mtimeMs > 10 * 60_000) unlinkSync(p);
  } catch { /* not there */ }
}
if (process.env.REFRAME_BUILD_VERBOSE) console.log(`built ${relative(root, buildDir)}: ${files.length} chunks, ${Object.keys(caches).length} code caches`);
if (report) printReport(result.metafile, files, caches);
// The man page (dist/man/reframe.1) from the new build's own help: for the package (--pack) or when asked (--man).
if (pack || process.argv.includes('--man')) (await import('./man.mjs')).writeManPage();

/** The build's bytes by package, and the size of its code caches. */
function printReport(meta, files, caches) {
  const pkgs = new Map();
  for (const out of Object.values(meta.outputs)) {
    for (const [input, v] of Object.entries(out.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1] : input.startsWith('stand-in:') ? 'stand-ins' : 'src';
      pkgs.set(key, (pkgs.get(key) ?? 0) + v.bytesInOutput);
    }
  }
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const cacheBytes = Object.values(caches).reduce((n, f) => n + statSync(join(buildDir, f)).size, 0);
  console.log(`build ${kb(files.reduce((n, f) => n + f.code.length, 0))} in ${files.length} chunks (entry ${kb(files.find((f) => f.name === ENTRY).code.length)}); code caches ${kb(cacheBytes)} for ${Object.keys(caches).length} chunks`);
  for (const [k, v] of [...pkgs].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(24)} ${(v / 1024).toFixed(0).padStart(6)} KB`);
}

/**
 * The command lines to warm each command's cache with: the examples its `--help` shows (`$ reframe ...`), so the
 * warm-up follows the CLI's flags instead of repeating them. A pipe ends an example; examples that need a shell
 * (input redirection, $(...)) or start with another program are left out. A record id in an example (01JD7X...)
 * stands for the newest record ("{id}", filled in by scripts/warm-cache.cjs).
 */
function warmUps(dir, keys) {
  const bin = join(root, 'bin', 'reframe');
  const out = {};
  for (const key of keys) {
    const probe = `process.argv = [process.argv[0], ${JSON.stringify(join(dir, ENTRY))}, ${JSON.stringify(key)}, '--help'];
      require(${JSON.stringify(bin)}).chunkLoader(${JSON.stringify(dir)}).load(${JSON.stringify(ENTRY)});`;
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
