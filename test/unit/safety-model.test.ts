// The safety classifier (src/domain/safety/model.ts): that its fast scoring is the model the training script
// learnt (bias + the weights of the features of features.ts), that a long text is read in windows so one
// dangerous sentence in a long entry still counts, and that the shipped weights are what the script makes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, plainForModel, rulesSay } from '../../src/domain/safety/detect';
import { features, windowFeatures, windowsInto } from '../../src/domain/safety/features';
import { abuseScore, modelSaysAbuse, modelSaysDanger, modelScore, windows, WINDOW } from '../../src/domain/safety/model';
import { ABUSE_BIAS, ABUSE_THRESHOLD, ABUSE_WEIGHTS, BIAS, THRESHOLD, WEIGHTS } from '../../src/domain/safety/model-weights';
import { ROOT } from '../helpers/run';

interface Item { text: string; label: string; split: string }
const items = (JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'danger.json'), 'utf8')) as { items: Item[] }).items;

// The weights read independently of model.ts.
function read(source: string): Map<string, number> {
  const t = new Map<string, number>();
  for (const line of source.split('\n')) {
    const [w, f] = line.split('\t');
    if (f !== undefined) t.set(f, Number(w));
  }
  return t;
}
const table = read(WEIGHTS);
const abuseTable = read(ABUSE_WEIGHTS);
/** The score as the training script defines it: bias plus each distinct feature's weight. */
const plainScore = (plain: string) => [...features(plain)].reduce((z, f) => z + (table.get(f) ?? 0), BIAS);
/** A text's score as the training script measures it: its highest window's (windowFeatures). */
const slowScore = (plain: string, t: Map<string, number>, bias: number) =>
  Math.max(...windowFeatures(plain).map((fs) => [...fs].reduce((z, f) => z + (t.get(f) ?? 0), bias)));

