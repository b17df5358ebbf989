// The daily state file: what `reframe daily` needs from an encrypted journal when no key is at hand (cron).
// Dates and counts only, never a word of any record: the format version, when it was written, the record count,
// the practice days (for the streak), records per day for the last week, the last check-in day, and the kind
// and day of each thing due. One file per journal, named from a hash of the journal's absolute path, 0600 in a
// 0700 folder under $XDG_STATE_HOME/reframe/daily/. Written atomically (a temp file, then rename). Written only
// for encrypted journals: a plain journal is read directly, with or without a key.
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { endOfDay, startOfDay, subDays } from 'date-fns';
import type { Journal } from './journal';
import { localDay, practiceDays } from '../domain/streak';

export const DAILY_STATE_VERSION = 1;

export interface DailyState {
  version: number;
  /** UTC ISO instant the file was written. */
  updatedAt: string;
  /** How many records the journal holds. */
  records: number;
  /** Local days (yyyy-MM-dd) with any practice, sorted: the streak is worked out from these. */
  practiceDays: string[];
  /** Records per local day over the last seven days (days without records left out). */
  recordsByDay: Record<string, number>;
  /** The local day of the latest check-in, if any. */
  lastCheckinDay: string | null;
  /** Experiments not yet done (their due days) and the latest record's plan not yet followed up (its day). */
  due: { kind: 'experiment' | 'plan'; due: string }[];
}

/** The state file for the journal at dbPath: <stateDir>/daily/<first 16 hex of sha256(absolute path)>.json. */
export function dailyStatePath(stateDir: string, dbPath: string): string {
  const hash = createHash('sha256').update(resolve(dbPath)).digest('hex').slice(0, 16);
  return join(stateDir, 'daily', `${hash}.json`);
}

/** The figures, read from an open journal. No text is read into it. */
export function collectDailyState(journal: Journal, now: Date): DailyState {
  const days = practiceDays(journal.practiceSpans(), (day) => journal.practiceTimesOn(day));
  const recordsByDay: Record<string, number> = {};
  for (let i = 0; i < 7; i++) {
    const d = subDays(now, i);
    const n = journal.writtenBetween(startOfDay(d).toISOString(), endOfDay(d).toISOString()).records;
    if (n > 0) recordsByDay[localDay(d)] = n;
  }
  const checkins = journal.checkins();
  const lastCheckin = checkins.reduce<string | undefined>((m, c) => (m === undefined || c.createdAt > m ? c.createdAt : m), undefined);
  const due: DailyState['due'] = journal.progress.dueExperiments('9999-12-31').map((e) => ({ kind: 'experiment' as const, due: e.due }));
  const plan = journal.progress.planToFollowUp('9999-12-31T23:59:59.999Z');
  if (plan) due.push({ kind: 'plan', due: localDay(new Date(plan.occurredAt)) });
  return {
    version: DAILY_STATE_VERSION,
    updatedAt: now.toISOString(),
    records: journal.count(),
    practiceDays: days,
    recordsByDay,
    lastCheckinDay: lastCheckin ? localDay(new Date(lastCheckin)) : null,
    due,
  };
}

/** Write the state file atomically: 0600, in a 0700 folder. */
export function writeDailyState(path: string, state: DailyState): void {
  const dir = join(path, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(state) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Refresh the state file of an open encrypted journal; plain journals have none. Never throws. */
export function refreshDailyState(journal: Journal | undefined, stateDir: string, now: Date): boolean {
  if (!journal || !journal.encrypted) return false;
  try {
    writeDailyState(dailyStatePath(stateDir, journal.path), collectDailyState(journal, now));
    return true;
  } catch {
    return false;
  }
}

/** The state file, when there is one and it reads as this version; anything else is "no state file". */
export function readDailyState(path: string): DailyState | undefined {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as DailyState;
    if (s?.version !== DAILY_STATE_VERSION || !Array.isArray(s.practiceDays) || !Array.isArray(s.due)) return undefined;
    return s;
  } catch {
    return undefined;
  }
}
