// The sentences of progress over time (issue 15): re-ratings, beliefs, experiments, follow-ups, check-ins.
// Part of the message catalogue: msg.progress (src/messages.ts). Never the person's words in an error.

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** Echo a bad value back, but never much of it. */
function clip(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 40 ? flat.slice(0, 37) + '...' : flat;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export const progressMessages = {
  // Re-ratings of a record (edit, show)
  thatNight: 'that night',
  onDay: (day: string) => `on ${day}`,
  laterThatDay: 'later that day',
  nextDay: 'the next day',
  daysLater: (n: number) => `${n <= 10 ? NUMBER_WORDS[n] : n} days later`,
  weeksLater: (n: number) => `${n <= 10 ? NUMBER_WORDS[n] : n} ${n === 1 ? 'week' : 'weeks'} later`,
  ratingsHeading: 'Re-ratings',
  beliefPath: 'belief',
  rerated: (id: string) => `Re-rated ${id}; the earlier ratings are kept.`,
  linkedBelief: 'Core belief',
  howItWent: 'How the next step went',

  // Beliefs
  noBelief: (id: string) => `No belief matches "${clip(id)}".`,
  noBeliefHint: 'See your beliefs with `reframe beliefs list`; an id or its first 6+ characters names one.',
  shortId: 'An id needs at least its first 6 characters.',
  emptyText: (what: string) => `${what} needs some words.`,
  tooLong: (what: string) => `${what} is too long (over 50,000 characters).`,
  badKind: '--kind takes core or rule.',
  alternativeNeedsConviction: '--alternative-conviction needs an alternative belief (--alternative TEXT, or one kept already).',
  beliefSaved: (id: string) => `Kept your belief ${id}. You can rate it again any time: reframe beliefs rate ${id} --conviction N`,
  beliefRated: (n: number) => `Rated: you believe it ${n} now.`,
  evidenceSaved: 'Added to your positive data log. Small things count.',
  noBeliefs: 'No beliefs kept yet. To keep one: reframe beliefs add "I\'m not worthy of love" --conviction 85',
  beliefTypes: { core: 'core belief', rule: 'rule for living' } as Record<string, string>,
  conviction: 'Conviction',
  alternative: 'Alternative belief',
  dataLog: 'Positive data log',
  dataLogNone: 'Nothing yet. Small, dated things that don\'t fit the old belief: reframe beliefs evidence ID "..."',
  linkedRecords: 'Records',
  linkedExperiments: 'Experiments',
  pathFromTo: (first: number, latest: number) => `${first} -> ${latest}`,
  ratedTimes: (n: number) => plural(n, 'rating'),

  // Experiments
  noExperiment: (id: string) => `No experiment matches "${clip(id)}".`,
  noExperimentHint: 'See your experiments with `reframe experiments list`.',
  needsTarget: 'An experiment tests a belief or a record: give --belief ID or --record ID.',
  oneTarget: 'Give --belief or --record, not both.',
  needsField: (flag: string) => `reframe experiments add needs ${flag}.`,
  needsFieldHint: 'See `reframe experiments add --help` for an example.',
  doneNeedsField: (flag: string) => `reframe experiments done needs ${flag}.`,
  doneNeedsFieldHint: 'See `reframe experiments done --help` for an example.',
  badDue: (value: string) => `--due needs a day such as 2026-12-08, today, tomorrow or 3d (got "${clip(value)}").`,
  experimentSaved: (id: string, due: string) => `Planned experiment ${id} for ${due}. When it's done: reframe experiments done ${id} --outcome "..." --came-true N`,
  experimentDone: 'Saved how it went. Whatever happened, you tried it, and that is how beliefs change.',
  alreadyDone: (id: string) => `Experiment ${id} is already done; its outcome is kept as it was.`,
  alreadyDoneHint: 'Plan a new one with `reframe experiments add`.',
  convictionNeedsBelief: '--conviction re-rates the belief an experiment tests, and this one has none.',
  convictionNeedsBeliefHint: 'Rate a belief directly with `reframe beliefs rate ID --conviction N`.',
  noExperiments: 'No experiments yet. To plan one: reframe experiments add --belief ID --plan "..." --prediction "..." --prediction-belief 70 --due tomorrow',
  noneDue: 'Nothing due today.',
  labels: {
    plan: 'Plan', prediction: 'Prediction', problems: 'Possible problems', coping: 'Coping', outcome: 'What happened',
    cameTrue: 'How far the prediction came true', learned: 'What I learned', belief: 'Belief', record: 'Record', due: 'Due', done: 'Done',
  },
  status: { planned: 'planned', due: 'due', overdue: 'overdue', done: 'done' } as Record<string, string>,
  ideasHeading: 'Small steps, easiest first (ideas, not tasks):',
  ideasNone: 'These ideas are for the closeness patterns; this one has none linked. Every step can be an experiment, though.',
  ideasHint: 'Pick one that feels a little hard but possible: reframe experiments add --belief ID --plan "..." --prediction "..." --prediction-belief N --due tomorrow',
  ideasBroken: (path: string) => `The experiment ideas in ${path} can't be read.`,

  // Follow-ups in daily
  dueHeading: 'To follow up',
  dueExperiment: (plan: string, due: string) => `Experiment (due ${due}): ${plan}`,
  duePlan: (plan: string) => `Your plan: ${plan}`,
  dueExperimentBare: (id: string, due: string) => `An experiment due ${due}: reframe experiments show ${id}`,
  duePlanBare: (id: string, day: string) => `The plan you made on ${day}: reframe show ${id}`,
  followUpAsk: 'Would you like to note how it went?',
  howDidItGo: 'How did it go?',
  followUpSaved: 'Noted. Thank you for coming back to it.',
  followUpSavedPlain: 'It is saved.',
  outcomeAsk: 'What happened?',
  cameTrueAsk: 'How far did the feared prediction come true, from 0 (not at all) to 100 (completely)?',
  learnedAsk: 'What did you learn? (optional)',
  convictionAsk: (text: string) => `How much do you believe "${text}" now, 0-100? (Enter to skip)`,

  // Check-ins
  answerAsk: 'Would you like to answer today\'s reflection? (optional, Enter to skip)',
  noCheckins: 'No check-ins in this period. `reframe daily` in a terminal makes one.',

  mdBeliefs: 'Beliefs I am working on',
  mdExperiments: 'Behavioural experiments',

  // Stats
  beliefsHeading: 'Beliefs over time',
  experimentsHeading: 'Behavioural experiments',
  experimentsLine: (planned: number, done: number) => `${plural(planned, 'experiment')} planned, ${done} done.`,
  cameTrueLine: (mean: number) => `On average the feared prediction came true ${mean}%.`,
  cameTrueNone: 'None done yet, so nothing to compare with the predictions.',

  // Import
  badObject: (what: string, detail: string) => `${what} ${detail}`,
  ratingForMissing: 'is a re-rating of a record that is neither in the file nor in the journal',
  experimentForMissing: 'tests a belief that is neither in the file nor in the journal',
  followUpForMissing: 'is a follow-up of a record that is neither in the file nor in the journal',
  importedProgress: (parts: string) => `Also brought in: ${parts}.`,
  wouldImportProgress: (parts: string) => `Would also bring in: ${parts}.`,
  counts: { beliefs: 'belief', experiments: 'experiment', ratings: 're-rating', checkins: 'check-in', followUps: 'follow-up' } as Record<string, string>,
  plural,

  // The downward arrow (guided record)
  arrowOffer: 'Would you like to look underneath this thought? (a few short steps, skip any time)',
  arrowStep: 'If that were true, what would it mean about you?',
  arrowHint: '(Enter when you have reached the bottom of it)',
  arrowDone: (text: string) => `Underneath it: "${text}"`,
  arrowWhat: 'What would you like to do with it?',
  arrowKeep: 'Keep it as a core belief, to follow over time',
  arrowLink: (text: string) => `Link this record to one I keep: "${text}"`,
  arrowLeave: 'Just notice it for now',
  arrowConviction: 'How much do you believe it right now, 0-100?',
  resembles: (text: string) => `This sounds like a belief you keep: "${text}". Link this record to it?`,
};
