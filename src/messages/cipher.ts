// The sentences of an encrypted journal (issue 19): keys, the keyring, `reframe encrypt`, `decrypt`, `passphrase`.
// A part of the catalogue (src/messages.ts spreads it in as msg.cipher). Never a passphrase, never a record's text.

export const cipher = {
  ask: 'Passphrase for your journal: ',
  askAgain: "That didn't open it. Passphrase, again: ",
  askNew: 'New passphrase: ',
  askNewAgain: 'The same passphrase, once more: ',
  mismatch: "Those two didn't match. Let's try again.",
  emptyNew: 'A passphrase needs at least one character.',
  noNewKey: 'No new passphrase was set, so nothing changed.',
  wrong: (path: string) => `That passphrase doesn't open the journal at ${path}. Nothing was changed.`,
  noKey: 'Your journal is encrypted and there is no terminal to ask for its passphrase: put it on the first line of a file only you can read (chmod 600) and set REFRAME_PASSPHRASE_FILE (or --passphrase-file) to that file.',
  keyFileMissing: (name: string, path: string) => `The passphrase file given by ${name} can't be read: ${path}.`,
  keyFileNotFile: (name: string, path: string) => `The passphrase file given by ${name} is not a regular file: ${path}.`,
  keyFileLoose: (name: string, path: string, mode: string) => `The passphrase file given by ${name} can be read by others (mode ${mode}), so reframe won't use it: run \`chmod 600 ${path}\` first.`,
  keyFileNotYours: (name: string, path: string) => `The passphrase file given by ${name} belongs to another user, so reframe won't use it: ${path}.`,
  keyFileEmpty: (name: string, path: string) => `The passphrase file given by ${name} has an empty first line: ${path}.`,
  alreadyEncrypted: (path: string) => `The journal at ${path} is encrypted already. To change its passphrase, run \`reframe passphrase\`.`,
  notEncrypted: (path: string) => `The journal at ${path} is not encrypted, so there is nothing to decrypt.`,
  notEncryptedPassphrase: (path: string) => `The journal at ${path} is not encrypted. To give it a passphrase, run \`reframe encrypt\`.`,
  encrypted: (path: string) => `Your journal is encrypted now: ${path}. Keep the passphrase somewhere safe: if it is lost, so is the journal.`,
  decrypted: (path: string) => `Your journal is no longer encrypted: ${path}.`,
  rekeyed: (path: string) => `The journal's passphrase is changed: ${path}.`,
  // backup --restore
  askBackup: 'Passphrase for the backup: ',
  askBackupAgain: "That didn't open the backup. Its passphrase (perhaps an older one): ",
  wrongBackup: (path: string) => `That passphrase doesn't open the backup at ${path} (made under an older passphrase? give that one with --backup-passphrase-file). Nothing was changed.`,
  noBackupKey: 'That backup is encrypted and there is no terminal to ask for its passphrase: give it with --backup-passphrase-file (or --passphrase-file, or REFRAME_PASSPHRASE_FILE), a file only you can read.',
  restoreWillEncrypt: 'The backup is encrypted, so your journal will be too, with its passphrase.',
  restoreFailedAfterEncrypt: (path: string) => `The restore didn't finish. Your journal still holds its own records, but it was encrypted first, with the backup's passphrase: ${path}. To have it plain again, run \`reframe decrypt\`.`,
  restoredEncrypted: (path: string) => `Your journal is encrypted now, with the backup's passphrase: ${path}. To have it plain again, run \`reframe decrypt\`.`,
  restoreDamagedEncryptedHint: "reframe can't tell an encrypted journal that is damaged from one its passphrase doesn't open, so it leaves it alone: move it aside yourself, then restore.",
  backupPassphraseFileHelp: 'with --restore: read the backup\'s passphrase from this file, when it is not the journal\'s (mode 600)',
  copyCheckFailed: 'The new copy did not match the journal, so the journal was left as it was.',
  // the OS keyring (reframe passphrase --remember / --forget)
  keyringWrong: "The passphrase remembered in your keyring doesn't open this journal (was it changed elsewhere?), so reframe asks instead. `reframe passphrase --remember` stores the right one.",
  keyringWrongNoTerminal: (path: string) => `The passphrase remembered in your keyring doesn't open the journal at ${path}, and there is no terminal to ask on. Nothing was changed. On a terminal, \`reframe passphrase --remember\` stores the right one.`,
  keyringLockedAsk: 'Your keyring is locked, so reframe asks for the passphrase here instead.',
  keyringSlowAsk: "Your keyring didn't answer in time, so reframe asks for the passphrase here instead.",
  keyringErrorAsk: "reframe couldn't read your keyring, so it asks for the passphrase here instead.",
  rememberPlain: (path: string) => `The journal at ${path} is not encrypted, so there is no passphrase to remember.`,
  noKeyring: (why: 'no-bus' | 'no-service' | 'unsupported', doing: 'remember' | 'forget') => {
    const where = why === 'no-bus'
      ? 'There is no desktop session bus here (as under cron, ssh or a container), so no keyring to keep it in'
      : why === 'no-service'
        ? 'No keyring service (a Secret Service such as GNOME Keyring, KWallet or KeePassXC) is running here'
        : "reframe can't reach a keyring on this system";
    return doing === 'remember'
      ? `${where}, and reframe won't remember the passphrase anywhere less safe, or anywhere that forgets it at a restart. Use a passphrase file instead: REFRAME_PASSPHRASE_FILE, chmod 600.`
      : `${where}: there is nothing reframe can forget from here. Run it again where your keyring is.`;
  },
  keyringLocked: (doing: 'remember' | 'forget') => `Your keyring is locked: unlock it (log in to your desktop, or open its app), then try again. Nothing was ${doing === 'remember' ? 'stored' : 'removed'}.`,
  keyringTimeout: (doing: 'remember' | 'forget') => `Your keyring didn't answer in time, so nothing was ${doing === 'remember' ? 'stored' : 'removed'}.`,
  keyringFailed: (doing: 'remember' | 'forget') => `Your keyring turned the request down, so nothing was ${doing === 'remember' ? 'stored' : 'removed'}.`,
  remembered: (path: string) => `Your keyring remembers this journal's passphrase now: ${path}. reframe uses it when no passphrase file is given (\`reframe doctor\` says when it did); \`reframe passphrase --forget\` removes it.`,
  forgotten: (path: string) => `Your keyring no longer holds the passphrase for ${path}. reframe will ask for it again (or read a passphrase file).`,
  nothingToForget: (path: string) => `Your keyring holds no passphrase for ${path}, so there was nothing to forget.`,
  keyringUpdated: 'Your keyring remembers the new passphrase too.',
  keyringNotUpdated: "Your keyring still holds the old passphrase (it couldn't be changed just now): run `reframe passphrase --remember` to store the new one.",
  keyringForgottenOnDecrypt: 'Your keyring no longer holds its passphrase either.',
  keyringNotForgottenOnDecrypt: 'Your keyring still holds its old passphrase: run `reframe passphrase --forget` to remove it.',
  rememberOneAtATime: '--remember, --forget and --new-passphrase-file go one at a time.',
  // doctor
  doctorPlain: 'Encryption: not encrypted.',
  doctorUnlocked: (source: 'file' | 'env-file' | 'keyring' | 'prompt') => `Encryption: encrypted (SQLCipher 4), opened with ${source === 'file' ? 'the --passphrase-file file' : source === 'env-file' ? 'the REFRAME_PASSPHRASE_FILE file' : source === 'keyring' ? 'the passphrase remembered in your keyring (reframe passphrase --forget to stop)' : 'the passphrase typed at the prompt'}.`,
  // command help
  encryptHelp: 'encrypt the journal with a passphrase (SQLCipher 4); on a new journal, start it encrypted',
  decryptHelp: 'remove the journal\'s encryption (needs its passphrase)',
  passphraseHelp: 'change the passphrase of an encrypted journal',
  passphraseFileHelp: 'read the journal\'s passphrase from the first line of this file (mode 600; also $REFRAME_PASSPHRASE_FILE)',
  newPassphraseFileHelp: 'read the new passphrase from the first line of this file (mode 600)',
  rememberHelp: "store this journal's passphrase in the OS keyring (on Linux, a running Secret Service), so it opens without asking",
  forgetHelp: "remove this journal's passphrase from the OS keyring",
};
