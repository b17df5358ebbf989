// The global options a command line may carry before (or among) its command words, known in one place: cli.ts
// skips them to find the command, and key-ahead.ts reads two of them before the program has loaded. No imports,
// so key-ahead.ts can load this within a few milliseconds of the start.

/** Global options that take a value: `--db PATH` or `--db=PATH`. */
const VALUED = ['--db', '--passphrase-file'];
/** Global options that take none. */
const FLAGS = ['--no-color', '--no-pager'];

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
