// A long answer in the person's own editor: $VISUAL, then $EDITOR, then vi or nano if one is installed
// (as git does). The answer so far goes into a private temporary file (0600 in a 0700 folder), which is
// removed as soon as the editor closes. Loaded only by flows/inquirer.ts.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { msg } from '../messages';

/** The editor command to run, or undefined when none is set and none is installed. */
export function findEditor(env: NodeJS.ProcessEnv): string | undefined {
  for (const v of [env.VISUAL, env.EDITOR]) if (v && v.trim() !== '') return v.trim();
  for (const name of ['vi', 'nano']) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (!dir) continue;
      try {
        accessSync(join(dir, name), constants.X_OK);
        return name;
      } catch { /* not here */ }
    }
  }
  return undefined;
}

/**
 * Open the editor on `current` and return what was saved. The terminal is handed over while it runs
 * (raw mode off, our reading paused), then taken back.
 */
export function editInEditor(current: string, env: NodeJS.ProcessEnv, stdin: NodeJS.ReadableStream): { text?: string; problem?: string } {
  const editor = findEditor(env);
  if (!editor) return { problem: msg.flow.editorNone };
  const dir = mkdtempSync(join(env.TMPDIR && env.TMPDIR.startsWith('/') ? env.TMPDIR : tmpdir(), 'reframe-'));
  const file = join(dir, 'answer.txt');
  const tty = stdin as NodeJS.ReadStream;
  const wasRaw = Boolean(tty.isRaw);
  try {
    writeFileSync(file, current ? current + '\n' : '', { mode: 0o600, flag: 'wx' });
    if (tty.isTTY && wasRaw) tty.setRawMode(false);
    // The editor may carry its own arguments ("code --wait"), so the shell splits it, as git does; the file
    // name goes in as "$1", never pasted into the command.
    const res = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'reframe-editor', file], { stdio: 'inherit', env });
    if (res.error || res.status !== 0) return { problem: msg.flow.editorFailed(editor) };
    return { text: readFileSync(file, 'utf8') };
  } catch {
    return { problem: msg.flow.editorFailed(editor) };
  } finally {
    if (tty.isTTY && wasRaw) tty.setRawMode(true);
    rmSync(dir, { recursive: true, force: true });
  }
}
