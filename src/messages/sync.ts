// The sentences of `reframe sync` (issue 22). A part of the catalogue (src/messages.ts spreads it in as msg.sync).

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

const KIND_WORDS: Record<string, string> = {
  record: 'record', belief: 'belief', experiment: 'experiment', followup: 'follow-up', checkin: 'check-in', plan: 'safety plan',
};

export const sync = {
  notSetUp: 'This journal is not syncing with a folder yet.',
  notSetUpHint: 'Start with `reframe sync init DIR`, DIR being a folder Syncthing, Dropbox or git already carries between your computers.',
  initNeedsDir: 'Name the folder to sync through: `reframe sync init DIR`.',
  dirIsJournal: 'That folder holds your journal; sync through a folder of its own, beside it or elsewhere.',
  dirIsJournalHint: 'The journal itself never goes in the sync folder: only the changes do.',
  initDone: (dir: string, device: string) => `This journal now syncs through ${dir} (this computer is ${device}).`,
  initMoved: (dir: string) => `This journal now syncs through ${dir}.`,
  initSame: (dir: string) => `This journal already syncs through ${dir}.`,
  initNext: 'Run `reframe sync` now and after writing; on your other computers, `reframe sync init` the same folder, then `reframe sync`.',
  autoOn: 'It will sync by itself after each save and before showing your records.',
  autoOff: 'Automatic sync is off; run `reframe sync` when you like.',
  badAuto: '--auto takes on or off here: `reframe sync auto on`.',
  folderMissing: (dir: string) => `The sync folder ${dir} is not there.`,
  folderNotDir: (dir: string) => `The sync folder ${dir} is not a folder.`,
  folderMissingHint: 'Is the drive connected and the sync app running? `reframe sync init DIR` moves the journal to another folder.',
  formatDamaged: (path: string) => `The sync folder's ${path} cannot be read.`,
  formatDamagedHint: 'Restore it from the sync app\'s history or another computer\'s copy; nothing in your journal was changed.',
  newerFormat: 'The sync folder holds changes from a newer Reframe, which this one cannot read; nothing was changed.',
  newerFormatHint: 'Update reframe on this computer (npm install -g reframe-cbt), then run `reframe sync` again.',
  cannotWrite: (path: string) => `Could not write to the sync folder at ${path}.`,
  cannotWriteHint: 'Check that the folder is yours and has room; your journal is unchanged and nothing was lost.',
  cannotOpen: 'A change in the sync folder could not be opened with this journal\'s passphrase; nothing was changed.',
  cannotOpenHint: 'Every computer syncing through one folder needs the same passphrase.',
  folderEncrypted: (dir: string) => `The sync folder ${dir} is encrypted, and this journal is not.`,
  folderEncryptedHint: 'Encrypt this journal with the same passphrase first (`reframe encrypt`), or sync through another folder.',
  done: (sent: number, got: number) => `Synced: ${plural(sent, 'change')} sent, ${plural(got, 'change')} received.`,
  nothingNew: 'Up to date: nothing to send, nothing new to receive.',
  conflictsFound: (n: number) => `${plural(n, 'thing was', 'things were')} changed on two computers at once; the other version is kept, nothing is lost: \`reframe sync status\`.`,
  skippedLines: (n: number) => `${plural(n, 'line')} in the sync folder could not be read and ${n === 1 ? 'was' : 'were'} left out (a file still being copied is read again next time).`,
  unexpected: 'something went wrong while syncing (REFRAME_DEBUG=1 shows what); your journal is as it was.',
  autoWarn: (reason: string) => `reframe: not synced this time: ${reason}`,
  // status
  statusFolder: (dir: string) => `Folder:      ${dir}`,
  statusDevice: (device: string) => `This device: ${device}`,
  statusAuto: (on: boolean) => `Automatic:   ${on ? 'on (after each save and before showing records)' : 'off'}`,
  statusNever: 'Last sync:   never',
  statusLast: (when: string, sent: number, got: number) => `Last sync:   ${when}: ${plural(sent, 'change')} sent, ${plural(got, 'change')} received`,
  statusTotal: (sent: number, got: number) => `In all:      ${plural(sent, 'change')} sent, ${plural(got, 'change')} received`,
  statusPending: (n: number) => `Waiting:     ${n === 0 ? 'nothing to send' : `${plural(n, 'change')} to send at the next sync`}`,
  statusDevices: (n: number) => `Other devices: ${n === 0 ? 'none seen yet' : n}`,
  statusDeviceLine: (device: string, last: string) => `  ${device}  last change ${last}`,
  statusError: (e: string) => `Last problem: ${e}`,
  statusConflicts: (n: number) => `Kept from changes made on two computers at once (${n}):`,
  statusConflictLine: (kind: string, id: string, device: string, when: string) =>
    `  ${KIND_WORDS[kind] ?? kind} ${id.slice(0, 12)}  the version from ${device} made ${when}`,
  statusConflictsHint: '`reframe show ID` shows a record with the version kept beside it; `reframe sync dismiss ID` sets it aside once you have looked.',
  noConflicts: 'Nothing kept from changes made apart: no conflicts.',
  dismissed: (n: number) => `${plural(n, 'kept version')} set aside.`,
  noneToDismiss: 'No kept versions for that id.',
  // show
  showConflicts: (n: number) => `This record was also changed on another computer at the same time; ${n === 1 ? 'that version is' : 'those versions are'} kept below.`,
  showConflictHeading: (device: string, when: string) => `The version from ${device}, made ${when}:`,
  showConflictGone: 'It was deleted there.',
  showConflictHint: 'Copy what you want to keep with `reframe edit ID`, then `reframe sync dismiss ID`.',
};
