// How reframe starts (bin/reframe, scripts/build.mjs): CommonJS chunks, each loaded when the code first needs it
// and run through vm.Script with a V8 code cache. If V8 stopped accepting the caches nothing would break, reframe
// would only get slower, so the first tests check that every cache the build wrote is accepted. The others check
// that a cache that doesn't fit is ignored and never breaks a start, that a broken build says how to fix it, and
// that an everyday command reads only a small part of the program.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';

const BIN = join(ROOT, 'bin', 'reframe');
const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'reframe.json'), 'utf8')) as {
  version: string; bundle: string; encoding: string; caches: Record<string, string>;
};
const buildDir = dirname(join(ROOT, 'dist', manifest.bundle));
const chunks = readdirSync(buildDir).filter((f) => f.endsWith('.cjs')).sort();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'reframe-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs reframe ARGS from the build through bin/reframe's loader, with `cache` deciding each chunk's cached data
 * ('build': the build's own; 'junk': bytes that are no cache; 'none'), in a throwaway home. Reports the output
 * and, per chunk loaded, whether V8 compiled it without an accepted cache.
 */
function runWith(args: string[], cache: 'build' | 'junk' | 'none') {
  const home = mkdtempSync(join(dir, 'home-'));
  const probe = `
    const { readFileSync } = require('node:fs');
    const { join } = require('node:path');
    const { chunkLoader } = require(${JSON.stringify(BIN)});
    const dir = ${JSON.stringify(buildDir)};
    const caches = ${JSON.stringify(manifest.caches)};
    const mode = ${JSON.stringify(cache)};
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const cacheOf = (name) => mode === 'none' ? undefined : mode === 'junk' ? junk : caches[name] ? readFileSync(join(dir, caches[name])) : undefined;
    const loader = chunkLoader(dir, { encoding: 'latin1', cacheOf });
    process.argv = [process.argv[0], join(dir, 'reframe.cjs'), ...${JSON.stringify(args)}];
    process.on('exit', () => process.stderr.write('\\n@@' + JSON.stringify(loader.loaded.map((c) => [c.name, c.fresh]))));
    loader.load('reframe.cjs');
  `;
  const r = spawnSync(process.execPath, ['-e', probe], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TZ: 'UTC', NO_COLOR: '1', REFRAME_DB: join(home, 'journal.db') },
  });
  const [stderr, loaded] = r.stderr.split('\n@@');
  return { status: r.status, stdout: r.stdout, stderr, loaded: loaded ? (JSON.parse(loaded) as [string, boolean][]) : [] };
}

describe('the code caches the build wrote', () => {
  it('cover the entry and every chunk the everyday commands load, and every cache sits beside its chunk', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.caches['reframe.cjs']).toBe('reframe.cache');
    // A chunk's cache, or a start pack's (below).
    const packFiles = readdirSync(buildDir).filter((f) => f.endsWith('.pack'));
    for (const [chunk, cache] of Object.entries(manifest.caches)) {
      expect([...chunks, ...packFiles]).toContain(chunk);
      expect(statSync(join(buildDir, cache)).size).toBeGreaterThan(100);
    }
    const r = runWith(['list', '--limit', '5'], 'build');
    expect(r.status, r.stderr).toBe(0);
    expect(r.loaded.length).toBeGreaterThan(5);
    for (const [chunk] of r.loaded) expect(Object.keys(manifest.caches), chunk).toContain(chunk);
  });

  it('are all accepted by this Node', () => {
    for (const args of [['list', '--limit', '5'], ['stats', '--json'], ['daily', '--json'], ['--help'], ['distortions']]) {
      const r = runWith(args, 'build');
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.loaded.filter(([, fresh]) => fresh), args.join(' ')).toEqual([]);
    }
  });
});

