// Small text helpers shared by the renderers.
import { differenceInCalendarDays, formatDistanceStrict, format } from 'date-fns';

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
  const flat = s.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
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

/** Control characters a terminal would act on (escape sequences, bells), except line breaks and tabs. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Wrap text to a width, keeping the person's own line breaks. Control characters are dropped, so text
 *  from a record (or an imported file) can never drive the terminal. */
export function wrap(s: string, max: number, indent = ''): string {
  const out: string[] = [];
  for (const para of s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROLS, '').split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      if (line && width(line) + 1 + width(word) > max) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

/** "just now", "3 hours ago", "yesterday 21:00", "Tuesday", or a date for older ones (calendar days, local time). */
export function relativeTime(iso: string, now: Date): string {
  const d = new Date(iso);
  const ms = now.getTime() - d.getTime();
  if (ms >= 0 && ms < 60_000) return 'just now';
  const days = differenceInCalendarDays(now, d);
  if (days === 0 && ms > 0) return formatDistanceStrict(d, now, { addSuffix: true, roundingMethod: 'floor' });
  if (days === 1) return `yesterday ${format(d, 'HH:mm')}`;
  if (days > 1 && days < 7) return `${days} days ago`;
  return format(d, d.getFullYear() === now.getFullYear() ? 'd MMM' : 'd MMM yyyy');
}

export function localDateTime(iso: string): string {
  return format(new Date(iso), 'EEE d MMM yyyy, HH:mm');
}
