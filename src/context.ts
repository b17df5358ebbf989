// Context: everything a command needs from the world, injected so tests can replace it.
import type { Paths } from './paths';
import type { Theme } from './render/theme';
import type { Journal } from './journal/journal';
import type { Library } from './library/library';
import type { Prompter } from './flows/prompter';

export interface Output {
  write(chunk: string): boolean;
  once?(event: 'drain', fn: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface IO {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** stdin and stdout are both terminals: only then may a command ask questions. */
  interactive: boolean;
}

export interface Clock {
  now(): Date;
}

export type Env = Record<string, string | undefined>;

export interface Context {
  io: IO;
  env: Env;
  clock: Clock;
  paths: Paths;
  /** --passphrase-file, when given (src/journal/cipher.ts). */
  passphraseFile?: string;
  /** For stdout. */
  theme: Theme;
  /** For stderr (it may be a terminal while stdout is piped). */
  errTheme: Theme;
  /** Opens (creating if needed) and migrates the journal on first use. */
  journal(): Journal;
  /** The journal if the file exists already, without creating it. */
  journalIfExists(): Journal | undefined;
  /** The journal if this run has opened it already (never opens it): for the automatic sync after a command. */
  journalIfOpen?(): Journal | undefined;
  library(): Library;
  prompter(): Promise<Prompter>;
  /**
   * The script a worker thread can start to run reframe's own code (src/import/worker.ts): set only when this
   * process is reframe itself (src/main.ts). Without it, work that could go to a thread is done on this one.
   */
  workerEntry?: string;
  /** Say something on stderr (chatter: "Saved", warnings). */
  say(line: string): void;
  /** Print data on stdout. */
  out(text: string): void;
}