describe('a cache that does not fit', () => {
  it('is ignored: every chunk compiles from source and reframe still answers the same', () => {
    const good = runWith(['--help'], 'build');
    const junk = runWith(['--help'], 'junk');
    const none = runWith(['--help'], 'none');
    expect(junk.status).toBe(0);
    expect(junk.stdout).toBe(good.stdout);
    expect(none.stdout).toBe(good.stdout);
    expect(junk.loaded.length).toBe(good.loaded.length);
    expect(junk.loaded.every(([, fresh]) => fresh)).toBe(true);
  });

  it('made for other source is refused by the build, not by luck: the build folder is named by all its files', () => {
    // V8 checks only a source's length, so a cache paired with other code of the same length would run the wrong
    // code. The build writes each build into a folder named by the hash of every chunk's name and text, its caches
    // beside them, and the manifest points at one folder; this recomputes the name.
    const digest = createHash('sha256');
    for (const f of chunks) digest.update(f).update('\0').update(readFileSync(join(buildDir, f), 'latin1')).update('\0');
    expect(buildDir.split('/').pop()).toBe(digest.digest('hex').slice(0, 12));
  });

  it('a missing, empty or half-written build says how to build, exit 1, no stack', () => {
    const entryText = readFileSync(join(buildDir, 'reframe.cjs'), 'latin1');
    const cases: [string, (home: string) => void][] = [
      ['no manifest', () => {}],
      ['a manifest of null', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), 'null')],
      ['a manifest cut short', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bun')],
      ['a manifest naming no bundle', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"caches": {}}')],
      ['a bundle that is not there', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bundle/gone/reframe.cjs", "caches": {}}')],
      ['an entry cut short', (h) => {
        mkdirSync(join(h, 'dist', 'bundle', 'short'), { recursive: true });
        writeFileSync(join(h, 'dist', 'bundle', 'short', 'reframe.cjs'), entryText.slice(0, Math.floor(entryText.length / 2)), 'latin1');
        writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bundle/short/reframe.cjs", "encoding": "latin1", "caches": {}}');
      }],
      ['a chunk the entry needs at once missing', (h) => {
        const to = join(h, 'dist', 'bundle', 'part');
        cpSync(buildDir, to, { recursive: true });
        // One the entry imports and `list` uses at once (an import's chunk loads when one of its names is used).
        const needed = runWith(['list'], 'build').loaded.map(([f]) => f).find((f) => f !== 'reframe.cjs' && entryText.includes(`require("./${f}")`));
        expect(needed).toBeTruthy();
        rmSync(join(to, needed!));
        writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bundle/part/reframe.cjs", "encoding": "latin1", "caches": {}}');
      }],
    ];
    cases.forEach(([name, setUp], i) => {
      const home = join(dir, `unbuilt-${i}`);
      mkdirSync(join(home, 'bin'), { recursive: true });
      mkdirSync(join(home, 'dist'), { recursive: true });
      copyFileSync(BIN, join(home, 'bin', 'reframe'));
      copyFileSync(join(ROOT, 'bin', 'package.json'), join(home, 'bin', 'package.json'));
      setUp(home);
      const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), 'list'], { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache') } });
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toBe('reframe is not built yet. Run `npm install` in its folder, then try again.\n');
      expect(r.stdout, name).toBe('');
    });
  });
});

