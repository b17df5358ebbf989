// Measured quality of the suggestions on the labelled set in test/fixtures/thoughts.json.
// Top-3 recall: a thought counts as found when its FIRST label (the main pattern it shows) is among
// the first three suggestions. Neutral flagged: the share of neutral sentences (no labels) that get
// any suggestion at all. Both are measured on the tune split (the cues were improved looking at its
// misses) and on the held-out split (never looked at while writing cues).
//
// What fails the test:
// - recall over the whole labelled set below 85%, or on the tune split below 85%;
// - more than 10% of the neutral sentences flagged, on either split;
// - held-out recall below HELDOUT_FLOOR. The aim is 85% there too, and it is NOT met.
//
// How the held-out split was made (so its figure means "wording the cues never saw"): 76 thoughts kept
// aside from the first set; then two blind sets, each written by someone who had not seen the cues or the
// other sets, measured once before being added here and never tuned on. Figures, 2026-11-23:
//   blind set 1 (96 labelled, 25 neutral), measured once after the word-set layer: top-3 77.1%, 0% flagged.
//   blind set 2 (104 labelled, 25 neutral; written to avoid textbook words such as always, should, idiot),
//     measured once after the second pass: top-3 66.3%, 8% flagged (60.6% with the first pass's cues).
//   The whole held-out split now: 75.3% of 275 top-3, 4.3% of 69 neutral flagged. Earlier: 67.1% (2026-11-22).
// The tune split holds the first set's tune part plus two dev sets the cues were developed against; each was
// measured before any change for it (81.8% and 67.9% top-3), then tuned to ~100%.
// The floor guards the held-out figure against regressions; raise it when held-out improves.
//
// Plain sentences (issue 14): 200 plain feelings and everyday statements ("I'm sad", "I feel tired", "everyone else is
// ahead of me"), written blind by someone who had not read the code (source plain-2026-12-06), and 40 examples of
// minimization and of if-then rules (source plain-positive-2026-12-06), each half tune, half held-out. A plain
// sentence should never get a pattern. Measured once on the held-out halves before the suggester was changed for
// them (2026-12-06): 2 of 100 plain sentences got a pattern; minimization 0 of 10 (no such pattern yet); if-then
// rules 0 of 10 (no such pattern yet). After the work, measured once more: plain 2 of 100 still get a pattern;
// minimization 3 of 10; if-then rules 6 of 10 in the top three. The tune halves: 3 of 100 plain flagged before,
// 0 after; minimization 9 of 10; if-then rules 8 of 10. The held-out plain bar (none flagged) is NOT met: the floor
// guards the measured figure and the bar stays as an expected failure, as in safety-detect.test.ts.
// The recall figures above (and their floors) are over the thoughts of the first sets only; the new sets have theirs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSuggester } from '../../src/domain/suggest';
import { FIXED_IDS, loadLibrary } from '../../src/library/library';

interface Item { text: string; labels: string[]; split: 'tune' | 'heldout'; source?: string }
const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'thoughts.json'), 'utf8')) as { version: number; items: Item[] };
const lib = loadLibrary();
const suggester = createSuggester(lib.patterns, [], lib.lexicon);

const MIN_RECALL = 0.85;
const MAX_FLAGGED = 0.1;
const HELDOUT_FLOOR = 0.75;
const PLAIN = 'plain-2026-12-06';
const POSITIVE = 'plain-positive-2026-12-06';
/** Held-out plain sentences that got a pattern when measured after the work (the bar is none). */
const PLAIN_HELDOUT_FLAGGED = 2;
/** Share of the new positive examples whose label is among the first three, per split: [tune, held-out] measured. */
const POSITIVE_FLOOR: Record<string, [number, number]> = { minimization: [0.9, 0.3], 'if-then-rule': [0.8, 0.6] };

function measure(split: Item['split']) {
  const items = fixture.items.filter((i) => i.split === split && i.source !== POSITIVE);
  const labelled = items.filter((i) => i.labels.length > 0);
  const neutral = items.filter((i) => i.labels.length === 0);
  let first = 0;
  let any = 0;
  for (const i of labelled) {
    const top = suggester.suggest(i.text, { limit: 3 }).map((s) => s.id);
    if (top.includes(i.labels[0])) first++;
    if (i.labels.some((l) => top.includes(l))) any++;
  }
  const flagged = neutral.filter((i) => suggester.suggest(i.text, { limit: 3 }).length > 0).length;
  return {
    split,
    labelled: labelled.length,
    recall: first / labelled.length,
    recallAnyLabel: any / labelled.length,
    neutral: neutral.length,
    flagged: flagged / neutral.length,
  };
}

