// Writes data/pattern-names.json: each built-in pattern's name by its id, from data/patterns.json. `daily` and
// `stats` show only names, and reading this (~1 KB) instead of the whole library (~157 KB of JSON) saves each of
// them ~2 ms (src/library/library.ts, patternNamer). Run after changing data/patterns.json;
// test/unit/library.test.ts fails until the two agree.
//
//   node scripts/pattern-names.mjs
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const data = fileURLToPath(new URL('../data/', import.meta.url));
const { patterns } = JSON.parse(readFileSync(`${data}patterns.json`, 'utf8'));
const names = Object.fromEntries(patterns.map((p) => [p.id, p.name]));
const tmp = `${data}pattern-names.json.${process.pid}.tmp`;
writeFileSync(tmp, `${JSON.stringify({ version: 1, names }, null, 2)}\n`);
renameSync(tmp, `${data}pattern-names.json`);
console.log(`data/pattern-names.json: ${patterns.length} names`);
