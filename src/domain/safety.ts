// Words that suggest someone may be in danger. Used only to show where help is, gently;
// never to block a save, never logged.
//
// It leans towards showing the note: a kind note shown once too often costs little, one missed costs a lot.
// So "I'm not suicidal" or a thought about a documentary on suicide still shows it. What it leaves out are
// everyday idioms that are clearly not about dying: "this hurt my self-esteem", "I keep cutting myself off
// from people", "burning myself out", "end things with him", "my phone died", "dead tired", and dying "of
// embarrassment / boredom / laughter / cringe" (hyperbole about a small thing). "Die of shame" and
// "die of guilt" still show it: shame is too close to the real thing to wave away.

const PATTERNS: RegExp[] = [
  /\bkill(ing|ed)?\s+my\s*self(?!-)\b/,
  /\bkms\b/,
  /\bunalive\b/,
  /\bsuicid(e|al)\b/,
  /\bend(ing)?\s+(it\s+all|my\s+life|my\s+own\s+life|things(?!\s+with\b))\b/,
  /\btake\s+my\s+(own\s+)?life\b/,
  /\b(want|wanted|wanting|wish|wishing)\s+(to\s+)?(be\s+)?(die|dead)\b/,
  /\bwish\s+(i|i'd|i\s+had|i\s+was|i\s+were)\s+(was\s+|were\s+|had\s+)?(dead|died|never\s+been\s+born|never\s+born)\b/,
  /\bbetter\s+off\s+(dead|without\s+me)\b/,
  /\b(don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(be\s+)?(alive|live|exist|be\s+here|wake\s+up)\b/,
  /\bnever\s+wake\s+up\b/,
  /\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b/,
  /\bnothing\s+(left\s+)?to\s+live\s+for\b/,
  /\b(can'?t|cannot)\s+go\s+on\s+(living|any\s*more|like\s+this)\b/,
  /\b(hurt|harm|harming|hurting)\s+my\s*self(?!-)\b/,
  /\b(cut|cutting|burn|burned|burnt|burning)\s+my\s*self(?!-)(?!\s+(off|out|short|some\s+slack|a\s+break)\b)\b/,
  /\bhang(ing)?\s+my\s*self\b/,
  /\bjump(ing)?\s+(off|from|in\s+front\s+of)\s+(a|the)\s+(bridge|roof|building|cliff|train|balcony)\b/,
  /\b(take|took|taking|swallow|swallowed|swallowing)\s+all\s+(of\s+)?(my|the|those|these)\s+(pills|tablets|meds|medication)\b/,
  /\bself[-\s]?harm(ing)?\b/,
  /\boverdos(e|ed|ing)\b/,
  /\bnot\s+be\s+here\s+any\s*more\b/,
  /\bdisappear\s+for(ever|\s+good)\b/,
];

/** Hyperbole about a small thing, taken out before the patterns are tried. */
const IDIOMS = /\b(die|dying|died|dead)\s+(of|from)\s+(embarrassment|boredom|laughter|laughing|cringe|curiosity)\b/g;

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(IDIOMS, ' ');
}

/** True when any of the texts suggests thoughts of suicide or self-harm. */
export function mayBeInDanger(texts: string[]): boolean {
  return texts.some((t) => {
    const s = normalise(t);
    return PATTERNS.some((re) => re.test(s));
  });
}
