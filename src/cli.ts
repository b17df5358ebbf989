// Commander wiring: the program, its global options, and each command's wiring (src/commands/<name>/command.ts,
// listed in src/commands/index.ts). Nothing here does work; each command's run function is loaded only when
// that command runs.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './errors';
import { msg } from './messages';
import { closest } from './input/closest';
import type { Context } from './context';
import { makeContext, processIO, type GlobalOptions } from './runtime';
import { VERSION } from './version';
import { COMMANDS, WIRING_OF } from './commands/index';
import type { Wiring } from './commands/kit';
import { runAction } from './commands/action';
import { globalWords } from './global-options';

export type { Action, Wiring } from './commands/kit';

/** For tests: see what a command would be run with, without running it (gh's runF). */
export type Intercept = (call: { command: string; opts: Record<string, unknown>; args: string[]; globals: GlobalOptions }) => void;

function commandWords(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * The program with its commands. With `only` (the command the command line names), only the wiring that adds
 * that command runs: `reframe stats` needn't build every other command's options first. Without it, or for a
 * name no wiring adds (help, a typo), every command is wired, so help and suggestions are complete.
 */
export function buildProgram(makeCtx: (g: GlobalOptions) => Context, intercept?: Intercept, only?: string): Command {
  const program = new Command('reframe')
    .description('Work through a painful thought, one thought record at a time.\nYour journal stays on this computer.')
    .version(VERSION, '-V, --version', 'show the version')
    .option('--db <path>', 'use this journal file (default: $REFRAME_DB, then $XDG_DATA_HOME/reframe/journal.db)')
    .option('--passphrase-file <path>', msg.cipher.passphraseFileHelp)
    .addOption(new Option('--no-color', 'no colour in the output (also NO_COLOR=1)'))
    .addOption(new Option('--no-pager', 'print long output straight to the terminal (also REFRAME_PAGER=cat)'))
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => {} });
  program.addHelpCommand(false);
  program.addHelpText('after', msg.shell.rootHelpTail);
  program.helpCommand?.('help [command]', 'show help for a command');

  const w: Wiring = {
    program,
    action: (fn) => async (...a: unknown[]) => {
      const cmd = a[a.length - 1] as Command;
      const opts = a[a.length - 2] as Record<string, unknown>;
      const args = a.slice(0, -2) as string[];
      if (intercept) {
        intercept({ command: commandWords(cmd), opts, args, globals: cmd.optsWithGlobals() as GlobalOptions });
        return;
      }
      const globals = cmd.optsWithGlobals() as GlobalOptions & { pager?: boolean };
      await runAction(makeCtx(globals), commandWords(cmd), fn, opts, args, globals.pager);
    },
    collect: (value, previous = []) => [...previous, value],
    examples: (...lines) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`,
    filterFlags: (cmd, limitHelp = 'at most this many') => cmd
      .option('--since <when>', 'from this date, datetime, or 7d / 4w / 6m ago')
      .option('--until <when>', 'up to this date or datetime')
      .option('--distortion <id>', 'only records with this thinking pattern')
      .option('--emotion <name>', 'only records with this feeling')
      .option('--tag <tag>', 'only records with this tag')
      .option('--search <text>', 'words anywhere in the record (full text)')
      .option('--limit <n>', limitHelp),
  };
  const one = only !== undefined && Object.hasOwn(WIRING_OF, only) ? WIRING_OF[only] : undefined;
  for (const wire of one ? [one] : COMMANDS) wire(w);

  // Every subcommand reports errors our way too.
  const override = (c: Command) => {
    c.exitOverride().configureOutput({ outputError: () => {} });
    c.commands.forEach(override);
  };
  program.commands.forEach(override);
  return program;
}

/** The commands a command line walks down to (`cron install --at 9:00` -> [cron, install]), global options skipped. */
export function commandPath(program: Command, argv: string[]): Command[] {
  const path: Command[] = [];
  let at = program;
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const g = globalWords(args, i);
    if (g) { i += g - 1; continue; }
    if (a.startsWith('-')) continue;
    const sub = at.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    path.push(sub);
    at = sub;
  }
  return path;
}

const named = (path: Command[]) => ['reframe', ...path.map((c) => c.name())].join(' ');

function usageFromCommander(err: CommanderError, argv: string[], program: Command): UsageError {
  const text = err.message.replace(/^error:\s*/i, '').replace(/\n[\s\S]*$/, '');
  // Only real command names go into the hint: another word could be a flag's value (someone's words).
  const path = commandPath(program, argv);
  const hints: string[] = [];
  // commander's suggestion (showSuggestionAfterError) is one of our own names: a command or a flag.
  const guess = /\(Did you mean (.+?)\?\)/.exec(err.message)?.[1];
  if (guess) hints.push(msg.shell.didYouMean(err.code === 'commander.unknownCommand' ? `\`${named([...path, { name: () => guess } as Command])}\`` : guess));
  hints.push(msg.shell.seeHelp(named(path)));
  return new UsageError(text.charAt(0).toUpperCase() + text.slice(1) + (/[.?!]$/.test(text) ? '' : '.'), hints.join('\n'));
}

