// Words that suggest someone may be in danger. Used only to show where help is, gently;
// never to block a save, never logged.

const PATTERNS: RegExp[] = [
  /\bkill(ing)?\s+my\s*self\b/,
  /\bkms\b/,
  /\bsuicid(e|al)\b/,
  /\bend(ing)?\s+(it\s+all|my\s+life|things|my\s+own\s+life)\b/,
  /\btake\s+my\s+(own\s+)?life\b/,
  /\b(want|wanted|wish|wishing)\s+(to\s+)?(be\s+)?(die|dead)\b/,
  /\bwant\s+to\s+die\b/,
  /\bbetter\s+off\s+(dead|without\s+me)\b/,
  /\b(don'?t|do\s+not|no\s+longer)\s+want\s+to\s+(be\s+)?(alive|live|exist|be\s+here|wake\s+up)\b/,
  /\bno\s+(reason|point)\s+(to|in)\s+(live|living|go(ing)?\s+on)\b/,
  /\b(hurt|harm|cut|cutting|burn|burning)\s+my\s*self\b/,
  /\bself[-\s]?harm(ing)?\b/,
  /\boverdos(e|ing)\b/,
  /\bnot\s+be\s+here\s+any\s*more\b/,
  /\bdisappear\s+for(ever|\s+good)\b/,
];

function normalise(s: string): string {
  return s.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

/** True when any of the texts suggests thoughts of suicide or self-harm. */
export function mayBeInDanger(texts: string[]): boolean {
  return texts.some((t) => {
    const s = normalise(t);
    return PATTERNS.some((re) => re.test(s));
  });
}
