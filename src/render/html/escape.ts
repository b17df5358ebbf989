// Every text that reaches the report's HTML or SVG goes through `t` (html-escaper: & < > ' "), so a record's
// words are shown as typed and can never become markup, a script or an attribute.
import { escape } from 'html-escaper';

/** Escape a text for HTML or SVG content and attribute values. */
export const t = (s: string | number): string => escape(String(s));

/** A text from a record: escaped, its line breaks kept, its direction found by the browser (dir="auto" on the element). */
export const para = (s: string): string => t(s.replace(/\r\n|\r/g, '\n')).replace(/\n/g, '<br>');
