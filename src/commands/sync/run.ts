// reframe sync [--auto] [--json]: send what changed here, receive what the other computers wrote (src/sync/engine.ts).
// --auto (and the automatic runs of `sync auto on`) is quiet: a folder that is not there, or any other failure,
// is one warning line on stderr and exit 0, so the command it rides on never fails because of it.
import type { Context } from '../../context';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { UsageError } from '../../errors';
import { msg } from '../../messages';
import { syncJournal, type SyncResult } from '../../sync/engine';
import { syncPassphrase } from '../../sync/key';
import { quietSync } from '../../sync/auto';

const schema = z.object({ auto: z.optional(z.boolean()), json: z.optional(z.boolean()) });

export async function runSync(raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const journal = ctx.journalIfExists();
  if (!journal || !journal.sync.self()) {
    if (opts.auto) return;
    throw new UsageError(msg.sync.notSetUp, msg.sync.notSetUpHint);
  }
  if (opts.auto) {
    const r = await quietSync(ctx, true);
    if (opts.json && r) ctx.out(JSON.stringify(r, null, 2));
    return;
  }
  const r = await syncJournal(journal, { now: ctx.clock.now(), passphrase: await syncPassphrase(ctx, journal), note: true });
  report(ctx, r, opts.json === true);
}

function report(ctx: Context, r: SyncResult, json: boolean): void {
  if (json) ctx.out(JSON.stringify({ sent: r.sent, received: r.received, conflicts: r.conflicts, skipped: r.skipped }, null, 2));
  else ctx.say(r.sent === 0 && r.received === 0 ? msg.sync.nothingNew : msg.sync.done(r.sent, r.received));
  if (r.conflicts > 0) ctx.say(ctx.errTheme.warn(msg.sync.conflictsFound(r.conflicts)));
  if (r.skipped > 0) ctx.say(ctx.errTheme.muted(msg.sync.skippedLines(r.skipped)));
}
