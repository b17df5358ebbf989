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
import { canPrompt, fileKey, isEncryptedFile, promptHidden, readPassphraseFile, WrongPassphrase } from '../../journal/cipher';
import { copyDatabase, type Inspection, inspectJournalFile, inspectOpen, openReadonly, replaceContents, restoreInto } from '../../journal/backup';
import { convertJournal } from '../../journal/convert';
import { Journal } from '../../journal/journal';
import { openDatabase } from '../../journal/open';
import { busyTimeoutFromEnv, DEFAULT_BUSY_TIMEOUT_MS } from '../../journal/patience';
import { writeStateOf } from '../encrypt/run';
import { parseOptions } from '../../input/options';
import { beginRestore } from '../../journal/restore-lock';

const schema = z.object({
  force: z.optional(z.boolean()),
  restore: z.optional(z.string()),
  yes: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  backupPassphraseFile: z.optional(z.string()),
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
  ctx.say(ctx.errTheme.muted(msg.transfer.backupHowToRestore(dest)));
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

/**
 * The key of an encrypted backup (undefined for a plain one), checked against it before anything is written:
 * --backup-passphrase-file when given; else the journal's own passphrase (an encrypted journal's, or the one
 * from --passphrase-file / $REFRAME_PASSPHRASE_FILE); a backup made before the passphrase was changed doesn't
 * open with that, so on a terminal its own is asked (three tries). Otherwise exit 2, nothing written.
 */
function backupKey(src: string, opts: Opts, ctx: Context, journalKey: string | undefined): { key: string | undefined; backup: Inspection } {
  if (!isEncryptedFile(src)) return { key: undefined, backup: inspectJournalFile(src) };
  const tryKey = (key: string) => {
    const backup = inspectJournalFile(src, key);
    return backup.ok || backup.reason !== 'wrong-key' ? { key, backup } : undefined;
  };
  if (opts.backupPassphraseFile !== undefined) {
    const found = tryKey(readPassphraseFile(opts.backupPassphraseFile, 'flag', '--backup-passphrase-file'));
    if (!found) throw new WrongPassphrase(msg.cipher.wrongBackup(src));
    return found;
  }
  const first = journalKey ?? fileKey(ctx.passphraseFile, ctx.env)?.passphrase;
  const found = first === undefined ? undefined : tryKey(first);
  if (found) return found;
  if (!canPrompt()) throw new UsageError(first === undefined ? msg.cipher.noBackupKey : msg.cipher.wrongBackup(src));
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = tryKey(promptHidden(attempt === 0 && first === undefined ? msg.cipher.askBackup : msg.cipher.askBackupAgain));
    if (again) return again;
  }
  throw new WrongPassphrase(msg.cipher.wrongBackup(src));
}

async function restore(src: string, opts: Opts, ctx: Context): Promise<void> {
  const db = ctx.paths.db;
  if (isJournalPath(src, db)) throw new UsageError(msg.transfer.restoreSame, msg.transfer.notABackupHint);
  if (!existsSync(src)) throw new UsageError(msg.errors.cantReadFile(src), 'Check the path, then try again.');
  // An encrypted journal stays encrypted under its own key, whatever the backup; it is opened first (its key
  // from --passphrase-file, $REFRAME_PASSPHRASE_FILE or the prompt; a wrong one is exit 2, nothing written).
  const journalEncrypted = isEncryptedFile(db);
  const live = journalEncrypted ? ctx.journal() : undefined;
  const { key: srcKey, backup } = backupKey(src, opts, ctx, live?.passphrase);
  if (!backup.ok) {
    if (backup.reason === 'missing' || backup.reason === 'unreadable') throw new UsageError(msg.errors.cantReadFile(src), 'Check the path, then try again.');
    if (backup.reason === 'too-new') throw new UsageError(msg.transfer.backupTooNew(src), msg.errors.journalTooNewHint);
    throw new UsageError(msg.transfer.notABackup(src), msg.transfer.notABackupHint);
  }
  const current = live ? inspectOpen(live.db) : inspectJournalFile(db);
  if (!current.ok && current.reason === 'unreadable') throw new JournalError(msg.errors.journalNoAccess(db), msg.errors.journalNoAccessHint);
  if (!current.ok && current.reason === 'too-new') throw ctxJournalError(ctx);
  if (live && !current.ok) throw new JournalError(msg.errors.journalDamaged(db), msg.cipher.restoreDamagedEncryptedHint);
  // The words of an encrypted backup never land in a plain file: a plain journal becomes encrypted, with the
  // backup's passphrase (as `reframe encrypt` would make it), and a missing or damaged one is made encrypted.
  const resultKey = live ? live.passphrase : srcKey;
  const becomesEncrypted = !journalEncrypted && srcKey !== undefined;

  if (!opts.yes) {
    if (!ctx.io.interactive) throw new UsageError(msg.transfer.restoreNeedsYes, msg.transfer.restoreNeedsYesHint);
    const p = await ctx.prompter();
    const sure = await p.confirm({
      name: 'confirmRestore',
      message: msg.transfer.restoreConfirm(db, current.ok ? current.records : 0, src, backup.records) + (becomesEncrypted ? ` ${msg.cipher.restoreWillEncrypt}` : ''),
      default: false,
    });
    if (!sure) {
      ctx.say(msg.transfer.restoreCancelled);
      return;
    }
  }

  let previous: string | undefined;
  let movedAside = false;
  let records = backup.records;
  if (current.ok && resultKey !== undefined) {
    // Into an encrypted journal (or one encrypted first): the contents swapped inside SQLite through its keyed
    // connection, in one transaction, under the restore marker as below (backup.ts: replaceContents).
    let journal = live ?? ctx.journal();
    let own: Journal | undefined;
    let converted = false;
    try {
      if (!live) {
        convertJournal(journal, undefined, resultKey); // crash-safe: copy, check, rename (convert.ts)
        converted = true;
        own = new Journal(openDatabase(db, { create: false, key: resultKey, busyTimeoutMs: busyTimeoutFromEnv(ctx.env) ?? DEFAULT_BUSY_TIMEOUT_MS }), db);
        journal = own;
      }
      const end = beginRestore(journal.db, db);
      try {
        previous = besideJournal(db, 'before-restore', ctx);
        await copyDatabase(journal.db, previous, { overwrite: false, mode: 'delete', key: resultKey });
        records = replaceContents(journal.db, src, srcKey).records;
      } finally {
        end();
      }
    } catch (err) {
      if (converted) {
        // The journal was encrypted with the backup's passphrase before the restore failed: it keeps its own
        // records, encrypted now. Say so (the failure line alone would not), and keep cron's state file right.
        ctx.say(ctx.errTheme.warn(msg.cipher.restoreFailedAfterEncrypt(db)));
        writeStateOf(db, resultKey, ctx);
      }
      throw failure(db, err);
    } finally {
      own?.close();
    }
  } else {
    const source = openReadonly(src, srcKey);
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
        // An encrypted backup: VACUUM INTO on its keyed connection makes the new journal encrypted with its key.
        records = (await copyDatabase(source, db, { overwrite: true, mode: 'wal', key: srcKey })).records;
      }
    } catch (err) {
      throw failure(db, err);
    } finally {
      source.close();
    }
    if (srcKey === undefined) {
      const after = inspectJournalFile(db);
      if (after.ok) records = after.records;
    }
  }
  // An encrypted journal's state file (for cron) follows its new contents.
  if (resultKey !== undefined) writeStateOf(db, resultKey, ctx);

  if (opts.json) {
    ctx.out(JSON.stringify({ restoredFrom: src, journal: db, records, previousJournal: previous ?? null, encrypted: resultKey !== undefined }, null, 2));
    return;
  }
  ctx.say(ctx.errTheme.good(msg.transfer.restored(records, src)));
  if (previous) ctx.say(movedAside ? msg.transfer.restoredMovedAside(previous) : msg.transfer.restoredKept(previous));
  if (becomesEncrypted) ctx.say(msg.cipher.restoredEncrypted(db));
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
