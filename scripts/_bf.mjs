#!/usr/bin/env node
// The floors and ceilings `npm run bench` measures reframe against, each a bare better-sqlite3-multiple-ciphers script run as a
// process of its own, like reframe (Node's start, the addon, the file), so the two compare whole.
//
//   node scripts/bench-floors.mjs stats JOURNAL
//     What a power user could reach with the sqlite3 shell: hand-written GROUP BY SQL over the plain tables
//     (no monthly sums), giving the figures `reframe stats --json` gives for all time: the records and their
//     belief sums, records per local day (periods, streak), each pattern's and tag's records and relief, with
//     the records of the trend's recent half, each feeling's records and means, the check-ins. Prints them as
//     JSON; the bench checks its counts against reframe's, so the floor does the same work.
//
//   node scripts/bench-floors.mjs import SOURCE DEST [--indexes-after]
//     The import ceiling: the rows of SOURCE (a journal holding exactly the records being imported) written
//     into a new file DEST with the same schema and the settings of a first import (src/journal/fresh.ts:
//     rollback journal while filling, synchronous = FULL, foreign keys on, one transaction, WAL at the end):
//     one prepared INSERT per row, the search index fed each record's text, nothing read or checked.
//     --indexes-after builds the covering and unique indexes after the rows instead (the question the issue
//     asks of a first import). Prints { rows, readMs, insertMs, indexMs } as JSON.
import Database from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';

const [mode, ...rest] = process.argv.slice(2);

function statsFloor(file) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const span = db.prepare('SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM records').get();
  if (!span.first) return { records: 0 };
  const dayOf = (iso) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  // The trend's split, as stats draws it with no earlier records: half-way through the range, at a day's start.
  const since = new Date(span.first);
  since.setHours(0, 0, 0, 0);
  const end = new Date(Math.max(Date.now(), new Date(span.last).getTime()));
  end.setHours(23, 59, 59, 999);
  let mid = new Date(since.getTime() + Math.floor((end.getTime() - since.getTime() + 1) / 2));
  const snapped = new Date(mid);
  snapped.setHours(0, 0, 0, 0);
  if (snapped > since) mid = snapped;
  const split = mid.toISOString();

  const totals = db.prepare(`SELECT count(*) AS records, sum(belief_before) AS beforeSum, count(belief_before) AS beforeN,
      sum(belief_after) AS afterSum, count(belief_after) AS afterN, count(belief_before - belief_after) AS both,
      sum(occurred_at >= ?) AS recent FROM records`).get(split);
  const days = db.prepare(`SELECT date(occurred_at, 'localtime') AS day, count(*) AS n FROM records GROUP BY day`).all();
  const keys = (table, col) => db.prepare(`SELECT ${col} AS key, count(*) AS records, sum(belief_relief) AS beliefReliefSum,
      count(belief_relief) AS beliefRated, sum(emotion_relief) AS emotionReliefSum, sum(emotion_rated) AS emotionRated,
      sum(occurred_at >= ?) AS recent FROM ${table} GROUP BY ${col} ORDER BY records DESC`).all(split);
  const distortions = keys('record_distortions', 'distortion_id');
  const tags = keys('tags', 'tag');
  const emotions = db.prepare(`SELECT name, count(*) AS records, avg(before) AS meanBefore, avg(after) AS meanAfter
      FROM emotions GROUP BY name ORDER BY records DESC`).all();
  const checkins = db.prepare('SELECT created_at, mood FROM checkins ORDER BY created_at').all();

  // Periods (months) and the streaks, from the days.
  const periods = new Map();
  for (const d of days) periods.set(d.day.slice(0, 7), (periods.get(d.day.slice(0, 7)) ?? 0) + d.n);
  const practice = new Set([...days.map((d) => d.day), ...checkins.map((c) => dayOf(c.created_at))]);
  let longest = 0;
  let run = 0;
  let prev = null;
  for (const day of [...practice].sort()) {
    const t = Date.parse(`${day}T12:00:00Z`);
    run = prev !== null && t - prev === 86_400_000 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = t;
  }
  let current = 0;
  const cursor = new Date();
  if (!practice.has(dayOf(cursor.toISOString()))) cursor.setDate(cursor.getDate() - 1);
  while (practice.has(dayOf(cursor.toISOString()))) {
    current++;
    cursor.setDate(cursor.getDate() - 1);
  }
  return {
    records: totals.records,
    belief: { meanBefore: totals.beforeSum / totals.beforeN, meanAfter: totals.afterSum / totals.afterN, rated: totals.both },
    recent: totals.recent,
    periods: [...periods].map(([start, records]) => ({ start: `${start}-01`, records })),
    distortions, tags, emotions,
    streak: { current, longest },
    checkins: { count: checkins.length, meanMood: checkins.length ? checkins.reduce((s, c) => s + c.mood, 0) / checkins.length : null },
  };
}

