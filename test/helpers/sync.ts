// Journals in temp folders that sync through one shared folder, driven in-process (src/sync/engine.ts), for the
// sync tests that need many rounds (the property test, encryption, the speed script's twin). The e2e tests spawn
// the real binary instead (test/e2e/sync.test.ts).
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ulid } from 'ulid';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { recordSchema, toJson, type ThoughtRecord } from '../../src/domain/record';
import { newDeviceId } from '../../src/sync/folder';
import { syncJournal, type SyncResult } from '../../src/sync/engine';

export interface Device { j: Journal; device: string; path: string }

export interface World { dir: string; folder: string; devices: Device[]; cleanup(): void }

export function world(n: number, o: { prefix?: string } = {}): World {
  const dir = mkdtempSync(join(tmpdir(), o.prefix ?? 'reframe-sync-'));
  const folder = join(dir, 'shared');
  mkdirSync(folder);
  const devices: Device[] = [];
  for (let i = 0; i < n; i++) devices.push(device(dir, folder, i));
  return {
    dir, folder, devices,
    cleanup: () => {
      for (const d of devices) d.j.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function device(dir: string, folder: string, i: number): Device {
  const path = join(dir, `journal-${i}.db`);
  const j = new Journal(openDatabase(path), path);
  const id = newDeviceId();
  j.write(() => j.sync.init(id, folder, new Date().toISOString(), false));
  return { j, device: id, path };
}

export function sync(d: Device, passphrase?: string, snapshotEvery?: number): Promise<SyncResult> {
  return syncJournal(d.j, { now: new Date(), passphrase, note: true, snapshotEvery });
}

export function record(thought: string, extra: Partial<Record<string, unknown>> = {}): ThoughtRecord {
  const at = new Date().toISOString();
  return recordSchema.parse({
    id: ulid(), createdAt: at, occurredAt: at, situation: 'At dinner', thought,
    emotions: [{ name: 'anxious', before: 70 }], beliefBefore: 80, ...extra,
  });
}

/** Everything that travels, in one comparable form: records (with ratings, links), beliefs, experiments, check-ins, plan. */
export function state(j: Journal): unknown {
  const records = j.list({ ascending: true }).map((r): Record<string, unknown> => ({ ...toJson(r), ratings: j.progress.reratings(r.id), core: j.progress.beliefOfRecord(r.id) ?? null }))
    .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  return {
    records,
    beliefs: j.progress.beliefs(),
    experiments: j.progress.experiments(),
    checkins: j.checkins().map((c) => ({ ...c })),
    followUps: j.progress.followUps(),
    plan: j.safetyPlan() ?? null,
  };
}
