// The English word tables behind suggestions, as plain lists: contractions people type without the apostrophe,
// chat spellings and misspellings, irregular past forms, and the little words that negate, report or settle what
// a thought says. Reviewing or extending them needs no programming: add a word to the right list, run
// `npm test` (test/unit/suggest-quality.test.ts says whether suggestions got better or worse).
// What the patterns themselves look for (their cues and word sets) is data too: data/patterns.json.

/** "she's" -> "she is" only for these; otherwise 's is a possessive and just loses its apostrophe. */
export const S_IS = new Set([
  'it', 'that', 'he', 'she', 'there', 'what', 'who', 'where', 'here', 'everyone', 'everybody', 'nobody', 'noone',
  'someone', 'somebody', 'this', 'how', 'everything', 'nothing', 'something', 'life',
]);

/** Contractions typed without the apostrophe. Only forms that are not also ordinary words. */
export const BARE: Record<string, string[]> = {
  im: ['i', 'am'], ive: ['i', 'have'], cannot: ['can', 'not'], cant: ['can', 'not'], wont: ['will', 'not'],
  dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'],
  wasnt: ['was', 'not'], werent: ['were', 'not'], havent: ['have', 'not'], hasnt: ['has', 'not'], hadnt: ['had', 'not'],
  couldnt: ['could', 'not'], wouldnt: ['would', 'not'], shouldnt: ['should', 'not'], mustnt: ['must', 'not'],
  neednt: ['need', 'not'], aint: ['am', 'not'], youre: ['you', 'are'], theyre: ['they', 'are'], thats: ['that', 'is'],
  whats: ['what', 'is'], theyll: ['they', 'will'], youll: ['you', 'will'], itll: ['it', 'will'], theyve: ['they', 'have'],
  youve: ['you', 'have'], weve: ['we', 'have'], theyd: ['they', 'would'], youd: ['you', 'would'], shes: ['she', 'is'],
  hes: ['he', 'is'], gonna: ['going', 'to'], gotta: ['got', 'to'], wanna: ['want', 'to'], noone: ['no', 'one'],
  its: ['it', 'is'], theres: ['there', 'is'], heres: ['here', 'is'], wheres: ['where', 'is'], whos: ['who', 'is'],
  hows: ['how', 'is'], whys: ['why', 'is'], everyones: ['everyone', 'is'], everybodys: ['everybody', 'is'],
  nobodys: ['nobody', 'is'], nothings: ['nothing', 'is'], everythings: ['everything', 'is'], hed: ['he', 'would'],
  itd: ['it', 'would'], shouldve: ['should', 'have'], couldve: ['could', 'have'], wouldve: ['would', 'have'],
  mustve: ['must', 'have'], mightve: ['might', 'have'], shoulda: ['should', 'have'], coulda: ['could', 'have'],
  woulda: ['would', 'have'], musta: ['must', 'have'], kinda: ['kind', 'of'], sorta: ['sort', 'of'], outta: ['out', 'of'],
  dunno: ['do', 'not', 'know'], tryna: ['trying', 'to'], hafta: ['have', 'to'], hasta: ['has', 'to'], lemme: ['let', 'me'],
  gimme: ['give', 'me'], alot: ['a', 'lot'], everytime: ['every', 'time'], anytime: ['any', 'time'],
  // Chat shorthand and a few common misspellings, so cues need not spell them out.
  u: ['you'], ppl: ['people'], cos: ['because'], coz: ['because'], cuz: ['because'], bc: ['because'], bcos: ['because'],
  bcoz: ['because'], becuz: ['because'], becuase: ['because'], beacuse: ['because'], becasue: ['because'],
  every1: ['everyone'], evry1: ['everyone'], no1: ['no', 'one'], some1: ['someone'], any1: ['anyone'],
  prolly: ['probably'], probs: ['probably'], probly: ['probably'], defo: ['definitely'], def: ['definitely'],
  definately: ['definitely'], definatly: ['definitely'], deffo: ['definitely'], tho: ['though'], thru: ['through'],
  realy: ['really'], beleive: ['believe'], wierd: ['weird'], freind: ['friend'], freinds: ['friends'], thier: ['their'],
  untill: ['until'], til: ['until'], till: ['until'], embarassed: ['embarrassed'], embarassing: ['embarrassing'],
  embarass: ['embarrass'], anyways: ['anyway'], nothin: ['nothing'], somethin: ['something'], everythin: ['everything'],
  y: ['why'], wat: ['what'], wot: ['what'], ya: ['you'],
};

