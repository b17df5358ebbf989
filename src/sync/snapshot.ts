// Snapshots: now and then a device writes devices/<id>/snapshot.jsonl (replaced whole, by rename: it is still the
// only writer of its folder): a header saying how far it had read every file of the folder, then one line per
// thing it holds, with that thing's stamp and base, as a change line. A new device (one that has read nothing
// yet) starts from the newest snapshot instead of replaying years of logs: it applies the snapshot's lines like
// any others, then reads each file only from where the snapshot's writer had got to.
import { join } from 'node:path';
import type { Journal } from '../journal/journal';
import { writeFileAtomic } from '../fsutil';
import { FORMAT, type SyncFolder } from './folder';
import type { FolderCodec } from './cipher';
import { build, isKind } from './entities';

export const SNAPSHOT = 'snapshot.jsonl';
/** A snapshot after this many new versions (sent or received) since the last one. */
export const SNAPSHOT_EVERY = 5000;

export interface SnapshotHeader { v: number; snapshot: true; at: string; covers: Record<string, number> }

/** Write this device's snapshot of everything the journal holds (inside the sync's transaction, after applying). */
export async function writeSnapshot(j: Journal, folder: SyncFolder, device: string, codec: FolderCodec, now: Date): Promise<void> {
  const covers: Record<string, number> = {};
  for (const d of folder.devices()) {
    for (const f of folder.files(d)) {
      const key = `${d}/${f.name}`;
      if (d === device && f.kind === 'main') covers[key] = folder.stat(d, f.name)?.size ?? 0; // all of it is in the journal
      else {
        const c = j.sync.cursor(key);
        if (c) covers[key] = c.offset;
      }
    }
  }
  const header: SnapshotHeader = { v: FORMAT, snapshot: true, at: now.toISOString(), covers };
  const lines: string[] = [];
  for (const e of j.sync.entities()) {
    if (!isKind(e.kind)) continue;
    const data = build(j, e.kind, e.id);
    lines.push(JSON.stringify(data === null
      ? { v: FORMAT, stamp: e.stamp, base: e.base, kind: e.kind, id: e.id, deleted: true }
      : { v: FORMAT, stamp: e.stamp, base: e.base, kind: e.kind, id: e.id, data }));
  }
  const out: string[] = [];
  // Sealed in batches, so no one line is huge.
  out.push(...(await codec.seal([JSON.stringify(header)], device)));
  for (let i = 0; i < lines.length; i += 2000) out.push(...(await codec.seal(lines.slice(i, i + 2000), device)));
  writeFileAtomic(join(folder.deviceDir(device), SNAPSHOT), out.join('\n') + '\n');
}

/**
 * A new device's start: the newest snapshot another device wrote, its lines (as change lines, to apply like any
 * others) and how far it covers each file. Undefined when there is none (or none this journal can open).
 */
export async function newestSnapshot(folder: SyncFolder, self: string, codec: FolderCodec):
  Promise<{ lines: { device: string; raw: string[] }; covers: Record<string, number> } | undefined> {
  let best: { header: SnapshotHeader; device: string; rest: string[] } | undefined;
  for (const d of folder.devices()) {
    if (d === self || !folder.stat(d, SNAPSHOT)) continue;
    const got = folder.readFrom(d, SNAPSHOT, 0);
    if (got.next !== got.size || got.lines.length === 0) continue; // still being copied: not this time
    try {
      const [head] = await codec.open(got.lines[0], d);
      const header = JSON.parse(head) as SnapshotHeader;
      if (header.snapshot !== true || header.v !== FORMAT || typeof header.covers !== 'object') continue;
      if (!best || header.at > best.header.at) best = { header, device: d, rest: got.lines.slice(1) };
    } catch {
      continue;
    }
  }
  if (!best) return undefined;
  const raw: string[] = [];
  for (const l of best.rest) raw.push(...(await codec.open(l, best.device)));
  return { lines: { device: best.device, raw }, covers: best.header.covers };
}
