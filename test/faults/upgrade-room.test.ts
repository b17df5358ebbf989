// An old journal on a nearly full disk: the upgrade's need is checked before it starts;
// without room, reading commands work (read-only, one line saying why and what to do), writes exit 1 saying
// why, doctor reports it, and nothing is left beside the journal. The nearly full disk is pretended with
// REFRAME_TEST_FREE_BYTES (see src/journal/upgrade-space.ts for why not a tmpfs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { openDatabase } from '../../src/journal/open';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/journal/migrations';
import { recordAt } from '../helpers/generate';
import { STACK, sha256 } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

/** A schema-6 journal holding n records (rows the way schema 5/6 wrote them). */
function oldJournal(path: string, n: number): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const r = recordAt(new Date(Date.UTC(2026, 10, 1 + (i % 20), 8)), { situation: `old ${i}` });
      const seq = Number(db.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(r.id, r.createdAt, r.occurredAt, r.createdAt, r.situation, r.thought).lastInsertRowid);
      db.prepare('INSERT INTO emotions (record_seq, position, name, before, after, occurred_at) VALUES (?, 0, ?, 50, NULL, ?)').run(seq, 'sad', r.occurredAt);
      db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)').run(seq, r.situation);
    }
  })();
  db.close();
  openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 6) }).close();
}

const FULL = { REFRAME_TEST_FREE_BYTES: '20000' };

describe('an old journal on a nearly full disk', () => {
  it('reading commands work read-only with one line saying why; writes exit 1; doctor says so; nothing left behind', () => {
    oldJournal(sb.db, 30);
    const before = sha256(sb.db);
    const dirBefore = readdirSync(dirname(sb.db)).sort();
    for (const args of [['list', '--json'], ['show', JSON.parse(run(sb, ['--db', sb.db, 'list', '--json'], { env: FULL }).stdout)[0].id.slice(0, 8)],
      ['stats', '--json'], ['export', '--format', 'json', '--out', join(sb.dir, 'out.json')], ['backup', join(sb.dir, 'copy.db')]]) {
      const r = run(sb, args, { env: FULL });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`needs an upgrade \\(schema 6 -> ${SCHEMA_VERSION}\\) that needs about \\d+ MB free`));
      expect(r.stderr).toMatch(/Free some space/);
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(JSON.parse(run(sb, ['list', '--json'], { env: FULL }).stdout)).toHaveLength(30);
    // The backup taken elsewhere is a whole journal at the current schema.
    const copy = new Database(join(sb.dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(copy.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 30 });
    copy.close();
    const w = run(sb, recordArgs(), { env: FULL });
    expect(w.code, w.stderr).toBe(1);
    expect(w.stderr).toMatch(/Can't save to the journal .* needs an upgrade/);
    const d = run(sb, ['doctor'], { env: FULL });
    expect(d.code).toBe(1);
    expect(d.stdout).toMatch(new RegExp(`problem .*Schema 6: the upgrade to ${SCHEMA_VERSION} needs about \\d+ MB free`));
    // Nothing written: the journal is byte for byte the same, and no copy or temp file beside it.
    expect(sha256(sb.db)).toBe(before);
    expect(readdirSync(dirname(sb.db)).sort().filter((f) => !/-(wal|shm)$/.test(f))).toEqual(dirBefore.filter((f) => !/-(wal|shm)$/.test(f)));
    // With room again, the next command upgrades it and keeps the copy.
    const up = run(sb, ['list', '--json']);
    expect(up.code).toBe(0);
    expect(up.stderr).toMatch(new RegExp(`Upgraded your journal \\(schema 6 -> ${SCHEMA_VERSION}\\)`));
    expect(run(sb, recordArgs()).code).toBe(0);
  });
});
