// The tag rule, in one place: how a tag is written (one word of up to 40 characters, no spaces or commas,
// lower case, a leading # dropped) and how tags are read from flags and from what someone typed.

export const MAX_TAG = 40;

/** " #Work " -> "work". */
export function normaliseTag(s: string): string {
  return s.trim().replace(/^#+/, '').toLowerCase();
}

/** A normalised tag that may be saved. */
export function isTag(s: string): boolean {
  return /^[^\s,\p{Cc}]{1,40}$/u.test(s);
}

/** Tags normalised, empties dropped, each once (in first-seen order). */
export function uniqueTags(words: string[]): string[] {
  return [...new Set(words.map(normaliseTag).filter(Boolean))];
}

/** Tags typed in answer to a prompt: separated by spaces or commas; overlong ones left out. */
export function tagsFromText(text: string): string[] {
  return uniqueTags(text.split(/[\s,]+/)).filter((t) => t.length <= MAX_TAG);
}
