// reframe sync init DIR [--auto]: tie this journal to a folder some sync app already carries between computers.
// The journal gets a device id (kept in it) and the folder; everything in it is noted to go out at the next sync.
import { mkdirSync, chmodSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError, OperationError } from '../../errors';
import { msg } from '../../messages';
import { SyncFolder, newDeviceId } from '../../sync/folder';

const schema = z.object({ auto: z.optional(z.boolean()) });

export async function runSyncInit(dirArg: string | undefined, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  if (!dirArg || dirArg.trim() === '') throw new UsageError(msg.sync.initNeedsDir);
  const dir = resolve(dirArg);
  const db = resolve(ctx.paths.db);
  if (db === dir || db.startsWith(dir + sep) || dir.startsWith(db + sep)) throw new UsageError(msg.sync.dirIsJournal, msg.sync.dirIsJournalHint);
  let st;
  try { st = statSync(dir); } catch { /* made below */ }
  if (st && !st.isDirectory()) throw new UsageError(msg.sync.folderNotDir(dir), msg.sync.folderMissingHint);
  if (!st) {
    try { statSync(dirname(dir)); } catch { throw new UsageError(msg.sync.folderMissing(dirname(dir)), msg.sync.folderMissingHint); }
    try {
      mkdirSync(dir, { mode: 0o700 });
      chmodSync(dir, 0o700);
    } catch {
      throw new OperationError(msg.sync.cannotWrite(dir), msg.sync.cannotWriteHint);
    }
  }
  const journal = ctx.journal();
  const device = journal.sync.self()?.device ?? newDeviceId();
  // The folder first (its layout, and a format this Reframe reads), before anything in the journal changes.
  new SyncFolder(dir).prepare(device);
  const how = journal.write(() => journal.sync.init(device, dir, ctx.clock.now().toISOString(), opts.auto ? true : undefined));
  ctx.say(how === 'new' ? msg.sync.initDone(dir, device) : how === 'moved' ? msg.sync.initMoved(dir) : msg.sync.initSame(dir));
  if (journal.sync.self()?.auto) ctx.say(msg.sync.autoOn);
  if (how !== 'same') ctx.say(msg.sync.initNext);
}