function importCeiling(source, dest, indexesAfter) {
  const t0 = performance.now();
  for (const side of ['', '-journal', '-wal', '-shm']) rmSync(dest + side, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  const schema = src.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE sql IS NOT NULL
      AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).all();
  const virtual = schema.filter((s) => /^CREATE VIRTUAL TABLE/i.test(s.sql));
  const shadow = (name) => virtual.some((v) => name.startsWith(`${v.name}_`));
  const tables = schema.filter((s) => s.type === 'table' && !/^CREATE VIRTUAL/i.test(s.sql) && !shadow(s.name));
  const indexes = schema.filter((s) => s.type === "index"); const trig = src.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all();
  // The rows, read whole before any is written: the ceiling is writing, not reading.
  const rows = tables.filter((t) => !(process.env.TRIG && t.name === "practice_days")).map((t) => ({ name: t.name, rows: src.prepare(`SELECT * FROM "${t.name}"`).raw().all() }));
  // The text the search index is given: what a record's words are (src/journal/saved-text.ts ftsBody).
  const fts = src.prepare(`SELECT r.seq, r.situation, r.thought, r.reframe, l.other_thoughts, l.evidence_for, l.evidence_against, l.answers
      FROM records r LEFT JOIN record_lists l ON l.record_seq = r.seq`).raw().all().map(([seq, ...texts]) => {
    const parts = [];
    for (const t of texts) {
      if (t === null || t === undefined) continue;
      if (typeof t === 'string' && t.startsWith('[')) {
        for (const x of JSON.parse(t)) parts.push(typeof x === 'string' ? x : Object.values(x).join('\n'));
      } else parts.push(t);
    }
    return [seq, parts.join('\n')];
  });
  const version = src.pragma('user_version', { simple: true });
  const appId = src.pragma('application_id', { simple: true });
  src.close();
  const t1 = performance.now();

  const db = new Database(dest);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma(`application_id = ${appId}`);
  db.pragma(`user_version = ${version}`);
  let count = 0;
  let indexMs = 0;
  db.transaction(() => {
    for (const s of [...tables, ...virtual, ...(indexesAfter ? [] : indexes)]) db.exec(s.sql); if (process.env.TRIG) for (const s of trig) db.exec(s.sql);
    for (const t of rows) {
      if (t.rows.length === 0) continue;
      const insert = db.prepare(`INSERT INTO "${t.name}" VALUES (${t.rows[0].map(() => '?').join(', ')})`);
      for (const r of t.rows) insert.run(r);
      count += t.rows.length;
    }
    const ftsInsert = db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
    for (const r of fts) ftsInsert.run(r);
    if (indexesAfter) {
      const ti = performance.now();
      for (const s of indexes) db.exec(s.sql);
      indexMs = performance.now() - ti;
    }
  }).immediate();
  db.pragma('journal_mode = WAL');
  db.close();
  const t2 = performance.now();
  return { rows: count, records: fts.length, readMs: Math.round(t1 - t0), insertMs: Math.round(t2 - t1), indexMs: Math.round(indexMs) };
}

if (mode === 'stats' && rest.length === 1) {
  process.stdout.write(JSON.stringify(statsFloor(rest[0]), null, 2) + '\n');
} else if (mode === 'import' && (rest.length === 2 || (rest.length === 3 && rest[2] === '--indexes-after'))) {
  process.stdout.write(JSON.stringify(importCeiling(rest[0], rest[1], rest[2] === '--indexes-after')) + '\n');
} else {
  process.stderr.write('usage: node scripts/bench-floors.mjs stats JOURNAL | import SOURCE DEST [--indexes-after]\n');
  process.exitCode = 2;
}
