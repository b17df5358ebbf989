// Copies the blind labelled sets into test/fixtures/danger.json, one item per text, each marked with its split
// and source file.
//
//   node scripts/safety-fixture.mjs                    # danger-A and danger-B as "tune"; no held-out items
//   node scripts/safety-fixture.mjs --heldout C,D      # the same, plus whichever of danger-C, danger-D exist
//                                                      # as "heldout" (the lead runs this, once, to measure)
//
// A and B have both been read and tuned on (B's figure was measured once, blind, and is spent), so they are
// the tune split. The held-out sets are touched only when named with --heldout: whoever tunes the detector
// never runs that, and the script prints counts only, never a text, so a held-out text can't leak here either.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.env.LABELLED_DIR ?? '/work/labelled';
const LABELS = new Set(['danger', 'abuse', 'idiom', 'everyday']);
const TUNE = ['A', 'B'];

const args = process.argv.slice(2);
let heldout = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const m = /^--heldout(?:=(.*))?$/.exec(a);
  if (!m) throw new Error(`unexpected argument ${a}; usage: node scripts/safety-fixture.mjs [--heldout C,D]`);
  const list = m[1] ?? args[++i];
  if (!list) throw new Error('--heldout needs the sets, e.g. --heldout C,D');
  heldout = list.split(',').map((x) => x.trim()).filter(Boolean);
  for (const h of heldout) {
    if (!/^[A-Z]$/.test(h)) throw new Error(`--heldout: expected set letters such as C,D, got ${h}`);
    if (TUNE.includes(h)) throw new Error(`--heldout: ${h} is a tune set (read and tuned on), it can't be held out`);
  }
}

const specs = TUNE.map((s) => ({ file: `danger-${s}.jsonl`, split: 'tune', required: true }))
  .concat(heldout.map((s) => ({ file: `danger-${s}.jsonl`, split: 'heldout', required: false })));

const items = [];
for (const { file, split, required } of specs) {
  const path = join(dir, file);
  if (!required && !existsSync(path)) {
    console.log(`${file}: not there (yet), skipped`);
    continue;
  }
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const r = JSON.parse(line);
    if (typeof r.text !== 'string' || !LABELS.has(r.label) || typeof r.cat !== 'string') throw new Error(`${file} line ${i + 1}: unexpected shape`);
    items.push({ text: r.text, label: r.label, cat: r.cat, split, source: file });
  }
  const counts = {};
  for (const it of items.filter((x) => x.source === file)) counts[it.label] = (counts[it.label] ?? 0) + 1;
  console.log(`${file} -> ${split}: ${lines.length} items`, counts);
}
if (!items.some((x) => x.split === 'heldout')) console.log('no held-out items: the test will say so until the lead adds them with --heldout');
const out = {
  about: 'Blind labelled texts for the safety detector (src/domain/safety). Written by people who never saw the detector. '
    + 'split "tune" (danger-A, danger-B) has been read and tuned on; split "heldout" (added by the lead with --heldout) is measured only: '
    + 'never read its texts, never tune on it. Made by scripts/safety-fixture.mjs from the source files named on each item.',
  items,
};
writeFileSync(join(root, 'test', 'fixtures', 'danger.json'), JSON.stringify(out, null, 1) + '\n');
