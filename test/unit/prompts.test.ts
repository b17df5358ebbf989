// The daily prompts: the data file is valid, and the rotation gives one prompt per local day,
// the same all day, never the same two days in a row, and every prompt in turn.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPrompts, promptForDay, promptIndex, promptsFileSchema, rotationStride } from '../../src/domain/prompts';
import { dataDir } from '../../src/library/data-dir';
import { addDays, dayNumber, localDay } from '../../src/domain/streak';
import { OperationError } from '../../src/errors';

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

describe('data/prompts.json', () => {
  const prompts = loadPrompts();

  it('has 60 or more prompts with unique ids and distinct texts', () => {
    expect(prompts.length).toBeGreaterThanOrEqual(60);
    expect(new Set(prompts.map((p) => p.id)).size).toBe(prompts.length);
    expect(new Set(prompts.map((p) => p.text.toLowerCase())).size).toBe(prompts.length);
  });

  it('covers the themes of the seed essays and everyday CBT practice', () => {
    const themes = new Set(prompts.map((p) => p.theme));
    for (const t of ['vulnerability', 'trust', 'self-compassion', 'boundaries', 'communication', 'small-steps', 'cbt-practice']) {
      expect(themes, t).toContain(t);
    }
  });

  it('asks: every prompt is a question or an invitation', () => {
    for (const p of prompts) expect(p.text, p.id).toMatch(/[?.]$/);
  });

  it('is stored exactly as the schema leaves it, so daily may read it unchecked', () => {
    const raw = JSON.parse(readFileSync(join(dataDir(), 'prompts.json'), 'utf8'));
    expect(promptsFileSchema().parse(raw)).toEqual(raw);
    expect(loadPrompts(undefined, false)).toEqual(prompts);
  });
});

describe('loadPrompts validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-prompts-'));
  const file = join(dir, 'prompts.json');
  const write = (v: unknown) => writeFileSync(file, typeof v === 'string' ? v : JSON.stringify(v));
  const ok = { id: 'p1', theme: 'trust', text: 'Who kept a small promise to you lately?' };

  it.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['wrong version', { version: 2, prompts: [ok, { ...ok, id: 'p2' }] }, /version/],
    ['a single prompt', { version: 1, prompts: [ok] }, /at least 2/],
    ['an unknown key', { version: 1, prompts: [ok, { ...ok, id: 'p2', mood: 3 }] }, /prompts/],
    ['an empty text', { version: 1, prompts: [ok, { ...ok, id: 'p2', text: '  ' }] }, /text/],
    ['a theme that is not kebab-case', { version: 1, prompts: [ok, { ...ok, id: 'p2', theme: 'Small Steps' }] }, /kebab-case/],
    ['a duplicate id', { version: 1, prompts: [ok, { ...ok }] }, /appears twice/],
  ])('refuses %s, naming the file', (_name, content, re) => {
    write(content);
    let err: unknown;
    try { loadPrompts(file); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(re);
  });

  it.each([
    ['not JSON', '{ nope', /not valid JSON/],
    ['wrong version', { version: 2, prompts: [ok, { ...ok, id: 'p2' }] }, /version/],
    ['a single prompt', { version: 1, prompts: [ok] }, /at least 2/],
    ['a prompt without its text', { version: 1, prompts: [ok, { id: 'p2', theme: 'trust' }] }, /text/],
    ['a duplicate id', { version: 1, prompts: [ok, { ...ok }] }, /appears twice/],
  ])('unchecked (as daily reads its own file), still refuses %s with the same words', (_name, content, re) => {
    write(content);
    let err: unknown;
    try { loadPrompts(file, false); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(re);
  });

  it('a missing file is a clear error', () => {
    expect(() => loadPrompts(join(dir, 'nope.json'))).toThrow(/Can't read the daily prompts/);
  });

  it('reads a valid file', () => {
    write({ version: 1, prompts: [ok, { ...ok, id: 'p2' }] });
    expect(loadPrompts(file).map((p) => p.id)).toEqual(['p1', 'p2']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('rotation', () => {
  const prompts = loadPrompts();

  it('the stride is coprime with the count and between 1 and count-1, for every count', () => {
    for (let n = 2; n <= 500; n++) {
      const s = rotationStride(n);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(n);
      expect(gcd(s, n)).toBe(1);
    }
    expect(() => rotationStride(1)).toThrow();
  });

  // Why consecutive days differ: index(d+1) - index(d) = stride (mod n), and 0 < stride < n.
  // Why every prompt comes round: stride is coprime with n, so d -> d*stride mod n is a bijection.
  it('two days in a row never share a prompt (any count, any day, across years)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: -40_000, max: 80_000 }), (n, d) => {
      const day = addDays('1970-01-01', d);
      const next = addDays(day, 1);
      expect(promptIndex(day, n)).not.toBe(promptIndex(next, n));
      expect(promptIndex(day, n)).toBeGreaterThanOrEqual(0);
      expect(promptIndex(day, n)).toBeLessThan(n);
    }));
  });

  it('every prompt comes round exactly once in any run of `count` days', () => {
    for (const start of ['2026-01-01', '2026-11-22', '1999-12-31', '2040-02-28']) {
      const seen = new Set<string>();
      for (let i = 0; i < prompts.length; i++) seen.add(promptForDay(prompts, addDays(start, i)).id);
      expect(seen.size).toBe(prompts.length);
    }
  });

  it('the same local day gives the same prompt at any hour, DST changes included', () => {
    // Times across a whole day, including the DST switch days of Europe and the US (in whatever TZ runs the test).
    for (const [y, m, d] of [[2026, 2, 29], [2026, 9, 25], [2026, 2, 8], [2026, 10, 1], [2026, 10, 22]]) {
      const ids = new Set<string>();
      for (let h = 0; h < 24; h++) for (const min of [0, 59]) {
        const t = new Date(y, m, d, h, min);
        expect(localDay(t)).toBe(`${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        ids.add(promptForDay(prompts, localDay(t)).id);
      }
      expect(ids.size).toBe(1);
    }
  });

  it('a whole year of consecutive days, with the real prompts: no repeats on neighbouring days', () => {
    let prev = '';
    for (let i = 0; i < 800; i++) {
      const id = promptForDay(prompts, addDays('2026-01-01', i)).id;
      expect(id).not.toBe(prev);
      prev = id;
    }
  });

  it('day numbers are calendar days, with no time zone in them', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-11-22') - dayNumber('2026-11-21')).toBe(1);
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(() => dayNumber('22/11/2026')).toThrow();
  });
});
