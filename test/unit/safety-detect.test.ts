// How well the safety detector (src/domain/safety) does on blind labelled texts, printed on every run.
//
// How the sets were kept honest:
// - The texts were written by people who never saw the detector or its phrases, in sets by different writers.
// - danger-A to danger-N are the TUNE split. A was tuned on first; B, then C and D, then E and F, then G and H,
//   then I and J, then K and L, then M and N, were each held out and measured once, blind (B 75.4%, C and D
//   together 72.2% of danger texts caught by the rules; E and F together 84.2% by rules OR classifier, with 6.3%
//   idiom false alarms; G and H 334/412 (81.1%) at 11/186 (5.9%) idioms; I and J 347/420 (82.6%) at 15/190 (7.9%)
//   idioms; K and L 394/420 (93.8%) at 14/190 (7.4%) idioms, 14/90 (15.6%) everyday alarms; M and N 401/420
//   (95.5%) at 4/190 (2.1%) idioms, 15/90 (16.7%) everyday alarms), and those figures are spent: all fourteen are
//   learnt from now (the rules were written on A-D and, in the sixth pass, from what A-J missed; the seventh
//   pass's from A-L; the classifier's weights, src/domain/safety/model-weights.ts, are learnt from all fourteen).
//   This test prints the tune split's figures per category and every text it misses; they say only how well the
//   detector fits what it learnt from. How well it generalises is measured leave-one-set-out by
//   scripts/safety-cv.mjs (README, "What the detector catches and misses").
// - The HELDOUT split is the next blind pair (danger-O and danger-P; M + N, K + L, then I + J, before them),
//   written the same way and never read by whoever tunes the detector. They are added to test/fixtures/danger.json only by
//   the lead, once, with `LABELLED_DIR=<their folder> node scripts/safety-fixture.mjs --heldout O,P`; this test
//   then prints their figures but never their texts, so reading the output can't leak them. Until they are added
//   the test says so on every run (todos in the summary and a warning in the output): the held-out bar is not
//   met by passing silently. Once measured, the lead sets HELDOUT_FLOOR and HELDOUT_IDIOM_CEILING below.
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

const TUNE_SOURCES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'].map((s) => `danger-${s}.jsonl`);

/**
 * Held-out danger recall (%) measured once on the held-out pair, and the idiom false alarms (%) measured at the same
 * time. danger-O + danger-P (750 texts, two new writers, written from a description only and kept outside the repo
 * until the seventh pass was merged), measured once on 2026-12-07 after that pass: 408/420 (97.1%) danger caught at
 * 4/190 (2.1%) idiom alarms, 12/90 (13.3%) everyday alarms, 47/50 abuse. Both of the issue's bars met (recall by a
 * single text: 407 would be 96.9%). From now on a change that catches less, or alarms on more idioms, fails.
 * The pairs before, each measured once, blind, and tune now:
 * M + N 401/420 (95.5%) danger at 4/190 (2.1%) idioms, 15/90 (16.7%) everyday alarms, 50/50 abuse (after the sixth
 * pass); K + L 394/420 (93.8%) at 14/190 (7.4%) idioms, 14/90 (15.6%) everyday alarms, 47/50 abuse (after the fifth
 * pass); I + J 347/420 (82.6%) at 15/190 (7.9%); G + H 334/412 (81.1%) at 11/186 (5.9%).
 */
const HELDOUT_FLOOR = (100 * 408) / 420 as number | undefined;
/** Held-out idiom false alarms (%), measured once with the floor above. */
const HELDOUT_IDIOM_CEILING = (100 * 4) / 190 as number | undefined;
/** Whether the issue's bars (97% recall, at most 5% idiom alarms) were met on the held-out pair when measured: the lead sets
 * them with the figures above. Not met, the bar's test is an expected failure; met, a plain test. On O + P both were
 * met. */
