#!/usr/bin/env node
// Make a realistic generated journal: N records over M days, deterministic by seed.
//   node scripts/generate.mjs --db /tmp/big.db --records 100000 --days 1095 [--seed 1] [--end 2026-11-22]
// Other scripts (the benchmark) import { loadSeed } and call seedJournal(path, options) themselves.
// The generator lives in src/dev/generate.ts; this bundles src/dev/seed.ts with esbuild on the fly
// (into node_modules/.cache, where better-sqlite3-multiple-ciphers resolves), so nothing needs `npm run build` first.
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The seed module: { seedJournal, generateRecords, bulkLoad }. */
export async function loadSeed() {
  const dir = join(root, 'node_modules', '.cache', 'reframe-dev');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `seed-${process.pid}.mjs`);
  const final = join(dir, 'seed.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['src/dev/seed.ts'],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  renameSync(out, final);
  return import(pathToFileURL(final).href + `?t=${Date.now()}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      records: { type: 'string', default: '1000' },
      days: { type: 'string', default: '365' },
      seed: { type: 'string', default: '1' },
      end: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.db) {
    process.stderr.write('usage: node scripts/generate.mjs --db PATH [--records N] [--days M] [--seed S] [--end YYYY-MM-DD]\n');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (existsSync(values.db)) {
    process.stderr.write(`${values.db} exists already; records are added to it.\n`);
  }
  let end;
  if (values.end) {
    const [y, m, d] = values.end.split('-').map(Number);
    end = new Date(y, m - 1, d, 21, 30);
  }
  const { seedJournal } = await loadSeed();
  const r = seedJournal(values.db, { records: Number(values.records), days: Number(values.days), seed: Number(values.seed), end });
  process.stderr.write(`${r.records} records into ${r.path} (generated in ${r.generateMs.toFixed(0)} ms, loaded in ${r.loadMs.toFixed(0)} ms)\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
