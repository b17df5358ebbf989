// The program loads its built-in library without re-checking it (src/runtime.ts: checkBuiltIn false, ~5 ms a
// start). That is only safe while the files are valid AND stored exactly as parsing leaves them (trimmed text,
// every optional list present): this test holds both, so skipping the check can never change what loads.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary, patternNamer } from '../../src/library/library';
import { dataDir } from '../../src/library/data-dir';

describe('the built-in library', () => {
  it('is valid, and loads the same checked or not', () => {
    const checked = loadLibrary();
    const trusted = loadLibrary({ checkBuiltIn: false });
    expect(checked.patterns.length).toBeGreaterThan(0);
    expect(trusted.patterns).toEqual(checked.patterns);
    expect(trusted.strategies).toEqual(checked.strategies);
  });
});

describe("the person's own patterns", () => {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-library-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are checked even when the built-in files are not', () => {
    writeFileSync(join(dir, 'patterns.json'), JSON.stringify({ patterns: [{ id: 'Not Kebab', name: 'x' }] }));
    expect(() => loadLibrary({ configDir: dir, checkBuiltIn: false })).toThrow(/patterns\.json has a problem: patterns\[0\]\.id must be kebab-case/);
  });

  it('join the built-in ones, with their defaults filled in', () => {
    const own = {
      id: 'my-own-pattern', name: '  Mine  ', summary: 's', description: 'd', examples: ['a', 'b'], questions: ['q1', 'q2', 'q3'], reframe: 'r',
    };
    writeFileSync(join(dir, 'patterns.json'), JSON.stringify({ version: 1, patterns: [own] }));
    const lib = loadLibrary({ configDir: dir, checkBuiltIn: false });
    expect(lib.get('my-own-pattern')).toMatchObject({ name: 'Mine', group: 'custom', cues: [] });
    expect(lib.userFile).toBe(join(dir, 'patterns.json'));
  });
});

describe('patterns\' names alone (patternNamer: daily and stats)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const full = loadLibrary({ checkBuiltIn: false });
  const ids = [...full.patterns.map((p) => p.id), 'not-a-pattern', 'constructor', '__proto__', 'toString'];

  it('data/pattern-names.json is every built-in name by its id (run `node scripts/pattern-names.mjs` after changing patterns.json)', () => {
    const file = JSON.parse(readFileSync(join(dataDir(), 'pattern-names.json'), 'utf8'));
    expect(file).toEqual({ version: 1, names: Object.fromEntries(full.patterns.map((p) => [p.id, p.name])) });
  });

  it('gives the whole library\'s names without reading it, when the person has no patterns of their own', () => {
    let read = false;
    const nameOf = patternNamer(join(dir, 'none'), () => { read = true; return full; });
    for (const id of ids) expect(nameOf(id), id).toBe(full.nameOf(id));
    expect(read).toBe(false);
  });

  it('reads the whole library, theirs too, when the person has patterns of their own, or the names file is missing', () => {
    const own = { id: 'my-own-pattern', name: 'Mine', summary: 's', description: 'd', examples: ['a', 'b'], questions: ['q1', 'q2', 'q3'], reframe: 'r' };
    writeFileSync(join(dir, 'patterns.json'), JSON.stringify({ version: 1, patterns: [own] }));
    const theirs = loadLibrary({ configDir: dir, checkBuiltIn: false });
    const nameOf = patternNamer(dir, () => theirs);
    expect(nameOf('my-own-pattern')).toBe('Mine');
    for (const id of ids) expect(nameOf(id), id).toBe(theirs.nameOf(id));
    const without = patternNamer(undefined, () => full, join(dir, 'no-data-here'));
    for (const id of ids) expect(without(id), id).toBe(full.nameOf(id));
    // A names file of the wrong shape is no names file: the whole library.
    for (const [i, bad] of [{ version: 1, names: [] }, { version: 2, names: {} }, { version: 1, names: { labeling: 3 } }, 'nope'].entries()) {
      const d = join(dir, `bad-${i}`);
      mkdirSync(d);
      writeFileSync(join(d, 'pattern-names.json'), typeof bad === 'string' ? bad : JSON.stringify(bad));
      let read = false;
      const named = patternNamer(undefined, () => { read = true; return full; }, d);
      expect(named('labeling'), JSON.stringify(bad)).toBe(full.nameOf('labeling'));
      expect(read, JSON.stringify(bad)).toBe(true);
    }
  });
});