describe('the labelled set', () => {
  it('has what the issue asks for', () => {
    expect(fixture.version).toBe(1);
    const labelled = fixture.items.filter((i) => i.labels.length > 0);
    expect(labelled.length).toBeGreaterThanOrEqual(150);
    expect(fixture.items.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(30);
    for (const id of FIXED_IDS) expect(labelled.filter((i) => i.labels.includes(id)).length, id).toBeGreaterThanOrEqual(10);
    const closeness = lib.patterns.filter((p) => p.group === 'closeness').map((p) => p.id);
    for (const id of closeness) expect(labelled.some((i) => i.labels.includes(id)), id).toBe(true);
    for (const i of fixture.items) for (const l of i.labels) expect(lib.has(l), l).toBe(true);
    for (const split of ['tune', 'heldout'] as const) {
      const part = fixture.items.filter((i) => i.split === split);
      expect(part.filter((i) => i.labels.length > 0).length).toBeGreaterThanOrEqual(30);
      expect(part.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(10);
    }
    const texts = fixture.items.map((i) => i.text.trim().toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    // Written for this project, not copied from the library's own examples.
    const examples = new Set(lib.patterns.flatMap((p) => p.examples.map((e) => e.trim().toLowerCase())));
    expect(texts.filter((t) => examples.has(t))).toEqual([]);
  });
});

describe('suggestion quality', () => {
  const results = [measure('tune'), measure('heldout')];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    'suggest quality | ' +
      results
        .map((r) => `${r.split}: top-3 recall ${pct(r.recall)} of ${r.labelled} (any label ${pct(r.recallAnyLabel)}), neutral flagged ${pct(r.flagged)} of ${r.neutral}`)
        .join(' | '),
  );

  it(`all labelled thoughts: top-3 recall (first label) is at least ${MIN_RECALL * 100}%`, () => {
    const n = results.reduce((a, r) => a + r.labelled, 0);
    const found = results.reduce((a, r) => a + r.recall * r.labelled, 0);
    expect(found / n).toBeGreaterThanOrEqual(MIN_RECALL);
  });
  for (const r of results) {
    const floor = r.split === 'heldout' ? HELDOUT_FLOOR : MIN_RECALL;
    it(`${r.split}: top-3 recall (first label) is at least ${Math.round(floor * 100)}%`, () => {
      expect(r.recall).toBeGreaterThanOrEqual(floor);
    });
    it(`${r.split}: at most ${MAX_FLAGGED * 100}% of neutral sentences get a suggestion`, () => {
      expect(r.flagged).toBeLessThanOrEqual(MAX_FLAGGED);
    });
  }
});

describe('plain feelings and everyday statements get no pattern', () => {
  const plain = (split: Item['split']) => fixture.items.filter((i) => i.source === PLAIN && i.split === split);
  const flagged = (split: Item['split']) => plain(split).filter((i) => suggester.suggest(i.text, { limit: 3 }).length > 0);

  it('the plain sets are in the fixture, both splits, with no labels', () => {
    for (const split of ['tune', 'heldout'] as const) expect(plain(split).length).toBeGreaterThanOrEqual(60);
    expect(fixture.items.filter((i) => i.source === PLAIN).every((i) => i.labels.length === 0)).toBe(true);
  });
  it('tune: not one plain sentence gets a pattern', () => {
    expect(flagged('tune').map((i) => i.text)).toEqual([]);
  });
  it(`held-out: at most ${PLAIN_HELDOUT_FLAGGED} plain sentences get a pattern (the figure measured after the work)`, () => {
    const n = flagged('heldout').length;
    console.log(`plain held-out: ${n} of ${plain('heldout').length} get a pattern`);
    expect(n).toBeLessThanOrEqual(PLAIN_HELDOUT_FLAGGED);
  });
  it.fails(`held-out: not one plain sentence gets a pattern (not met: ${PLAIN_HELDOUT_FLAGGED} of 100 measured)`, () => {
    expect(flagged('heldout').length).toBe(0);
  });
  it('the issue\'s own plain sentences get nothing', () => {
    for (const t of ["I'm sad", 'I feel tired', 'Everyone else is ahead of me', "I'm bored", "I'm nothing like my dad"]) {
      expect(suggester.suggest(t), t).toEqual([]);
    }
  });
});

describe('minimization and if-then rules are found', () => {
  for (const [label, [tuneFloor, heldFloor]] of Object.entries(POSITIVE_FLOOR)) {
    for (const [split, floor] of [['tune', tuneFloor], ['heldout', heldFloor]] as const) {
      it(`${split}: "${label}" is among the first three for at least ${Math.round(floor * 100)}%`, () => {
        const xs = fixture.items.filter((i) => i.source === POSITIVE && i.split === split && i.labels[0] === label);
        expect(xs.length).toBeGreaterThanOrEqual(10);
        const found = xs.filter((i) => suggester.suggest(i.text, { limit: 3 }).some((s) => s.id === label)).length;
        console.log(`${label} ${split}: ${found} of ${xs.length} in the top three`);
        expect(found / xs.length).toBeGreaterThanOrEqual(floor);
      });
    }
  }
});