/** Words after which a noun's 's is "is" ("my mum's always late") or, for a few, "has" ("my boss's been"). */
export const S_AFTER = new Set([
  'a', 'an', 'the', 'so', 'such', 'not', 'never', 'always', 'just', 'really', 'very', 'too', 'going', 'gonna', 'totally',
  'completely', 'definitely', 'probably', 'clearly', 'obviously', 'still', 'already', 'only', 'being', 'in', 'at', 'on',
  'off', 'out', 'over', 'right', 'wrong', 'mad', 'angry', 'upset', 'sick', 'late', 'like', 'nothing', 'gone', 'been',
  'got', 'done', 'made', 'no', 'quite', 'pretty', 'absolutely', 'literally', 'constantly', 'now', 'back',
]);

export const S_HAS = new Set(['gone', 'been', 'got', 'done', 'made']);

/**
 * "ill" and "id" typed for "I'll" and "I'd", told from the words "ill" and "ID" by their neighbours: "ill never" is
 * "I will never", "I feel ill" and "ill health" are not; "id rather" is "I would rather", "my id card" is not.
 */
export const BARE_IN_CONTEXT: Record<string, { as: string[]; notAfter: Set<string>; notBefore: Set<string> }> = {
  ill: {
    as: ['i', 'will'],
    notAfter: new Set([
      'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'feel', 'feels', 'felt', 'feeling', 'get', 'gets', 'got',
      'getting', 'fall', 'falls', 'fell', 'falling', 'so', 'very', 'really', 'too', 'quite', 'bit', 'seriously', 'mentally',
      'terminally', 'critically', 'chronically', 'gravely', 'an', 'the', 'look', 'looks', 'looked', 'seem', 'seems',
      'seemed', 'become', 'became', 'sound', 'sounds', 'taken', 'took', 'and', 'or', 'while', 'when', 'still', 'more',
      'most', 'less', 'slightly', 'properly', 'violently', 'feels',
    ]),
    notBefore: new Set(['health', 'effects', 'effect', 'will', 'feeling', 'feelings', 'person', 'people', 'patient', 'patients', 'child', 'children', 'and', 'or', 'with', 'in', 'for', 'today', 'again', 'lately', 'at']),
  },
  id: {
    as: ['i', 'would'],
    notAfter: new Set(['my', 'your', 'his', 'her', 'their', 'our', 'the', 'an', 'a', 'photo', 'student', 'valid', 'caller', 'user', 'no', 'any', 'of', 'with', 'show', 'showed', 'need']),
    notBefore: new Set(['card', 'cards', 'number', 'badge', 'check', 'checks', 'photo', 'and', 'or', 'please']),
  },
};

/** Past forms a regular rule can't make. */
export const IRREGULAR: Record<string, string[]> = {
  leave: ['left'], think: ['thought'], feel: ['felt'], tell: ['told'], say: ['said'], lose: ['lost'], make: ['made'],
  see: ['saw', 'seen'], know: ['knew', 'known'], break: ['broke', 'broken'], fall: ['fell', 'fallen'], find: ['found'],
  keep: ['kept'], give: ['gave', 'given'], take: ['took', 'taken'], run: ['ran'], come: ['came'], forget: ['forgot', 'forgotten'],
  forgive: ['forgave', 'forgiven'], choose: ['chose', 'chosen'], hold: ['held'], hide: ['hid', 'hidden'], bring: ['brought'],
  catch: ['caught'], fight: ['fought'], stand: ['stood'], understand: ['understood'], speak: ['spoke', 'spoken'],
  mean: ['meant'], pay: ['paid'], sell: ['sold'], send: ['sent'], spend: ['spent'], throw: ['threw', 'thrown'],
  write: ['wrote', 'written'], drive: ['drove', 'driven'], win: ['won'], teach: ['taught'], seek: ['sought'],
  grow: ['grew', 'grown'], blow: ['blew', 'blown'], stick: ['stuck'], sink: ['sank', 'sunk'], swallow: [], shake: ['shook', 'shaken'],
};

