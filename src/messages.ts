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
  // @stats-messages
  // @export-messages
  // @daily-messages
  // @doctor-messages
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
