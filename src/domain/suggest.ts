// Which thinking patterns a thought most likely shows. Rule-based and explainable: driven only by the
// cue phrases in the pattern library (a person's own patterns can carry cues too). The code knows
// language (contractions, case, negation), never pattern ids.
//
// Cue syntax: space-separated tokens matched against a run of consecutive words of the normalised
// thought (lower case, straight quotes, contractions expanded, punctuation gone). A plain word matches
// itself and its regular forms ("leave": leaves, leaving, left); `word*` is a prefix; `a|b|c` are
// alternatives (each may end in `*`; `i+am|i+was` joins a few words into one alternative, and so does a
// hyphen: "write-off"); `_` is exactly one word; `..` is a gap of 0-3 words inside one clause (`.. ..` may
// reach past a comma). A cue may match anywhere.
// Word sets: `@name` (also among alternatives: `@name|other`) stands for every entry of that set of the
// library's lexicon (data/patterns.json "lexicon": self-label nouns, catastrophe words, other people, ways of
// leaving...). An entry is written like an alternative, or as a few words ("back off", "get* bored of me").
// A set keeps the vocabulary of a kind of thinking in one place, so every cue built on it reaches all its
// words, and the cues can say the structure ("@others .. @mind-verb .. my|i|me .. @label-adj"). A cue that
// names a set the lexicon lacks never matches.
// Hints: a cue written `~cue` is weak evidence (a lone "always", a label word). It counts only in a thought
// where some full cue has found a pattern, so it can bring a second pattern into view but never makes a
// neutral sentence show anything.
// Generic language handling, for every cue: contractions typed without the apostrophe ("im", "cant", "its",
// "shouldve"; "ill"/"id" when their neighbours say "I'll"/"I'd"), a noun's 's that can only be "is" ("my
// brother's a loser"), a few chat spellings ("u", "ppl", "cuz") and common misspellings; a "not"/"never"/"no"/
// "without" just before the words, early in a gap or just before the words after a gap cancels the match ("I'm
// not a failure", "she thinks my idea is not bad") unless the cue says the negation itself; a cue about me
// reported as someone else's view ("they think [I'm boring]", "she'll realise [I'm boring]") does not count as
// the person's own; a sentence that settles what it says ("..., and that's okay", "it's fine if...", a plan
// for next time) suggests nothing.
//
// Speed: a library has ~1,500 cues, so a cue is compiled only when a thought has a word its first token can
// match, tokens are shared between cues, and a word set is searched by first word (compileToken, lazyCue).

// ---- normalising ---------------------------------------------------------------------------------

/** A normalised word, with the span of the original text it came from. */
export interface Word {
  w: string;
  start: number;
  end: number;
  /** Punctuation or a line break separates this word from the one before. */
  boundary: boolean;
  /** The punctuation ends a sentence (. ! ? ; : or a line break), not just a clause (a comma, a dash). */
  sentence: boolean;
  /** Words this one may be a form of ("leaving": leave, leav), for cues that name the plain word. */
  bases?: string[];
}

