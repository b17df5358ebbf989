// Keeps test/fixtures/danger.json, the blind labelled texts of the safety detector, one item per text, each
// marked with its split and source file.
//
//   node scripts/safety-fixture.mjs                    # the tune split (danger-A..N) as it is; no held-out items
//   LABELLED_DIR=<dir> node scripts/safety-fixture.mjs --heldout O,P
//                                                      # the same, plus whichever of danger-O.jsonl, danger-P.jsonl
//                                                      # exist in LABELLED_DIR (default /work/labelled) as
//                                                      # "heldout" (the lead runs this, once, to measure)
//
// The tune split is danger-A to danger-N. All fourteen have been read or measured (A tuned on first; B, then C and
// D, then E and F, then G and H, then I and J, then K and L, then M and N, each measured blind once, and those
// figures are spent), so they are tune now. (M and N were held out until the sixth pass was measured on them;
// this script, run without --heldout after TUNE took them in, turned their fixture items into tune.) Their only copy is this fixture: the script takes them from it and never reads /work/labelled
// for them. The held-out sets are read from LABELLED_DIR only when named with --heldout: whoever tunes the
// detector never runs that, and the script prints counts only, never a text, so a held-out text can't leak here
// either.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'test', 'fixtures', 'danger.json');
const dir = process.env.LABELLED_DIR ?? '/work/labelled';
const LABELS = new Set(['danger', 'abuse', 'idiom', 'everyday']);
const TUNE = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N'];

function fail(message) {
  console.error(`safety-fixture: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let heldout = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const m = /^--heldout(?:=(.*))?$/.exec(a);
  if (!m) fail(`unexpected argument ${a}; usage: node scripts/safety-fixture.mjs [--heldout O,P]`);
  const list = m[1] ?? args[++i];
  if (!list) fail('--heldout needs the sets, e.g. --heldout O,P');
  heldout = list.split(',').map((x) => x.trim()).filter(Boolean);
  for (const h of heldout) {
    if (!/^[A-Z]$/.test(h)) fail(`--heldout: expected set letters such as O,P, got ${h}`);
    if (TUNE.includes(h)) fail(`--heldout: ${h} is a tune set (read and tuned on), it can't be held out`);
  }
}

const tuneSources = new Set(TUNE.map((s) => `danger-${s}.jsonl`));
const before = JSON.parse(readFileSync(fixture, 'utf8')).items;
const items = before.filter((x) => tuneSources.has(x.source)).map(({ text, label, cat, source }) => ({ text, label, cat, split: 'tune', source }));
for (const s of tuneSources) {
  const n = items.filter((x) => x.source === s).length;
  if (n === 0) fail(`${s} is missing from test/fixtures/danger.json; it is the only copy of the tune split`);
  console.log(`${s} -> tune: ${n} items`);
}

for (const h of heldout) {
  const file = `danger-${h}.jsonl`;
  const path = join(dir, file);
  if (!existsSync(path)) {
    console.log(`${file}: not there (yet), skipped`);
    continue;
  }
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const counts = {};
  for (const [i, line] of lines.entries()) {
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      fail(`${file} line ${i + 1}: not JSON`);
    }
    if (typeof r.text !== 'string' || !LABELS.has(r.label) || typeof r.cat !== 'string') fail(`${file} line ${i + 1}: unexpected shape`);
    items.push({ text: r.text, label: r.label, cat: r.cat, split: 'heldout', source: file });
    counts[r.label] = (counts[r.label] ?? 0) + 1;
  }
  console.log(`${file} -> heldout: ${lines.length} items`, counts);
}
if (!items.some((x) => x.split === 'heldout')) console.log('no held-out items: the test will say so until the lead adds them with --heldout');
const out = {
  about: 'Blind labelled texts for the safety detector (src/domain/safety). Written by people who never saw the detector. '
    + 'split "tune" (danger-A to N) has been read or measured and is tuned on; split "heldout" (added by the lead with --heldout) is measured only: '
    + 'never read its texts, never tune on it. Kept by scripts/safety-fixture.mjs; the source file is named on each item.',
  items,
};
writeFileSync(fixture, JSON.stringify(out, null, 1) + '\n');
