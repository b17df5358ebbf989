// Records read a page at a time (batches.ts matchingBatches, query.ts pageQuery): the walk export and list take
// over a journal with no limit and no filter but the period. It must give exactly the records, in exactly the
// order, of the one query it replaced, across page edges and among records written at the same moment.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { buildListQuery, pageable, pageQuery, type ListFilters } from '../../src/journal/query';
import { recordSchema } from '../../src/domain/record';

function journalOf(n: number): Journal {
  const j = new Journal(openDatabase(':memory:'), ':memory:');
  j.write(() => {
    for (let i = 0; i < n; i++) {
      // Runs of records at the same minute (as an import of another app's day may give), ids not in time order.
      const minute = Math.floor(i / 7);
      const at = new Date(Date.UTC(2025, 0, 1) + minute * 60_000).toISOString();
      const id = `01JD7X${String((i * 7919) % 100000).padStart(5, '0')}Q9V6M2W8K3T5R0Y`;
      j.insert(recordSchema.parse({ id, createdAt: at, occurredAt: at, situation: `s${i}`, thought: `t${i}`, emotions: [{ name: 'calm', before: i % 100 }] }));
    }
  });
  return j;
}

/** The seqs the one whole query gives, in its order. */
function whole(j: Journal, f: ListFilters): number[] {
  const q = buildListQuery(f);
  return j.db.prepare(q.sql).pluck().all(...q.params) as number[];
}

const seqsOf = (j: Journal, f: ListFilters) => {
  const ids = [...j.iterate(f)].map((r) => r.id);
  const seqOf = j.db.prepare('SELECT seq FROM records WHERE id = ?').pluck();
  return ids.map((id) => seqOf.get(id) as number);
};

describe('reading records a page at a time', () => {
  const j = journalOf(1234);
  const cases: [string, ListFilters][] = [
    ['newest first', {}],
    ['oldest first', { ascending: true }],
    ['a period, oldest first', { ascending: true, since: '2025-01-01T00:30:00.000Z', until: '2025-01-01T02:00:00.000Z' }],
    ['a period, newest first', { since: '2025-01-01T00:30:00.000Z' }],
  ];
  for (const [name, f] of cases) {
    it(`gives the same records in the same order as the whole query: ${name}`, () => {
      expect(pageable(f)).toBe(true);
      const want = whole(j, f);
      expect(want.length).toBeGreaterThan(f.since ? 100 : 1000);
      expect(seqsOf(j, f)).toEqual(want);
    });
  }

  it('reads by pages only when that costs nothing extra: no limit, no pattern, feeling, tag or search', () => {
    expect(pageable({ limit: 5 })).toBe(false);
    expect(pageable({ tag: 'work' })).toBe(false);
    expect(pageable({ search: 'bus' })).toBe(false);
    expect(pageable({ since: '2025-01-01T00:00:00.000Z', ascending: true })).toBe(true);
  });

  it('each page is a seek on the time index, never a sort (records sharing one time would be sorted again per page)', () => {
    for (const ascending of [true, false]) {
      const q = pageQuery({ ascending }, ['2025-01-01T00:00:00.000Z', '01JD7X00000Q9V6M2W8K3T5R0Y'], 200);
      const plan = (j.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/USING COVERING INDEX records_occurred \(\(occurred_at,id\)[<>]/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('an empty journal and a journal of exactly one page edge', () => {
    expect([...journalOf(0).iterate({})]).toEqual([]);
    const k = journalOf(400);
    expect(seqsOf(k, { ascending: true })).toEqual(whole(k, { ascending: true }));
  });
});
