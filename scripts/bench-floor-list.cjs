#!/usr/bin/env node
// The floor `npm run bench` holds `reframe list --limit 20` to: the least a process can do to give the same lines.
// Node's start, SQLite's compiled addon loaded as it is (no JavaScript around it), the journal opened read-only,
// the newest LIMIT records (20) by the time index and their feelings and patterns read, and the tab-separated
// lines `reframe list` prints into a pipe written (the bench checks they are the same lines). CommonJS, so Node
// starts it without its ES module loader; no options, no checks.
//
//   node scripts/bench-floor-list.cjs JOURNAL [LIMIT]
'use strict';
const { writeSync } = require('node:fs');
const { join } = require('node:path');

const [file, limitArg = '20'] = process.argv.slice(2);
if (!file || !/^[0-9]+$/.test(limitArg)) {
  process.stderr.write('usage: node scripts/bench-floor-list.cjs JOURNAL [LIMIT]\n');
  process.exit(2);
}
const addon = require(join(__dirname, '..', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'));
addon.setErrorConstructor(Error);
// (filename, given, anonymous, readonly, fileMustExist, timeout, verbose, buffer): what the package's Database passes.
const db = new addon.Database(file, file, false, true, true, 5000, null, null);
const owner = {};
const all = (sql, ...params) => db.prepare(sql, owner, false).raw(true).all(...params);
const rows = all('SELECT seq, id, occurred_at, thought FROM records ORDER BY occurred_at DESC, id DESC LIMIT ?', Number(limitArg));
const seqs = JSON.stringify(rows.map((r) => r[0]));
const partsOf = (sql) => {
  const by = new Map();
  for (const [seq, ...rest] of all(sql, seqs)) {
    if (!by.has(seq)) by.set(seq, []);
    by.get(seq).push(rest);
  }
  return by;
};
const emotions = partsOf('SELECT record_seq, name, before, after FROM emotions WHERE record_seq IN (SELECT value FROM json_each(?)) ORDER BY record_seq, position');
const patterns = partsOf('SELECT record_seq, distortion_id FROM record_distortions WHERE record_seq IN (SELECT value FROM json_each(?)) ORDER BY record_seq, position');
db.close();
// The generated journals' thoughts are one line of plain text, well under 200 characters: written as they are.
const text = rows.map(([seq, id, at, thought]) => [
  id, at, thought,
  (patterns.get(seq) ?? []).map(([p]) => p).join(','),
  (emotions.get(seq) ?? []).map(([name, before, after]) => `${name}:${before}${after === null ? '' : ':' + after}`).join(','),
].join('\t')).join('\n');
if (text) writeSync(1, text + '\n');
