// reframe backup FILE: a consistent copy of the journal while it may be in use (SQLite's online backup), 0600.
// reframe backup --restore FILE: put a backup back. The file is checked first, the current journal is kept
// beside it (a backup of it, or the damaged file moved aside), and the swap happens in one SQLite transaction.
import { existsSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'date-fns';
import * as z from '../../zod-mini';
import type { Context } from '../../context';
import { JournalError, OperationError, UsageError } from '../../errors';
import { msg } from '../../messages';
import { checkOutputFile, ensurePrivateDir, isJournalPath, writeFailure } from '../../fsutil';
import { isEncryptedFile } from '../../journal/cipher';
import { copyDatabase, inspectJournalFile, openReadonly, restoreInto } from '../../journal/backup';
import { parseOptions } from '../../input/options';
import { beginRestore } from '../../journal/restore-lock';

const schema = z.object({
  force: z.optional(z.boolean()),
  restore: z.optional(z.string()),
  yes: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});
type Opts = z.infer<typeof schema>;

export async function runBackup(file: string | undefined, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  if (opts.restore !== undefined) {
    if (file !== undefined) throw new UsageError(msg.transfer.restoreBoth, 'See `reframe backup --help`.');
    return restore(resolve(opts.restore), opts, ctx);
  }
  if (file === undefined || file.trim() === '') throw new UsageError(msg.transfer.backupNeedsFile, msg.transfer.backupNeedsFileHint);
  const dest = checkOutputFile(file, { journal: ctx.paths.db, overwrite: opts.force === true });
  const journal = ctx.journalIfExists();
  if (!journal) throw new OperationError(msg.transfer.backupNoJournal(ctx.paths.db));
  let info;
  try {
    info = await copyDatabase(journal.db, dest, { overwrite: opts.force === true, mode: 'delete', key: journal.passphrase });
  } catch (err) {
    throw failure(dest, err);
  }
  if (opts.json) {
    ctx.out(JSON.stringify({ path: dest, records: info.records, bytes: statSync(dest).size, schema: info.schema }, null, 2));
    return;
  }
  ctx.say(ctx.errTheme.good(msg.transfer.backupDone(info.records, dest)));
  if (!journal.encrypted) ctx.say(ctx.errTheme.muted(msg.transfer.backupHowToRestore(dest))); // not for encrypted ones yet
}

function failure(dest: string, err: unknown): Error {
  if (err instanceof UsageError || err instanceof JournalError || err instanceof OperationError) return err;
  const code = String((err as { code?: string })?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return writeFailure(dest, { code: 'ENOSPC' });
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new JournalError(msg.errors.journalBusy(dest), msg.errors.journalBusyHint);
  }
  return new OperationError(msg.transfer.backupFailed, msg.transfer.cantWriteHint);
}

/** A name beside the journal that is not taken yet: journal.db.before-restore-20261122-213000.bak */
function besideJournal(db: string, what: string, ctx: Context): string {
  const stamp = format(ctx.clock.now(), 'yyyyMMdd-HHmmss');
  let p = `${db}.${what}-${stamp}.bak`;
  for (let k = 2; existsSync(p); k++) p = `${db}.${what}-${stamp}-${k}.bak`;
  return p;
}

async function restore(src: string, opts: Opts, ctx: Context): Promise<void> {
  const db = ctx.paths.db;
  if (isJournalPath(src, db)) throw new UsageError(msg.transfer.restoreSame, msg.transfer.notABackupHint);
  // Restoring into or from an encrypted journal is not done yet (issue 19, a later stage): say so plainly.
  if (isEncryptedFile(src) || isEncryptedFile(db)) throw new UsageError(msg.cipher.restoreEncrypted);
  const backup = inspectJournalFile(src);
  if (!backup.ok) {
    if (backup.reason === 'missing' || backup.reason === 'unreadable') throw new UsageError(msg.errors.cantReadFile(src), 'Check the path, then try again.');
    if (backup.reason === 'too-new') throw new UsageError(msg.transfer.backupTooNew(src), msg.errors.journalTooNewHint);
    throw new UsageError(msg.transfer.notABackup(src), msg.transfer.notABackupHint);
  }
  const current = inspectJournalFile(db);
  if (!current.ok && current.reason === 'unreadable') throw new JournalError(msg.errors.journalNoAccess(db), msg.errors.journalNoAccessHint);
  if (!current.ok && current.reason === 'too-new') throw ctxJournalError(ctx);

  if (!opts.yes) {
    if (!ctx.io.interactive) throw new UsageError(msg.transfer.restoreNeedsYes, msg.transfer.restoreNeedsYesHint);
    const p = await ctx.prompter();
    const sure = await p.confirm({
      name: 'confirmRestore',
      message: msg.transfer.restoreConfirm(db, current.ok ? current.records : 0, src, backup.records),
      default: false,
    });
    if (!sure) {
      ctx.say(msg.transfer.restoreCancelled);
      return;
    }
  }

  const source = openReadonly(src);
  let previous: string | undefined;
  let movedAside = false;
  try {
    if (current.ok) {
      // A healthy journal: keep a backup of it, then swap the contents inside SQLite (safe with other readers).
      // Under the restore marker no other reframe commits between the copy and the swap (restore-lock.ts).
      const journal = ctx.journal();
      const end = beginRestore(journal.db, db);
      try {
        previous = besideJournal(db, 'before-restore', ctx);
        await copyDatabase(journal.db, previous, { overwrite: false, mode: 'delete' });
        await restoreInto(source, db);
      } finally {
        end();
      }
    } else {
      if (current.reason === 'not-ours' || current.reason === 'damaged') {
        // Nothing can read it as a journal: move it (and its side files) aside, untouched.
        if (statSync(db).size > 0) {
          previous = besideJournal(db, 'damaged', ctx);
          for (const suffix of ['', '-wal', '-shm']) {
            if (existsSync(db + suffix)) renameSync(db + suffix, previous + suffix);
          }
          movedAside = true;
        }
      }
      ensurePrivateDir(resolve(db, '..'));
      await copyDatabase(source, db, { overwrite: true, mode: 'wal' });
    }
  } catch (err) {
    throw failure(db, err);
  } finally {
    source.close();
  }

  const after = inspectJournalFile(db);
  const records = after.ok ? after.records : backup.records;
  if (opts.json) {
    ctx.out(JSON.stringify({ restoredFrom: src, journal: db, records, previousJournal: previous ?? null }, null, 2));
    return;
  }
  ctx.say(ctx.errTheme.good(msg.transfer.restored(records, src)));
  if (previous) ctx.say(movedAside ? msg.transfer.restoredMovedAside(previous) : msg.transfer.restoredKept(previous));
}

/** The journal is newer than this reframe: opening it says so in the usual words. */
function ctxJournalError(ctx: Context): Error {
  try {
    ctx.journal();
  } catch (err) {
    return err as Error;
  }
  return new JournalError(msg.errors.journalCannotOpen(ctx.paths.db));
}
