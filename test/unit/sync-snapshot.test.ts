// Snapshots (src/sync/snapshot.ts): a device writes one now and then; a new device starts from the newest one and
// reads each log only from where it covers, so years of logs need not be replayed. Proved by blanking everything
// the snapshot covers in the logs: the new device still ends with everything.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { world, device, sync, record, state } from '../helpers/sync';

describe('sync snapshots', () => {
  for (const pass of [undefined, 'a passphrase for the snapshot']) {
    it(`a new device starts from the newest snapshot${pass ? ' (encrypted)' : ''}`, async () => {
      const w = world(2);
      try {
        const [a, b] = w.devices;
        for (let i = 0; i < 12; i++) a.j.insert(record(`from a ${i}`));
        for (let i = 0; i < 5; i++) b.j.insert(record(`from b ${i}`));
        await sync(a, pass, 10);
        await sync(b, pass, 10);
        const snap = join(w.folder, 'reframe-sync', 'v1', 'devices', b.device, 'snapshot.jsonl');
        expect(existsSync(snap)).toBe(true);
        // After the snapshot: more changes, in the logs only.
        const late = record('after the snapshot');
        a.j.insert(late);
        a.j.delete(a.j.list()[5].id);
        await sync(a, pass, 1000);
        await sync(b, pass, 1000);
        // What the snapshot covers is blanked in every log (spaces, newlines kept): only the snapshot has it now.
        const covers = (pass ? undefined : JSON.parse(readFileSync(snap, 'utf8').split('\n')[0]).covers) as Record<string, number> | undefined;
        for (const d of [a.device, b.device]) {
          const dir = join(w.folder, 'reframe-sync', 'v1', 'devices', d);
          for (const f of readdirSync(dir).filter((n) => n.startsWith('changes-'))) {
            const text = readFileSync(join(dir, f), 'utf8');
            const lines = text.split('\n');
            // Encrypted: blank the first sync's batch of each device (what the snapshot covers); plain: up to `covers`.
            const upTo = covers ? covers[`${d}/${f}`] : lines[0].length + 1;
            expect(upTo).toBeGreaterThan(0);
            writeFileSync(join(dir, f), text.slice(0, upTo).replace(/[^\n]/g, ' ') + text.slice(upTo));
          }
        }
        const c = device(w.dir, w.folder, 9);
        try {
          await sync(c, pass, 1000);
          expect(state(c.j)).toEqual(state(a.j));
          expect(c.j.get(late.id)?.thought).toBe('after the snapshot');
          expect(c.j.count()).toBe(17);
        } finally {
          c.j.close();
        }
      } finally {
        w.cleanup();
      }
    });
  }
});
