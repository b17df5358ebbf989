// The sentences of living in a shell: help topics, did-you-mean, completion, the pager, an ambiguous id.
// A part of the catalogue (src/messages.ts spreads it in as msg.shell).

export const shell = {
  /** The end of `reframe --help`: where to read about the environment, exit codes and completion. */
  rootHelpTail: [
    '',
    'Environment: REFRAME_DB, REFRAME_PASSPHRASE_FILE, REFRAME_DEBUG, REFRAME_BUSY_TIMEOUT_MS, REFRAME_PAGER, PAGER, NO_COLOR, TERM',
    'Exit codes: 0 done, 1 failed, 2 a usage mistake, 130 stopped with Ctrl-C',
    '  `reframe help environment` says more about each.',
    'Shell completion: `reframe completion bash|zsh|fish` (`reframe completion --help` shows how to turn it on).',
    '',
  ].join('\n'),
  /** `reframe help environment`. */
  environment: [
    'Environment variables',
    '',
    '  REFRAME_DB               the journal file (--db wins over it). Default:',
    '                           $XDG_DATA_HOME/reframe/journal.db, else ~/.local/share/reframe/journal.db',
    '  REFRAME_PASSPHRASE_FILE  a file (mode 600, yours) whose first line opens an encrypted journal (--passphrase-file wins)',
    '  REFRAME_DEBUG=1          show the full error underneath a plain one (for a bug report; it may show paths)',
    '  REFRAME_BUSY_TIMEOUT_MS  how long to wait for another reframe writing the journal (default 60000)',
    '  REFRAME_PAGER            the pager for long output on a terminal (wins over PAGER); cat or "" turns it off',
    '  PAGER                    the pager when REFRAME_PAGER is not set (default: less -FRX)',
    '  NO_COLOR                 no colour (charts keep their lines); --no-color does the same',
    '  FORCE_COLOR              colour even when the output is not a terminal',
    '  TERM=dumb                no colour and plain ASCII charts; a non-UTF-8 locale (LANG, LC_ALL) also means ASCII',
    '  XDG_CONFIG_HOME          your own patterns: $XDG_CONFIG_HOME/reframe/patterns.json',
    '  XDG_STATE_HOME           the cron log: $XDG_STATE_HOME/reframe/',
    '  XDG_CACHE_HOME           start-up caches of an installed reframe: $XDG_CACHE_HOME/reframe/ (safe to delete)',
    '',
    'Exit codes',
    '',
    '  0    done',
    '  1    the operation failed: the journal was locked past the timeout, unreadable, or the disk was full',
    '  2    a usage mistake: an unknown command or flag, a bad date or number, a malformed file, a wrong passphrase; nothing was written',
    '  130  stopped with Ctrl-C (a guided record keeps a draft: `reframe new --resume`)',
    '  141  an export whose reader closed the pipe before the end',
    '',
  ].join('\n'),
  unknownHelpTopic: (word: string) => `There is no help topic or command "${clip(word)}".`,
  didYouMean: (what: string) => `Did you mean ${what}?`,
  seeHelp: (cmd: string) => `See \`${cmd} --help\`.`,
  ambiguousId: (id: string, n: number) => `"${clip(id)}" matches ${n} records:`,
  ambiguousIdHint: 'Type more of the id to pick one.',
  ambiguousIdMore: (n: number) => `  ... and ${n} more`,
  ambiguousOther: (id: string, n: number, kind: 'note' | 'belief' | 'experiment') => `"${clip(id)}" matches ${n} ${kind}s:`,
  unknownShell: (name: string) => `Completion is there for bash, zsh and fish, not "${clip(name)}".`,
  unknownShellHint: 'Try `reframe completion bash` (or zsh, or fish); `reframe completion --help` shows how to turn it on.',
  completionHelp: [
    '',
    'Turn it on:',
    '  bash  add to ~/.bashrc:                 eval "$(reframe completion bash)"',
    '  zsh   add to ~/.zshrc:                  eval "$(reframe completion zsh)"',
    '  fish  once:                             reframe completion fish > ~/.config/fish/completions/reframe.fish',
    '',
    'It completes commands, flags, pattern ids, your tags and feelings, and record ids (read from your journal,',
    'which stays on this computer).',
  ].join('\n'),
  pagerFailed: (pager: string) => `The pager "${clip(pager)}" could not start, so the output is printed as it is.`,
  nativeMissing: "reframe's SQLite part (the better-sqlite3-multiple-ciphers addon) is not installed: npm held back its install script, or it failed. Your journal was not touched.",
  nativeMissingHint: (pkg: string, dir: string) => dir
    ? `Reinstall with \`npm install -g --allow-scripts=better-sqlite3-multiple-ciphers ${pkg}\`, or run \`npm rebuild better-sqlite3-multiple-ciphers\` in ${dir}.`
    : `Reinstall with \`npm install -g --allow-scripts=better-sqlite3-multiple-ciphers ${pkg}\`.`,
  nativeMismatchGlobalHint: (pkg: string) => `Reinstall it for this Node: \`npm install -g --allow-scripts=better-sqlite3-multiple-ciphers ${pkg}\` (or use the Node version it was installed with).`,
};

/** Echo a word back, but never much of it (it could be someone's words). */
function clip(s: string): string {
  const flat = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 40 ? flat.slice(0, 37) + '...' : flat;
}
