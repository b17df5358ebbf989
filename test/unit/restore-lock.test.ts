// The restore marker (restore-lock.ts): made whole or not at all, so a restore killed as it began never leaves
// an empty marker that every later write would take for a restore starting; an empty marker (from a file system
// without hard links, or an older reframe) counts as a restore starting for a moment only, then as a leftover.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/journal/open';
import { beginRestore, EMPTY_MARKER_MS, restoreMarker, restoreUnderWay } from '../../src/journal/restore-lock';
import { findLeftovers } from '../../src/io/leftovers';

let dir: string;
let journal: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reframe-restore-lock-'));
  journal = join(dir, 'journal.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
const age = (path: string, ms: number) => { const t = (Date.now() - ms) / 1000; utimesSync(path, t, t); };

describe('the restore marker', () => {
  it('is made with the pid already in it, leaves no temp file, and goes when the restore ends', () => {
    const db = openDatabase(journal);
    const end = beginRestore(db, journal);
    expect(readFileSync(restoreMarker(journal), 'utf8')).toBe(String(process.pid));
    expect(statSync(restoreMarker(journal)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The restore's own process is not held up by its marker.
    expect(restoreUnderWay(journal)).toBeUndefined();
    end();
    expect(existsSync(restoreMarker(journal))).toBe(false);
    db.close();
  });

  it('refuses while another live restore holds it, and replaces a killed restore\'s', () => {
    const db = openDatabase(journal);
    // A live pid that is not ours: the test runner's parent.
    writeFileSync(restoreMarker(journal), String(process.ppid), { mode: 0o600 });
    expect(() => beginRestore(db, journal)).toThrow(/EEXIST/);
    expect(readFileSync(restoreMarker(journal), 'utf8')).toBe(String(process.ppid));
    writeFileSync(restoreMarker(journal), String(deadPid()));
    const end = beginRestore(db, journal);
    expect(readFileSync(restoreMarker(journal), 'utf8')).toBe(String(process.pid));
    end();
    db.close();
  });

  it('an empty marker is a restore starting for a moment, then a leftover that is swept', () => {
    writeFileSync(restoreMarker(journal), '', { mode: 0o600 });
    expect(restoreUnderWay(journal)).toBe(-1);
    expect(findLeftovers(journal).files).toEqual([]);
    age(restoreMarker(journal), EMPTY_MARKER_MS + 1000);
    expect(findLeftovers(journal).files.map((f) => f.kind)).toEqual(['restore-marker']);
    expect(restoreUnderWay(journal)).toBeUndefined();
    expect(existsSync(restoreMarker(journal))).toBe(false);
  });
});
