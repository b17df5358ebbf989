// Colour in one place. Commands use this small semantic palette, never raw colours.
import { Chalk, type ChalkInstance } from 'chalk';

type Env = Record<string, string | undefined>;

export interface ThemeOptions {
  env: Env;
  isTTY: boolean;
  /** commander's --no-color: false when given. */
  color?: boolean;
}

/** Colour level from --no-color, NO_COLOR, FORCE_COLOR, TERM=dumb and whether stdout is a TTY. */
export function colorLevel({ env, isTTY, color }: ThemeOptions): 0 | 1 | 2 | 3 {
  if (color === false) return 0;
  // https://no-color.org: any non-empty value turns colour off.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM && /256/.test(env.TERM)) return 2;
  return 1;
}

export interface Theme {
  level: 0 | 1 | 2 | 3;
  /** Laid out for a person (tables, headings, relative dates): stdout is a terminal, whatever TERM says. */
  fancy: boolean;
  /** Unicode glyphs (blocks, arrows, bullets): a terminal that isn't TERM=dumb, in a UTF-8 locale. Colour is
   * separate: NO_COLOR takes the colour away, never the glyphs. */
  unicode: boolean;
  heading(s: string): string;
  label(s: string): string;
  muted(s: string): string;
  accent(s: string): string;
  good(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
  id(s: string): string;
  chalk: ChalkInstance;
}

/** The locale's character set, from the first of LC_ALL, LC_CTYPE and LANG that is set: UTF-8 unless it names
 * another (C, POSIX, ISO-8859-1...). With none set, UTF-8 is assumed, as nearly every terminal is. */
export function utf8Locale(env: Env): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return true;
  return /utf-?8/i.test(locale);
}

export function makeTheme(opts: ThemeOptions): Theme {
  const level = colorLevel(opts);
  const c = new Chalk({ level });
  return {
    level,
    fancy: opts.isTTY,
    unicode: opts.isTTY && opts.env.TERM !== 'dumb' && utf8Locale(opts.env),
    heading: (s) => c.bold(s),
    label: (s) => c.bold(s),
    muted: (s) => c.dim(s),
    accent: (s) => c.cyan(s),
    good: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    bad: (s) => c.red(s),
    id: (s) => c.magenta(s),
    chalk: c,
  };
}
