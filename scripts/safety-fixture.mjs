// Copies the blind labelled sets into test/fixtures/danger.json, one item per text, each marked with its split
// and source file. Run once when a set arrives: `node scripts/safety-fixture.mjs A=tune B=heldout`.
// It prints counts only, never a text: whoever tunes the detector must not read the held-out texts, not even here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.env.LABELLED_DIR ?? '/work/labelled';
const LABELS = new Set(['danger', 'abuse', 'idiom', 'everyday']);
const specs = process.argv.slice(2).map((a) => {
  const m = /^([A-Z])=(tune|heldout)$/.exec(a);
  if (!m) throw new Error(`expected SET=tune|heldout, got ${a}`);
  return { file: `danger-${m[1]}.jsonl`, split: m[2] };
});
if (specs.length === 0) throw new Error('usage: node scripts/safety-fixture.mjs A=tune B=heldout');

const items = [];
for (const { file, split } of specs) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const r = JSON.parse(line);
    if (typeof r.text !== 'string' || !LABELS.has(r.label) || typeof r.cat !== 'string') throw new Error(`${file} line ${i + 1}: unexpected shape`);
    items.push({ text: r.text, label: r.label, cat: r.cat, split, source: file });
  }
  const counts = {};
  for (const it of items.filter((x) => x.source === file)) counts[it.label] = (counts[it.label] ?? 0) + 1;
  console.log(`${file} -> ${split}: ${lines.length} items`, counts);
}
const out = {
  about: 'Blind labelled texts for the safety detector (src/domain/safety). Written by people who never saw the detector. '
    + 'split "tune" may be read and tuned on; split "heldout" is measured only: never read its texts, never tune on it. '
    + 'Made by scripts/safety-fixture.mjs from the source files named on each item.',
  items,
};
writeFileSync(join(root, 'test', 'fixtures', 'danger.json'), JSON.stringify(out, null, 1) + '\n');
