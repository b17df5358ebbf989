// The real world, wired into a Context. Tests build their own Context instead.
import type { Context, Env, IO } from './context';
import { resolvePaths } from './paths';
import { makeTheme } from './render/theme';
import { Journal } from './journal/journal';
import { migrate, openDatabase } from './journal/open';
import { openUpgradedInMemory, UpgradeNeedsRoom } from './journal/upgrade-space';
import { removeStaleImports } from './journal/fresh';
import { clearNotes, sweepLeftovers, useNotes } from './io/leftovers';
import { busyTimeoutFromEnv, DEFAULT_BUSY_TIMEOUT_MS } from './journal/patience';
import { msg } from './messages';
import { Cancelled, JournalError, UsageError } from './errors';
import { loadLibrary, type Library } from './library/library';
import type { Prompter } from './flows/prompter';
import { stdOutput } from './io/std-output';
import { existsSync } from 'node:fs';
import { canPrompt, isEncryptedFile, keyForOpen, WrongPassphrase, type Key } from './journal/cipher';

export interface GlobalOptions {
  db?: string;
  /** --passphrase-file: where an encrypted journal's passphrase is (cipher.ts). */
  passphraseFile?: string;
  color?: boolean;
}

export function processIO(): IO {
  // Pipes and files are written without Node's streams (src/io/std-output.ts); a terminal gets its stream.
  const stdout = stdOutput(1);
  return {
    stdout,
    stderr: stdOutput(2),
    // Made on first use: most commands never read it, and Node builds a stream for it when asked.
    get stdin() {
      return process.stdin;
    },
    interactive: Boolean(stdout.isTTY && process.stdin.isTTY),
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
  clearNotes();
}

export function makeContext(g: GlobalOptions, parts: ContextParts): Context {
  const { io, env } = parts;
  const paths = resolvePaths(env, g.db);
  useNotes(paths.stateDir);
  const theme = makeTheme({ env, isTTY: Boolean(io.stdout.isTTY), color: g.color });
  const errTheme = makeTheme({ env, isTTY: Boolean(io.stderr.isTTY), color: g.color });
  let journal: Journal | undefined;
  let keyFailure: Error | undefined;
  let library: Library | undefined;
  let prompter: Prompter | undefined = parts.prompter;
  /** Opens the journal's file as it is now: its key when encrypted (a file, the keyring, the prompt), an
   * upgraded copy in memory when an upgrade has no room. Used at the first use and again when the file was
   * replaced under this process (encrypt, decrypt, passphrase in another window: Journal.reopen). */
  const openNow = (): { db: ReturnType<typeof openDatabase>; key: Key | undefined; readOnly: UpgradeNeedsRoom | undefined } => {
    let db;
    let readOnly: UpgradeNeedsRoom | undefined;
    // An encrypted journal: its key, from a file or the prompt (three tries there), derived once here.
    let key: Key | undefined;
    const encrypted = isEncryptedFile(paths.db);
    const open = () => openDatabase(paths.db, {
      busyTimeoutMs: busyTimeoutFromEnv(env) ?? DEFAULT_BUSY_TIMEOUT_MS,
      onUpgrade: (from, to, backup) => ctx.say(errTheme.muted(msg.errors.upgraded(from, to, backup))),
      onLoosePermissions: (p, mode) => ctx.say(errTheme.warn(msg.errors.loosePermissions(p, mode.toString(8)))),
      key: key?.passphrase,
    });
    try {
      if (keyFailure) throw keyFailure;
      if (!encrypted) db = open();
      else {
        try {
          let keyring = true;
          for (let attempt = 0; ; attempt++) {
            key = keyForOpen({ passphraseFile: g.passphraseFile, env, attempt, path: paths.db, stateDir: paths.stateDir, helper: parts.workerEntry, keyring, say: (l) => ctx.say(errTheme.muted(l)) });
            try {
              db = open();
              break;
            } catch (err) {
              // The keyring's entry is stale (the passphrase was changed elsewhere): one line, then the prompt,
              // or exit 2 without a terminal. Nothing is written either way, and the entry is left as it is.
              if (err instanceof WrongPassphrase && key.source === 'keyring') {
                if (!canPrompt()) throw new UsageError(msg.cipher.keyringWrongNoTerminal(paths.db));
                ctx.say(errTheme.warn(msg.cipher.keyringWrong));
                keyring = false;
                attempt = -1;
                continue;
              }
              if (!(err instanceof WrongPassphrase) || key.source !== 'prompt' || attempt >= 2) throw err;
            }
          }
        } catch (err) {
          // Asked (or refused) once per command: the automatic sync's open and the command's own get the same
          // answer, and the person is never asked twice.
          if (err instanceof UsageError || err instanceof Cancelled) keyFailure = err;
          throw err;
        }
      }
    } catch (err) {
      // No room to upgrade an old journal: read it through an upgraded copy in memory (upgrade-space.ts).
      if (!(err instanceof UpgradeNeedsRoom)) throw err;
      db = openUpgradedInMemory(paths.db, (mem, version) => migrate(mem, ':memory:', false, {}, version), key?.passphrase);
      readOnly = err;
      ctx.say(errTheme.warn(err.message));
      ctx.say(errTheme.muted(err.hint!));
    }
    return { db: db!, key, readOnly };
  };
  const ctx: Context = {
    io,
    env,
    clock: { now: parts.now ?? (() => new Date()) },
    paths,
    passphraseFile: g.passphraseFile,
    theme,
    errTheme,
    workerEntry: parts.workerEntry,
    journal() {
      if (!journal) {
        const { db, key, readOnly } = openNow();
        journal = new Journal(db, paths.db);
        if (key) {
          journal.encrypted = true;
          journal.keySource = key.source;
          journal.passphrase = key.passphrase;
        }
        if (readOnly) journal.readOnlyBecause = new JournalError(msg.faults.upgradeNoRoomWrite(paths.db, msg.faults.mb(readOnly.need), msg.faults.mb(readOnly.free)), readOnly.hint);
        // The file replaced under this process (encrypt, decrypt or passphrase in another window): the next write
        // opens the new file, with its key, and saves there (Journal.write).
        const mine = journal;
        mine.reopen = () => {
          keyFailure = undefined;
          const again = openNow();
          mine.encrypted = again.key !== undefined;
          mine.keySource = again.key?.source;
          mine.passphrase = again.key?.passphrase;
          if (again.readOnly) {
            again.db.close();
            throw new JournalError(msg.faults.upgradeNoRoomWrite(paths.db, msg.faults.mb(again.readOnly.need), msg.faults.mb(again.readOnly.free)), again.readOnly.hint);
          }
          return again.db;
        };
        opened.push(journal);
        // A private file an import left when it was stopped holds records: it goes at the next use,
        // with what killed exports, backups and upgrades left (leftovers.ts).
        removeStaleImports(paths.db);
        sweepLeftovers(paths.db);
      }
      return journal;
    },
    journalIfOpen() {
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
        prompter = inquirerPrompter(io.stderr, io.stdout as unknown as NodeJS.WritableStream, io.stdin, env);
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
