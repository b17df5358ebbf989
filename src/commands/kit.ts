// What a command's wiring (src/commands/<name>/command.ts) is given: the program to add itself to, and the
// helpers every command's flags and help share. Made by src/cli.ts; this module has no code that runs at import
// beyond what wiring needs, and imports nothing of the program's, so no command imports up into cli.ts.
import type { Command } from 'commander';
import type { Context } from '../context';

export type Action = (ctx: Context, opts: any, ...args: string[]) => Promise<void> | void;

export interface Wiring {
  program: Command;
  /** Turns a run function into a commander action with a Context. */
  action(fn: Action): (...a: unknown[]) => Promise<void>;
  /** Repeatable flag: --tag a --tag b -> ['a', 'b']. */
  collect(value: string, previous?: string[]): string[];
  /** "Examples:" help block in the style of gh. scripts/build.mjs warms the start-up caches with these lines. */
  examples(...lines: string[]): string;
  /** The filters of `list`, shared by `export` (docs/CONTRACT.md). */
  filterFlags(cmd: Command, limitHelp?: string): Command;
}

/** A command's wiring: adds one command (or one group of subcommands) to the program. */
export type CommandWiring = (w: Wiring) => void;

/** The record flags that `new` and `edit` share. */
export function recordFlags(w: Wiring, cmd: Command): Command {
  return cmd
    .option('--situation <text>', 'what happened: where, when, who')
    .option('--thought <text>', 'the hot thought, the one that hurts most')
    .option('--belief <n>', 'how much you believe the thought, 0-100')
    .option('--emotion <name:before[:after]>', 'a feeling and its strength 0-100, e.g. anxious:80 or anxious:80:40 (repeatable)', w.collect)
    .option('--other-thought <text>', 'another thought that came up (repeatable)', w.collect)
    .option('--distortion <id>', 'a thinking pattern from `reframe distortions list` (repeatable)', w.collect)
    .option('--for <text>', 'evidence that supports the thought (repeatable)', w.collect)
    .option('--against <text>', "evidence that doesn't fit the thought (repeatable)", w.collect)
    .option('--reframe <text>', 'a balanced thought')
    .option('--reframe-belief <n>', 'how much you believe the balanced thought, 0-100')
    .option('--belief-after <n>', 'belief in the hot thought after working through it, 0-100')
    .option('--plan <text>', 'a small next step')
    .option('--tag <tag>', 'a tag to find it later (repeatable)', w.collect)
    .option('--at <datetime>', 'when it happened: "2026-11-22 19:05", "yesterday 21:00", "19:05" (default: now)')
    .option('--input <file>', 'read the record as JSON from a file (- for stdin)')
    .option('--json', 'print the saved record as JSON');
}
