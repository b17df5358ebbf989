// Sync converges: two and three journals sharing one folder, random edits, deletes, re-ratings, beliefs and
// syncs in random order (fast-check, fixed seed, a modest number of runs), always end with the same things once
// each has synced after the last change. And what two computers changed apart is kept, never dropped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { world, sync, record, state, type World } from '../helpers/sync';

type Op =
  | { t: 'new'; d: number; text: string }
  | { t: 'edit'; d: number; pick: number; text: string }
  | { t: 'delete'; d: number; pick: number }
  | { t: 'rerate'; d: number; pick: number; v: number }
  | { t: 'plan'; d: number; text: string }
  | { t: 'belief'; d: number; text: string }
  | { t: 'sync'; d: number };

const op = (n: number): fc.Arbitrary<Op> => {
  const d = fc.integer({ min: 0, max: n - 1 });
  const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `t ${s}`);
  return fc.oneof(
    fc.record({ t: fc.constant('new' as const), d, text }),
    fc.record({ t: fc.constant('edit' as const), d, pick: fc.nat(), text }),
    fc.record({ t: fc.constant('delete' as const), d, pick: fc.nat() }),
    fc.record({ t: fc.constant('rerate' as const), d, pick: fc.nat(), v: fc.integer({ min: 0, max: 100 }) }),
    fc.record({ t: fc.constant('plan' as const), d, text }),
    fc.record({ t: fc.constant('belief' as const), d, text }),
    fc.record({ t: fc.constant('sync' as const), d }),
    fc.record({ t: fc.constant('sync' as const), d }),
  );
};

async function play(w: World, ops: Op[]): Promise<void> {
  for (const o of ops) {
    const { j } = w.devices[o.d];
    const ids = j.list({ ascending: true }).map((r) => r.id);
    const pick = (n: number) => ids[n % ids.length];
    if (o.t === 'new') j.insert(record(o.text));
    else if (o.t === 'edit' && ids.length) j.update({ ...j.get(pick(o.pick))!, thought: o.text }, new Date().toISOString());
    else if (o.t === 'delete' && ids.length) j.delete(pick(o.pick));
    else if (o.t === 'rerate' && ids.length) {
      const id = pick(o.pick);
      j.write(() => {
        j.progress.addRerating(id, { at: new Date().toISOString(), beliefAfter: o.v });
        j.update({ ...j.get(id)!, beliefAfter: o.v }, new Date().toISOString());
      });
    } else if (o.t === 'plan') {
      j.saveSafetyPlan({ kind: 'safety-plan', updatedAt: new Date().toISOString(), warningSigns: [o.text], copingAlone: [], peoplePlaces: [],
        askForHelp: [], professionals: [], safeSurroundings: [], reasonsForLiving: [] } as never);
    } else if (o.t === 'belief') {
      const at = new Date().toISOString();
      j.write(() => j.progress.insertBelief({ id: record('x').id, createdAt: at, updatedAt: at, text: o.text, type: 'core', ratings: [{ at, conviction: 60 }], evidence: [], records: [], experiments: [] }));
    } else if (o.t === 'sync') await sync(w.devices[o.d]);
  }
  // Everyone syncs after the last change, twice round (the first round's news reaches those who went before).
  for (let round = 0; round < 2; round++) for (const d of w.devices) await sync(d);
}

for (const n of [2, 3]) {
  describe(`${n} journals sharing one folder`, () => {
    it('converge to the same records, whatever the order of edits, deletes and syncs', async () => {
      await fc.assert(fc.asyncProperty(fc.array(op(n), { minLength: 1, maxLength: 25 }), async (ops) => {
        const w = world(n);
        try {
          await play(w, ops);
          const first = state(w.devices[0].j);
          for (const d of w.devices.slice(1)) expect(state(d.j)).toEqual(first);
          // Nothing is sent back: a sync after convergence has nothing to send anywhere.
          for (const d of w.devices) expect(d.j.sync.hasOutbox()).toBe(false);
        } finally {
          w.cleanup();
        }
      }), { numRuns: n === 2 ? 25 : 15, seed: 220_022 + n });
    }, 120_000);
  });
}

describe('a record changed on two computers apart', () => {
  it('ends the same on both, and both keep the losing words', async () => {
    const w = world(2);
    try {
      const [a, b] = w.devices;
      const r = record('the first words');
      a.j.insert(r);
      await sync(a);
      await sync(b);
      a.j.update({ ...r, thought: 'changed on the laptop' }, new Date().toISOString());
      await new Promise((res) => setTimeout(res, 5));
      b.j.update({ ...r, thought: 'changed on the desktop' }, new Date().toISOString());
      const ra = await sync(a);
      const rb = await sync(b);
      await sync(a);
      expect(a.j.get(r.id)!.thought).toBe('changed on the desktop');
      expect(b.j.get(r.id)!.thought).toBe('changed on the desktop');
      expect(ra.conflicts + rb.conflicts).toBeGreaterThan(0);
      for (const d of [a, b]) {
        const kept = d.j.sync.conflicts('record', r.id);
        expect(kept).toHaveLength(1);
        expect((kept[0].data as { thought: string }).thought).toBe('changed on the laptop');
      }
    } finally {
      w.cleanup();
    }
  });

  it('an edit that loses to a delete is kept; a delete that loses to an edit brings the record back', async () => {
    const w = world(2);
    try {
      const [a, b] = w.devices;
      const r1 = record('one');
      const r2 = record('two');
      a.j.insert(r1);
      a.j.insert(r2);
      await sync(a);
      await sync(b);
      b.j.update({ ...r1, thought: 'one, edited before the delete' }, new Date().toISOString());
      a.j.delete(r2.id);
      await new Promise((res) => setTimeout(res, 5));
      a.j.delete(r1.id);
      b.j.update({ ...r2, thought: 'two, edited after the delete' }, new Date().toISOString());
      await sync(a);
      await sync(b);
      await sync(a);
      for (const d of [a, b]) {
        expect(d.j.has(r1.id)).toBe(false);
        expect(d.j.get(r2.id)?.thought).toBe('two, edited after the delete');
        expect((d.j.sync.conflicts('record', r1.id)[0]?.data as { thought: string }).thought).toBe('one, edited before the delete');
      }
    } finally {
      w.cleanup();
    }
  });
});