describe('what a start reads', () => {
  it('--version answers from the manifest: no program is read (here there is none), no journal opened', () => {
    const home = join(dir, 'version-only');
    mkdirSync(join(home, 'bin'), { recursive: true });
    mkdirSync(join(home, 'dist'), { recursive: true });
    copyFileSync(BIN, join(home, 'bin', 'reframe'));
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(home, 'bin', 'package.json'));
    writeFileSync(join(home, 'dist', 'reframe.json'), JSON.stringify({ ...manifest, bundle: 'bundle/gone/reframe.cjs' }));
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), flag], { encoding: 'utf8', env: { ...process.env, REFRAME_DB: join(home, 'nope', 'j.db') } });
      expect(r.status, flag).toBe(0);
      expect(r.stdout, flag).toBe(`${pkg.version}\n`);
      expect(r.stderr, flag).toBe('');
    }
    // Anything else still needs the program.
    const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), '--version', 'list'], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(r.status).toBe(1);
  });

  it('every chunk is all ASCII, so every start reads it as latin1 (half the time of UTF-8)', () => {
    expect(manifest.encoding).toBe('latin1');
    for (const f of chunks) expect(readFileSync(join(buildDir, f)).every((b) => b < 0x80), f).toBe(true);
  });

  it('an everyday command reads a small part of the program, and never the safety detector\'s weights', () => {
    const total = chunks.reduce((n, f) => n + statSync(join(buildDir, f)).size, 0);
    // The chunk with the detector's weights: the largest one (the weights are most of the detector's code).
    const sizes = chunks.map((f) => [f, statSync(join(buildDir, f)).size] as const).sort((a, b) => b[1] - a[1]);
    expect(readFileSync(join(buildDir, sizes[0][0]), 'latin1')).toMatch(/danger/);
    for (const args of [['list', '--limit', '5'], ['stats', '--json'], ['daily', '--json']]) {
      const r = runWith(args, 'build');
      expect(r.status, r.stderr).toBe(0);
      const read = r.loaded.reduce((n, [f]) => n + statSync(join(buildDir, f)).size, 0);
      expect(read / total, args.join(' ')).toBeLessThan(0.3);
      expect(r.loaded.map(([f]) => f), args.join(' ')).not.toContain(sizes[0][0]);
    }
    // The guided record needs the detector (it watches every answer), and loads it.
    const n = runWith(['new', '--help'], 'build');
    expect(n.status).toBe(0);
  });

  it('every import of one chunk by another is the stand-in that loads it at first use, and is only ever read a name at a time', () => {
    // What the stand-in (scripts/bundle-config.mjs, toCommonJS) relies on: esbuild writes each import of another
    // chunk as `import_c_X=require("./c-X.cjs")` and then only reads `import_c_X.name`. A later esbuild writing
    // it another way (the chunk's exports passed on, spread, re-exported) would be caught here.
    const LAZY = /(import_c_\w+)=__rfLazy\(\(\)=>\1=require\("\.\/c-[\w-]+\.cjs"\)\)/g;
    const DYNAMIC = /Promise\.resolve\(\)\.then\(\(\)=>require\("\.\/c-[\w-]+\.cjs"\)\)/g;
    let lazy = 0;
    for (const f of chunks) {
      const text = readFileSync(join(buildDir, f), 'latin1');
      lazy += text.match(LAZY)?.length ?? 0;
      const rest = text.replace(LAZY, '').replace(DYNAMIC, '');
      expect(rest, f).not.toMatch(/require\("\.\/c-/);
      expect(rest.match(/\bimport_c_\w+\b(?!\.)/g) ?? [], f).toEqual([]);
    }
    expect(lazy).toBeGreaterThan(100);
  });

  it('the everyday commands start without commander (src/fast-start.ts) and without zod; help and anything unusual load commander', () => {
    const commander = chunks.filter((f) => /CommanderError\w*=class extends Error/.test(readFileSync(join(buildDir, f), 'latin1')));
    expect(commander).toHaveLength(1);
    const zod = chunks.filter((f) => /\$ZodType\b/.test(readFileSync(join(buildDir, f), 'latin1')));
    expect(zod.length).toBeGreaterThan(0);
    for (const args of [['list', '--limit', '5'], ['stats', '--json'], ['daily', '--json'], ['--no-color', 'list', '--since', '7d']]) {
      const r = runWith(args, 'build');
      expect(r.status, r.stderr).toBe(0);
      const loaded = r.loaded.map(([f]) => f);
      expect(loaded, args.join(' ')).not.toContain(commander[0]);
      // The options come as their shape says (src/input/options.ts, readOptions): no schema to build.
      // (daily's own prompts are read unchecked, as the pattern library's are: domain/prompts.ts).
      expect(loaded.filter((f) => zod.includes(f)), args.join(' ')).toEqual([]);
    }
    // A record saved from flags: without commander too (records themselves are checked with zod).
    const saved = runWith(['new', '--situation', 'At dinner', '--thought', 'She will leave', '--emotion', 'anxious:70', '--emotion', 'sad:40'], 'build');
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.loaded.map(([f]) => f)).not.toContain(commander[0]);
    for (const args of [['list', '--help'], ['list', '--limit', '5', '--limit', '6']]) {
      const r = runWith(args, 'build');
      expect(r.status, r.stderr).toBe(0);
      expect(r.loaded.map(([f]) => f), args.join(' ')).toContain(commander[0]);
    }
    const typo = runWith(['list', '--limt', '5'], 'build');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option '--limt'/);
  });

  it('the entry also starts with Node\'s own require, as import worker threads and the keyring helper start it (test/e2e/import-big.test.ts runs a real worker)', () => {
    // Not through bin/reframe's loader: `node <entry> ...` must work on its own (src/main.ts names the entry as the
    // script worker threads and the keyring helper run).
    const home = mkdtempSync(join(dir, 'plain-'));
    const r = spawnSync(process.execPath, [join(buildDir, 'reframe.cjs'), 'list', '--limit', '1'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, REFRAME_DB: join(home, 'j.db'), LANG: 'C.UTF-8' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/empty so far/);
    const w = spawnSync(process.execPath, [join(buildDir, 'reframe.cjs'), 'import', '-', '--dry-run'], { encoding: 'utf8', input: '[]', env: { PATH: process.env.PATH, HOME: home, REFRAME_DB: join(home, 'j.db'), LANG: 'C.UTF-8' } });
    expect(w.status, w.stderr).toBe(0);
  });
});

