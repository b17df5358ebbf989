// The program loads its built-in library without re-checking it (src/runtime.ts: checkBuiltIn false, ~5 ms a
// start). That is only safe while the files are valid AND stored exactly as parsing leaves them (trimmed text,
// every optional list present): this test holds both, so skipping the check can never change what loads.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/library';

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
