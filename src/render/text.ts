// Small text helpers shared by the renderers.
import { differenceInCalendarDays, formatDistanceStrict, format } from 'date-fns';

import { CONTROLS, width } from './width';

export { pad, truncate, width } from './width';

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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "Mon 23 Nov 2026, 19:05" in local time: date-fns's format(d, 'EEE d MMM yyyy, HH:mm'), written out
 *  because an export calls it twice per record and date-fns's format was a tenth of a 100k-record export. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const y = d.getFullYear();
  const year = y >= 0 && y < 1000 ? String(y).padStart(4, '0') : String(y);
  return `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${year}, ${two(d.getHours())}:${two(d.getMinutes())}`;
}
