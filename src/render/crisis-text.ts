// A line of the person's own words on a terminal: control characters (an escape sequence pasted in) shown as "?".
export function sanitizeLine(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?').replace(/\n/g, ' ');
}
