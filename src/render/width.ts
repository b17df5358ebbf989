// Text measuring and cutting, without dates: the helpers the piped list needs (render/text.ts re-exports them
// beside the date formatting, which loads date-fns).

/**
 * Control characters a terminal would act on (escape sequences, bells), except line breaks and tabs; and
 * the invisible ones that change what a reader sees: bidi embeddings, overrides and isolates
 * (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) and zero-width spaces (U+200B, U+2060-2064, U+FEFF, U+180E).
 * The zero-width joiners (U+200C/200D) stay: emoji and several scripts need them.
 */
export const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text from a record (or an imported file) with the control characters dropped, so it can never drive the terminal. */
export function dropControls(s: string): string {
  return s.replace(CONTROLS, '');
}

/** Terminal width of a string, ignoring colour codes (wide characters count 2). */
export function width(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 32 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** One line, cut to a width with an ellipsis. Newlines and tabs become spaces. */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  const flat = s.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(CONTROLS, '');
  if (width(flat) <= max) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = width(ch);
    if (w + cw > max - width(ellipsis)) break;
    out += ch;
    w += cw;
  }
  return out + ellipsis;
}

export function pad(s: string, n: number): string {
  const w = width(s);
  return w >= n ? s : s + ' '.repeat(n - w);
}
