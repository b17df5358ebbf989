// How reframe starts (bin/reframe, scripts/build.mjs): one CommonJS bundle run through vm.Script with a V8
// code cache per command. If V8 stopped accepting the caches nothing would break, reframe would only get
// slower, so the first test checks that every cache the build wrote is accepted. The others check that a
// cache that doesn't fit is ignored and never breaks a start, and how a cache is chosen.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';

const require = createRequire(import.meta.url);
const BIN = join(ROOT, 'bin', 'reframe');
const { cacheKey } = require(BIN) as { cacheKey: (args: string[], caches: Record<string, string>) => string };
const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'reframe.json'), 'utf8')) as {
  version: string; bundle: string; encoding: string; caches: Record<string, string>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const dir = mkdtempSync(join(tmpdir(), 'reframe-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `reframe --version` from BUNDLE with CACHE (a file, or none) and reports whether V8 took the cache. */
function versionWith(bundle: string, cache: string | null) {
  const probe = `
    const { readFileSync } = require('node:fs');
    const { runBundle } = require(${JSON.stringify(BIN)});
    process.argv = [process.argv[0], ${JSON.stringify(bundle)}, '--version'];
    const cache = ${JSON.stringify(cache)};
    const { script } = runBundle(${JSON.stringify(bundle)}, cache ? readFileSync(cache) : undefined, ${JSON.stringify(manifest.encoding)});
    process.stderr.write(JSON.stringify({ rejected: script.cachedDataRejected ?? null }));
  `;
  const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, result: r.status === 0 ? JSON.parse(r.stderr) as { rejected: boolean | null } : r.stderr };
}

describe('the code caches the build wrote', () => {
  it('has one per everyday command, plus the default', () => {
    expect(Object.keys(manifest.caches).sort()).toEqual(['', 'daily', 'distortions', 'export', 'list', 'new', 'show', 'stats', 'version']);
    expect(manifest.version).toBe(pkg.version);
  });

  it('are all accepted by this Node', () => {
    const bundle = join(ROOT, 'dist', manifest.bundle);
    for (const [key, file] of Object.entries(manifest.caches)) {
      const r = versionWith(bundle, join(ROOT, 'dist', file));
      expect(r.stdout, key).toBe(`${pkg.version}\n`);
      expect(r.result, key).toEqual({ rejected: false });
    }
  });
});

describe('a cache that does not fit', () => {
  const bundle = join(ROOT, 'dist', manifest.bundle);

  it('is ignored: reframe still starts and answers', () => {
    const junk = join(dir, 'junk.cache');
    writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const truncated = join(dir, 'truncated.cache');
    writeFileSync(truncated, readFileSync(join(ROOT, 'dist', manifest.caches.list)).subarray(0, 1000));
    for (const cache of [junk, truncated]) {
      const r = versionWith(bundle, cache);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.result).toEqual({ rejected: true });
    }
  });

  it('made for other source is refused by the build, not by luck: caches are named by the bundle they fit', () => {
    // V8 checks only the source's length, so a cache paired with other code of the same length would run the
    // wrong code. The build names each bundle and its caches by the bundle's hash and the manifest points at
    // one pair; this checks the pairing.
    const hash = /reframe-([0-9a-f]{12})\.cjs$/.exec(manifest.bundle)?.[1];
    expect(hash).toBeTruthy();
    for (const file of Object.values(manifest.caches)) expect(file).toContain(`reframe-${hash}.`);
  });

  it('a missing, empty or half-written build says how to build, exit 1, no stack', () => {
    const bundleText = readFileSync(join(ROOT, 'dist', manifest.bundle), 'latin1');
    const cases: [string, (home: string) => void][] = [
      ['no manifest', () => {}],
      ['a manifest of null', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), 'null')],
      ['a manifest cut short', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bun')],
      ['a manifest naming no bundle', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"caches": {}}')],
      ['a bundle that is not there', (h) => writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bundle/gone.cjs", "caches": {}}')],
      ['a bundle cut short', (h) => {
        mkdirSync(join(h, 'dist', 'bundle'));
        writeFileSync(join(h, 'dist', 'bundle', 'short.cjs'), bundleText.slice(0, 5000), 'latin1');
        writeFileSync(join(h, 'dist', 'reframe.json'), '{"bundle": "bundle/short.cjs", "encoding": "latin1", "caches": {}}');
      }],
    ];
    cases.forEach(([name, setUp], i) => {
      const home = join(dir, `unbuilt-${i}`);
      mkdirSync(join(home, 'bin'), { recursive: true });
      mkdirSync(join(home, 'dist'), { recursive: true });
      copyFileSync(BIN, join(home, 'bin', 'reframe'));
      copyFileSync(join(ROOT, 'bin', 'package.json'), join(home, 'bin', 'package.json'));
      setUp(home);
      const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), 'list'], { encoding: 'utf8' });
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toBe('reframe is not built yet. Run `npm install` in its folder, then try again.\n');
      expect(r.stdout, name).toBe('');
    });
  });
});

describe('what a start reads', () => {
  it('--version answers from the manifest: no bundle is read (here there is none), no journal opened', () => {
    const home = join(dir, 'version-only');
    mkdirSync(join(home, 'bin'), { recursive: true });
    mkdirSync(join(home, 'dist'), { recursive: true });
    copyFileSync(BIN, join(home, 'bin', 'reframe'));
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(home, 'bin', 'package.json'));
    writeFileSync(join(home, 'dist', 'reframe.json'), JSON.stringify({ ...manifest, bundle: 'bundle/gone.cjs' }));
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), flag], { encoding: 'utf8', env: { ...process.env, REFRAME_DB: join(home, 'nope', 'j.db') } });
      expect(r.status, flag).toBe(0);
      expect(r.stdout, flag).toBe(`${pkg.version}\n`);
      expect(r.stderr, flag).toBe('');
    }
    // Anything else still needs the bundle.
    const r = spawnSync(process.execPath, [join(home, 'bin', 'reframe'), '--version', 'list'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
  });

  it('the bundle is all ASCII, so every start reads it as latin1 (half the time of UTF-8)', () => {
    expect(manifest.encoding).toBe('latin1');
  });
});

describe('choosing a cache', () => {
  const caches = { '': 'a', version: 'b', list: 'c', stats: 'd', new: 'e' };
  it('goes by the command word, after any global options', () => {
    expect(cacheKey(['--version'], caches)).toBe('version');
    expect(cacheKey(['-V'], caches)).toBe('version');
    expect(cacheKey(['list', '--limit', '20'], caches)).toBe('list');
    expect(cacheKey(['--db', '/tmp/j.db', 'stats', '--json'], caches)).toBe('stats');
    expect(cacheKey(['list', '--search', 'stats'], caches)).toBe('list');
  });
  it('falls back to the default for anything else', () => {
    expect(cacheKey([], caches)).toBe('');
    expect(cacheKey(['cron', 'show'], caches)).toBe('');
    expect(cacheKey(['--help'], caches)).toBe('');
    expect(cacheKey(['list', '--version'], caches)).toBe('list');
    expect(cacheKey(['toString'], caches)).toBe('');
  });
});
