// reframe sync status [--json] | sync auto on|off | sync dismiss ID: what sync did and when, the setting, and the
// versions kept from changes made on two computers apart.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { SyncFolder } from '../../sync/folder';
import { stampTime } from '../../sync/hlc';
import type { Journal } from '../../journal/journal';

const schema = z.object({ json: z.optional(z.boolean()) });

function setUp(ctx: Context): Journal {
  const journal = ctx.journalIfExists();
  if (!journal || !journal.sync.self()) throw new UsageError(msg.sync.notSetUp, msg.sync.notSetUpHint);
  return journal;
}

const local = (iso: string | undefined) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '?');

export function runSyncStatus(raw: unknown, ctx: Context): void {
  const opts = parseOptions(schema, raw);
  const journal = setUp(ctx);
  const self = journal.sync.self()!;
  const folder = new SyncFolder(self.dir);
  let there = true;
  try { folder.checkThere(); } catch { there = false; }
  const devices = there ? folder.devices().filter((d) => d !== self.device).map((d) => {
    let last = 0;
    for (const f of folder.files(d)) last = Math.max(last, folder.stat(d, f.name)?.mtime ?? 0);
    return { device: d, lastChange: last ? new Date(last).toISOString() : null };
  }) : [];
  const pending = journal.sync.outbox().length;
  const conflicts = journal.sync.conflicts().map((c) => ({
    kind: c.kind, id: c.id, device: c.device, madeAt: stampTime(c.stamp) ?? null, keptAt: c.keptAt, version: c.data,
  }));
  if (opts.json) {
    ctx.out(JSON.stringify({
      folder: self.dir, folderThere: there, device: self.device, auto: self.auto,
      lastSync: self.lastSync ?? null, lastSent: self.lastSent, lastReceived: self.lastGot,
      sentTotal: self.sentTotal, receivedTotal: self.gotTotal, pending, lastError: self.lastError ?? null,
      devices, conflicts,
    }, null, 2));
    return;
  }
  const lines = [
    msg.sync.statusFolder(self.dir) + (there ? '' : ` (${msg.sync.folderMissing(self.dir)})`),
    msg.sync.statusDevice(self.device),
    msg.sync.statusAuto(self.auto),
    self.lastSync ? msg.sync.statusLast(local(self.lastSync), self.lastSent, self.lastGot) : msg.sync.statusNever,
    msg.sync.statusTotal(self.sentTotal, self.gotTotal),
    msg.sync.statusPending(pending),
    msg.sync.statusDevices(devices.length),
    ...devices.map((d) => msg.sync.statusDeviceLine(d.device, local(d.lastChange ?? undefined))),
  ];
  if (self.lastError) lines.push(msg.sync.statusError(self.lastError));
  if (conflicts.length) {
    lines.push('', msg.sync.statusConflicts(conflicts.length));
    for (const c of conflicts) lines.push(msg.sync.statusConflictLine(c.kind, c.id, c.device, local(c.madeAt ?? undefined)));
    lines.push(msg.sync.statusConflictsHint);
  } else lines.push(msg.sync.noConflicts);
  ctx.out(lines.join('\n'));
}

export function runSyncAuto(value: string | undefined, ctx: Context): void {
  const v = (value ?? '').trim().toLowerCase();
  if (v !== 'on' && v !== 'off') throw new UsageError(msg.sync.badAuto);
  const journal = setUp(ctx);
  journal.sync.setAuto(v === 'on');
  ctx.say(v === 'on' ? msg.sync.autoOn : msg.sync.autoOff);
}

export function runSyncDismiss(idArg: string | undefined, ctx: Context): void {
  const journal = setUp(ctx);
  const raw = (idArg ?? '').trim();
  const kept = journal.sync.conflicts();
  // A record's short id as everywhere; other things by their whole id (or a prefix naming one kept version).
  const up = raw.toUpperCase();
  const ids = [...new Set(kept.filter((c) => c.id.toUpperCase().startsWith(up) && up.length >= 6).map((c) => `${c.kind}\u0000${c.id}`))];
  if (ids.length === 0) throw new UsageError(msg.sync.noneToDismiss, msg.sync.statusConflictsHint);
  if (ids.length > 1) throw new UsageError(msg.shell.ambiguousId(raw, ids.length), msg.shell.ambiguousIdHint);
  const [kind, id] = ids[0].split('\u0000');
  ctx.say(msg.sync.dismissed(journal.sync.dropConflicts(kind, id)));
}
