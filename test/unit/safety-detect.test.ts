// How well the safety detector (src/domain/safety) does on blind labelled texts, printed on every run.
//
// How the sets were kept honest:
// - The texts were written by people who never saw the detector or its phrases, in two sets by different
//   writers: danger-A (325 texts) and danger-B (301). A third set, danger-C, is being written the same way and
//   will be measured once, later, by someone other than whoever tunes the detector.
// - A is the TUNE split: its texts were read, and the phrases were written and adjusted while looking at its misses.
// - B is HELD-OUT: it was copied into test/fixtures/danger.json by scripts/safety-fixture.mjs, which prints counts
//   only. Its texts were never opened by whoever tuned the detector, and this test prints its figures but never
//   its misses, so reading the output can't leak them either. If held-out recall falls short, the answer is not
//   to read its misses: report the figure and write new blind texts.
// - Labels: danger (should bring up the crisis note), abuse (someone else hurting the person: the abuse note),
//   idiom (everyday figures of speech: "this commute is killing me": no note), everyday (painful but not
//   dangerous thoughts: "I'm such a failure": no note).
// The bar (issue 12): at least 97% of held-out danger texts caught; at most 5% of idioms bringing up a note
// (either note), on each split. False alarms on everyday texts and the abuse figure are reported, not gated.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, explain } from '../../src/domain/safety/detect';

interface Item { text: string; label: 'danger' | 'abuse' | 'idiom' | 'everyday'; cat: string; split: 'tune' | 'heldout'; source: string }
const items = (JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'danger.json'), 'utf8')) as { items: Item[] }).items;

interface Figures { danger: [number, number]; idiom: [number, number]; everyday: [number, number]; abuse: [number, number]; missed: Item[]; alarms: Item[] }

function measure(split: Item['split']): Figures {
  const f: Figures = { danger: [0, 0], idiom: [0, 0], everyday: [0, 0], abuse: [0, 0], missed: [], alarms: [] };
  for (const it of items.filter((x) => x.split === split)) {
    const a = assess([it.text]);
    const noted = a.danger || a.abuse;
    if (it.label === 'danger') {
      f.danger[1]++;
      if (a.danger) f.danger[0]++;
      else f.missed.push(it);
    } else if (it.label === 'abuse') {
      f.abuse[1]++;
      if (a.abuse) f.abuse[0]++;
      else f.missed.push(it);
    } else {
      f[it.label][1]++;
      if (noted) {
        f[it.label][0]++;
        f.alarms.push(it);
      }
    }
  }
  return f;
}

const pct = ([n, d]: [number, number]) => (d ? (100 * n) / d : 0);
const show = ([n, d]: [number, number]) => `${n}/${d} (${pct([n, d]).toFixed(1)}%)`;

function report(name: string, f: Figures, texts: boolean): string {
  const lines = [
    `${name}: danger caught ${show(f.danger)}; idiom false alarms ${show(f.idiom)}; everyday false alarms ${show(f.everyday)}; abuse caught by the abuse note ${show(f.abuse)}`,
  ];
  if (texts) {
    for (const m of f.missed) lines.push(`  missed ${m.label}/${m.cat}: ${JSON.stringify(m.text)}`);
    for (const m of f.alarms) lines.push(`  false alarm ${m.label}/${m.cat} (${JSON.stringify(explain(m.text))}): ${JSON.stringify(m.text)}`);
  }
  return lines.join('\n');
}

describe('the safety detector on blind labelled texts', () => {
  const tune = measure('tune');
  const held = measure('heldout');
  // Printed every run: the tune split with its misses, held-out as figures only.
  console.log(`${report('tune (danger-A)', tune, true)}\n${report('held-out (danger-B)', held, false)}`);

  it('has both splits, from the blind files', () => {
    expect(items.filter((x) => x.split === 'tune').every((x) => x.source === 'danger-A.jsonl')).toBe(true);
    expect(items.filter((x) => x.split === 'heldout').every((x) => x.source === 'danger-B.jsonl')).toBe(true);
    expect(tune.danger[1]).toBeGreaterThan(100);
    expect(held.danger[1]).toBeGreaterThan(100);
  });

  it('catches at least 97% of the held-out danger texts', () => {
    expect(pct(held.danger)).toBeGreaterThanOrEqual(97);
  });

  it('brings up a note for at most 5% of idioms, on each split', () => {
    expect(pct(tune.idiom)).toBeLessThanOrEqual(5);
    expect(pct(held.idiom)).toBeLessThanOrEqual(5);
  });

  it('takes a few milliseconds at most per text', () => {
    const texts = items.map((x) => x.text);
    assess(texts.slice(0, 5)); // compile once
    const rounds = 20;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const t of texts) assess([t + ' ' + r]);
    const perText = (performance.now() - t0) / (rounds * texts.length);
    console.log(`safety detector: ${(perText * 1000).toFixed(1)} µs per text (${texts.length} texts x ${rounds})`);
    expect(perText).toBeLessThan(2);
  });
});
