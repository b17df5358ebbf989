// Automatic sync (`reframe sync auto on`, or `sync init DIR --auto`): before a command that shows records and
// after any command that saved something. When sync is not set up this is one read of one row (the journal is
// open for the command anyway); the engine is loaded only when there is a sync to run. Never fails the command
// it rides on: a problem is one warning line on stderr (src/commands/sync/run.ts says the same for --auto).
import type { Context } from '../context';
import { ReframeError } from '../errors';
import { msg } from '../messages';
import type { SyncResult } from './engine';
import type { Journal } from '../journal/journal';

/** The commands that show what is in the journal: a sync first brings in what the other computers wrote. */
const SHOWING = new Set(['list', 'show', 'stats', 'export', 'report', 'daily', 'checkins', 'notes', 'beliefs', 'experiments', 'safety-plan']);
/** Never around these: sync itself, and the commands that must not touch the folder or are about the file. */
const NEVER = new Set(['sync', 'completion', '__complete', 'doctor', 'backup', 'help']);

export async function autoSyncBefore(ctx: Context, words: string): Promise<void> {
  if (!SHOWING.has(words.split(' ')[0])) return;
  if (!isOn(() => ctx.journalIfExists(), false)) return;
  await quietSync(ctx, false);
}

export async function autoSyncAfter(ctx: Context, words: string): Promise<void> {
  if (NEVER.has(words.split(' ')[0])) return;
  if (!isOn(() => ctx.journalIfOpen?.(), true)) return;
  await quietSync(ctx, false);
}

/**
 * Is automatic sync on (and, after a command, is there something to send)? A journal that cannot be opened or
 * read is no business of the sync's: the command itself says what is wrong with it, in its own words and order
 * (`daily` still prints the day's prompt first), so any error here means "no".
 */
function isOn(journal: () => Journal | undefined, needOutbox: boolean): boolean {
  try {
    const j = journal();
    if (!j || j.readOnlyBecause || !j.db.open || !j.sync.self()?.auto) return false;
    return !needOutbox || j.sync.hasOutbox();
  } catch {
    return false;
  }
}

/**
 * A sync that never fails the command around it: problems are one warning line (and kept for `sync status`).
 * Only conflicts are worth a word when all went well: a person's other version is never kept in silence.
 */
export async function quietSync(ctx: Context, note: boolean): Promise<SyncResult | undefined> {
  const journal = ctx.journalIfExists();
  if (!journal) return undefined;
  try {
    const { syncJournal } = await import('./engine');
    const { syncPassphrase } = await import('./key');
    const r = await syncJournal(journal, { now: ctx.clock.now(), passphrase: await syncPassphrase(ctx, journal), note });
    if (r.conflicts > 0) ctx.say(ctx.errTheme.warn(msg.sync.conflictsFound(r.conflicts)));
    return r;
  } catch (err) {
    const why = err instanceof ReframeError ? err.message : msg.sync.unexpected;
    ctx.say(ctx.errTheme.warn(msg.sync.autoWarn(why)));
    if (ctx.env.REFRAME_DEBUG === '1') ctx.say(String((err as Error)?.stack ?? err));
    try { journal.sync.noteError(why); } catch { /* the journal is busy or read-only: the warning said it */ }
    return undefined;
  }
}