/** Words that cancel what follows ("I'm not a failure"). */
export const NEGATORS = new Set(['not', 'never', 'no', 'without']);

/** Little words that say little on their own: a cue made of them is weak. */
export const STOPWORDS = new Set([
  'i', 'me', 'my', 'myself', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'we', 'us', 'our', 'they',
  'them', 'their', 'a', 'an', 'the', 'and', 'or', 'but', 'if', 'so', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by',
  'from', 'up', 'out', 'as', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have',
  'has', 'had', 'will', 'would', 'can', 'could', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who',
  'just', 'very', 'really', 'too', 'all', 'any', 'some', 'one', 'about', 'then', 'than', 'when', 'how', 'like', 'get',
  'got', 'go', 'going', 'not', 'no', 'people', 'someone', 'anyone', 'everyone',
]);

/** Words a negation passes through on its way to what it cancels ("not really a", "doesn't mean I'm"). */
export const TRANSPARENT = new Set([
  'a', 'an', 'the', 'so', 'such', 'really', 'that', 'very', 'too', 'even', 'just', 'necessarily', 'exactly', 'totally',
  'completely', 'entirely', 'all', 'at', 'be', 'being', 'mean', 'means', 'think', 'believe', 'feel', 'say', 'saying',
  'make', 'makes', 'made', 'like', 'quite', 'always', 'actually', 'i', 'am', 'it', 'is', 'you', 'he', 'she', 'they',
  'we', 'are', 'was', 'were', 'have', 'has', 'had', 'to', 'need', 'want', 'going', 'try', 'trying', 'ever',
]);

/** "can't believe I'm so stupid", "can't stop thinking I'm a failure": these do not cancel what follows. */
export const NOT_CANCELLING = new Set(['believe', 'stop', 'help']);

/** Words between "I" and what is said about me: "I'm [such a] loser", "I was [really] boring". */
export const ABOUT_ME = new Set([
  'am', 'was', 'is', 'so', 'such', 'a', 'an', 'really', 'very', 'too', 'just', 'the', 'being', 'totally', 'completely',
  'kind', 'of', 'bit',
]);

/** Verbs that report what someone else thinks or says: "they think I'm boring". */
export const REPORTING = new Set([
  'think', 'thinks', 'thought', 'believe', 'believes', 'say', 'says', 'said', 'know', 'knows', 'tell', 'tells', 'told',
  'find', 'finds', 'found', 'see', 'sees', 'saw', 'decided', 'assume', 'assumes', 'assumed', 'reckon', 'reckons',
  'realise', 'realises', 'realised', 'realize', 'realizes', 'realized', 'notice', 'notices', 'noticed', 'discover',
  'discovers', 'discovered', 'suspect', 'suspects', 'suspected',
]);

/** What makes a sentence settled: "..., and that's okay", "which is normal", "it's fine if...". */
export const SETTLED_BY = new Set(['ok', 'okay', 'fine', 'alright', 'normal', 'allowed', 'understandable', 'natural', 'human']);

/** Words that look like a form of another word but are words of their own: "bored" is not a form of "a bore". */
export const OWN_WORDS = new Set(['bored']);

/** Words that open an if-then rule: "if I open up, I'll get hurt", "unless I'm perfect, ...". */
export const CONDITIONALS = new Set(['if', 'unless', 'whenever']);