const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const CHUNK = /[\p{L}\p{M}\p{N}'\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]+/gu;
const CLAUSE_PUNCT = /[,.;:!?()\u2014\u2013\n"\u201C\u201D]|\s-\s/;
const SENTENCE_PUNCT = /[.;:!?\n]/;

/** "she's" -> "she is" only for these; otherwise 's is a possessive and just loses its apostrophe. */
const S_IS = new Set([
  'it', 'that', 'he', 'she', 'there', 'what', 'who', 'where', 'here', 'everyone', 'everybody', 'nobody', 'noone',
  'someone', 'somebody', 'this', 'how', 'everything', 'nothing', 'something', 'life',
]);

/** Contractions typed without the apostrophe. Only forms that are not also ordinary words. */
const BARE: Record<string, string[]> = {
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
const S_AFTER = new Set([
  'a', 'an', 'the', 'so', 'such', 'not', 'never', 'always', 'just', 'really', 'very', 'too', 'going', 'gonna', 'totally',
  'completely', 'definitely', 'probably', 'clearly', 'obviously', 'still', 'already', 'only', 'being', 'in', 'at', 'on',
  'off', 'out', 'over', 'right', 'wrong', 'mad', 'angry', 'upset', 'sick', 'late', 'like', 'nothing', 'gone', 'been',
  'got', 'done', 'made', 'no', 'quite', 'pretty', 'absolutely', 'literally', 'constantly', 'now', 'back',
]);
const S_HAS = new Set(['gone', 'been', 'got', 'done', 'made']);

/**
 * "ill" and "id" typed for "I'll" and "I'd", told from the words "ill" and "ID" by their neighbours: "ill never" is
 * "I will never", "I feel ill" and "ill health" are not; "id rather" is "I would rather", "my id card" is not.
 */
const BARE_IN_CONTEXT: Record<string, { as: string[]; notAfter: Set<string>; notBefore: Set<string> }> = {
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

/** One lower-cased chunk (letters, digits, apostrophes) -> its words, contractions expanded. */
export function expandWord(chunk: string): string[] {
  let c = chunk.toLowerCase().replace(APOSTROPHES, "'").replace(/^'+|'+$/g, '');
  if (c === '') return [];
  if (c.includes("'")) {
    if (c === "can't") return ['can', 'not'];
    if (c === "won't") return ['will', 'not'];
    if (c === "shan't") return ['shall', 'not'];
    if (c === "ain't") return ['am', 'not'];
    if (c === "i'm") return ['i', 'am'];
    let m = /^(.+)'(ll|re|ve|d)$/.exec(c);
    if (m) return [...expandWord(m[1]), { ll: 'will', re: 'are', ve: 'have', d: 'would' }[m[2] as 'll']];
    m = /^(.+)n't$/.exec(c);
    if (m) return [...expandWord(m[1]), 'not'];
    m = /^(.+)'s$/.exec(c);
    if (m && S_IS.has(m[1])) return [m[1], 'is'];
    c = c.replace(/'/g, '');
    if (c === '') return [];
  }
  return Object.hasOwn(BARE, c) ? BARE[c] : [c]; // not BARE[c]: "constructor" is a word too
}

/** The thought as words: lower case, straight quotes, contractions expanded, punctuation gone. */
export function normalise(text: string): Word[] {
  const out: Word[] = [];
  let last = 0;
  for (const m of text.matchAll(CHUNK)) {
    const start = m.index!;
    const end = start + m[0].length;
    const between = text.slice(last, start);
    const boundary = out.length === 0 || CLAUSE_PUNCT.test(between);
    const sentence = out.length === 0 || SENTENCE_PUNCT.test(between);
    let ws = expandWord(m[0]);
    const next = () => /^[\p{L}\p{M}\p{N}']+/u.exec(text.slice(end).replace(/^[ \t]+/, ''))?.[0].toLowerCase().replace(APOSTROPHES, "'");
    // "my brother's a loser": a noun's 's before these words is "is" (or "has"), not a possessive ("my brother's car").
    const own = /^(.+)['\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]s$/u.exec(m[0].toLowerCase());
    if (own && ws.length === 1) {
      const after = next();
      if (after !== undefined && S_AFTER.has(after)) ws = [own[1].replace(APOSTROPHES, "'").replace(/'/g, ''), S_HAS.has(after) ? 'has' : 'is'];
    }
    const bare = ws.length === 1 && Object.hasOwn(BARE_IN_CONTEXT, ws[0]) ? BARE_IN_CONTEXT[ws[0]] : undefined;
    if (bare && !m[0].includes("'")) {
      const prev = boundary ? undefined : out[out.length - 1]?.w;
      const after = next();
      if ((prev === undefined || !bare.notAfter.has(prev)) && after !== undefined && !bare.notBefore.has(after)) ws = bare.as;
    }
    ws.forEach((w, i) => out.push({ w, start, end, boundary: boundary && i === 0, sentence: sentence && i === 0, bases: basesOf(w) }));
    last = end;
  }
  return out;
}

// ---- cues ------------------------------------------------------------------------------------------

/** One word of a cue. A plain content word also matches its inflections ("leave": leaves, leaving, left). */
type Unit = { prefix: boolean; w: string; inflect?: boolean; ingStem?: string };

/** Past forms a regular rule can't make. */
const IRREGULAR: Record<string, string[]> = {
  leave: ['left'], think: ['thought'], feel: ['felt'], tell: ['told'], say: ['said'], lose: ['lost'], make: ['made'],
  see: ['saw', 'seen'], know: ['knew', 'known'], break: ['broke', 'broken'], fall: ['fell', 'fallen'], find: ['found'],
  keep: ['kept'], give: ['gave', 'given'], take: ['took', 'taken'], run: ['ran'], come: ['came'], forget: ['forgot', 'forgotten'],
  forgive: ['forgave', 'forgiven'], choose: ['chose', 'chosen'], hold: ['held'], hide: ['hid', 'hidden'], bring: ['brought'],
  catch: ['caught'], fight: ['fought'], stand: ['stood'], understand: ['understood'], speak: ['spoke', 'spoken'],
  mean: ['meant'], pay: ['paid'], sell: ['sold'], send: ['sent'], spend: ['spent'], throw: ['threw', 'thrown'],
  write: ['wrote', 'written'], drive: ['drove', 'driven'], win: ['won'], teach: ['taught'], seek: ['sought'],
  grow: ['grew', 'grown'], blow: ['blew', 'blown'], stick: ['stuck'], sink: ['sank', 'sunk'], swallow: [], shake: ['shook', 'shaken'],
};

/** True when x is w or one of its forms: walks, walked, walking; hates, hated, hating; stops, stopped; tries, tried. */
function isForm(w: string, x: string): boolean {
  if (x === w || (Object.hasOwn(IRREGULAR, w) && IRREGULAR[w].includes(x))) return true;
  if (/[^aeiou]y$/.test(w)) {
    const base = w.slice(0, -1);
    return x === base + 'ies' || x === base + 'ied' || x === w + 'ing';
  }
  if (x === (/(s|x|z|ch|sh)$/.test(w) ? w + 'es' : w + 's')) return true;
  if (w.endsWith('e')) return x === w + 'd' || x === w.slice(0, -1) + 'ing';
  if (x === w + 'ed' || x === w + 'ing') return true;
  // stop -> stopped, run -> running (one short vowel before a final consonant)
  return /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(w) && (x === w + w.slice(-1) + 'ed' || x === w + w.slice(-1) + 'ing');
}

const IRREGULAR_BASE = new Map<string, string>(Object.entries(IRREGULAR).flatMap(([base, forms]) => forms.map((f) => [f, base] as [string, string])));

/** The plain words x could be a form of (a superset; isForm decides). */
function basesOf(x: string): string[] | undefined {
  if (x.length < 4) return undefined;
  const out: string[] = [];
  const irregular = IRREGULAR_BASE.get(x);
  if (irregular) out.push(irregular);
  if (x.endsWith('ies') || x.endsWith('ied')) out.push(x.slice(0, -3) + 'y');
  if (x.endsWith('es')) out.push(x.slice(0, -2));
  if (x.endsWith('s')) out.push(x.slice(0, -1));
  if (x.endsWith('ed')) out.push(x.slice(0, -2), x.slice(0, -1), x.slice(0, -3));
  if (x.endsWith('ing')) out.push(x.slice(0, -3), x.slice(0, -3) + 'e', x.slice(0, -4));
  return out.length ? out : undefined;
}

function makeUnit(w: string, alone: boolean): Unit {
  return { prefix: false, w, inflect: alone && w.length >= 3 && !STOPWORDS.has(w) && !NEGATORS.has(w) };
}
/**
 * A token of alternatives, in parts: a word set named in it is one part, shared by every token that names it, and the
 * words written between sets make the others. Tried in the written order.
 */
type AltsTok = { kind: 'alts'; parts: Part[]; weight: number; negation: boolean };
type Tok = AltsTok | { kind: 'any' } | { kind: 'gap' };
/** Some alternatives; a long list (a word set) is indexed by first word, so a word is tried only where it can start. */
interface Part { alts: Unit[][]; weightSum: number; negation: boolean; index?: AltIndex }
/** Alternatives by the word their first unit names, and those that start with a prefix (tried for every word). */
interface AltIndex { byWord: Map<string, number[]>; prefixed: number[] }
const GAP: Tok = { kind: 'gap' };
const ANY: Tok = { kind: 'any' };

export interface CompiledCue {
  source: string;
  toks: Tok[];
  /** The cue says the negation itself ("can't trust"): a token of it is a negation, so a "not" does not cancel it. */
  negated: boolean;
  /** 0-1: how much a match of this cue says on its own. */
  strength: number;
  /** A hint (`~cue`): weak evidence that only counts when some full cue found a pattern in the same thought. */
  hint: boolean;
}

/** How much a hint says, against a full cue of the same words. */
const HINT = 0.6;

/** Words that cancel what follows ("I'm not a failure"). */
const NEGATORS = new Set(['not', 'never', 'no', 'without']);
/** Little words that say little on their own: a cue made of them is weak. */
const STOPWORDS = new Set([
  'i', 'me', 'my', 'myself', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its', 'we', 'us', 'our', 'they',
  'them', 'their', 'a', 'an', 'the', 'and', 'or', 'but', 'if', 'so', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by',
  'from', 'up', 'out', 'as', 'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'have',
  'has', 'had', 'will', 'would', 'can', 'could', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'who',
  'just', 'very', 'really', 'too', 'all', 'any', 'some', 'one', 'about', 'then', 'than', 'when', 'how', 'like', 'get',
  'got', 'go', 'going', 'not', 'no', 'people', 'someone', 'anyone', 'everyone',
]);

function unitWeight(u: Unit[]): number {
  if (u.length > 1) return 1; // an expanded contraction: "shouldnt" says a lot
  const { w, prefix } = u[0];
  if (prefix) return w.length >= 4 ? 0.8 : 0.5;
  return STOPWORDS.has(w) ? 0.3 : 1;
}

/** Named word sets cues may use as `@name`. */
export type Lexicon = Readonly<Record<string, readonly string[]>>;
const NO_LEXICON: Lexicon = Object.freeze({});

/** Compiled cues, per lexicon (a cue's meaning depends on the sets it names). */
const compiledBy = new WeakMap<Lexicon, Map<string, CompiledCue>>();
/** Compiled tokens, per lexicon: cues share many ("@others", "i", "will|going"). See compileToken for null and false. */
const tokensBy = new WeakMap<Lexicon, Map<string, AltsTok | null | false>>();
const altCache = new Map<string, Unit[] | undefined>();
/** Each set's entries as words, per lexicon. */
const setCache = new WeakMap<Lexicon, Map<string, Unit[][]>>();

function setUnits(lexicon: Lexicon, name: string): Unit[][] | undefined {
  let sets = setCache.get(lexicon);
  if (!sets) setCache.set(lexicon, (sets = new Map()));
  const hit = sets.get(name);
  if (hit) return hit;
  const entries = Object.hasOwn(lexicon, name) ? lexicon[name] : undefined;
  if (!Array.isArray(entries)) return undefined;
  const units = entries.map(entryUnits).filter((u): u is Unit[] => u !== undefined);
  sets.set(name, units);
  return units;
}

/**
 * An alternative or an entry of a word set -> its words; a few words may be joined by spaces ("back off") or +, and a
 * hyphen parts words as it does in a thought ("write-off" is "write off").
 */
function entryUnits(entry: string): Unit[] | undefined {
  const parts = entry.trim().split(/[\s+-]+/).filter((x) => x !== '');
  if (parts.length === 1) return altUnits(parts[0]);
  const units: Unit[] = [];
  for (const part of parts) {
    const u = altUnits(part);
    if (!u) return undefined;
    units.push(...u);
  }
  return units.length ? units : undefined;
}

/** One alternative of a cue token -> the words it stands for (a contraction stands for two). */
function altUnits(alt: string): Unit[] | undefined {
  if (altCache.has(alt)) return altCache.get(alt);
  let units: Unit[] | undefined;
  if (alt.endsWith('*')) {
    const p = alt.slice(0, -1).toLowerCase().replace(APOSTROPHES, "'").replace(/'/g, '');
    // "change*" also takes "changing": a final e drops before -ing.
    if (p) units = [{ prefix: true, w: p, ...(p.length >= 4 && p.endsWith('e') ? { ingStem: p.slice(0, -1) + 'ing' } : {}) }];
  } else if (alt !== '') {
    const ws = expandWord(alt);
    if (ws.length) units = ws.map((w) => makeUnit(w, ws.length === 1));
  }
  altCache.set(alt, units);
  return units;
}

/** Compile one cue (once per process and lexicon: compiled cues are cached by their text). */
export function compileCue(source: string, lexicon: Lexicon = NO_LEXICON): CompiledCue {
  let compiled = compiledBy.get(lexicon);
  if (!compiled) compiledBy.set(lexicon, (compiled = new Map()));
  const hit = compiled.get(source);
  if (hit) return hit;
  const toks: Tok[] = [];
  let negated = false;
  let spec = 0;
  let unknownSet = false;
  const hint = source.trimStart().startsWith('~');
  let tokens = tokensBy.get(lexicon);
  if (!tokens) tokensBy.set(lexicon, (tokens = new Map()));
  for (const raw of source.trim().replace(/^~/, '').split(/\s+/)) {
    if (raw === '..') {
      toks.push(GAP);
      spec -= 0.1;
      continue;
    }
    if (raw === '_') {
      toks.push(ANY);
      spec += 0.1;
      continue;
    }
    let tok = tokens.get(raw);
    if (tok === undefined) tokens.set(raw, (tok = compileToken(raw, lexicon)));
    if (tok === null) unknownSet = true;
    if (!tok) continue;
    // The cue says the negation itself when a token can only be matched by one ("not|cannot trust"); in "always|never"
    // a negation before the words still cancels them ("it's not that they always...").
    if (tok.negation) negated = true;
    spec += tok.weight;
    toks.push(tok);
  }
  // Trim gaps at the edges: they would only widen the quoted words.
  while (toks.length && toks[0].kind === 'gap') toks.shift();
  while (toks.length && toks[toks.length - 1].kind === 'gap') toks.pop();
  if (unknownSet) toks.length = 0;
  const strength = toks.length ? (0.3 + 0.65 * (1 - Math.exp(-Math.max(0, spec) / 1.8))) * (hint ? HINT : 1) : 0;
  const c: CompiledCue = { source, toks, negated, strength, hint };
  compiled.set(source, c);
  return c;
}

/** One token of alternatives; null when it names a set the lexicon lacks, false when it stands for nothing. */
function compileToken(raw: string, lexicon: Lexicon): AltsTok | null | false {
  const parts: Part[] = [];
  let own: Unit[][] = [];
  const flush = () => {
    if (own.length) parts.push(makePart(own));
    own = [];
  };
  for (const alt of raw.split('|')) {
    if (alt.startsWith('@')) {
      const set = setPart(lexicon, alt.slice(1));
      if (!set) return null;
      flush();
      if (set.alts.length) parts.push(set);
      continue;
    }
    const u = alt.includes('+') || alt.includes('-') ? entryUnits(alt) : altUnits(alt);
    if (u) own.push(u);
  }
  flush();
  let n = 0;
  let sum = 0;
  let negation = true;
  for (const part of parts) {
    n += part.alts.length;
    sum += part.weightSum;
    negation &&= part.negation;
  }
  if (!n) return false;
  return { kind: 'alts', parts, weight: (sum / n) * (n > 1 ? 0.85 : 1), negation };
}

function makePart(alts: Unit[][]): Part {
  let weightSum = 0;
  let negation = true;
  for (const a of alts) {
    weightSum += unitWeight(a);
    if (negation && !a.some((x) => !x.prefix && NEGATORS.has(x.w))) negation = false;
  }
  return { alts, weightSum, negation };
}

/** Each word set as one part, per lexicon. */
const setPartsBy = new WeakMap<Lexicon, Map<string, Part>>();

function setPart(lexicon: Lexicon, name: string): Part | undefined {
  let parts = setPartsBy.get(lexicon);
  if (!parts) setPartsBy.set(lexicon, (parts = new Map()));
  let part = parts.get(name);
  if (!part) {
    const units = setUnits(lexicon, name);
    if (!units) return undefined;
    parts.set(name, (part = makePart(units)));
  }
  return part;
}

/** Index a part's alternatives by their first word (built when first matched: most parts are never reached). */
function altIndex(part: Part): AltIndex {
  const byWord = new Map<string, number[]>();
  const prefixed: number[] = [];
  part.alts.forEach((a, k) => {
    if (a[0].prefix) prefixed.push(k);
    else {
      const list = byWord.get(a[0].w);
      if (list) list.push(k);
      else byWord.set(a[0].w, [k]);
    }
  });
  return (part.index = { byWord, prefixed });
}

const NONE: readonly number[] = [];
/** A part this short is just tried in full. */
const SHORT = 4;

/** The alternatives of a part that could match from this word, in their written order. */
function candidates(part: Part, word: Word): readonly number[] {
  const { byWord, prefixed } = part.index ?? altIndex(part);
  let only: readonly number[] = byWord.get(word.w) ?? NONE;
  let out: number[] | undefined;
  const add = (k: number) => {
    if (!out) out = [...only];
    out.push(k);
  };
  if (word.bases) for (const b of word.bases) if (b !== word.w) for (const k of byWord.get(b) ?? NONE) add(k);
  for (const k of prefixed) if (unitMatches(part.alts[k][0], word)) add(k);
  if (!out) return only;
  return out.length > 1 ? [...new Set(out)].sort((a, b) => a - b) : out;
}

/** Whether some alternative of the token could begin at this word. */
function canStart(t: AltsTok, word: Word): boolean {
  for (const part of t.parts) {
    if (part.alts.length > SHORT) {
      if (candidates(part, word).length) return true;
    } else for (const a of part.alts) if (unitMatches(a[0], word)) return true;
  }
  return false;
}

export interface CueMatch {
  /** Word indexes [start, end). */
  start: number;
  end: number;
}

function unitMatches(u: Unit, word: Word): boolean {
  const w = word.w;
  if (u.prefix) return w.startsWith(u.w) || (u.ingStem !== undefined && w.startsWith(u.ingStem));
  return w === u.w || (u.inflect === true && word.bases !== undefined && word.bases.includes(u.w) && isForm(u.w, w));
}

/**
 * Match tokens from ti at word wi; the end index or -1. Gaps take the shortest match first.
 * A gap never reaches into the next clause (two gaps in a row may pass a comma), never swallows a "not" in its
 * first two words ("I'm not a failure" is no match for "i am .. failure"), and never ends in a negation of the words
 * after it ("she thinks my idea is not bad"), unless the cue says the negation.
 * gapFrom: where the current run of gaps began.
 */
function matchAt(c: CompiledCue, ti: number, words: Word[], wi: number, gapFrom = -1): number {
  if (ti === c.toks.length) return wi;
  const t = c.toks[ti];
  if (t.kind === 'gap') {
    const from = gapFrom >= 0 ? gapFrom : wi;
    for (let g = 0; g <= 3 && wi + g <= words.length; g++) {
      if (g > 0) {
        const w = words[wi + g - 1];
        // One gap stays inside its clause; two in a row (".. ..") may reach past a comma, never past a full stop.
        if (w.sentence || (w.boundary && gapFrom < 0 && c.toks[ti + 1]?.kind !== 'gap')) break;
        if (!c.negated && NEGATORS.has(w.w) && wi + g - 1 - from < 2) break;
        // Nor may the words after a gap be negated by its last words ("she thinks my idea is not [bad]").
        const next = wi + g;
        const negatedNext = next < words.length && c.toks[ti + 1]?.kind === 'alts' && negatedBefore(words, next, from);
        if (!c.negated && negatedNext) continue;
      }
      const r = matchAt(c, ti + 1, words, wi + g, from);
      if (r !== -1) return r;
    }
    return -1;
  }
  if (wi >= words.length) return -1;
  if (t.kind === 'any') {
    if (!c.negated && NEGATORS.has(words[wi].w)) return -1;
    return matchAt(c, ti + 1, words, wi + 1);
  }
  for (const part of t.parts) {
    const cands = part.alts.length > SHORT ? candidates(part, words[wi]) : undefined;
    for (let j = 0, n = cands ? cands.length : part.alts.length; j < n; j++) {
      const alt = part.alts[cands ? cands[j] : j];
      if (wi + alt.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < alt.length && ok; k++) ok = unitMatches(alt[k], words[wi + k]);
      if (!ok) continue;
      const r = matchAt(c, ti + 1, words, wi + alt.length);
      if (r !== -1) return r;
    }
  }
  return -1;
}

/** Words a negation passes through on its way to what it cancels ("not really a", "doesn't mean I'm"). */
const TRANSPARENT = new Set([
  'a', 'an', 'the', 'so', 'such', 'really', 'that', 'very', 'too', 'even', 'just', 'necessarily', 'exactly', 'totally',
  'completely', 'entirely', 'all', 'at', 'be', 'being', 'mean', 'means', 'think', 'believe', 'feel', 'say', 'saying',
  'make', 'makes', 'made', 'like', 'quite', 'always', 'actually', 'i', 'am', 'it', 'is', 'you', 'he', 'she', 'they',
  'we', 'are', 'was', 'were', 'have', 'has', 'had', 'to', 'need', 'want', 'going', 'try', 'trying', 'ever',
]);
/** "can't believe I'm so stupid", "can't stop thinking I'm a failure": these do not cancel what follows. */
const NOT_CANCELLING = new Set(['believe', 'stop', 'help']);

/**
 * True when a negation just before the match cancels it ("I'm not such a failure"). Looks back at most 4 words,
 * and not before `from` (inside a cue: where the gap before these words began).
 */
export function negatedBefore(words: Word[], start: number, from = 0): boolean {
  for (let k = 1; k <= 4 && start - k >= from; k++) {
    if (words[start - k + 1].boundary) return false; // a negation in an earlier clause does not reach here
    const w = words[start - k].w;
    if (NEGATORS.has(w)) {
      const after = words[start - k + 1]?.w;
      const before = words[start - k - 1]?.w;
      if (w === 'not' && (before === 'can' || before === 'could') && after && NOT_CANCELLING.has(after)) return false;
      if (w === 'no' && k > 1) return false; // "no matter what I do, I always..." is not a negation of it
      return true;
    }
    if (!TRANSPARENT.has(w)) return false;
  }
  return false;
}

/** Words between "I" and what is said about me: "I'm [such a] loser", "I was [really] boring". */
const ABOUT_ME = new Set([
  'am', 'was', 'is', 'so', 'such', 'a', 'an', 'really', 'very', 'too', 'just', 'the', 'being', 'totally', 'completely',
  'kind', 'of', 'bit',
]);

/** Verbs that report what someone else thinks or says: "they think I'm boring". */
const REPORTING = new Set([
  'think', 'thinks', 'thought', 'believe', 'believes', 'say', 'says', 'said', 'know', 'knows', 'tell', 'tells', 'told',
  'find', 'finds', 'found', 'see', 'sees', 'saw', 'decided', 'assume', 'assumes', 'assumed', 'reckon', 'reckons',
  'realise', 'realises', 'realised', 'realize', 'realizes', 'realized', 'notice', 'notices', 'noticed', 'discover',
  'discovers', 'discovered', 'suspect', 'suspects', 'suspected',
]);

/**
 * True when the words are someone else's view of me, reported: "they think [I'm boring]", "she says [I'm a mess]".
 * A cue in the first person ("i am ...") does not describe the person's own view there. "I think I'm a mess" does.
 */
export function reportedBefore(words: Word[], start: number): boolean {
  // Words about me that follow "I'm" ("they think I'm [boring]") are reported too.
  for (let k = start - 1; k >= Math.max(0, start - 4) && words[start]?.w !== 'i'; k--) {
    if (words[k + 1].boundary) break;
    if (words[k].w === 'i') return reportedBefore(words, k);
    if (!ABOUT_ME.has(words[k].w)) break;
  }
  if (words[start]?.w !== 'i' || start < 2) return false;
  const verb = words[start - 1];
  if (verb.boundary || !REPORTING.has(verb.w)) return false;
  for (let k = start - 2; k >= Math.max(0, start - 4); k--) {
    if (words[k].w === 'i') return false;
    if (words[k].boundary) break;
  }
  return true;
}

/** What makes a sentence settled: "..., and that's okay", "which is normal", "it's fine if...". */
const SETTLED_BY = new Set(['ok', 'okay', 'fine', 'alright', 'normal', 'allowed', 'understandable', 'natural', 'human']);

/**
 * For each word, whether the thought accepts what it says there: the sentence before "that's okay" / "which is
 * normal" ("I'll never be a morning person, and that's fine"), the clause after "it's okay if / to / that" ("it's
 * okay if it isn't perfect"), a plan for next time and what just led to it ("I should have left earlier. Next
 * time I'll leave at 7"). Such words name a worry without believing it, so they suggest nothing.
 */
function settledWords(words: Word[]): boolean[] {
  const settled = new Array<boolean>(words.length).fill(false);
  let sentence = 0;
  let before = 0;
  for (let k = 0; k + 2 < words.length; k++) {
    if (words[k].sentence) [before, sentence] = [sentence, k];
    const [a, b, c, d] = [words[k].w, words[k + 1].w, words[k + 2].w, words[k + 3]?.w];
    // "I should have left earlier. Next time I'll leave at 7": a plan for next time settles what led to it, and itself.
    if (a === 'next' && b === 'time' && (c === 'i' || c === 'we') && (d === 'will' || d === 'can' || (d === 'am' && words[k + 4]?.w === 'going'))) {
      let end = k + 1;
      while (end < words.length && !words[end].sentence) end++;
      settled.fill(true, words[k].sentence ? before : sentence, end);
    }
    if (b !== 'is' || !SETTLED_BY.has(c) || words[k + 1].sentence || words[k + 2].sentence) continue;
    if (a === 'that' || a === 'which') settled.fill(true, sentence, k);
    else if (a === 'it' && (d === 'if' || d === 'to' || d === 'that') && !words[k + 3].sentence) {
      let end = k + 4;
      while (end < words.length && !words[end].boundary) end++;
      settled.fill(true, k + 3, end);
    }
  }
  return settled;
}
const settledCache = new WeakMap<Word[], boolean[]>();

/** Every place a cue matches, left to right, without overlaps; negated or settled places are left out. */
export function matchCue(c: CompiledCue, words: Word[]): CueMatch[] {
  const out: CueMatch[] = [];
  if (!c.toks.length) return out;
  let settled = settledCache.get(words);
  if (!settled) settledCache.set(words, (settled = settledWords(words)));
  for (let i = 0; i < words.length; i++) {
    if (settled[i]) continue;
    const end = matchAt(c, 0, words, i);
    if (end === -1 || end === i) continue;
    if (!c.negated && negatedBefore(words, i)) continue;
    if (reportedBefore(words, i)) continue;
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

// ---- suggestions -----------------------------------------------------------------------------------

export interface SuggestPattern {
  id: string;
  name: string;
  cues?: string[];
}

export interface PastThought {
  thought: string;
  distortions: string[];
}

export interface PatternSuggestion {
  id: string;
  name: string;
  /** 0-1. */
  score: number;
  /** The words of the thought that led to it, quoted as typed: "\"she thinks\"". */
  because: string;
  /** The person chose this pattern before for a similar thought. */
  fromHistory?: boolean;
}

export interface SuggestOptions {
  /** At most this many suggestions (default 3). */
  limit?: number;
  /** Below this score a suggestion is not shown. */
  minScore?: number;
}

/** Suggestions scoring below this are not shown. */
export const MIN_SCORE = 0.3;
/** How much a past choice for a similar thought weighs. */
const HISTORY_WEIGHT = 0.5;
/** How similar (Jaccard on content words) a past thought must be to count. */
const SIMILAR = 0.3;

interface Hit {
  strength: number;
  start: number;
  end: number;
  hint: boolean;
}

/** Merge overlapping word ranges and quote them as the person typed them. */
function quote(text: string, words: Word[], ranges: { start: number; end: number }[], max = 2): string {
  const spans = ranges
    .map((r) => ({ from: words[r.start].start, to: words[r.end - 1].end }))
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && (s.from <= last.to || /^\s+$/.test(text.slice(last.to, s.from)))) last.to = Math.max(last.to, s.to);
    else merged.push({ ...s });
  }
  return merged
    .slice(0, max)
    .map((s) => `"${text.slice(s.from, s.to).replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}"`)
    .join(', ');
}

/** Content words of a thought, for comparing thoughts: no little words, plural -s dropped. */
export function contentWords(words: Word[] | string): Set<string> {
  const ws = typeof words === 'string' ? normalise(words) : words;
  const out = new Set<string>();
  for (const { w } of ws) {
    if (STOPWORDS.has(w) || NEGATORS.has(w) || w.length < 2) continue;
    out.add(stem(w));
  }
  return out;
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 3 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

interface PreparedPast {
  words: Set<string>;
  distortions: string[];
}

/**
 * A suggester for a library: cues compiled once (with the library's word sets), past thoughts prepared once.
 * suggest(text) returns the patterns the thought most likely shows, best first.
 */
export function createSuggester(
  patterns: readonly SuggestPattern[],
  history: readonly PastThought[] = [],
  /** The library's word sets, for cues that name them (`@name`). */
  lexicon: Lexicon = NO_LEXICON,
) {
  const lib = patterns.map((p) => ({ p, cues: (p.cues ?? []).map((c) => lazyCue(c, lexicon)).filter((c) => c !== undefined) }));
  const known = new Set(patterns.map((p) => p.id));
  const past: PreparedPast[] = history
    .map((h) => ({ words: contentWords(h.thought), distortions: h.distortions.filter((d) => known.has(d)) }))
    .filter((h) => h.words.size > 0 && h.distortions.length > 0);

  /** For each pattern chosen for similar past thoughts: how much it weighs, and the words in common. */
  function fromHistory(mine: Set<string>): Map<string, { weight: number; shared: Set<string> }> {
    const weights = new Map<string, { weight: number; shared: Set<string> }>();
    if (!past.length || !mine.size) return weights;
    const similar = past
      .map((h) => ({ h, sim: jaccard(mine, h.words) }))
      .filter((x) => x.sim >= SIMILAR)
      .sort((a, b) => b.sim - a.sim)
      .slice(0, 5);
    for (const { h, sim } of similar) {
      for (const d of h.distortions) {
        const cur = weights.get(d) ?? { weight: 0, shared: new Set<string>() };
        cur.weight = 1 - (1 - cur.weight) * (1 - sim);
        for (const w of h.words) if (mine.has(w)) cur.shared.add(w);
        weights.set(d, cur);
      }
    }
    return weights;
  }

  function suggest(text: string, o: SuggestOptions = {}): PatternSuggestion[] {
    const limit = o.limit ?? 3;
    const minScore = o.minScore ?? MIN_SCORE;
    const words = normalise(text);
    if (!words.length) return [];
    const found: (PatternSuggestion & { first: number; order: number })[] = [];
    const hist = fromHistory(contentWords(words));
    const starts = new Map<AltsTok, boolean>();
    const all = lib.map(({ cues }) => {
      const hits: Hit[] = [];
      for (const lc of cues) {
        if (lc.first && !startsAnywhere(lc.first, words, starts)) continue;
        const c = (lc.cue ??= compileCue(lc.source, lexicon));
        if (!c.toks.length) continue;
        // A hint counts once, however often its words come up.
        const ms = matchCue(c, words);
        for (const m of c.hint ? ms.slice(0, 1) : ms) hits.push({ strength: c.strength, hint: c.hint, ...m });
      }
      return hits;
    });
    // Hints count only in a thought some full cue has already found a pattern in: a neutral sentence stays quiet.
    const hinted = all.some((hits) => hits.some((x) => !x.hint));
    lib.forEach(({ p }, order) => {
      const hits = hinted ? all[order] : all[order].filter((x) => !x.hint);
      const mem = hist.get(p.id);
      const h = mem?.weight ?? 0;
      if (!hits.length && !h) return;
      // Distinct cue hits add up (noisy-or); a hit on words already counted adds little.
      hits.sort((a, b) => b.strength - a.strength || a.start - b.start);
      let miss = 1;
      const counted: Hit[] = [];
      for (const x of hits) {
        const overlaps = counted.some((y) => x.start < y.end && y.start < x.end);
        miss *= 1 - x.strength * (overlaps ? 0.25 : 1);
        counted.push(x);
      }
      let score = 1 - miss;
      // The words quoted are those of the full cues when there are any: a hint only explains a pattern on its own.
      const full = hits.filter((x) => !x.hint);
      let because = hits.length ? quote(text, words, full.length ? full : hits) : '';
      if (h > 0) {
        score = hits.length ? 1 - (1 - score) * (1 - HISTORY_WEIGHT * h) : HISTORY_WEIGHT * h + 0.1;
        if (!because) because = quote(text, words, sharedRanges(words, mem!.shared));
      }
      score = Math.min(0.99, Math.round(score * 100) / 100);
      if (score < minScore) return;
      found.push({
        id: p.id, name: p.name, score, because,
        ...(h > 0 ? { fromHistory: true } : {}),
        first: hits.length ? Math.min(...hits.map((x) => x.start)) : words.length, order,
      });
    });
    found.sort((a, b) => b.score - a.score || a.first - b.first || a.order - b.order);
    return found.slice(0, limit).map(({ first: _f, order: _o, ...s }) => s);
  }

  return { suggest };
}

/**
 * A cue compiled when first needed: only its first token is compiled up front, and the rest waits for a thought
 * with a word that token can match (most cues never get there). Keeps the start of a command quick.
 */
interface LazyCue {
  source: string;
  /** Undefined when the first token is `_` or stands for nothing: then the cue is always tried. */
  first?: AltsTok;
  cue?: CompiledCue;
}

function lazyCue(source: string, lexicon: Lexicon): LazyCue | undefined {
  const raws = source.trim().replace(/^~/, '').split(/\s+/);
  let k = 0;
  while (raws[k] === '..') k++;
  const raw = raws[k];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '_') return { source };
  let tokens = tokensBy.get(lexicon);
  if (!tokens) tokensBy.set(lexicon, (tokens = new Map()));
  let tok = tokens.get(raw);
  if (tok === undefined) tokens.set(raw, (tok = compileToken(raw, lexicon)));
  if (tok === null) return undefined; // names a set the lexicon lacks: never matches
  return tok ? { source, first: tok } : { source };
}

/** Whether some word of the thought could begin a match of this token (memoised per thought). */
function startsAnywhere(t: AltsTok, words: Word[], memo: Map<AltsTok, boolean>): boolean {
  let yes = memo.get(t);
  if (yes !== undefined) return yes;
  yes = false;
  for (let i = 0; i < words.length && !yes; i++) yes = canStart(t, words[i]);
  memo.set(t, yes);
  return yes;
}

/** Where the shared content words are in this thought. */
function sharedRanges(words: Word[], shared: Set<string>): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  words.forEach((w, i) => {
    if (!STOPWORDS.has(w.w) && !NEGATORS.has(w.w) && shared.has(stem(w.w))) out.push({ start: i, end: i + 1 });
  });
  return out;
}

export type Suggester = ReturnType<typeof createSuggester>;
