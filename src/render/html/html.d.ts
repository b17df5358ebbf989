// The part of html-escaper (escape & < > ' " for HTML, no types of its own) that render/html uses.
declare module 'html-escaper' {
  export function escape(s: string): string;
  export function unescape(s: string): string;
}
