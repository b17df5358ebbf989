// The real world, wired into a Context. Tests build their own Context instead.
import type { Context, Env, IO } from './context';
import { resolvePaths } from './paths';
import { makeTheme } from './render/theme';
import { Journal } from './journal/journal';
import { openDatabase } from './journal/open';
import { removeStaleImports } from './journal/fresh';
import { msg } from './messages';
import { loadLibrary, type Library } from './library/library';
import type { Prompter } from './flows/prompter';
import { existsSync } from 'node:fs';

export interface GlobalOptions {
  db?: string;
  color?: boolean;
}

export function processIO(): IO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Made on first use: most commands never read it, and Node builds a stream for it when asked.
    get stdin() {
      return process.stdin;
    },
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY),
  };
}

export interface ContextParts {
  io: IO;
  env: Env;
  now?: () => Date;
  /** Override for the prompter (tests). */
  prompter?: Prompter;
  /** The script worker threads start (Context.workerEntry). */
  workerEntry?: string;
}

const opened: Journal[] = [];

/** Close every journal this process opened (main.ts calls it on the way out). */
export function closeAll(): void {
  for (const j of opened.splice(0)) j.close();
}

export function makeContext(g: GlobalOptions, parts: ContextParts): Context {
  const { io, env } = parts;
  const paths = resolvePaths(env, g.db);
  const theme = makeTheme({ env, isTTY: Boolean(io.stdout.isTTY), color: g.color });
  const errTheme = makeTheme({ env, isTTY: Boolean(io.stderr.isTTY), color: g.color });
  let journal: Journal | undefined;
  let library: Library | undefined;
  let prompter: Prompter | undefined = parts.prompter;
  const busy = Number(env.REFRAME_BUSY_TIMEOUT_MS);
  const ctx: Context = {
    io,
    env,
    clock: { now: parts.now ?? (() => new Date()) },
    paths,
    theme,
    errTheme,
    workerEntry: parts.workerEntry,
    journal() {
      if (!journal) {
        const db = openDatabase(paths.db, {
          busyTimeoutMs: Number.isFinite(busy) && busy >= 0 ? busy : 5000,
          onUpgrade: (from, to, backup) => ctx.say(errTheme.muted(msg.errors.upgraded(from, to, backup))),
          onLoosePermissions: (p, mode) => ctx.say(errTheme.warn(msg.errors.loosePermissions(p, mode.toString(8)))),
        });
        journal = new Journal(db, paths.db);
        opened.push(journal);
        // A private file an import left when it was stopped holds records: it goes at the next use.
        removeStaleImports(paths.db);
      }
      return journal;
    },
    journalIfExists() {
      if (journal) return journal;
      if (paths.db !== ':memory:' && !existsSync(paths.db)) return undefined;
      return ctx.journal();
    },
    library() {
      // The built-in files are the program's own (checked by its tests); the person's patterns are checked.
      if (!library) library = loadLibrary({ configDir: paths.configDir, checkBuiltIn: false });
      return library;
    },
    async prompter() {
      if (!prompter) {
        const { inquirerPrompter } = await import('./flows/inquirer');
        prompter = inquirerPrompter(io.stderr, io.stdout as unknown as NodeJS.WritableStream, io.stdin);
      }
      return prompter;
    },
    say(line: string) {
      io.stderr.write(line + '\n');
    },
    out(text: string) {
      io.stdout.write(text.endsWith('\n') ? text : text + '\n');
    },
  };
  return ctx;
}
