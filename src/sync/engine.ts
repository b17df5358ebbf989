// One sync: what changed here goes out to this device's file, what other devices wrote comes in, in one journal
// transaction (BEGIN IMMEDIATE: two syncs at once take turns). Newest stamp wins per thing; a delete is a
// tombstone; when two devices changed the same thing without seeing each other's change, the losing version is
// kept in sync_conflicts (a person's words are never silently dropped). What comes in is applied with the
// journal's change notes turned off, so it is not sent back out.
//
// Kill -9 anywhere: the folder only ever gets whole lines appended (and a half line is cut off before the next
// append, and skipped by readers until it is whole); the journal commits all of it or none. Lines appended by a
// sync killed before its commit are sent again with new stamps: the same words twice, which the newest-wins rule
// and the kept-conflict check (same words are no conflict) make harmless.
import type { Journal } from '../journal/journal';
import { OperationError, UsageError } from '../errors';
import { msg } from '../messages';
import { FORMAT, SyncFolder } from './folder';
import { PLAIN, folderCipher, type FolderCodec } from './cipher';
import { observe, parseStamp, stampOf, tick, type Hlc } from './hlc';
import { KINDS, apply, build, check, isKind, same, type Kind } from './entities';
import { SNAPSHOT_EVERY, newestSnapshot, writeSnapshot } from './snapshot';

export interface SyncOptions {
  now: Date;
  /** The journal's passphrase when it is encrypted (src/sync/key.ts); undefined for a plain journal. */
  passphrase?: string;
  /** Remember this run in `sync status` (an automatic run with nothing to do leaves no trace). */
  note?: boolean;
  /** A snapshot after this many new versions (default SNAPSHOT_EVERY; tests use fewer). */
  snapshotEvery?: number;
}

export interface SyncResult {
  sent: number;
  received: number;
  conflicts: number;
  skipped: number;
  /** Nothing to send and no file changed: nothing was opened beyond a few stats. */
  idle: boolean;
}

/** One change line (inside the encryption, when there is one). */
interface Change { v: number; stamp: string; base: string | null; kind: Kind; id: string; data?: unknown; deleted?: boolean }

interface Pending { device: string; name: string; key: string; offset: number; size: number; mtime: number }

/** The files of other devices (and conflict copies of this one's) that grew or changed since last read. */
function pendingFiles(j: Journal, folder: SyncFolder, self: string): Pending[] {
  const out: Pending[] = [];
  for (const device of folder.devices()) {
    for (const f of folder.files(device)) {
      if (device === self && f.kind === 'main') continue; // never read back what this device wrote
      const st = folder.stat(device, f.name);
      if (!st) continue;
      const key = `${device}/${f.name}`;
      const cur = j.sync.cursor(key);
      if (cur && cur.size === st.size && cur.mtime === st.mtime) continue;
      out.push({ device, name: f.name, key, offset: cur?.offset ?? 0, size: st.size, mtime: st.mtime });
    }
  }
  return out;
}

