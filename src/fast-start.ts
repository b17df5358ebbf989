// The everyday commands (new, list, show, stats, daily) read straight from the command line, without commander:
// loading commander, building the program and parsing with it cost ~5 ms of every start (before the guided
// record's first question too), and the help texts it is built with load the message catalogue (~2.5 ms) that a
// command which goes well may never read.
//
// Only plain command lines are read here: the command, its own options and the global ones, each option once (but
// for those that collect: `--tag a --tag b`), a value as the next word or after `=`. Anything else (help, the version, a short option, `--`, an option given
// twice or unknown, a value that starts with a dash, a word too many or too few) goes to commander in src/cli.ts,
// which says what is wrong in its own words. What is read here is what commander would give the command, option
// for option: test/unit/fast-start.test.ts compares the two on thousands of command lines, and checks that the
// options below are each command's options in its wiring.
import type { Action } from './commands/kit';
import { newAction } from './commands/new/command';
import { listAction } from './commands/list/command';
import { showAction } from './commands/show/command';
import { statsAction } from './commands/stats/command';
import { dailyAction } from './commands/daily/command';
import { runAction } from './commands/action';
import { makeContext, processIO, type GlobalOptions } from './runtime';
import { GLOBAL_NEGATED, GLOBAL_VALUED } from './global-options';

/** A command's options as its wiring defines them: those that take a value, those that take one each time they
 * are given and collect them, those that take none; its arguments. */
interface Shape {
  valued: string[];
  collect?: string[];
  flags: string[];
  args: number;
  action: Action;
}

const FILTERS = ['since', 'until', 'distortion', 'emotion', 'tag', 'search', 'limit'];

export const FAST: Readonly<Record<string, Shape>> = {
  new: {
    valued: ['situation', 'thought', 'belief', 'reframe', 'reframe-belief', 'belief-after', 'plan', 'at', 'input', 'from-note', 'core-belief'],
    collect: ['emotion', 'other-thought', 'distortion', 'for', 'against', 'tag'],
    flags: ['json', 'resume'],
    args: 0,
    action: newAction,
  },
  list: { valued: FILTERS, flags: ['json'], args: 0, action: listAction },
  show: { valued: [], flags: ['json'], args: 1, action: showAction },
  stats: { valued: ['since', 'until', 'by'], flags: ['json'], args: 0, action: statsAction },
  daily: { valued: [], flags: ['json', 'notify'], args: 0, action: dailyAction },
};


export interface FastCall {
  command: string;
  opts: Record<string, unknown>;
  args: string[];
  /** The global options with the command's own, as commander's optsWithGlobals() gives them. */
  globals: GlobalOptions & { pager: boolean } & Record<string, unknown>;
}

/** The command, options and arguments of a plain command line for one of FAST's commands; undefined otherwise. */
export function fastParse(argv: string[]): FastCall | undefined {
  const words = argv.slice(2);
  let command: string | undefined;
  let shape: Shape | undefined;
  const opts: Record<string, unknown> = {};
  const program: Record<string, unknown> = { color: true, pager: true };
  const args: string[] = [];
  const given = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-')) {
      if (!shape) {
        if (!Object.hasOwn(FAST, word)) return undefined;
        command = word;
        shape = FAST[word];
      } else if (args.push(word) > shape.args) return undefined;
      continue;
    }
    if (!word.startsWith('--') || word === '--') return undefined;
    const eq = word.indexOf('=');
    const name = word.slice(2, eq === -1 ? undefined : eq);
    const collects = shape?.collect?.includes(name) === true;
    if (given.has(name) && !collects) return undefined;
    given.add(name);
    const valued = Object.hasOwn(GLOBAL_VALUED, name) || (shape !== undefined && shape.valued.includes(name)) || collects;
    if (valued) {
      let value: string;
      if (eq !== -1) value = word.slice(eq + 1);
      else if (i + 1 < words.length && !words[i + 1].startsWith('-')) value = words[++i];
      else return undefined;
      if (Object.hasOwn(GLOBAL_VALUED, name)) program[GLOBAL_VALUED[name]] = value;
      else if (collects) ((opts[camel(name)] ??= []) as string[]).push(value);
      else opts[camel(name)] = value;
    } else if (eq !== -1) {
      return undefined;
    } else if (Object.hasOwn(GLOBAL_NEGATED, name)) {
      program[GLOBAL_NEGATED[name]] = false;
    } else if (shape !== undefined && shape.flags.includes(name)) {
      opts[camel(name)] = true;
    } else {
      return undefined;
    }
  }
  if (!command || !shape || args.length !== shape.args) return undefined;
  return { command, opts, args, globals: { ...program, ...opts } as FastCall['globals'] };
}

/** An option's key as commander names it: --belief-after -> beliefAfter. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Runs the command line if fastParse reads it (true), as src/cli.ts would run it; false: commander's turn. */
export async function runFast(argv: string[], workerEntry?: string): Promise<boolean> {
  const call = fastParse(argv);
  if (!call) return false;
  const ctx = makeContext(call.globals, { io: processIO(), env: process.env, workerEntry });
  await runAction(ctx, call.command, FAST[call.command].action, call.opts, call.args, call.globals.pager);
  return true;
}
