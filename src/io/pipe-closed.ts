// A reader that closes standard output early. `reframe list | head -1` is browsing: it
// stays quiet and exits 0, as it always has. An export is a copy someone relies on, so one cut short says so
// on stderr and exits 141, the code git and a shell give a program stopped by SIGPIPE (128 + 13), so
// `set -o pipefail` scripts notice. main.ts's EPIPE handler asks here which of the two applies.
let cutShort: string | undefined;

/** From now on, a closed standard output means this (one line on stderr, exit 141). */
export function whenStdoutClosed(line: string): void {
  cutShort = line;
}

/** What to say and the exit code, when standard output was closed by its reader. */
export function stdoutClosed(): { line?: string; code: number } {
  return cutShort ? { line: cutShort, code: 141 } : { code: 0 };
}
