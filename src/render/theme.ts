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
  /** Decoration (box drawing, bars, arrows) only on a TTY. */
  fancy: boolean;
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

export function makeTheme(opts: ThemeOptions): Theme {
  const level = colorLevel(opts);
  const c = new Chalk({ level });
  return {
    level,
    fancy: opts.isTTY && opts.env.TERM !== 'dumb',
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