const HELDOUT_BARS_MET = { recall: true, idioms: true };

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
    + 'The lead adds them with `LABELLED_DIR=<their folder> node scripts/safety-fixture.mjs --heldout O,P`.');

  it('has the tune split from danger-A to danger-N, and any held-out split from other files', () => {
    expect(items.filter((x) => x.split === 'tune').every((x) => TUNE_SOURCES.includes(x.source))).toBe(true);
    expect(new Set(items.filter((x) => x.split === 'tune').map((x) => x.source))).toEqual(new Set(TUNE_SOURCES));
    expect(items.filter((x) => x.split === 'heldout').every((x) => !TUNE_SOURCES.includes(x.source))).toBe(true);
    expect(tune.danger[1]).toBeGreaterThan(500);
  });

  if (hasHeld && HELDOUT_FLOOR !== undefined) {
    it(`keeps held-out danger recall at or above the figure first measured (${HELDOUT_FLOOR.toFixed(1)}%)`, () => {
      expect(pct(held.danger)).toBeGreaterThanOrEqual(HELDOUT_FLOOR);
    });
  } else if (hasHeld) {
    it.todo(`held-out floor: set HELDOUT_FLOOR to the danger figure printed above (${pct(held.danger).toFixed(1)}%), measured once`);
  } else {
    it.todo('held-out floor: NO HELD-OUT ITEMS YET; the lead measures danger-O + danger-P once and sets HELDOUT_FLOOR');
  }
  if (hasHeld) {
    // The issue's bar. Each is an expected failure (it.fails) while HELDOUT_BARS_MET says it was not met when
    // measured, so that reaching it later shows up (it.fails then fails): then set it true.
    (HELDOUT_BARS_MET.recall ? it : it.fails)('catches at least 97% of the held-out danger texts (the issue\'s bar)', () => {
      expect(pct(held.danger)).toBeGreaterThanOrEqual(97);
    });
  } else {
    it.todo('catches at least 97% of the held-out danger texts: NO HELD-OUT ITEMS YET (scripts/safety-fixture.mjs --heldout O,P)');
  }

  it('keeps catching the tune split (at least 97%: a guard against undoing the work, not a measure of it)', () => {
    expect(pct(tune.danger)).toBeGreaterThanOrEqual(97);
  });

  it('brings up a note for at most 5% of the tune split\'s idioms', () => {
    expect(pct(tune.idiom)).toBeLessThanOrEqual(5);
  });
  if (hasHeld && HELDOUT_IDIOM_CEILING !== undefined) {
    it(`keeps held-out idiom false alarms at or below the figure measured (${HELDOUT_IDIOM_CEILING.toFixed(1)}%)`, () => {
      expect(pct(held.idiom)).toBeLessThanOrEqual(HELDOUT_IDIOM_CEILING);
    });
  } else if (hasHeld) {
    it.todo(`held-out idiom ceiling: set HELDOUT_IDIOM_CEILING to the figure printed above (${pct(held.idiom).toFixed(1)}%), measured once`);
  } else {
    it.todo('held-out idiom ceiling: NO HELD-OUT ITEMS YET; the lead measures danger-O + danger-P once and sets HELDOUT_IDIOM_CEILING');
  }
  if (hasHeld) {
    (HELDOUT_BARS_MET.idioms ? it : it.fails)('brings up a note for at most 5% of the held-out idioms (the issue\'s bar)', () => {
      expect(pct(held.idiom)).toBeLessThanOrEqual(5);
    });
  } else {
    it.todo('brings up a note for at most 5% of the held-out idioms: NO HELD-OUT ITEMS YET (scripts/safety-fixture.mjs --heldout O,P)');
  }
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
  it('takes a few milliseconds for a 20,000-character paste, the worst case (nothing in it to stop early on)', () => {
    // The worst case reads all of it: rules that find nothing and every window of both classifiers. So the paste
    // is quiet texts, each added only if it stays quiet (neither note) beside the five before it (some quiet texts
    // side by side make a shape the rules take as danger: leaning towards help, that is allowed, but it would
    // stop early).
    const quiet = items.filter((x) => x.label === 'idiom' || x.label === 'everyday').map((x) => x.text);
    // Each quiet text is its own sentence (". " between them): joined with spaces only, everyday thoughts run on
    // into one long sentence read in windows of 40 words, and since the fifth pass the abuse classifier reads some
    // such windows as harm (a known limit, README), so no quiet paste could be built. The last one is taken back
    // when no text can follow the five before it, so the loop always ends.
    const kept: string[] = [];
    for (let i = 0, length = 0, refused = 0; length < 20_000; i++) {
      const next = quiet[i % quiet.length];
      const a = assess([kept.slice(-5).join('. ') + '. ' + next]);
      if (a.danger || a.abuse) {
        if (++refused > quiet.length && kept.length > 0) {
          length -= kept.pop()!.length + 2;
          refused = 0;
        }
        continue;
      }
      refused = 0;
      kept.push(next);
      length += next.length + 2;
    }
    let paste = kept.join('. ');
    paste = paste.slice(0, 20_000);
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      const a = assess([paste]);
      times.push(performance.now() - t0);
      expect(a).toEqual({ danger: false, abuse: false });
    }
    const best = Math.min(...times);
    console.log(`safety detector: a 20,000-character paste in ${best.toFixed(1)} ms (best of 5; worst ${Math.max(...times).toFixed(1)} ms)`);
    // A guard against a slow path (a scan per window, a quadratic step), loose enough for a busy machine.
    expect(best).toBeLessThan(500);
  });
});
