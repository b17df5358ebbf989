// Every sentence Reframe says to a person, in one place, so the tone can be read together:
// short, warm, plain. Never clinical, never preachy. Never the text of a record in an error.

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

export const msg = {
  plural,

  errors: {
    unexpected: 'Something went wrong inside reframe. Your journal was not changed by this.',
    unexpectedHint: 'Run again with REFRAME_DEBUG=1 to see the details.',
    journalNoAccess: (p: string) => `Can't read or write the journal at ${p}.`,
    journalNoAccessHint: 'Check that the folder exists and belongs to you, or point --db at another place.',
    journalIsFolder: (p: string) => `${p} is a folder, not a journal file.`,
    journalIsFolderHint: 'Point --db (or REFRAME_DB) at a file, such as ~/journal.db.',
    journalBadFolder: (p: string) => `Part of the path ${p} is a file, not a folder.`,
    journalNotOurs: (p: string) => `${p} is not a Reframe journal (or it is damaged), so reframe left it untouched.`,
    journalDamaged: (p: string) => `The journal at ${p} looks damaged, so reframe left it untouched.`,
    restoreHint: 'Restore it from a backup (see `reframe backup --help`), or use --db to choose another file.',
    journalCannotOpen: (p: string) => `Can't open the journal at ${p}.`,
    journalMissing: (p: string) => `There is no journal at ${p} yet.`,
    journalTooNew: (p: string, found: number, known: number) =>
      `The journal at ${p} was written by a newer reframe (schema ${found}; this one knows up to ${known}).`,
    journalTooNewHint: 'Update reframe, then try again. Your journal was not changed.',
    upgraded: (from: number, to: number, backup: string) => `Upgraded your journal (schema ${from} -> ${to}); a copy from before is at ${backup}.`,
    upgradeFailed: (p: string, to: number, now: number) =>
      `Couldn't update the journal at ${p} for this version of reframe (it is at schema ${now}, this one needs ${to}). Your records are safe; nothing was left half-changed.`,
    upgradeFailedHint: (backup: string | undefined, cause: string) =>
      `${cause === 'full' ? 'The disk looks full: free some space, then run reframe again. ' : ''}${backup ? `A copy from before is at ${backup}. ` : ''}Run \`reframe doctor\` to look at it.`,
    loosePermissions: (p: string, mode: string) =>
      `Note: ${p} can be read by other people on this computer (mode ${mode}). \`chmod 600 ${p}\` keeps it to you.`,
    journalBusy: (p: string) => `The journal at ${p} stayed busy with another reframe for too long.`,
    journalBusyHint: 'Wait for the other one to finish (a long import, perhaps), then try again.',
    diskFull: (p: string) => `The disk is full, so nothing was saved to ${p}.`,
    noTTY: (what: string, flags: string) => `${what} needs a terminal to ask its questions, and there isn't one here.`,
    noTTYHint: (flags: string) => `Pass ${flags} instead.`,
    missingFields: (flags: string[]) => `Missing ${listAnd(flags)}.`,
    missingFieldsHint: 'Pass them as flags, give --input FILE, or run `reframe new` in a terminal to be guided.',
    badRating: (flag: string) => `${flag} takes a whole number from 0 to 100.`,
    badEmotion: '--emotion takes NAME:BEFORE[:AFTER] with ratings 0-100, like anxious:80 or anxious:80:40.',
    unknownDistortion: (id: string) => `There is no thinking pattern with the id "${clip(id)}".`,
    unknownDistortionHint: 'See the ids with `reframe distortions list`.',
    badDate: (flag: string, value: string) => `${flag} needs a date or time such as 2026-11-22, "2026-11-22 19:05", 7d, 4w or 6m (got "${clip(value)}").`,
    badLimit: 'The limit must be a whole number of 1 or more.',
    badJson: (where: string) => `${where} is not valid JSON.`,
    badJsonHint: 'Check the file: it should hold one record in the JSON form shown in the README.',
    invalidRecord: (where: string, details: string) => `${where}: ${details}`,
    cantReadFile: (p: string) => `Can't read ${p}.`,
    noRecord: (id: string) => `No record matches "${clip(id)}".`,
    noRecordHint: 'See the ids with `reframe list`.',
    ambiguousId: (id: string, n: number) => `"${clip(id)}" matches ${n} records.`,
    ambiguousIdHint: 'Type more of the id to pick one.',
    shortId: 'A record id needs at least 6 characters.',
    deleteNeedsYes: 'Deleting a record without a terminal needs --yes.',
    deleteNeedsYesHint: 'Run `reframe delete ID --yes` if you are sure.',
    badSearch: 'That search could not be understood.',
    badSearchHint: 'Use plain words, or quote a phrase: --search "let my guard down".',
    noDraft: 'There is no draft to resume.',
    noDraftHint: 'Start a new record with `reframe new`.',
    libraryBroken: (file: string, detail: string) => `The pattern library in ${file} has a problem: ${detail}.`,
    libraryBrokenHint: (file: string) => `Fix ${file} (it is JSON), or move it aside to use the built-in library.`,
    badFlagCombo: (a: string, b: string) => `${a} and ${b} can't be used together.`,
    nothingToChange: 'Nothing to change: pass a flag such as --belief-after 35, or run `reframe edit ID` in a terminal.',
  },

  saved: (_id: string) => 'Saved to your journal.',
  updated: (id: string) => `Updated ${id}.`,
  deleted: (id: string) => `Deleted ${id}.`,
  notDeleted: 'Kept it. Nothing was deleted.',
  draftKept: 'Your answers so far are kept as a draft.',
  draftKeptHint: 'Pick up where you left off with `reframe new --resume`.',
  editDraftKept: (id: string) => `Your changes so far are kept as a draft. Continue with \`reframe edit ${id} --resume\`.`,
  draftFound: 'You have an unfinished record from before.',
  emptyJournal: 'Your journal is empty so far. When a thought weighs on you, `reframe new` will walk you through it.',
  nothingMatches: 'No records match that. Try a wider range or fewer filters.',
  unknownPattern: 'a pattern no longer in the library',

  safety: {
    title: 'It sounds like things are really hard right now.',
    lines: [
      "Your record is saved. If you might act on thoughts of hurting yourself, please reach out now. You don't have to carry this alone.",
      'If you are in danger, call your local emergency number.',
      'In the US, call or text 988 (Suicide & Crisis Lifeline). In the UK and Ireland, Samaritans: 116 123.',
      'Elsewhere, find a helpline near you at https://findahelpline.com',
    ],
  },

  // Each area keeps its sentences in its own block below; add a block just above its marker.
  // reframe stats
  stats: {
    badBy: (value: string) => `--by takes day, week or month (got "${clip(value)}").`,
    badRange: '--since is after --until.',
    badRangeHint: 'Swap them, or widen the range.',
    emptyRange: (from: string, to: string) =>
      `No records ${from === to ? `on ${from}` : `between ${from} and ${to}`}. A wider range, such as --since 6m, may show more.`,
    title: (from: string, to: string) => `Your journal, ${from} to ${to}`,
    summary: (records: number, days: number) => `${plural(records, 'record')} on ${plural(days, 'day')}`,
    perPeriod: (by: string) => `Records per ${by}`,
    lastPeriods: (n: number, by: string) => `the last ${plural(n, by)}`,
    patterns: 'Thinking patterns',
    patternsNone: 'No thinking patterns were named in this range.',
    reliefKey: 'eases: how much the feeling / the belief in the thought dropped on average after working it through',
    trendKey: (basis: 'previous' | 'halves') => basis === 'previous'
      ? 'arrows compare with the same stretch of time just before'
      : 'arrows compare the second half of this range with the first',
    easesMost: (name: string, n: number) => `Working it through eases ${name} the most (feelings drop by ${n} on average).`,
    holdsOn: (name: string, n: number) => `${name} still holds on more (feelings drop by ${n} on average): a pattern worth a closer look.`,
    faded: (names: string[]) => `Not seen this time, though they came up before: ${listAnd(names)}.`,
    feelings: 'Feelings, on average (0-100)',
    beliefTitle: 'Belief in the hot thought',
    belief: (before: number, after: number, rated: number) =>
      `On average ${before} before and ${after} after working it through (${plural(rated, 'record')} rated both).`,
    beliefBeforeOnly: (before: number) => `On average ${before} before; re-rate it after with \`reframe edit ID --belief-after N\`.`,
    tags: 'Tags',
    practice: 'Days you practised',
    less: 'less',
    more: 'more',
    streak: (current: number, longest: number) =>
      current > 0
        ? `Streak: ${plural(current, 'day')} in a row. Your longest: ${plural(longest, 'day')}.`
        : longest > 0
          ? `Your longest streak here: ${plural(longest, 'day')}. The next record starts a new one.`
          : 'No streak yet: the next record starts one.',
    checkins: (n: number) => `Mood at your check-ins (0-100, the last ${plural(n, 'day')} with one)`,
    checkinMean: (mean: number, n: number) => `Average mood ${mean} over ${plural(n, 'check-in')}.`,
  },
  // @stats-messages
  // export, import, backup
  transfer: {
    badFormat: '--format takes md, json, jsonl or csv.',
    badFormatHint: 'For example: reframe export --format json --out journal.json',
    splitNeedsMd: '--split writes markdown files, so it works with --format md only.',
    splitNeedsOut: '--split writes one file per record, so it needs a folder: --out DIR.',
    splitNeedsOutHint: 'For example: reframe export --split --out ~/notes/reframe',
    bomNeedsCsv: '--bom is for --format csv (it helps Excel read accents and emoji).',
    isJournal: (p: string) => `${p} is your journal itself; writing there would destroy it.`,
    isJournalHint: 'Choose another file name.',
    outIsFolder: (p: string) => `${p} is a folder.`,
    outIsFolderHint: 'Give a file name inside it, or add --split to write one file per record there.',
    outIsFile: (p: string) => `${p} is a file, but --split needs a folder to write into.`,
    notAFile: (p: string) => `${p} is not a regular file, so reframe won't write a backup over it.`,
    noFolder: (d: string) => `The folder ${d} does not exist.`,
    noFolderHint: (d: string) => `Create it first (mkdir -p ${d}), or choose another place.`,
    cantWrite: (p: string) => `Can't write ${p}.`,
    cantWriteHint: 'Check that the folder belongs to you and that the disk has space. Nothing was left half-written.',
    diskFull: (p: string) => `The disk is full, so ${p} was not written.`,
    exported: (n: number, p: string) => `Exported ${plural(n, 'record')} to ${p}.`,
    exportedSplit: (n: number, d: string) => `Wrote ${plural(n, 'file')}, one per record, to ${d}.`,
    exportEmpty: 'No records match that, so the export is empty.',
    progressExport: 'Exporting',
    progressCheck: 'Checking',
    progressImport: 'Importing',

    readingStdin: 'Reading records from standard input; press Ctrl-D when done.',
    notUtf8: (where: string) => `${where} is not UTF-8 text, so nothing was imported.`,
    notUtf8Hint: 'Import reads JSON saved as UTF-8, as `reframe export --format json` or `--format jsonl` writes it.',
    formatHint: 'Import reads a JSON array of records or JSON Lines (one record per line), as `reframe export --format json|jsonl` writes. Nothing was imported.',
    position: (n: number, line: number) => `record ${n} (line ${line})`,
    notJson: (where: string, pos: string) => `${where}, ${pos} is not valid JSON.`,
    expectedComma: (where: string, line: number, n: number) => `${where}, line ${line}: expected a comma or "]" after record ${n}.`,
    truncated: (where: string, pos: string) => `${where} ends in the middle of ${pos}; it may have been cut short.`,
    unclosed: (where: string) => `${where} ends before the closing "]"; it may have been cut short.`,
    trailing: (where: string, line: number) => `${where}, line ${line}: there is more text after the closing "]".`,
    invalidAt: (where: string, pos: string, details: string) => `${where}, ${pos}: ${details}.`,
    unknownPatternAt: (where: string, pos: string, field: string, id: string) =>
      `${where}, ${pos}: ${field} "${id}" is not a pattern in your library.`,
    unknownPatternHint: (file: string) =>
      `Add that pattern to ${file} (see \`reframe distortions --help\`), or remove it from the record. Nothing was imported.`,
    fixAndRetry: 'Nothing was imported. Fix that record, then run the import again.',
    empty: (where: string) => `${where.charAt(0).toUpperCase()}${where.slice(1)} holds no records, so there was nothing to import.`,
    added: (n: number) => `Added ${plural(n, 'record')} to your journal.`,
    wouldAdd: (n: number) => `Would add ${plural(n, 'record')}.`,
    skipped: (n: number, existing: number, repeated: number) =>
      `Skipped ${n}: ${[existing ? `${existing} already in your journal` : '', repeated ? `${repeated} repeated in the file` : ''].filter(Boolean).join(', ')}.`,
    wouldSkip: (n: number, existing: number, repeated: number) =>
      `Would skip ${n}: ${[existing ? `${existing} already in your journal` : '', repeated ? `${repeated} repeated in the file` : ''].filter(Boolean).join(', ')}.`,
    differ: (n: number) =>
      `${n === 1 ? '1 of them differs' : `${n} of them differ`} from the copy in your journal; import keeps your journal's copy.`,
    newIds: (n: number) =>
      `${plural(n, 'record')} had no id and got a new one, so importing the same file again would add ${n === 1 ? 'it' : 'them'} again.`,
    dryRunDone: 'Nothing was written (--dry-run).',
    repaired: (n: number) =>
      `${plural(n, 'record')} held a broken character (half of an emoji, say); each one is kept as the replacement character \uFFFD.`,

    backupNoJournal: (p: string) => `There is no journal at ${p} yet, so there is nothing to back up.`,
    backupNeedsFile: 'Give the file to write the backup to.',
    backupNeedsFileHint: 'For example: reframe backup ~/reframe-backup.db',
    backupExists: (p: string) => `${p} already exists.`,
    backupExistsHint: 'Choose another name, or add --force to replace it.',
    backupDone: (n: number, p: string) => `Backed up ${plural(n, 'record')} to ${p}.`,
    backupHowToRestore: (p: string) => `Restore it with \`reframe backup --restore ${p}\`.`,
    backupFailed: 'The backup could not be finished; no backup file was left behind.',
    restoreBoth: 'Give either a FILE to back up to or --restore FILE, not both.',
    notABackup: (p: string) => `${p} is not a Reframe journal or backup (or it is damaged), so nothing was restored.`,
    notABackupHint: 'Choose a file made by `reframe backup`.',
    backupTooNew: (p: string) => `${p} was made by a newer reframe, so this one can't restore it.`,
    restoreSame: 'That file is your journal itself.',
    restoreNeedsYes: 'Restoring replaces your journal, so without a terminal it needs --yes.',
    restoreNeedsYesHint: 'Run `reframe backup --restore FILE --yes` if you are sure. Your current journal is kept beside it.',
    restoreConfirm: (journal: string, now: number, backup: string, then: number) =>
      `Replace your journal (${plural(now, 'record')}) with ${backup} (${plural(then, 'record')})? The current one is kept as a copy beside it.`,
    restoreCancelled: 'Kept your journal as it is. Nothing was restored.',
    restored: (n: number, p: string) => `Restored ${plural(n, 'record')} from ${p}.`,
    restoredKept: (p: string) => `Your journal as it was is kept at ${p}.`,
    restoredMovedAside: (p: string) => `The damaged journal was moved aside to ${p}.`,
  },
  // @export-messages
  daily: {
    heading: (date: string) => `Today's reflection, ${date}`,
    streakNone: 'No streak yet. Today can be day one.',
    streakRestart: (longest: number) => `A new streak can start today. Your longest so far: ${plural(longest, 'day')}.`,
    streakOne: (longest: number) => (longest > 1 ? `Streak: 1 day. Your longest: ${longest} days.` : 'Streak: 1 day.'),
    streak: (current: number, longest: number) =>
      current >= longest ? `Streak: ${current} days in a row, your longest yet.` : `Streak: ${current} days in a row. Your longest: ${longest} days.`,
    yesterdayNone: 'Yesterday: no records.',
    yesterday: (records: number, patterns: string) =>
      `Yesterday: ${plural(records, 'record')}.` + (patterns ? ` Patterns that came up: ${patterns}.` : ''),
    checkedInToday: 'You checked in earlier today.',
    startRecord: (cmd: string) => `To work through a thought: ${cmd}`,
    mood: 'How do you feel right now, from 0 (very low) to 100 (very good)?',
    moodWords: 'A word or two for it? (optional)',
    moodWordsTooLong: 'A few words is plenty (80 characters at most).',
    checkinSaved: 'Saved your check-in.',
    checkinKept: (mood: number) => `Your check-in is saved (${mood}).`,
    offerRecord: 'Would you like to work through a thought now?',
    later: 'Any time you like: `reframe new`.',
    notifyTitle: "Today's reflection",
    notifyMissing: 'notify-send is not installed, so no desktop notification was sent (Debian/Ubuntu: apt install libnotify-bin).',
    notifyFailed: (why: string) => `The desktop notification could not be shown (${why}).`,
    promptsUnreadable: (p: string) => `Can't read the daily prompts at ${p}.`,
    promptsBroken: (p: string, detail: string) => `The daily prompts in ${p} have a problem: ${detail}.`,
    promptsHint: 'Reinstall reframe (`npm install` in its folder) to restore them.',
  },

  cron: {
    badTime: (v: string) => `--at takes a time of day as HH:MM, from 00:00 to 23:59 (got "${clip(v)}").`,
    badTimeHint: 'For example: reframe cron install --at 21:30',
    noCrontab: "The `crontab` command isn't available here, so reframe can't schedule the daily prompt.",
    noCrontabHint: 'Install cron (Debian/Ubuntu: apt install cron), or use a systemd user timer (see the README).',
    readFailed: (why: string) => `Couldn't read your crontab: ${why}`,
    writeFailed: (why: string) => `Couldn't save your crontab: ${why}`,
    crontabHint: 'Your crontab was not changed. Check `crontab -l` works for you, then try again.',
    badPath: (p: string) => `The path ${clip(p)} has a line break in it, which a crontab line can't hold.`,
    badPathHint: 'Move the journal or reframe to a path without one.',
    noLogFolder: (p: string) => `Can't create the folder for the log at ${p}.`,
    noLogFolderHint: 'Check that it belongs to you, or set XDG_STATE_HOME to another folder.',
    added: (at: string, log: string) => `Added to your crontab: every day at ${at}, today's prompt is written to ${log}.`,
    replaced: (at: string) => `Changed the daily prompt in your crontab to ${at}. Your other lines are as they were.`,
    unchanged: (at: string) => `The daily prompt is already in your crontab at ${at}; nothing changed.`,
    notifyNote: 'It will also try a desktop notification (notify-send) each time.',
    removeHint: 'Take it out again with `reframe cron remove`.',
    none: 'There is no daily prompt in your crontab.',
    noneHint: 'Add one with `reframe cron install --at 21:00`.',
    shows: (at: string) => `Runs every day at ${at}.`,
    removed: 'Removed the daily prompt from your crontab. Your other lines are as they were.',
    removedLog: (log: string) => `The log at ${log} is still there, if you want it.`,
    nothingToRemove: 'There was no daily prompt in your crontab; nothing changed.',
  },

  // @daily-messages
  doctor: {
    heading: (p: string) => `Journal: ${p}`,
    status: { ok: 'ok', warning: 'warning', problem: 'problem' } as Record<'ok' | 'warning' | 'problem', string>,
    missing: 'There is no journal here yet. It will be made (folder 700, file 600) the first time you save a record; doctor did not create one.',
    cantCreate: (at: string) => `There is no journal here yet, and one can't be made: ${at} is not a folder you can write to.`,
    cantCreateFix: 'Point --db (or REFRAME_DB) at a file in a folder of yours.',
    folder: 'This is a folder, not a journal file.',
    folderFix: 'Point --db (or REFRAME_DB) at a file, such as ~/journal.db.',
    notFile: 'This is not a regular file, so it is not a journal.',
    emptyFile: 'The file is empty. reframe will set it up the first time you save a record.',
    noAccess: "You can't read and write this file.",
    noAccessFix: 'Check who owns it (`ls -l`), or point --db at another file.',
    notSqlite: 'This file is not a SQLite database: it is not a Reframe journal, or it is badly damaged. doctor left it untouched.',
    notOurs: 'This SQLite database belongs to something else (it is not marked as a Reframe journal). doctor left it untouched.',
    restoreFix: 'Restore your journal from a backup, or point --db at the right file.',
    damaged: 'The file could not be read as a database: it looks damaged. doctor left it untouched.',
    busy: 'Another reframe kept the journal busy, so it could not be checked.',
    busyFix: 'Try again in a moment.',
    cantCheck: 'The journal could not be opened to check it.',
    marked: 'Marked as a Reframe journal.',
    emptyDb: 'The database is empty. reframe will set it up the first time you save a record.',
    schemaOk: (v: number) => `Schema ${v}, the one this reframe uses.`,
    schemaOld: (found: number, known: number) =>
      `Schema ${found}; this reframe uses ${known}. It will be upgraded the next time you use it, after a copy of it is kept beside it.`,
    schemaNew: (found: number, known: number) => `Schema ${found} is newer than this reframe knows (${known}).`,
    schemaNewFix: 'Update reframe. Your journal was not changed.',
    integrityOk: 'Integrity check passed.',
    integrityBad: (n: number) => `The integrity check found ${n === 1 ? 'a problem' : `${n} problems`}: the file is damaged.`,
    orphans: (n: number) => `${plural(n, 'part')} of records point at records that are not there.`,
    partial: (n: number) => `${plural(n, 'record')} ${n === 1 ? 'has' : 'have'} no feelings attached, as if a save stopped half-way.`,
    searchOff: 'The search index is out of step with the records, so `list --search` may miss some.',
    contents: (records: number, size: string, checkins?: number) =>
      `${plural(records, 'record')}${checkins ? `, ${plural(checkins, 'check-in')}` : ''}, ${size}.`,
    private: (what: string, mode: string) => `Only you can read ${what} (${mode}).`,
    loose: (what: string, p: string, mode: string) => `${what} ${p} can be read by other people on this computer (mode ${mode}).`,
    looseFix: (cmd: string) => `\`${cmd}\` keeps it to you.`,
    otherOwner: (p: string) => `${p} belongs to another user.`,
    otherOwnerFix: 'Use a journal of your own (--db), or ask its owner.',
    noDrafts: 'No drafts waiting.',
    drafts: (n: number, kinds: string) => `${plural(n, 'draft')} waiting: ${kinds}.`,
    draftKind: (kind: string, n: number) =>
      kind === 'new' ? `${plural(n, 'new record')} (\`reframe new --resume\`)`
        : kind === 'edit' ? `${plural(n, 'edit')} (\`reframe edit ID --resume\`)`
          : `${n} ${kind}`,
    backups: (n: number) => `${plural(n, 'copy', 'copies')} from before an upgrade beside it, readable only by you.`,
    leftover: (p: string) => `An import that was stopped left a private file with records in it: ${p}.`,
    leftoverFix: (p: string) => `The next \`reframe new\` or \`reframe import\` removes it; or remove it yourself: \`rm -f ${p} ${p}-journal\`.`,
    healthy: 'No problems found.',
    warningsOnly: (n: number) => `No problems found; ${plural(n, 'warning')} above.`,
    problems: (n: number) => `Found ${plural(n, 'problem')} with the journal.`,
    problemsHint: 'The lines marked "problem" say what to do.',
  },

  // @doctor-messages
  // reframe distortions suggest
  suggest: {
    noText: 'Give the thought to look at.',
    noTextHint: 'For example: reframe distortions suggest "She must think I\'m boring" (or - to read it from standard input).',
    badLimit: (value: string) => `--limit takes a whole number from 1 to 50 (got "${clip(value)}").`,
    tooLong: (max: number) => `That is longer than one thought (more than ${max} characters).`,
    tooLongHint: 'Give the one thought that hurts the most.',
    cantRead: 'Could not read the thought from standard input.',
    nothing: 'No pattern stands out in these words. That can be fine: `reframe distortions list` shows them all if you want to look yourself.',
    because: 'because of',
    fromHistory: 'you chose this before for a similar thought',
    more: 'More about one: reframe distortions show ID',
    header: 'Patterns this thought may show:',
  },
  // @suggest-messages

  flow: {
    intro: "Let's look at this thought together. There are no wrong answers, and you can stop any time with Ctrl-C: your answers are kept.",
    resumed: 'Welcome back. Picking up where you left off.',
    situation: 'What happened? Where were you, who was there, what were you doing?',
    when: 'When was this? (Enter for now, or e.g. "19:05", "yesterday 21:00", "2026-11-20 08:30")',
    emotionPick: 'What did you feel? Pick one, or type your own.',
    emotionOwn: 'Name the feeling in a word or two:',
    emotionOther: 'Something else (type it)',
    emotionDone: "That's all of them",
    emotionRate: (name: string) => `How strong was ${name}, from 0 (not at all) to 100 (the most ever)?`,
    thoughts: 'What went through your mind? Write one thought at a time; press Enter on an empty line when done.',
    thoughtNext: (n: number) => `Thought ${n}:`,
    hotPick: 'Which of these hurts the most? That is the one we will work on.',
    belief: 'How much do you believe it right now, 0-100?',
    distortions: 'Do you see any of these thinking patterns in it? (space to choose, enter to go on)',
    suggested: 'suggested',
    maybe: 'maybe',
    evidenceFor: 'What facts support the thought? One per line; empty line when done.',
    evidenceAgainst: "What facts don't fit the thought? One per line; empty line when done.",
    questionsIntro: 'A few questions that can help. Answer the ones that speak to you; leave empty to skip.',
    reframe: 'Now a more balanced thought: one that takes in all of the evidence.',
    reframeBelief: 'How much do you believe this balanced thought, 0-100?',
    beliefAfter: (thought: string) => `Now, how much do you believe the first thought, 0-100?`,
    emotionAfter: (name: string) => `How strong is ${name} now, 0-100?`,
    plan: 'Is there one small step you could take? (optional)',
    tags: 'Any tags to find this later, separated by spaces? (optional)',
    confirmSave: 'Save this record?',
    ratingInvalid: 'Please enter a whole number from 0 to 100.',
    required: 'Please write a few words here.',
    strategiesIntro: 'Something that can help with these patterns:',
    wellDone: 'You took the time to look at this thought. That takes courage.',
    editWhich: 'What would you like to change?',
    editDone: 'Done, save the changes',
    resumeOrNew: 'You have an unfinished record. What would you like to do?',
    resumeIt: 'Continue it',
    startOver: 'Start a new one (the draft is discarded)',
  },
  // Flags and input files, as commands read them (src/input/, new, edit, delete)
  input: {
    invalidOption: (detail: string) => `Invalid option: ${detail}.`,
    seeHelp: 'See the command\'s --help.',
    sinceAfterUntil: '--since is after --until.',
    sinceAfterUntilHint: 'Swap them, or widen the range.',
    emotionExample: 'For example: --emotion anxious:80:40',
    noFeelingToRerate: (name: string) => `There is no feeling called "${name.slice(0, 40)}" in this record to re-rate.`,
    noFeelingToRerateHint: 'Give it a starting rating: --emotion NAME:BEFORE:AFTER.',
    editTakesFlags: '`reframe edit` takes flags, not --input.',
    editTakesFlagsHint: 'To replace a record from a file, delete it and use `reframe new --input`.',
    startEdit: (id: string) => `Start with \`reframe edit ${id}\`.`,
    idTaken: (id: string) => `A record with the id ${id} is already in the journal.`,
    idTakenHint: 'Leave out "id" to save it as a new record, or use `reframe import` to merge files.',
    confirmDelete: (thought: string) => `Delete the record "${thought}"? This can't be undone.`,
  },

  // When things go wrong (docs: test/faults/README.md): an upgrade without room, the addon, hostile files, leftovers.
  faults: {
    mb: (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1e6))} MB`,
    /** A size a person gave in K/M/G (powers of 1024), said back the same way. */
    size: (bytes: number) => bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${+(bytes / 1024 ** 2).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`,
    upgradeNoRoom: (p: string, from: number, to: number, need: string, free: string) =>
      `The journal at ${p} needs an upgrade (schema ${from} -> ${to}) that needs about ${need} free beside it, and there is ${free}: reading it as it is, without saving anything.`,
    upgradeNoRoomHint: 'Free some space on that disk, then run reframe again: it upgrades then (a copy from before is kept).',
    upgradeNoRoomWrite: (p: string, need: string, free: string) =>
      `Can't save to the journal at ${p} yet: it needs an upgrade that needs about ${need} free beside it, and there is ${free}. Nothing was saved.`,
    upgradeNoRoomDoctor: (from: number, to: number, need: string, free: string) =>
      `Schema ${from}: the upgrade to ${to} needs about ${need} free beside the journal, and there is ${free}. Until then reframe reads it but can't save to it.`,
    upgradeNoRoomFix: 'Free some space on that disk, then run any reframe command to upgrade it.',
    foreignLink: (p: string) => `${p} is a link another user made in a shared folder, so reframe won't write through it.`,
    foreignLinkHint: 'Choose a path in a folder of your own. Nothing was written.',
    badMaxSize: (v: string) => `--max-size takes a size such as 512M or 2G (got "${clip(v)}").`,
    badMaxSizeHint: 'Use K, M or G for kilobytes, megabytes or gigabytes, or 0 for no limit.',
    importTooBig: (where: string, max: string) => `${where} is larger than ${max}, the most import reads unless told otherwise, so nothing was imported.`,
    importTooBigHint: 'If it really is a file of records, lift the limit with --max-size, e.g. --max-size 2G.',
    importNotAFile: (where: string) => `${where} is not a file (a device or a folder), so nothing was imported.`,
    importNotAFileHint: 'Give the path of a JSON or JSON Lines file, or - for standard input.',
    importUtf16: (where: string) => `${where} is UTF-16 text; import reads UTF-8, so nothing was imported.`,
    importUtf16Hint: (where: string) => `Convert it first: iconv -f UTF-16 -t UTF-8 ${where} > records-utf8.json`,
    importBinary: (where: string, at: number) => `${where} is not a text file (it holds a NUL byte at byte ${at}), so nothing was imported.`,
    importNotUtf8At: (where: string, at: number, line: number) =>
      `${where} is not UTF-8 text (the bytes at byte ${at}, line ${line}, are not valid UTF-8), so nothing was imported.`,
    nativeMismatch: (node: string, v?: { built: string; needs: string }) =>
      `reframe's SQLite part (the better-sqlite3 addon) doesn't load in Node ${node}${v ? `: it was built for NODE_MODULE_VERSION ${v.built}, and this Node needs NODE_MODULE_VERSION ${v.needs}` : ''}. Your journal was not touched.`,
    nativeMismatchHint: (dir: string) => `Run \`npm rebuild better-sqlite3\`${dir ? ` in ${dir}` : ' in reframe\'s folder'} (or use the Node version it was installed with).`,
    exportCutShort: 'The export was cut short: whatever was reading it closed the pipe before the end. Your journal is unchanged.',
    dbEmpty: '--db needs the path of a journal file (it was empty).',
    dbSpaces: (p: string) => `The journal path "${clip(p)}" starts or ends with a space, which is almost always a slip.`,
    dbHint: 'Give the path without the spaces (or rename the file); see "Where your journal lives" in the README.',
    yearOutOfRange: (flag: string, year: number) => `${flag} is in the year ${year}; reframe works with dates from 1900 to 2200.`,
    clockBefore1970: 'This computer\'s clock says it is before 1970, so reframe can\'t make an id for a new record.',
    clockBefore1970Hint: 'Set the clock to the right date and time (timedatectl, or your system settings), then try again.',
    leftover: (kind: 'temp' | 'upgrade' | 'restore-marker', p: string) => kind === 'restore-marker'
      ? `A restore that was stopped left its marker: ${p}.`
      : `A ${kind === 'upgrade' ? 'journal upgrade' : 'export or backup'} that was stopped left a private file${kind === 'upgrade' ? ' with records in it' : ' (it may hold records)'}: ${p}.`,
    leftoverFix: (p: string) => `The next reframe command that opens the journal removes it; or remove it yourself: \`rm -f '${p}'\`.`,
  },
};

export function listAnd(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Echo a bad flag value back, but never much of it (it could be someone's words). */
function clip(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 40 ? flat.slice(0, 37) + '...' : flat;
}
