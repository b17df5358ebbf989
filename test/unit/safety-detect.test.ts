// How well the safety detector (src/domain/safety) does on blind labelled texts, printed on every run.
//
// How the sets were kept honest:
// - The texts were written by people who never saw the detector or its phrases, in sets by different writers.
// - danger-A (325 texts) and danger-B (301) are the TUNE split. A was tuned on first; B was held out and measured
//   once, blind (75.4% of its danger texts caught), and that figure is now spent: B's misses were read and the
//   detector generalised with them, so both are tune now. This test prints the tune split's figures per category
//   and every text it misses.
// - The HELD-OUT split is danger-C and danger-D, written the same way and never read by whoever tunes the
//   detector. They are added to test/fixtures/danger.json only by the lead, once, with
//   `node scripts/safety-fixture.mjs --heldout C,D`; this test then prints their figures but never their texts,
//   so reading the output can't leak them. Until they are added the test says so on every run (a todo in the
//   summary and a warning in the output): the held-out bar is not met by passing silently.
//   If held-out recall falls short, the answer is not to read its misses: report the figure, write new blind texts.
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

const TUNE_SOURCES = ['danger-A.jsonl', 'danger-B.jsonl'];

/** Danger recall per category ("plain", "method", "es"...), for the tune split's report. */
function byCategory(split: Item['split']): string {
  const cats = new Map<string, [number, number]>();
  for (const it of items.filter((x) => x.split === split && x.label === 'danger')) {
    const c = cats.get(it.cat) ?? [0, 0];
    c[1]++;
    if (assess([it.text]).danger) c[0]++;
    cats.set(it.cat, c);
  }
  return [...cats].sort(([a], [b]) => a.localeCompare(b)).map(([c, [n, d]]) => `${c} ${n}/${d}`).join(', ');
}

describe('the safety detector on blind labelled texts', () => {
  const tune = measure('tune');
  const held = measure('heldout');
  const heldSources = [...new Set(items.filter((x) => x.split === 'heldout').map((x) => x.source))].sort();
  const hasHeld = held.danger[1] > 0;
  // Printed every run: the tune split with its misses, held-out as figures only.
  console.log(`${report(`tune (${TUNE_SOURCES.join(' + ')})`, tune, true)}\n  tune danger by category: ${byCategory('tune')}`);
  if (hasHeld) console.log(report(`held-out (${heldSources.join(' + ')})`, held, false));
  else console.warn('held-out: NO HELD-OUT ITEMS in test/fixtures/danger.json, so the 97% held-out bar is NOT measured. '
    + 'The lead adds them with `node scripts/safety-fixture.mjs --heldout C,D`.');

  it('has the tune split from danger-A and danger-B, and any held-out split from other files', () => {
    expect(items.filter((x) => x.split === 'tune').every((x) => TUNE_SOURCES.includes(x.source))).toBe(true);
    expect(new Set(items.filter((x) => x.split === 'tune').map((x) => x.source))).toEqual(new Set(TUNE_SOURCES));
    expect(items.filter((x) => x.split === 'heldout').every((x) => !TUNE_SOURCES.includes(x.source))).toBe(true);
    expect(tune.danger[1]).toBeGreaterThan(200);
  });

  if (hasHeld) {
    // Measured once, 2026-12-05, when C and D were first added: 216/299 (72.2%). The 97% bar is NOT met by
    // these rules; that is the finding (README, "How the crisis note is found"). The floor guards the figure;
    // the bar stays as an expected failure so that reaching it shows up (it.fails then fails).
    it('keeps held-out danger recall at or above the figure first measured (72.2%)', () => {
      expect(pct(held.danger)).toBeGreaterThanOrEqual(72.2);
    });
    it.fails('catches at least 97% of the held-out danger texts (not met: 72.2% measured)', () => {
      expect(pct(held.danger)).toBeGreaterThanOrEqual(97);
    });
  } else {
    it.todo('catches at least 97% of the held-out danger texts: NO HELD-OUT ITEMS YET (scripts/safety-fixture.mjs --heldout C,D)');
  }

  it('keeps catching the tune split (at least 97%: a guard against undoing the work, not a measure of it)', () => {
    expect(pct(tune.danger)).toBeGreaterThanOrEqual(97);
  });

  it('brings up a note for at most 5% of idioms, on each split', () => {
    expect(pct(tune.idiom)).toBeLessThanOrEqual(5);
    if (hasHeld) expect(pct(held.idiom)).toBeLessThanOrEqual(5);
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