/** `reframe help [topic | command [subcommand]]`, as git and gh answer it; true when it answered. */
function helpTopic(program: Command, argv: string[], out: (s: string) => void): boolean {
  const args = argv.slice(2);
  if (args[0] !== 'help') return false;
  const words = args.slice(1);
  if (words.length === 0) {
    program.outputHelp();
    return true;
  }
  if (words.length === 1 && ['environment', 'env', 'exit-codes'].includes(words[0])) {
    out(msg.shell.environment);
    return true;
  }
  let at = program;
  for (const w of words) {
    const sub = at.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!sub) {
      const names = at.commands.map((c) => c.name()).concat(at === program ? ['environment'] : []);
      const near = closest(w, names);
      const hint = [near ? msg.shell.didYouMean(`\`reframe help ${[...words.slice(0, words.indexOf(w)), near].join(' ')}\``) : '', msg.shell.seeHelp(at === program ? 'reframe' : `reframe ${words.slice(0, words.indexOf(w)).join(' ')}`)];
      throw new UsageError(msg.shell.unknownHelpTopic(w), hint.filter(Boolean).join('\n'));
    }
    at = sub;
  }
  at.outputHelp();
  return true;
}

/** A group named on its own (`reframe cron`) shows its help on stdout, as gh does, unless the group does
 * something itself (`reframe safety-plan` shows the plan). */
function bareGroup(program: Command, argv: string[]): Command | undefined {
  const path = commandPath(program, argv);
  const last = path[path.length - 1];
  if (!last || last.commands.length === 0) return undefined;
  if ((last as unknown as { _actionHandler?: unknown })._actionHandler) return undefined;
  const args = argv.slice(2);
  let words = 0;
  for (let i = 0; i < args.length; i++) {
    const g = globalWords(args, i);
    if (g) i += g - 1;
    else words++;
  }
  return words === path.length ? last : undefined;
}

/** The command a command line names when only global options come before it (`--db FILE list` -> list). */
export function commandName(argv: string[]): string | undefined {
  const args = argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const g = globalWords(args, i);
    if (g) i += g - 1;
    else return args[i].startsWith('-') ? undefined : args[i];
  }
  return undefined;
}

/** Runs the command line; `workerEntry`: the script this process was started with (Context.workerEntry). */
export async function runCli(argv: string[], workerEntry?: string): Promise<void> {
  const io = processIO();
  // Completion walks every command, so it gets them all, wherever it sits in COMMANDS.
  const named = commandName(argv);
  const program = buildProgram((g) => makeContext(g, { io, env: process.env, workerEntry }), undefined, named === '__complete' ? undefined : named);
  if (argv.length <= 2) {
    program.outputHelp();
    return;
  }
  if (helpTopic(program, argv, (t) => io.stdout.write(t))) return;
  const group = bareGroup(program, argv);
  if (group) {
    group.outputHelp();
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return;
      throw usageFromCommander(err, argv, program);
    }
    throw err;
  }
}
