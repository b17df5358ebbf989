// Where sync gets the journal's passphrase: THE hook for issue 19 (encrypted journals, built on another branch).
// When the journal is encrypted, return its passphrase (from --passphrase-file, REFRAME_PASSPHRASE_FILE or the
// prompt, as issue 19 reads it); the sync folder is then encrypted with a key derived from it (cipher.ts,
// folderCipher). For a plain journal, return undefined: the folder holds plain lines in 0600 files.
import type { Context } from '../context';
import type { Journal } from '../journal/journal';

export async function syncPassphrase(_ctx: Context, journal: Journal): Promise<string | undefined> {
  // The passphrase the journal was opened with (src/runtime.ts asked for it once, from its key source).
  return journal.encrypted ? journal.passphrase : undefined;
}
