// reframe encrypt / decrypt / passphrase (issue 19): the journal rewritten under a new key, or none
// (src/journal/convert.ts does it crash-safely). The daily state file (daily-state.ts) exists only for an
// encrypted journal: encrypt writes it, decrypt removes it. passphrase --remember / --forget: the OS keyring
// (keyring.ts).
import { rmSync } from 'node:fs';
import type { Context } from '../../context';
import { OperationError, UsageError } from '../../errors';
import { msg } from '../../messages';
import { isEncryptedFile, newKey } from '../../journal/cipher';
import { convertJournal } from '../../journal/convert';
import { dailyStatePath, refreshDailyState } from '../../journal/daily-state';
import { Journal } from '../../journal/journal';
import { openDatabase } from '../../journal/open';
import { askKeyring, keyringAccount, noteKeyringChosen, type KeyringAnswer } from '../../journal/keyring';

/** Write the state file of the journal just encrypted (opened again under its new key). Never throws. */
export function writeStateOf(path: string, passphrase: string, ctx: Context): void {
  let j: Journal | undefined;
  try {
    j = new Journal(openDatabase(path, { create: false, key: passphrase }), path);
    j.encrypted = true;
    refreshDailyState(j, ctx.paths.stateDir, ctx.clock.now());
  } catch {
    // A convenience for cron: the next command that opens the journal with its key writes it.
  } finally {
    j?.close();
  }
}

export async function runEncrypt(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (isEncryptedFile(path)) throw new UsageError(msg.cipher.alreadyEncrypted(path));
  const key = newKey(ctx.passphraseFile, ctx.env);
  const journal = ctx.journal(); // plain; made now when there is none yet (a journal that starts encrypted)
  convertJournal(journal, undefined, key.passphrase);
  writeStateOf(path, key.passphrase, ctx);
  // A note left from before a decrypt that couldn't reach the keyring would point at a passphrase that is gone.
  noteKeyringChosen(ctx.paths.stateDir, path, false);
  ctx.say(ctx.errTheme.muted(msg.cipher.encrypted(path)));
}

export async function runDecrypt(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (!isEncryptedFile(path)) throw new UsageError(msg.cipher.notEncrypted(path));
  const journal = ctx.journal();
  convertJournal(journal, journal.passphrase, undefined);
  // A plain journal is read directly: its state file (dates and counts) has nothing left to do.
  try { rmSync(dailyStatePath(ctx.paths.stateDir, path), { force: true }); } catch { /* daily reads the journal itself now */ }
  ctx.say(ctx.errTheme.muted(msg.cipher.decrypted(path)));
  // A plain journal needs no passphrase: a remembered one goes.
  const gone = askKeyring('delete', path, ctx.env, ctx.workerEntry);
  if (gone.status === 'ok' || gone.status === 'none') noteKeyringChosen(ctx.paths.stateDir, path, false);
  if (gone.status === 'ok') ctx.say(ctx.errTheme.muted(msg.cipher.keyringForgottenOnDecrypt));
  else if (gone.status === 'locked' || gone.status === 'timeout' || gone.status === 'error') ctx.say(ctx.errTheme.warn(msg.cipher.keyringNotForgottenOnDecrypt));
}

export interface PassphraseOptions {
  newPassphraseFile?: string;
  remember?: boolean;
  forget?: boolean;
}

export async function runPassphrase(opts: PassphraseOptions, ctx: Context): Promise<void> {
  if ([opts.remember, opts.forget, opts.newPassphraseFile !== undefined].filter(Boolean).length > 1) throw new UsageError(msg.cipher.rememberOneAtATime);
  if (opts.remember) return remember(ctx);
  if (opts.forget) return forget(ctx);
  const path = ctx.paths.db;
  if (!isEncryptedFile(path)) throw new UsageError(msg.cipher.notEncryptedPassphrase(path));
  const journal = ctx.journal(); // the old passphrase: --passphrase-file, $REFRAME_PASSPHRASE_FILE, the keyring or the prompt
  const key = newKey(opts.newPassphraseFile, ctx.env, { fileOnly: true });
  convertJournal(journal, journal.passphrase, key.passphrase);
  ctx.say(ctx.errTheme.muted(msg.cipher.rekeyed(path)));
  // A remembered passphrase follows the change (only where the person remembered one).
  const updated = askKeyring('update', path, ctx.env, ctx.workerEntry, key.passphrase);
  if (updated.status === 'ok') {
    noteKeyringChosen(ctx.paths.stateDir, path, true);
    ctx.say(ctx.errTheme.muted(msg.cipher.keyringUpdated));
  }
  else if (updated.status === 'locked' || updated.status === 'timeout' || updated.status === 'error') ctx.say(ctx.errTheme.warn(msg.cipher.keyringNotUpdated));
}

/** Why the keyring can't be used here, as the one line of an exit 2; undefined when it can. */
function unusable(a: KeyringAnswer, doing: 'remember' | 'forget'): UsageError | OperationError | undefined {
  switch (a.status) {
    case 'no-bus':
    case 'no-service':
    case 'unsupported':
      return new UsageError(msg.cipher.noKeyring(a.status, doing));
    case 'locked':
      return new UsageError(msg.cipher.keyringLocked(doing));
    case 'timeout':
      return new OperationError(msg.cipher.keyringTimeout(doing));
    case 'error':
      return new OperationError(msg.cipher.keyringFailed(doing));
    default:
      return undefined;
  }
}

/**
 * reframe passphrase --remember: the keyring is checked first (a real, unlocked Secret Service on Linux), then the
 * journal is opened with its passphrase from the usual sources, which proves it, and only then is it stored.
 */
async function remember(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (!isEncryptedFile(path)) throw new UsageError(msg.cipher.rememberPlain(path));
  const probe = askKeyring('probe', path, ctx.env, ctx.workerEntry);
  const cant = unusable(probe, 'remember');
  if (cant) throw cant;
  const journal = ctx.journal();
  const stored = askKeyring('set', path, ctx.env, ctx.workerEntry, journal.passphrase);
  const failed = unusable(stored, 'remember');
  if (failed) throw failed;
  noteKeyringChosen(ctx.paths.stateDir, path, true);
  ctx.say(ctx.errTheme.muted(msg.cipher.remembered(keyringAccount(path))));
}

/** reframe passphrase --forget: the entry goes; the journal itself is not opened (no passphrase needed). */
async function forget(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  const gone = askKeyring('delete', path, ctx.env, ctx.workerEntry);
  const failed = unusable(gone, 'forget');
  if (failed) throw failed;
  noteKeyringChosen(ctx.paths.stateDir, path, false);
  ctx.say(ctx.errTheme.muted(gone.status === 'ok' ? msg.cipher.forgotten(keyringAccount(path)) : msg.cipher.nothingToForget(keyringAccount(path))));
}