export async function syncJournal(j: Journal, o: SyncOptions): Promise<SyncResult> {
  const self = j.sync.self();
  if (!self) throw new UsageError(msg.sync.notSetUp, msg.sync.notSetUpHint);
  const folder = new SyncFolder(self.dir);
  folder.prepare(self.device);

  // The cheap way out: nothing noted here, no file changed there.
  if (!j.sync.hasOutbox() && pendingFiles(j, folder, self.device).length === 0) {
    if (o.note) j.write(() => j.sync.noteSync(o.now.toISOString(), 0, 0));
    return { sent: 0, received: 0, conflicts: 0, skipped: 0, idle: true };
  }
  // Keys are derived once per device per sync, and only when there is something to seal or open.
  const codec: FolderCodec = o.passphrase !== undefined ? folderCipher(o.passphrase) : PLAIN;

  return j.writeAsync(async () => {
    const now = o.now.toISOString();
    let clock: Hlc = { wall: self.hlcWall, count: self.hlcCount };

    // 1. Out: what the triggers noted, as it is now, stamped, appended to this device's file for the month.
    const outbox = j.sync.outbox();
    // A sync killed after its lines reached the folder but before this transaction committed leaves lines whose
    // stamps the saved clock knows nothing of. Stamping again from that clock could give one of those stamps to
    // another change, which every reader would then take for one it has seen, and drop. So the clock first
    // observes every stamp this device already wrote (its two newest month files: a kill can't be older).
    if (outbox.length) {
      for (const f of folder.files(self.device).filter((x) => x.kind === 'main').slice(-2)) {
        for (const raw of folder.readFrom(self.device, f.name, 0).lines) {
          for (const c of (await openLine(codec, raw, self.device, self.dir)) ?? []) clock = observe(clock, c.stamp);
        }
      }
    }
    const lines: string[] = [];
    const sent: { kind: string; id: string; stamp: string; base: string | null }[] = [];
    for (const e of outbox) {
      if (!isKind(e.kind)) continue;
      const data = build(j, e.kind, e.id);
      const cur = j.sync.entity(e.kind, e.id);
      // Made and deleted between two syncs: still told as deleted. A sync killed after its lines reached the folder
      // but before its commit leaves no version here for what it sent, so "never sent" can't be known; another
      // device may hold it from those lines, and only a tombstone takes it away there.
      clock = tick(clock, e.at);
      const stamp = stampOf(clock, self.device);
      const base = cur?.stamp ?? null;
      const line: Change = data === null
        ? { v: FORMAT, stamp, base, kind: e.kind, id: e.id, deleted: true }
        : { v: FORMAT, stamp, base, kind: e.kind, id: e.id, data };
      lines.push(JSON.stringify(line));
      sent.push({ kind: e.kind, id: e.id, stamp, base });
    }
    if (lines.length) folder.append(self.device, o.now, await codec.seal(lines, self.device));
    for (const s of sent) {
      j.sync.setEntity(s.kind, s.id, s.stamp, s.base);
      j.sync.addVersion(s.stamp, s.base);
    }
    j.sync.clearOutbox(outbox);

    // 2. In: whole new lines of every other device's files, checked; what this journal has seen is left out.
    const incoming = new Map<string, Change>();
    let skipped = 0;
    // A device that has read nothing yet starts from the newest snapshot (snapshot.ts), then reads each file from
    // where that snapshot's writer had got to. Its lines carry the stamps of whichever device made each version.
    if (!j.sync.hasCursors()) {
      const snap = await newestSnapshot(folder, self.device, codec);
      if (snap) {
        for (const l of snap.lines.raw) {
          const c = parseChange(l);
          if (!c || !parseStamp(c.stamp)) { skipped++; continue; }
          if (!incoming.has(c.stamp) && j.sync.version(c.stamp) === undefined) incoming.set(c.stamp, c);
        }
        for (const [key, offset] of Object.entries(snap.covers)) {
          const [device] = key.split('/');
          if (device !== self.device && typeof offset === 'number' && offset >= 0) j.sync.setCursor(key, { offset, size: -1, mtime: -1 });
        }
      }
    }
    for (const p of pendingFiles(j, folder, self.device)) {
      const got = folder.readFrom(p.device, p.name, p.offset);
      for (const raw of got.lines) {
        const changes = await openLine(codec, raw, p.device, self.dir);
        if (changes === undefined) { skipped++; continue; }
        for (const c of changes) {
          if (!c || parseStamp(c.stamp)?.device !== p.device) { skipped++; continue; }
          if (!incoming.has(c.stamp) && j.sync.version(c.stamp) === undefined) incoming.set(c.stamp, c);
        }
      }
      j.sync.setCursor(p.key, { offset: got.next, size: got.size, mtime: got.next === got.size ? p.mtime : -1 });
    }

    // 3. Apply, the oldest first (beliefs before the records that name them), with change notes off.
    const order = (k: Kind) => KINDS.indexOf(k);
    const todo = [...incoming.values()].sort((a, b) => order(a.kind) - order(b.kind) || (a.stamp < b.stamp ? -1 : 1));
    let received = 0;
    let conflicts = 0;
    j.sync.setCapture(false);
    for (const c of todo) {
      const checked = c.deleted === true ? null : check(c.kind, c.id, c.data);
      j.sync.addVersion(c.stamp, c.base);
      clock = observe(clock, c.stamp);
      if (checked === undefined) { skipped++; continue; }
      const cur = j.sync.entity(c.kind, c.id);
      const incomingData = c.deleted === true ? null : c.data;
      if (!cur || c.stamp > cur.stamp) {
        // It wins. Was what this journal holds a change the other device never saw? Then keep it.
        if (cur && c.base !== cur.stamp && !descends(j, c.base, cur.stamp)) {
          const mine = build(j, c.kind, c.id);
          if (mine !== null && !same(mine, incomingData)) {
            j.sync.keepConflict({ kind: c.kind, id: c.id, stamp: cur.stamp, device: parseStamp(cur.stamp)?.device ?? '', winner: c.stamp, keptAt: now, data: mine });
            conflicts++;
          }
        }
        apply(j, c.kind, c.id, checked, now);
        j.sync.setEntity(c.kind, c.id, c.stamp, c.base);
        received++;
      } else if (c.stamp < cur.stamp && incomingData !== null && !descends(j, cur.base, c.stamp)) {
        // It loses to what is here, which was made without it: keep it beside.
        const mine = build(j, c.kind, c.id);
        if (!same(mine, incomingData)) {
          j.sync.keepConflict({ kind: c.kind, id: c.id, stamp: c.stamp, device: parseStamp(c.stamp)?.device ?? '', winner: cur.stamp, keptAt: now, data: incomingData });
          conflicts++;
        }
      }
    }
    j.sync.setCapture(true);
    j.sync.saveClock(clock.wall, clock.count);
    if (o.note !== false || sent.length || received) j.sync.noteSync(now, sent.length, received);
    // Now and then, a snapshot of everything, so a new device need not replay years of logs.
    const counts = j.sync.versionCounts();
    if (counts.now - counts.atSnapshot >= (o.snapshotEvery ?? SNAPSHOT_EVERY)) {
      await writeSnapshot(j, folder, self.device, codec, o.now);
      j.sync.noteSnapshot(counts.now);
    }
    return { sent: sent.length, received, conflicts, skipped, idle: false };
  });
}

