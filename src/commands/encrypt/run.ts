// reframe encrypt / decrypt / passphrase (issue 19): the journal rewritten under a new key, or none
// (src/journal/convert.ts does it crash-safely). The daily state file (daily-state.ts) exists only for an
// encrypted journal: encrypt writes it, decrypt removes it.
import { rmSync } from 'node:fs';
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { isEncryptedFile, newKey } from '../../journal/cipher';
import { convertJournal } from '../../journal/convert';
import { dailyStatePath, refreshDailyState } from '../../journal/daily-state';
import { Journal } from '../../journal/journal';
import { openDatabase } from '../../journal/open';

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
}

export async function runPassphrase(opts: { newPassphraseFile?: string }, ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (!isEncryptedFile(path)) throw new UsageError(msg.cipher.notEncryptedPassphrase(path));
  const journal = ctx.journal(); // the old passphrase: --passphrase-file, $REFRAME_PASSPHRASE_FILE or the prompt
  const key = newKey(opts.newPassphraseFile, ctx.env, { fileOnly: true });
  convertJournal(journal, journal.passphrase, key.passphrase);
  ctx.say(ctx.errTheme.muted(msg.cipher.rekeyed(path)));
}
