// reframe import FILE|-: a JSON array or JSON Lines of records. All or nothing: into a journal, every record is
// checked and saved in one transaction that the first bad record rolls back; when there is no journal yet,
// every record is checked before the journal is created (a first pass), then all are saved (a second pass).
// Ids already in the journal are skipped, and so is a second record with an id seen earlier in the same
// file (the first one wins).
import type { Context } from '../context';
import { toJson } from '../domain/record-fields';
import type { ThoughtRecord } from '../domain/record';
import { checkRecords, decodeUtf8, readRecordsText, type CheckedRecord } from '../domain/import';
import type { Journal } from '../journal/journal';
import { msg } from '../messages';
import { userPatternsPath } from '../library/library';
import * as z from '../zod-mini';
import { parseOptions } from './options';
import { newId } from './shared';
import { Progress, readInput } from './transfer-io';

const schema = z.object({ dryRun: z.optional(z.boolean()), json: z.optional(z.boolean()) });

export interface ImportSummary {
  dryRun: boolean;
  /** Records in the file. */
  records: number;
  added: number;
  skipped: number;
  alreadyInJournal: number;
  repeatedInFile: number;
  /** Of those already in the journal, how many differ from the journal's copy (which was kept). */
  differentFromJournal: number;
  /** Records that had no id and were given a new one. */
  givenNewIds: number;
  /** Records with broken characters (half of a surrogate pair) saved as U+FFFD. */
  repairedCharacters: number;
}

export async function runImport(file: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const where = file === '-' ? 'standard input' : file;
  let bytes: Buffer | undefined = await readInput(file, ctx.io.stdin, (l) => ctx.say(l));
  const text = decodeUtf8(bytes, where);
  bytes = undefined; // the text is all we keep
  const library = ctx.library();
  const now = ctx.clock.now().toISOString();
  const check = (onRecord: (n: number, end: number) => void) => checkRecords(readRecordsText(text, where).items, {
    where,
    knownPattern: (id) => library.has(id),
    patternsFile: userPatternsPath(ctx.paths.configDir),
    newId: () => newId(ctx),
    now,
    onRecord,
  });

  const s: ImportSummary = {
    dryRun: opts.dryRun === true, records: 0, added: 0, skipped: 0, alreadyInJournal: 0, repeatedInFile: 0,
    differentFromJournal: 0, givenNewIds: 0, repairedCharacters: 0,
  };
  const progress = new Progress(ctx.io.stderr, Boolean(ctx.io.stderr.isTTY), msg.transfer.progressCheck, text.length);
  const tick = (_n: number, end: number) => progress.tick(end);
  const tally = (c: CheckedRecord) => {
    s.records++;
    if (c.newId) s.givenNewIds++;
    if (c.repaired) s.repairedCharacters++;
  };
  const seen = new Set<string>();
  /** Added, or skipped: already in the journal, or repeated in the file (the first record with an id wins). */
  const place = (r: ThoughtRecord, journal: Journal | undefined, write: boolean) => {
    if (seen.has(r.id)) {
      s.repeatedInFile++;
    } else if (journal?.has(r.id)) {
      seen.add(r.id);
      s.alreadyInJournal++;
      const mine = journal.get(r.id);
      if (!mine || JSON.stringify(toJson(mine)) !== JSON.stringify(toJson(r))) s.differentFromJournal++;
    } else {
      seen.add(r.id);
      if (write) journal!.insertRaw(r);
      s.added++;
    }
  };
  try {
    const existing = ctx.journalIfExists();
    if (opts.dryRun || existing) {
      // One pass: each record is checked, counted and placed as it is read. Into a journal, all of it is one
      // transaction: the first bad record throws, and everything before it is rolled back (all or nothing).
      const onePass = (write: boolean) => {
        for (const c of check(tick)) {
          tally(c);
          place(c.record, existing, write);
        }
      };
      if (opts.dryRun) onePass(false);
      else {
        progress.phase(msg.transfer.progressImport, text.length);
        existing!.write(() => onePass(true));
      }
    } else {
      // No journal yet: check every record first (only counts are kept, so however big the file, it is held
      // once, as text), so that a bad file, or one with nothing in it, never creates a journal. Then the same
      // records, all known good, are saved in one transaction.
      for (const c of check(tick)) tally(c);
      if (s.records > 0) {
        const journal = ctx.journal();
        progress.phase(msg.transfer.progressImport, text.length);
        journal.write(() => {
          for (const c of check(tick)) place(c.record, journal, true);
        });
      }
    }
    s.skipped = s.alreadyInJournal + s.repeatedInFile;
  } finally {
    progress.stop();
  }

  if (opts.json) {
    ctx.out(JSON.stringify(s, null, 2));
    return;
  }
  report(s, where, ctx);
}

function report(s: ImportSummary, where: string, ctx: Context): void {
  const t = ctx.errTheme;
  if (s.records === 0) {
    ctx.say(msg.transfer.empty(where));
    return;
  }
  if (s.dryRun) {
    ctx.say(msg.transfer.wouldAdd(s.added));
    if (s.skipped) ctx.say(msg.transfer.wouldSkip(s.skipped, s.alreadyInJournal, s.repeatedInFile));
  } else {
    ctx.say(t.good(msg.transfer.added(s.added)));
    if (s.skipped) ctx.say(msg.transfer.skipped(s.skipped, s.alreadyInJournal, s.repeatedInFile));
  }
  if (s.differentFromJournal) ctx.say(msg.transfer.differ(s.differentFromJournal));
  if (s.givenNewIds) ctx.say(t.muted(msg.transfer.newIds(s.givenNewIds)));
  if (s.repairedCharacters) ctx.say(t.muted(msg.transfer.repaired(s.repairedCharacters)));
  if (s.dryRun) ctx.say(msg.transfer.dryRunDone);
}
