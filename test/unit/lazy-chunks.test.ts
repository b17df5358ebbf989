// A chunk's imports of other chunks are loaded when one of their names is first used (scripts/bundle-config.mjs,
// toCommonJS). Checked on a small program built the way the real one is (esbuild's split ES modules, then
// toCommonJS) and run through bin/reframe's own loader: what is loaded when, that every name read through the
// stand-in is the real one (functions, classes and instanceof, values that change, a namespace's `in` and keys),
// and that a chunk whose top-level code throws throws again at the next use. test/e2e/startup.test.ts checks the
// real build is written the way the stand-in expects.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run';
// @ts-expect-error plain JavaScript module of the build
import { toCommonJS } from '../../scripts/bundle-config.mjs';

const dir = mkdtempSync(join(tmpdir(), 'reframe-lazy-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SOURCES: Record<string, string> = {
  // main.ts shares b.ts with other.ts, c.ts with third.ts and d.ts with fourth.ts, so esbuild puts each in a chunk
  // of its own (and the helper a namespace import needs in another).
  'main.ts': `
    import { twice, Box, counter, bump } from './b';
    import * as bAll from './b';
    import { never } from './c';
    import { hello } from './d';
    globalThis.__log.push('main ran');
    export function useB(n: number) { return twice(n); }
    export function makeBox() { return new Box(3); }
    export function isBox(x: unknown) { return x instanceof Box; }
    export function count() { bump(); return counter; }
    export function useC() { return never(); }
    export function bHas(name: string) { return name in bAll; }
    export function bKeys() { return Object.keys(bAll).sort(); }
    export function useD() { return hello; }
  `,
  'other.ts': `
    import { twice } from './b';
    export const other = () => twice(1);
  `,
  'third.ts': `
    import { never } from './c';
    export const third = () => never();
  `,
  'fourth.ts': `
    import { hello } from './d';
    export const fourth = () => hello;
  `,
  'd.ts': `
    if ((globalThis as any).__fail) throw new Error('top-level failure');
    export const hello = 'hi';
  `,
  'b.ts': `
    globalThis.__log.push('b ran');
    export function twice(n: number) { return n * 2; }
    export class Box { constructor(public n: number) {} }
    export let counter = 0;
    export function bump() { counter++; }
  `,
  'c.ts': `
    globalThis.__log.push('c ran');
    export function never() { return 'c'; }
  `,
};

type Loaded = { load(name: string): Record<string, (...a: unknown[]) => unknown>; loaded: { name: string }[] };
let out: string;
let chunkOf: (source: string) => string;

beforeAll(async () => {
  const src = join(dir, 'src');
  mkdirSync(src);
  for (const [f, text] of Object.entries(SOURCES)) writeFileSync(join(src, f), text);
  const r = await build({
    absWorkingDir: dir, entryPoints: ['src/main.ts', 'src/other.ts', 'src/third.ts', 'src/fourth.ts'], bundle: true, splitting: true, format: 'esm', platform: 'node',
    target: 'node20', outdir: 'out', chunkNames: 'c-[hash]', minifyWhitespace: true, minifySyntax: true, write: false, metafile: true, logLevel: 'warning',
  });
  out = join(dir, 'built');
  mkdirSync(out);
  const files = await toCommonJS(r.outputFiles) as { name: string; code: string }[];
  for (const f of files) writeFileSync(join(out, f.name), f.code);
  const meta = r.metafile!.outputs;
  chunkOf = (source) => {
    const hit = Object.entries(meta).find(([, o]) => Object.keys(o.inputs).includes(`src/${source}`));
    return hit![0].replace(/^.*\//, '').replace(/\.js$/, '.cjs');
  };
});

function fresh(): { main: Record<string, (...a: unknown[]) => unknown>; loader: Loaded; log: string[] } {
  const log: string[] = [];
  (globalThis as unknown as { __log: string[] }).__log = log;
  const { chunkLoader } = createRequire(import.meta.url)(BIN) as { chunkLoader: (d: string) => Loaded };
  const loader = chunkLoader(out);
  return { main: loader.load('main.cjs'), loader, log };
}

describe('a chunk imported by another', () => {
  it('the build writes the import as a stand-in (the test program has its two chunks)', () => {
    expect(new Set([chunkOf('b.ts'), chunkOf('c.ts'), chunkOf('d.ts')]).size).toBe(3);
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    for (const c of [chunkOf('b.ts'), chunkOf('c.ts')]) expect(main).toMatch(new RegExp(`(import_c_\\w+)=__rfLazy\\(\\(\\)=>\\1=require\\("\\./${c}"\\)\\)`));
  });

  it('is not loaded until one of its names is used, then loaded once', () => {
    const { main, loader, log } = fresh();
    const names = () => loader.loaded.map((c) => c.name);
    expect(log).toEqual(['main ran']);
    expect(names()).toEqual(['main.cjs']);
    expect(main.useB(21)).toBe(42);
    expect(names()).toContain(chunkOf('b.ts'));
    const afterB = names().length;
    expect(main.useB(5)).toBe(10);
    expect(names()).toHaveLength(afterB);
    expect(log).toEqual(['main ran', 'b ran']);
    // c.ts is imported too, but its name is never used: never loaded, its top-level code never ran.
    expect(names()).not.toContain(chunkOf('c.ts'));
    expect(main.useC()).toBe('c');
    expect(log).toEqual(['main ran', 'b ran', 'c ran']);
  });

  it('gives the real names: classes and instanceof, a value that changes, a first use by a class', () => {
    const { main } = fresh();
    // The first use is `new Box()`: the stand-in gives the real class.
    const box = main.makeBox() as { n: number };
    expect(box.n).toBe(3);
    expect(main.isBox(box)).toBe(true);
    expect(main.isBox({ n: 3 })).toBe(false);
    // An exported `let` read after it changed: the live value, as with ES modules.
    expect(main.count()).toBe(1);
    expect(main.count()).toBe(2);
    // The chunk as a namespace: `in` and its keys are the real module's.
    expect(main.bHas('twice')).toBe(true);
    expect(main.bHas('nothing')).toBe(false);
    expect(main.bKeys()).toEqual(['Box', 'bump', 'counter', 'twice']);
  });

  it('whose top-level code throws, throws again at the next use (never a half-built module), then loads once it can', () => {
    const g = globalThis as unknown as { __fail?: boolean };
    g.__fail = true;
    try {
      const { main } = fresh();
      expect(() => main.useD()).toThrow('top-level failure');
      expect(() => main.useD()).toThrow('top-level failure');
      g.__fail = false;
      expect(main.useD()).toBe('hi');
    } finally {
      delete g.__fail;
    }
  });

  it('is the same module when loaded by Node\'s own require (worker threads, the keyring helper)', () => {
    const log: string[] = [];
    (globalThis as unknown as { __log: string[] }).__log = log;
    const req = createRequire(join(out, 'x.cjs'));
    const main = req('./main.cjs') as { useB: (n: number) => number; useC: () => string };
    expect(log).toEqual(['main ran']);
    expect(main.useB(2)).toBe(4);
    expect(main.useC()).toBe('c');
    expect(log).toEqual(['main ran', 'b ran', 'c ran']);
  });
});
