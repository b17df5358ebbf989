// reframe encrypt / decrypt / passphrase (issue 19): the journal rewritten under a new key, or none
// (src/journal/convert.ts does it crash-safely).
import type { Context } from '../../context';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { isEncryptedFile, newKey } from '../../journal/cipher';
import { convertJournal } from '../../journal/convert';

export async function runEncrypt(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (isEncryptedFile(path)) throw new UsageError(msg.cipher.alreadyEncrypted(path));
  const key = newKey(ctx.passphraseFile, ctx.env);
  const journal = ctx.journal(); // plain; made now when there is none yet (a journal that starts encrypted)
  convertJournal(journal, undefined, key.passphrase);
  ctx.say(ctx.errTheme.muted(msg.cipher.encrypted(path)));
}

export async function runDecrypt(ctx: Context): Promise<void> {
  const path = ctx.paths.db;
  if (!isEncryptedFile(path)) throw new UsageError(msg.cipher.notEncrypted(path));
  const journal = ctx.journal();
  convertJournal(journal, journal.passphrase, undefined);
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