describe('start packs (bin/reframe readPack, scripts/build.mjs makePacks)', () => {
  const packs = (manifest as unknown as { packs: Record<string, { file: string; chunks: string[] }> }).packs;
  const detector = chunks.map((f) => [f, statSync(join(buildDir, f)).size] as const).sort((a, b) => b[1] - a[1])[0][0];
  // Records every script a start compiles: its file's name, and whether V8 took the cached data given with it.
  const hook = join(dir, 'scripts-hook.cjs');
  writeFileSync(hook, `const vm = require('node:vm'); const O = vm.Script; const seen = [];
    vm.Script = class extends O { constructor(src, o) { super(src, o); seen.push([require('node:path').basename(o.filename), !!o.cachedData && !this.cachedDataRejected]); } };
    process.on('exit', () => process.stderr.write('\\n@@' + JSON.stringify(seen)));`);
  const home0 = mkdtempSync(join(dir, 'packs-'));
  const db = join(home0, 'journal.db');
  for (const [situation, thought] of [['At dinner', 'She will leave'], ['Work call', 'I always mess up'], ['Alone tonight', 'Nobody cares']]) {
    const r = spawnSync(process.execPath, [BIN, 'new', '--situation', situation, '--thought', thought, '--emotion', 'anxious:70', '--tag', 'home'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home0, REFRAME_DB: db, LANG: 'C.UTF-8' } });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const id = spawnSync(process.execPath, [BIN, 'list', '--limit', '1'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home0, REFRAME_DB: db } }).stdout.split('\t')[0];

  /** A copy of the program (bin/ and this build) whose manifest `edit` changes, and what `shape` does to its folder. */
  function copyOf(name: string, edit: (m: Record<string, unknown>) => Record<string, unknown>, shape: (build: string) => void = () => {}) {
    const home = join(dir, name);
    const to = join(home, 'dist', 'bundle', basename(buildDir));
    mkdirSync(join(home, 'bin'), { recursive: true });
    cpSync(buildDir, to, { recursive: true });
    copyFileSync(BIN, join(home, 'bin', 'reframe'));
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(home, 'bin', 'package.json'));
    // What the program finds beside itself: its packages (the SQLite addon) and its data (the pattern library).
    for (const f of ['node_modules', 'data', 'package.json']) symlinkSync(join(ROOT, f), join(home, f));
    writeFileSync(join(home, 'dist', 'reframe.json'), JSON.stringify(edit({ ...manifest })));
    shape(to);
    return home;
  }
  const start = (home: string, args: string[]) => {
    const r = spawnSync(process.execPath, ['-r', hook, join(home, 'bin', 'reframe'), ...args], {
      encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), REFRAME_DB: db, LANG: 'C.UTF-8', TZ: 'UTC' },
    });
    const [stderr, seen] = r.stderr.split('\n@@');
    return { status: r.status, stdout: r.stdout, stderr, compiled: JSON.parse(seen) as [string, boolean][] };
  };
  const migrations = chunks.find((f) => readFileSync(join(buildDir, f), 'latin1').includes('CREATE TABLE records'));
  const lines = [['list'], ['list', '--limit', '20'], ['show', id], ['stats', '--json'], ['daily', '--json'], ['--no-color', 'list', '--tag', 'home']];

  it('each is chunks of this build side by side, in the order its command loads them, never the safety detector', () => {
    // For a pipe or a file (`list`), for a terminal (`list.tty`), and the guided record's (a terminal only).
    expect(Object.keys(packs).sort()).toEqual(['daily', 'daily.tty', 'list', 'list.tty', 'new.tty', 'show', 'show.tty', 'stats', 'stats.tty']);
    // Every pack file in the folder is one the manifest names (a build removes the rest).
    expect(readdirSync(buildDir).filter((f) => f.startsWith('pack-') && f.endsWith('.pack')).sort()).toEqual(Object.values(packs).map((p) => p.file).sort());
    for (const [word, pack] of Object.entries(packs)) {
      // Named by its content, as its cache is: a manifest, a pack and a cache can't be paired wrongly.
      const text = readFileSync(join(buildDir, pack.file), 'latin1');
      const hash = createHash('sha256').update(text, 'latin1').digest('hex').slice(0, 12);
      expect(pack.file).toBe(`pack-${word}-${hash}.pack`);
      expect(manifest.caches[pack.file], word).toBe(`pack-${word}-${hash}.cache`);
      expect(pack.chunks[0], word).toBe('reframe.cjs');
      expect(pack.chunks.length, word).toBeGreaterThan(10);
      for (const c of pack.chunks) expect(chunks, word).toContain(c);
      expect(pack.chunks, word).not.toContain(detector);
      expect(new Set(pack.chunks).size).toBe(pack.chunks.length);
      // Each chunk's text as it is, beside its name.
      expect(text === `[${pack.chunks.map((c) => `[${JSON.stringify(c)},${readFileSync(join(buildDir, c), 'latin1')}]`).join(',\n')}]`, word).toBe(true);
    }
  });

  it('a start reads its command\'s pack with its cache, and none of the chunks in it; the output is the same as without packs', () => {
    const withPacks = copyOf('with-packs', (m) => m);
    const without = copyOf('without-packs', (m) => ({ ...m, packs: {} }));
    for (const args of lines) {
      const a = start(withPacks, args);
      const b = start(without, args);
      expect(a.status, `${args.join(' ')}: ${a.stderr}`).toBe(0);
      expect(a.stdout, args.join(' ')).toBe(b.stdout);
      expect(a.stderr, args.join(' ')).toBe(b.stderr);
      const word = args.find((w) => Object.hasOwn(packs, w))!;
      const pack = packs[word];
      // The pack, compiled with the build's cache, and no chunk of it on its own.
      expect(a.compiled.filter(([f]) => f.endsWith('.pack')), args.join(' ')).toEqual([[pack.file, true]]);
      expect(a.compiled.filter(([f]) => pack.chunks.includes(f)), args.join(' ')).toEqual([]);
      // The schema's steps are read only to upgrade a journal (src/journal/schema-version.ts).
      expect(a.compiled.map(([f]) => f), args.join(' ')).not.toContain(migrations);
      expect(b.compiled.filter(([f]) => pack.chunks.includes(f)).length, args.join(' ')).toBeGreaterThan(10);
    }
  });

  it('output to a character device (a terminal; here /dev/null) starts from the command\'s terminal pack', () => {
    const home = copyOf('tty-packs', (m) => m);
    for (const [word, args] of [['list', ['list']], ['stats', ['stats']], ['daily', ['daily']], ['show', ['show', id]]] as const) {
      const r = spawnSync(process.execPath, ['-r', hook, join(home, 'bin', 'reframe'), ...args], {
        stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), REFRAME_DB: db, LANG: 'C.UTF-8', TZ: 'UTC' },
      });
      const [stderr, seen] = r.stderr.split('\n@@');
      expect(r.status, stderr).toBe(0);
      expect((JSON.parse(seen) as [string, boolean][]).filter(([f]) => f.endsWith('.pack')), word).toEqual([[packs[`${word}.tty`].file, true]]);
    }
  });

  it('a pack missing, cut short or not this build\'s is passed over: the chunks\' own files serve, same output', () => {
    const reference = copyOf('packs-ref', (m) => ({ ...m, packs: {} }));
    const text = readFileSync(join(buildDir, packs.list.file), 'latin1');
    const broken: [string, (m: Record<string, unknown>) => Record<string, unknown>, (b: string) => void][] = [
      ['pack-gone', (m) => m, (b) => rmSync(join(b, packs.list.file))],
      ['pack-short', (m) => m, (b) => writeFileSync(join(b, packs.list.file), text.slice(0, text.length >> 1), 'latin1')],
      ['pack-names-fewer', (m) => ({ ...m, packs: { ...packs, list: { ...packs.list, chunks: packs.list.chunks.slice(1) } } }), () => {}],
      // The same chunks in another order: as many names, each paired with another chunk's code if trusted.
      ['pack-names-reordered', (m) => ({ ...m, packs: { ...packs, list: { ...packs.list, chunks: [...packs.list.chunks].reverse() } } }), () => {}],
      // Another command's pack file under list's entry (a stopped build, a start between its steps).
      ['pack-other-file', (m) => ({ ...m, packs: { ...packs, list: { ...packs.list, file: packs['list.tty'].file } } }), () => {}],
      ['pack-path', (m) => ({ ...m, packs: { list: { file: '../../../bin/reframe', chunks: [] } } }), () => {}],
      ['pack-not-an-object', (m) => ({ ...m, packs: { list: packs.list.file } }), () => {}],
    ];
    const want = start(reference, ['list']);
    expect(want.status).toBe(0);
    for (const [name, edit, shape] of broken) {
      const r = start(copyOf(name, edit, shape), ['list']);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(want.stdout);
      expect(r.stderr, name).toBe('');
      expect(r.compiled.map(([f]) => f), name).toContain('reframe.cjs');
    }
  });

  it('where the build\'s caches don\'t fit (an installed package), the first start keeps its pack\'s compiled code (0600) and the next start uses it', () => {
    const installed = copyOf('installed', (m) => ({ ...m, node: 'v0.0.0-elsewhere' }));
    const first = start(installed, ['list']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.compiled.filter(([f]) => f.endsWith('.pack'))).toEqual([[packs.list.file, false]]);
    const saved = join(installed, 'cache', 'reframe', `v8-${process.version}-${process.arch}`, basename(buildDir), `${packs.list.file}.cache`);
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    const second = start(installed, ['list']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.compiled.filter(([f]) => f.endsWith('.pack'))).toEqual([[packs.list.file, true]]);
  });
});