/** Whether the version `stamp` is in the history that leads to `from` (following each version's base). */
function descends(j: Journal, from: string | null, stamp: string): boolean {
  let at = from;
  for (let i = 0; at !== null && i < 10_000; i++) {
    if (at === stamp) return true;
    if (at < stamp) return false; // bases only go back in time
    const base = j.sync.version(at);
    if (base === undefined) return false;
    at = base;
  }
  return false;
}

/** A line of a file as change lines; undefined when it is not one of ours (or damaged). A newer format stops the sync. */
async function openLine(codec: FolderCodec, raw: string, device: string, dir: string): Promise<Change[] | undefined> {
  let outer: { v?: unknown; age?: unknown };
  try { outer = JSON.parse(raw) as { v?: unknown; age?: unknown }; } catch { return undefined; }
  if (!outer || typeof outer !== 'object') return undefined;
  if (typeof outer.v === 'number' && outer.v > FORMAT) throw new OperationError(msg.sync.newerFormat, msg.sync.newerFormatHint);
  const sealed = typeof outer.age === 'string';
  // A plain journal cannot read sealed lines: say so. An encrypted one takes only sealed lines (a plain line
  // could have been put there by anyone who can write to the folder).
  if (sealed && !codec.encrypted) throw new OperationError(msg.sync.folderEncrypted(dir), msg.sync.folderEncryptedHint);
  if (!sealed && codec.encrypted) return undefined;
  let inner: string[];
  try {
    inner = await codec.open(raw, device);
  } catch {
    throw new OperationError(msg.sync.cannotOpen, msg.sync.cannotOpenHint);
  }
  const out: Change[] = [];
  for (const l of inner) {
    const c = parseChange(l);
    if (!c) return undefined;
    out.push(c);
  }
  return out;
}

/** One change line, checked for its shape (its `data` is checked when applied); a newer format stops the sync. */
function parseChange(l: string): Change | undefined {
  let c: Change;
  try { c = JSON.parse(l) as Change; } catch { return undefined; }
  if (!c || typeof c !== 'object') return undefined;
  if (typeof c.v === 'number' && c.v > FORMAT) throw new OperationError(msg.sync.newerFormat, msg.sync.newerFormatHint);
  if (c.v !== FORMAT || typeof c.stamp !== 'string' || !isKind(c.kind) || typeof c.id !== 'string' || c.id.length > 80
    || (c.base !== null && typeof c.base !== 'string') || (c.deleted !== true && c.data === undefined)) return undefined;
  return c;
}
