// What happens around every command's run function, whichever way the command line was read (commander in
// src/cli.ts, or src/fast-start.ts for the everyday commands): the pager, an encrypted journal's key, automatic
// sync before and after, and the daily state file. No commander here, so a fast start never loads it.
import type { Context } from '../context';
import type { Journal } from '../journal/journal';
import type { Action } from './kit';
import { autoSyncAfter, autoSyncBefore } from '../sync/auto';
import { derivedAheadReady, derivingAhead } from '../journal/key-file';

/** The commands whose output can run past a screen, and so goes through a pager on a terminal. */
const PAGED = new Set(['list', 'show', 'stats', 'distortions list', 'distortions show']);

/**
 * Runs `fn` for the command `words` ("list", "distortions show") with its options and arguments, in `ctx`
 * (made from the global options). `pager`: false for --no-pager.
 */
export async function runAction(ctx: Context, words: string, fn: Action, opts: Record<string, unknown>, args: string[], pager: boolean | undefined): Promise<void> {
  // Long output on a terminal goes through a pager (src/io/pager.ts); JSON and pipes never do.
  const paging = PAGED.has(words) && pager !== false && !opts.json && ctx.io.stdout.isTTY
    ? await (await import('../io/pager')).startPager(ctx.io, ctx.env)
    : undefined;
  // Automatic sync, when it is on (src/sync/auto.ts): in before showing, out after saving. Quiet, never failing.
  try {
    // The key of an encrypted journal, if main.ts started deriving it, before anything opens the journal.
    // Meanwhile SQLite itself is loaded (~5-10 ms), so what is left after the key is only the open.
    if (derivingAhead()) {
      try { (await import('../journal/native')).ensureNative(); } catch { /* the open says what is wrong */ }
    }
    await derivedAheadReady();
    await autoSyncBefore(ctx, words);
    await fn(ctx, opts, ...args);
    await autoSyncAfter(ctx, words);
    // An encrypted journal open with its key, after a command that saved something (or daily): the small
    // state file keyless cron runs of daily read (src/journal/daily-state.ts). Plain journals skip this.
    const open = ctx.journalIfOpen?.();
    if (open?.encrypted) await refreshStateAfter(ctx, open, words);
  } finally {
    await paging?.finish();
  }
}

/** Refresh the daily state file when this command wrote to the encrypted journal, or was daily. Never throws. */
async function refreshStateAfter(ctx: Context, journal: Journal, words: string): Promise<void> {
  try {
    if (!journal.db.open) return;
    const wrote = words === 'daily' || (journal.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n > 0;
    if (!wrote) return;
    const { refreshDailyState } = await import('../journal/daily-state');
    refreshDailyState(journal, ctx.paths.stateDir, ctx.clock.now());
  } catch {
    // The state file is a convenience for cron: a command that worked still worked.
  }
}
