// practice_days (migration 13): each UTC day's first and last practice time, kept by triggers as records and
// check-ins are written. `daily`, the state file and `stats` read it instead of a skip scan of the time
// indexes, so it must always say what the rows themselves say, after any mix of inserts, moves and deletes,
// and after the migration fills it on a journal written before it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { MIGRATIONS } from '../../src/journal/migrations';
import { recordSchema } from '../../src/domain/record';

/** What the rows say: per kind and UTC day, the first and last time (the truth practice_days must keep). */
function truth(db: Database.Database): string[] {
  return (db.prepare(`SELECT kind || ' ' || day || ' ' || first || ' ' || last AS s FROM (
      SELECT 'record' AS kind, substr(occurred_at, 1, 10) AS day, min(occurred_at) AS first, max(occurred_at) AS last FROM records GROUP BY 2
      UNION ALL SELECT 'checkin', substr(created_at, 1, 10), min(created_at), max(created_at) FROM checkins GROUP BY 2)
    ORDER BY s`).pluck().all() as string[]);
}
const kept = (db: Database.Database) => db.prepare(`SELECT kind || ' ' || day || ' ' || first || ' ' || last AS s FROM practice_days ORDER BY s`).pluck().all() as string[];

const ULID = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const idOf = (n: number) => `01JD7X${Array.from({ length: 20 }, (_, i) => ULID[(n >> (i % 5)) % 32 ^ (i % 3)]).join('')}`.slice(0, 26);
// Times over four days, so that moves and deletes cross days and empty them.
const time = (m: number) => new Date(Date.UTC(2026, 2, 28, 0, 0) + m * 37 * 60_000).toISOString();

type Op = { op: 'add'; t: number } | { op: 'move'; pick: number; t: number } | { op: 'delete'; pick: number } | { op: 'checkin'; t: number } | { op: 'uncheck'; pick: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), t: fc.nat(150) }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), t: fc.nat(150) }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('checkin' as const), t: fc.nat(150) }),
  fc.record({ op: fc.constant('uncheck' as const), pick: fc.nat() }),
);

describe('practice_days, kept by triggers', () => {
  it('always agrees with the rows, after any mix of new, moved and deleted records and check-ins', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
      const j = new Journal(openDatabase(':memory:'), ':memory:');
      const ids: string[] = [];
      const checkins: string[] = [];
      let n = 0;
      for (const o of ops) {
        if (o.op === 'add') {
          const id = idOf(++n * 7919);
          if (ids.includes(id)) continue;
          const at = time(o.t);
          j.insert(recordSchema.parse({ id, createdAt: at, occurredAt: at, situation: 's', thought: 't', emotions: [{ name: 'calm', before: 40 }] }));
          ids.push(id);
        } else if (o.op === 'move' && ids.length) {
          const r = j.get(ids[o.pick % ids.length])!;
          j.update({ ...r, occurredAt: time(o.t) }, time(o.t));
        } else if (o.op === 'delete' && ids.length) {
          const [id] = ids.splice(o.pick % ids.length, 1);
          j.delete(id);
        } else if (o.op === 'checkin') {
          const id = idOf(++n * 104729);
          if (checkins.includes(id)) continue;
          j.insertCheckin({ id, createdAt: time(o.t), mood: 3 });
          checkins.push(id);
        } else if (o.op === 'uncheck' && checkins.length) {
          const [id] = checkins.splice(o.pick % checkins.length, 1);
          j.db.prepare('DELETE FROM checkins WHERE id = ?').run(id);
        }
        expect(kept(j.db)).toEqual(truth(j.db));
      }
      // The spans `daily` and `stats` read: a row per kind and UTC day, as numbers (the day since 1970, the first
      // and last time in ms, to the second: a day's boundaries are whole seconds).
      const sec = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
      const expected = truth(j.db).map((s) => {
        const [, day, first, last] = s.split(' ');
        return { day: Date.parse(`${day}T00:00:00.000Z`) / 86_400_000, first: sec(first), last: sec(last) };
      });
      const order = (xs: { day: number; first: number; last: number }[]) => xs.map((x) => JSON.stringify(x)).sort();
      expect(order(j.practiceSpans())).toEqual(order(expected));
    }), { numRuns: 60 });
  });

  it('the migration fills it from a journal written before it', () => {
    const db = new Database(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version < 13)) db.exec(m.sql);
    const insert = db.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES (?, ?, ?, ?, 's', 't')`);
    for (let i = 0; i < 50; i++) insert.run(idOf(i * 31 + 1), time(i * 3), time(i * 3), time(i * 3));
    db.prepare(`INSERT INTO checkins (id, created_at, mood) VALUES (?, ?, 3)`).run(idOf(999), time(7));
    db.exec(MIGRATIONS.find((x) => x.version === 13)!.sql);
    expect(kept(db).length).toBeGreaterThan(3);
    expect(kept(db)).toEqual(truth(db));
  });
});
