// The global options a command line may carry before (or among) its command words, known in one place: cli.ts
// skips them to find the command, fast-start.ts reads them, and key-ahead.ts reads two of them before the program
// has loaded. No imports,
// so key-ahead.ts can load this within a few milliseconds of the start.

/** Global options that take a value (`--db PATH` or `--db=PATH`), with the key commander gives each. */
export const GLOBAL_VALUED: Readonly<Record<string, string>> = { db: 'db', 'passphrase-file': 'passphraseFile' };
/** Global options that take none: each turns its key (true by default) to false. */
export const GLOBAL_NEGATED: Readonly<Record<string, string>> = { 'no-color': 'color', 'no-pager': 'pager' };
const VALUED = Object.keys(GLOBAL_VALUED).map((n) => `--${n}`);
const FLAGS = Object.keys(GLOBAL_NEGATED).map((n) => `--${n}`);

/** How many words the global option at args[i] takes: 2 (`--db PATH`), 1 (`--db=PATH`, `--no-pager`), 0 (not one). */
export function globalWords(args: string[], i: number): 0 | 1 | 2 {
  const a = args[i];
  if (VALUED.includes(a)) return i + 1 < args.length ? 2 : 1;
  if (FLAGS.includes(a) || VALUED.some((v) => a.startsWith(`${v}=`))) return 1;
  return 0;
}

/** The value of a valued global option anywhere in the command line before `--` (the last one wins). */
export function globalValue(args: string[], name: '--db' | '--passphrase-file'): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') break;
    if (a === name && i + 1 < args.length) value = args[++i];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  }
  return value;
}
