// How long a write waits for another reframe. A 300k-record import into an existing
// journal holds the write lock for ~10 s on 2 busy cores (9.2 s measured); 5 s made `new` fail beside it.
// Writers now wait up to a minute by default (REFRAME_BUSY_TIMEOUT_MS still sets another figure). The guided
// flow is a person at a terminal: its drafts are saved without holding them up (a draft that can't be
// written at once is written with the next answer), and the record itself waits as long as a person would.
import { JournalError } from '../errors';
import type { Journal } from './journal';

export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;
/** The guided flow's final save (and the draft kept when it fails): ten minutes. */
export const PERSON_BUSY_TIMEOUT_MS = 10 * 60_000;
/** A draft saved between two questions: never more than a moment's pause. */
export const DRAFT_BUSY_TIMEOUT_MS = 250;

export function busyTimeoutFromEnv(env: Record<string, string | undefined>): number | undefined {
  const n = Number(env.REFRAME_BUSY_TIMEOUT_MS);
  return env.REFRAME_BUSY_TIMEOUT_MS !== undefined && env.REFRAME_BUSY_TIMEOUT_MS !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** Run fn with the journal's busy timeout set to ms, then put it back. */
export function withBusyTimeout<T>(journal: Journal, ms: number, fn: () => T): T {
  const before = journal.db.pragma('busy_timeout', { simple: true }) as number;
  journal.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  try {
    return fn();
  } finally {
    journal.db.pragma(`busy_timeout = ${before}`);
  }
}

/**
 * A draft saver for the guided flows: each save tries briefly; a save the journal is too busy for is kept in
 * memory and written with the next one, or by flush() (which waits as long as a person would).
 */
export function patientDrafts<S>(journal: Journal, env: Record<string, string | undefined>, write: (s: S) => void) {
  let pending: S | undefined;
  const personMs = busyTimeoutFromEnv(env) ?? PERSON_BUSY_TIMEOUT_MS;
  return {
    save(s: S): void {
      pending = s;
      try {
        withBusyTimeout(journal, Math.min(DRAFT_BUSY_TIMEOUT_MS, personMs), () => write(s));
        pending = undefined;
      } catch (err) {
        if (!(err instanceof JournalError)) throw err;
        // Busy, say: kept in memory and written with the next answer (or by flush).
      }
    },
    /** Write the latest state now, waiting as long as a person would. */
    flush(s?: S): void {
      const state = s ?? pending;
      if (state === undefined) return;
      withBusyTimeout(journal, personMs, () => write(state));
      pending = undefined;
    },
    personMs,
  };
}
