import { join } from 'node:path';
import { journalPath, xdg } from './journal/key-file';
import { UsageError } from './errors';
import { msg } from './messages';

export interface Paths {
  /** The journal file. */
  db: string;
  /** Where the person's own patterns file lives ($XDG_CONFIG_HOME/reframe). */
  configDir: string;
  /** Logs (the cron log) live here ($XDG_STATE_HOME/reframe). */
  stateDir: string;
  /** True when the journal path came from --db or $REFRAME_DB rather than the default. */
  dbExplicit: boolean;
}

type Env = Record<string, string | undefined>;

/** Where things live, first that applies: --db, $REFRAME_DB, $XDG_DATA_HOME, ~/.local/share. */
export function resolvePaths(env: Env, dbFlag?: string): Paths {
  // `--db ""` used to mean the default journal, silently; a path with spaces at its ends is a slip that left an
  // empty file behind. Both are refused (git takes paths literally, but SQLite can't open such a name here).
  if (dbFlag !== undefined && dbFlag.trim() === '') throw new UsageError(msg.faults.dbEmpty, msg.faults.dbHint);
  const chosen = dbFlag ?? env.REFRAME_DB;
  if (chosen && chosen.trim() !== '' && chosen !== chosen.trim()) throw new UsageError(msg.faults.dbSpaces(chosen), msg.faults.dbHint);
  const { db, explicit } = journalPath(env, dbFlag);
  return {
    db,
    dbExplicit: explicit,
    configDir: join(xdg(env, 'XDG_CONFIG_HOME', '.config'), 'reframe'),
    stateDir: join(xdg(env, 'XDG_STATE_HOME', '.local/state'), 'reframe'),
  };
}
