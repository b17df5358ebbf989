// What a killed writer leaves, found and swept at the next run. Every private temp file
// reframe writes carries its pid in its name: exports and backups `.NAME.PID.HEX.tmp` beside their target,
// upgrade copies `journal.db.before-vN.bak.PID.tmp` beside the journal (imports, `.journal.db.import-PID.tmp`,
// are fresh.ts's). A temp file may be anywhere a person exported to, so the folder is noted first, in
// `$XDG_STATE_HOME/reframe/writing/PID-HEX` (one small file per folder per run, removed when the run ends).
// A note whose process is gone names a folder to sweep. Files of a process still running are never touched.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EMPTY_MARKER_MS, pidAlive, restoreMarker } from '../journal/restore-lock';

let notesDir: string | undefined;
const noted = new Map<string, string>(); // folder -> note

/** Where this run keeps its notes ($XDG_STATE_HOME/reframe/writing); set by the runtime. */
export function useNotes(stateDir: string): void {
  notesDir = join(stateDir, 'writing');
}

/** Before a temp file is made in `folder`: note the folder, once per run. Best effort. */
export function noteTempFolder(folder: string): void {
  if (!notesDir || noted.has(folder)) return;
  try {
    mkdirSync(notesDir, { recursive: true, mode: 0o700 });
    chmodSync(notesDir, 0o700);
    const note = join(notesDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(note, folder, { mode: 0o600, flag: 'wx' });
    noted.set(folder, note);
  } catch { /* the temp file itself is still removed on any ordinary failure */ }
}

/** The run is over: its notes go (its temp files were renamed into place or removed). */
export function clearNotes(): void {
  for (const note of noted.values()) {
    try { unlinkSync(note); } catch { /* gone */ }
  }
  noted.clear();
}

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp(-journal|-wal|-shm)?$/;
const UPGRADE = /\.before-v\d+\.bak\.(\d+)\.tmp(-journal|-wal|-shm)?$/;

const dead = (pid: number) => pid !== process.pid && !pidAlive(pid);

function list(folder: string): string[] {
  try { return readdirSync(folder); } catch { return []; }
}

export interface Leftover {
  path: string;
  kind: 'temp' | 'upgrade' | 'restore-marker';
  bytes: number;
}

/** Leftovers of killed writers: beside the journal, and in every folder a killed run noted. Changes nothing. */
export function findLeftovers(journal: string): { files: Leftover[]; notes: string[] } {
  const files: Leftover[] = [];
  const notes: string[] = [];
  const size = (p: string) => { try { return statSync(p).size; } catch { return 0; } };
  const folders = new Set<string>();
  if (journal !== ':memory:') {
    const dir = dirname(journal);
    folders.add(dir);
    for (const name of list(dir)) {
      const m = name.startsWith(`${basename(journal)}.`) ? UPGRADE.exec(name) : null;
      if (m && dead(Number(m[1]))) files.push({ path: join(dir, name), kind: 'upgrade', bytes: size(join(dir, name)) });
    }
    const marker = restoreMarker(journal);
    try {
      const text = readFileSync(marker, 'utf8').trim();
      const pid = Number(text);
      // An empty marker is a restore starting, for a moment; one older than that was killed right then.
      const stale = text === '' && Date.now() - statSync(marker).mtimeMs >= EMPTY_MARKER_MS;
      if ((pid > 0 && dead(pid)) || stale) files.push({ path: marker, kind: 'restore-marker', bytes: 0 });
    } catch { /* none */ }
  }
  if (notesDir) {
    for (const n of list(notesDir)) {
      const pid = Number(n.split('-')[0]);
      if (!dead(pid)) continue;
      notes.push(join(notesDir, n));
      try { folders.add(readFileSync(join(notesDir, n), 'utf8')); } catch { /* gone */ }
    }
  }
  for (const folder of folders) {
    for (const name of list(folder)) {
      const m = TEMP.exec(name);
      if (m && dead(Number(m[1]))) files.push({ path: join(folder, name), kind: 'temp', bytes: size(join(folder, name)) });
    }
  }
  return { files, notes };
}

/** Remove what findLeftovers finds. */
export function sweepLeftovers(journal: string): void {
  const { files, notes } = findLeftovers(journal);
  for (const f of [...files.map((x) => x.path), ...notes]) {
    try { unlinkSync(f); } catch { /* another reframe removed it */ }
  }
}
