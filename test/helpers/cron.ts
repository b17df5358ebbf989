// What cron does with a crontab line before /bin/sh sees it, and a fake `crontab` for tests.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Cron (Debian's do_command.c) cuts the command at the first unescaped %, turns `\%` into `%`, and
 * feeds the rest to the command's stdin with each % as a newline. Other backslashes stay as they are.
 */
export function cronCommand(cmd: string): { command: string; stdin: string } {
  let out = '';
  let escaped = false;
  for (let i = 0; i < cmd.length; i++) {
    const ch = cmd[i];
    if (escaped) {
      escaped = false;
      if (ch === '%') { out = out.slice(0, -1) + '%'; continue; }
      out += ch;
      continue;
    }
    if (ch === '\\') { escaped = true; out += ch; continue; }
    if (ch === '%') return { command: out, stdin: cmd.slice(i + 1).replace(/%/g, '\n') };
    out += ch;
  }
  return { command: out, stdin: '' };
}

/** The command part of a crontab line: everything after the five time fields. */
export function commandOf(line: string): string {
  const m = /^\s*(?:\S+\s+){5}(.*)$/.exec(line);
  if (!m) throw new Error(`not a crontab line: ${line}`);
  return m[1];
}

/**
 * A fake `crontab` on PATH that keeps the table in a file (never the machine's real crontab):
 * `-l` prints it or says "no crontab for USER" with exit 1, like Debian's; `-` installs stdin;
 * `-r` removes it. Every call is logged. FAKE_CRONTAB_FAIL=write makes `-` fail.
 */
export function fakeCrontab(dir: string): { bin: string; table: string; calls: string } {
  const bin = join(dir, 'fakebin');
  mkdirSync(bin, { recursive: true });
  const table = join(dir, 'crontab.txt');
  const calls = join(dir, 'crontab-calls.txt');
  const script = `#!/bin/sh
echo "$*" >> '${calls}'
case "$1" in
  -l) if [ -f '${table}' ]; then cat '${table}'; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
  -) if [ "$FAKE_CRONTAB_FAIL" = write ]; then cat >/dev/null; echo "crontab: installing new crontab failed: disk quota exceeded" >&2; exit 1; fi
     cat > '${table}.tmp' && mv '${table}.tmp' '${table}' ;;
  -r) if [ -f '${table}' ]; then rm -f '${table}'; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
  *) echo "fake crontab: unsupported: $*" >&2; exit 2 ;;
esac
`;
  writeFileSync(join(bin, 'crontab'), script);
  chmodSync(join(bin, 'crontab'), 0o755);
  return { bin, table, calls };
}