describe('the safety classifier', () => {
  it('ships a real model: thousands of weights, a threshold, and both signs', () => {
    expect(table.size).toBeGreaterThan(5000);
    expect(Number.isFinite(THRESHOLD)).toBe(true);
    expect([...table.values()].some((w) => w > 0.3)).toBe(true);
    expect([...table.values()].some((w) => w < -0.3)).toBe(true);
  });

  it('ships an abuse model too, with its own threshold', () => {
    expect(abuseTable.size).toBeGreaterThan(1000);
    expect(Number.isFinite(ABUSE_THRESHOLD)).toBe(true);
    expect([...abuseTable.values()].some((w) => w > 0.3)).toBe(true);
    expect([...abuseTable.keys()].some((f) => f.startsWith('s:'))).toBe(true);
  });

  it('scores every labelled text as its highest window, each bias + the weights of its features (both models)', () => {
    for (const it of items) {
      const plain = plainForModel(it.text);
      expect(modelScore(plain)).toBeCloseTo(slowScore(plain, table, BIAS), 6);
      expect(abuseScore(plain)).toBeCloseTo(slowScore(plain, abuseTable, ABUSE_BIAS), 6);
    }
  });

  it('scores a one-sentence text as bias + the weights of its features, pairs with a word between included', () => {
    const plain = plainForModel('I want to die');
    expect(features(plain)).toContain('s:want_die');
    expect(windowFeatures(plain)).toHaveLength(1);
    expect(modelScore(plain)).toBeCloseTo(plainScore(plain), 6);
  });

  it('reads a short text of several sentences whole and sentence by sentence', () => {
    // Sentences of 4, 2 and 5 words: the whole, and each of 3 words or more.
    expect(windows([0, 4, 6], 11)).toEqual([[0, 11], [0, 4], [6, 11]]);
    const quiet = 'Work was fine today. Dinner with my sister was lovely and we laughed.';
    const danger = 'I have the pills ready.';
    const plain = plainForModel(`${quiet} ${danger}`);
    expect(modelScore(plain)).toBeCloseTo(Math.max(plainScore(plain), modelScore(plainForModel(danger)), modelScore(plainForModel(quiet))), 6);
  });

  it('sees harm from someone else with the abuse model where the abuse rules do not', () => {
    const abuse = items.filter((x) => x.label === 'abuse');
    const byModel = abuse.filter((x) => modelSaysAbuse(plainForModel(x.text)));
    expect(byModel.length).toBeGreaterThan(abuse.length / 2);
    expect(modelSaysAbuse(plainForModel('We had a lovely walk by the river and I felt calm.'))).toBe(false);
  });

  it('reads a long text sentence by sentence, and a long sentence in windows of words', () => {
    // Sentences of 10 words: each on its own.
    const starts = Array.from({ length: 10 }, (_, i) => i * 10);
    const w = windows(starts, 100);
    expect(w).toEqual(starts.map((s) => [s, s + 10]));
    expect(w.every(([s, e]) => e - s <= WINDOW && e > s)).toBe(true);
    // One sentence of 100 words: overlapping windows covering all of it.
    const long = windows([0], 100);
    expect(long[0]).toEqual([0, WINDOW]);
    expect(long[long.length - 1][1]).toBe(100);
    for (let i = 1; i < long.length; i++) expect(long[i][0]).toBeLessThan(long[i - 1][1]);
    // A short text is one window whole, and each of its sentences besides when it has more than one.
    expect(windows([0], 30)).toEqual([[0, 30]]);
    expect(windows([0, 5, 12], 30)).toEqual([[0, 30], [0, 5], [5, 12], [12, 30]]);
  });

  it('writes the same windows into a buffer as it lists (windowsInto, what the classifier reads by)', () => {
    let seed = 9;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let buffer: Int32Array = new Int32Array(2);
    for (let i = 0; i < 5_000; i++) {
      const starts = [0];
      const n = Math.floor(rnd() * 160);
      for (let at = Math.floor(rnd() * 30); at < n; at += 1 + Math.floor(rnd() * 45)) if (at > 0) starts.push(at);
      const got = windowsInto(starts, n, buffer);
      buffer = got.buffer;
      expect(Array.from({ length: got.count }, (_, k) => [got.buffer[2 * k], got.buffer[2 * k + 1]]), JSON.stringify([starts, n])).toEqual(windows(starts, n));
    }
  });

  it('scores a long text by its highest window', () => {
    const plain = plainForModel(items.map((x) => x.text).join(' ').slice(0, 3000));
    // The windows' words, worked out the slow way: sentences as word lists.
    const sentences = plain.split(' . ').map((x) => x.split(' ').filter((w) => w !== '' && w !== '.')).filter((x) => x.length > 0);
    const words = sentences.flat();
    const starts: number[] = [];
    let n = 0;
    for (const x of sentences) {
      starts.push(n);
      n += x.length;
    }
    expect(n).toBeGreaterThan(2 * WINDOW);
    let best = -Infinity;
    for (const [s, e] of windows(starts, n)) {
      // Rebuild the window's plain form with its sentence ends, so word pairs stop where they did.
      const parts: string[] = [];
      for (let i = s; i < e; i++) {
        if (i > s && starts.includes(i)) parts.push('.');
        parts.push(words[i]);
      }
      best = Math.max(best, plainScore(' ' + parts.join(' ') + ' '));
    }
    expect(modelScore(plain)).toBeCloseTo(best, 6);
  });

  it('still sees one dangerous text in the middle of a long quiet entry', () => {
    // A labelled danger text only the classifier sees (the rules don't), as one line among 80 quiet ones (~5,000
    // characters). Lines, because a long entry is read by sentences: a dangerous line in a long run-on
    // sentence with no stops is read in windows of 40 words and can be drowned out (README).
    const danger = items.filter((x) => x.label === 'danger' && !rulesSay(x.text) && modelSaysDanger(plainForModel(x.text)));
    expect(danger.length).toBeGreaterThan(10);
    const quiet = items.filter((x) => (x.label === 'idiom' || x.label === 'everyday') && !assess([x.text]).danger).map((x) => x.text);
    let caught = 0;
    for (const d of danger.slice(0, 10)) {
      const entry = [...quiet.slice(0, 40), d.text, ...quiet.slice(40, 80)].join('\n');
      if (assess([entry]).danger) caught++;
    }
    expect(caught).toBe(10);
  });

  it('has shipped weights that are exactly what scripts/safety-model.mjs makes from the labelled texts', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'safety-model.mjs'), '--check'], { encoding: 'utf8', cwd: ROOT });
    expect(r.stdout + r.stderr).toContain('up to date');
    expect(r.status).toBe(0);
  }, 120_000);
});
