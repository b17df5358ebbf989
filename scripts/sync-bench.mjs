#!/usr/bin/env node
// How fast `reframe sync` is (issue 22): applying 10,000 changes another computer wrote, and a sync with nothing
// new. Whole processes (`node bin/reframe ...`), after `npm run build`; the median of --runs runs, each receiving
// into a fresh journal; `node -e 0` is timed beside them so start-up can be told from the work.
//
//   node scripts/sync-bench.mjs               10,000 records (each one change), 3 runs
//   node scripts/sync-bench.mjs --changes 2000 --runs 5
//
// Not part of `npm test`. The figures go in README's speed table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'reframe');
const { values: opt } = parseArgs({ options: { changes: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const N = Number(opt.changes);
const RUNS = Number(opt.runs);
const dir = mkdtempSync(join(tmpdir(), 'reframe-sync-bench-'));
const env = { PATH: process.env.PATH, HOME: join(dir, 'home'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state'), LANG: 'C.UTF-8', TZ: 'UTC' };

function reframe(db, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`reframe ${args.join(' ')}: ${r.stderr}`);
  return ms;
}
function node0() {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const folder = join(dir, 'Sync');
  mkdirSync(folder);
  const lines = [];
  for (let i = 0; i < N; i++) {
    const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
    lines.push(JSON.stringify({ occurredAt: at, createdAt: at, situation: `At work, day ${i}`, thought: `They think I'm useless ${i}`, beliefBefore: 80,
      emotions: [{ name: 'anxious', before: 70, after: 40 }, { name: 'ashamed', before: 50 }], distortions: ['mind-reading'],
      evidenceFor: ['Nobody replied'], evidenceAgainst: ['Sam thanked me'], reframe: 'Silence is not a verdict', tags: ['work'] }));
  }
  writeFileSync(join(dir, 'records.jsonl'), lines.join('\n') + '\n');
  const a = join(dir, 'a.db');
  reframe(a, ['import', join(dir, 'records.jsonl')]);
  reframe(a, ['sync', 'init', folder]);
  const send = reframe(a, ['sync']);
  const apply = [];
  const idle = [];
  const base = [];
  for (let r = 0; r < RUNS; r++) {
    const b = join(dir, `b${r}.db`);
    reframe(b, ['sync', 'init', folder]);
    base.push(node0());
    apply.push(reframe(b, ['sync']));
    base.push(node0());
    idle.push(reframe(b, ['sync']));
  }
  const n0 = median(base);
  const out = {
    changes: N, runs: RUNS,
    sendMs: Math.round(send),
    applyMs: Math.round(median(apply)), applyWorkMs: Math.round(median(apply) - n0),
    idleMs: Math.round(median(idle)), idleWorkMs: Math.round(median(idle) - n0),
    nodeStartMs: Math.round(n0),
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
