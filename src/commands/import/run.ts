// reframe import FILE|-: a JSON array or JSON Lines of records. All or nothing: every record is checked and saved
// in one transaction that the first bad record rolls back. When there is no journal yet, the new journal is built
// in a private file and put in place only when every record is in (src/journal/fresh.ts), so a bad file never
// creates one. Records are checked as they are saved, a big file on another thread (src/import/check.ts).
// Ids already in the journal are skipped, and so is a second record with an id seen earlier in the same
// file (the first one wins).
import type { Context } from '../../context';
import { checkUtf8, decodeUtf8 } from '../../import/parse';
import { isZip } from '../../import/apps/dayone';
import { UsageError } from '../../errors';
import { canPrompt, fileKey, promptHidden } from '../../journal/cipher';
import { toJson } from '../../domain/record-fields';
import type { Journal } from '../../journal/journal';
import type { SearchLater } from '../../journal/records';
import { buildNewJournal, removeStaleImports } from '../../journal/fresh';
import { msg } from '../../messages';
import { userPatternsPath } from '../../library/library';
import * as z from '../../zod-mini';
import { parseOptions } from '../../input/options';
import { newId } from '../../input/record';
import { Progress } from '../../io/transfer';
import { describeNotUtf8, parseMaxSize, readImportInput } from '../../import/input';
import { checkStream, recordInDanger, type CheckJob, type CheckStream } from '../../import/check';
import { newestPlan } from '../../import/plan';
import { checkProgress, countsWords, importProgress, type ProgressCounts } from '../../import/progress';
import { mayBeInDangerAnywhere } from '../../domain/safety/detect';
import { showNotes } from '../../safety-note';

const schema = z.object({
  dryRun: z.optional(z.boolean()), json: z.optional(z.boolean()), maxSize: z.optional(z.string()),
  from: z.optional(z.string()), moodMap: z.optional(z.string()),
});

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
  /** Safety plans in the file (only when it holds one), and what became of the newest: added, replaced the journal's older one, or kept the journal's. */
  safetyPlans?: number;
  safetyPlan?: 'added' | 'replaced' | 'kept';
  /** Re-ratings, beliefs, experiments, check-ins, follow-ups added (or that would be): only when the file has any. */
  progress?: ProgressCounts;
  /** Some added record's words suggest danger: the note is shown once, at the end. Not in --json. */
  danger?: boolean;
}

const AGE_HEADER = 'age-encryption.org/v1\n';

/** Does the input start with age's header line? */
export function isAgeFile(bytes: Uint8Array): boolean {
  return bytes.length >= AGE_HEADER.length && Buffer.from(bytes.subarray(0, AGE_HEADER.length)).toString('latin1') === AGE_HEADER;
}

/** Decrypt an age file with a passphrase from --passphrase-file, $REFRAME_PASSPHRASE_FILE or the prompt; exit 2 if it does not open. */
async function openAgeFile(bytes: Uint8Array, where: string, ctx: Context): Promise<Uint8Array> {
  // The journal's sources, in its order; the prompt names the file rather than the journal.
  const file = fileKey(ctx.passphraseFile, ctx.env);
  if (!file && !canPrompt()) throw new UsageError(msg.transfer.ageNoKey(where));
  const key = file ?? { passphrase: promptHidden(msg.transfer.agePrompt) };
  const { Decrypter } = await import('age-encryption');
  const dec = new Decrypter();
  dec.addPassphrase(key.passphrase.normalize('NFC'));
  try {
    return await dec.decrypt(bytes);
  } catch (err) {
    // age says "no identity matched" when the passphrase is not the one the file was locked with.
    if (err instanceof Error && /no identity matched/i.test(err.message)) throw new UsageError(msg.transfer.ageWrong(where));
    throw new UsageError(msg.transfer.ageDamaged(where));
  }
}

export async function runImport(file: string, raw: unknown, ctx: Context): Promise<void> {
  const opts = parseOptions(schema, raw);
  const where = file === '-' ? 'standard input' : file;
  // Read once, capped, devices refused (import-input.ts); non-UTF-8 named for what it is.
  const apps = await import('../../import/apps');
  const forced = opts.from === undefined ? undefined : apps.appNamed(opts.from);
  const moodMap = opts.moodMap === undefined ? undefined : apps.parseMoodMap(opts.moodMap);
  if (typeof moodMap === 'string') throw new UsageError(msg.imports.badMoodMap(moodMap), msg.imports.badMoodMapHint);
  let bytes = await readImportInput(file, parseMaxSize(opts.maxSize), ctx.io.stdin, (l) => ctx.say(l));
  // An age file (reframe export --encrypt): opened in memory with the journal's passphrase source, then as usual.
  if (isAgeFile(bytes)) bytes = await openAgeFile(bytes, where, ctx);
  // Another app's export (FreeCBT, cbt-toolkit-app, jrnl, Day One, Daylio), known by its content or --from.
  const zip = isZip(bytes);
  if (!zip || forced === 'reframe') {
    const notText = describeNotUtf8(bytes, where);
    if (notText) throw notText;
    checkUtf8(bytes, where); // before the library and the journal are opened (and, say, upgraded) for nothing
  }
  const app = forced ?? apps.detectApp(bytes);
  if (moodMap && app !== 'daylio') throw new UsageError(msg.imports.moodMapOnlyDaylio, msg.imports.badMoodMapHint);
  if (app !== 'reframe') {
    const data = apps.readApp(app, bytes, zip ? undefined : decodeUtf8(bytes, where), { where, moodMap });
    const { importFromApp } = await import('./apps');
    return importFromApp(data, where, { dryRun: Boolean(opts.dryRun), json: Boolean(opts.json) }, ctx);
  }
  const library = ctx.library();
  const job: CheckJob = {
    where,
    known: library.patterns.map((p) => p.id),
    patternsFile: userPatternsPath(ctx.paths.configDir),
    now: ctx.clock.now().toISOString(),
  };
  removeStaleImports(ctx.paths.db);
  const progress = new Progress(ctx.io.stderr, Boolean(ctx.io.stderr.isTTY), opts.dryRun ? msg.transfer.progressCheck : msg.transfer.progressImport, bytes.length);
  let s: ImportSummary;
  // Checking starts at once (a big file on another thread), while the journal is opened.
  let stream = checkStream(bytes, job, { entry: ctx.workerEntry });
  try {
    const existing = ctx.journalIfExists();
    if (opts.dryRun) s = await importRecords(stream, { journal: existing, write: false, where }, ctx, progress);
    else if (existing) s = await forImport(existing).writeAsync(() => importRecords(stream, { journal: existing, write: true, where }, ctx, progress));
    else {
      // No journal yet: build it whole, beside where it goes; a file with no records creates nothing.
      const built = await buildNewJournal(ctx.paths.db, async (fresh) => {
        const value = await forImport(fresh).writeAsync(() => importRecords(stream, { journal: fresh, write: true, fresh: true, where }, ctx, progress));
        const more = value.progress ? Object.values(value.progress).some((n) => n > 0) : false;
        return { keep: value.added > 0 || value.safetyPlan === 'added' || more, value };
      });
      s = built.value;
      if (!built.published && built.exists) {
        // Another reframe made the journal meanwhile: import into that one, as into any journal.
        const journal = ctx.journal();
        stream = checkStream(bytes, job, { entry: ctx.workerEntry });
        s = await forImport(journal).writeAsync(() => importRecords(stream, { journal, write: true, where }, ctx, progress));
      }
    }
  } finally {
    stream.close();
    progress.stop();
  }

  const danger = s.danger === true;
  delete s.danger;
  if (opts.json) ctx.out(JSON.stringify(s, null, 2));
  else report(s, where, ctx);
  // The records' words are looked at as today's: one note at the end, however many records.
  if (danger) showNotes(ctx, { danger: true, abuse: false }, msg.safety.importNote);
}

/**
 * The journal, made ready for an import's one long transaction: SQLite's statement journals (one for every
 * statement that fires a trigger, each record's) kept in memory rather than spilled to temporary files (20,000
 * records: ~0.25 s less). Nothing else keeps temporary data on this connection, and the command ends with the import.
 */
function forImport(journal: Journal): Journal {
  journal.keepTemporaryInMemory();
  return journal;
}

/**
 * Count, and save (write), every record of the stream, in file order: added, or skipped (already in the journal,
 * or repeated in the file: the first record with an id wins). `fresh`: the journal holds nothing but this import.
 */
async function importRecords(stream: CheckStream, o: { journal: Journal | undefined; write: boolean; fresh?: boolean; where?: string }, ctx: Context,
  progress: Progress): Promise<ImportSummary> {
  const s: ImportSummary = {
    dryRun: !o.write, records: 0, added: 0, skipped: 0, alreadyInJournal: 0, repeatedInFile: 0,
    differentFromJournal: 0, givenNewIds: 0, repairedCharacters: 0,
  };
  let danger = false;
  const { journal } = o;
  const seen = new Set<string>();
  const addedIds = new Set<string>();
  let first = true;
  // The batch's search texts, indexed after its rows (Records.indexSearch says why).
  const searchLater: SearchLater = [];
  // A new journal: what each record's triggers write is written once at the end instead (Journal says why).
  const putTriggersBack = o.write && o.fresh ? journal!.setRecordTriggersAside() : undefined;
  for await (const batch of stream.batches) {
    if (first) progress.phase(o.write ? msg.transfer.progressImport : msg.transfer.progressCheck, stream.total);
    first = false;
    for (const c of batch) {
      if (c.newId) c.record.id = newId(ctx);
    }
    // Which are in the journal already, asked once for the batch.
    const there = o.fresh || !journal ? undefined : journal.holding(batch.map((c) => c.record.id));
    const added: number[] = [];
    for (let i = 0; i < batch.length; i++) {
      const c = batch[i];
      const r = c.record;
      s.records++;
      if (c.newId) s.givenNewIds++;
      if (c.repaired) s.repairedCharacters++;
      if (seen.has(r.id)) {
        s.repeatedInFile++;
        continue;
      }
      seen.add(r.id);
      if (there?.has(r.id)) {
        s.alreadyInJournal++;
        const mine = journal!.get(r.id);
        if (!mine || JSON.stringify(toJson(mine)) !== JSON.stringify(toJson(r))) s.differentFromJournal++;
      } else {
        if (o.write) journal!.insertRaw(r, r.createdAt, c.text, searchLater);
        s.added++;
        addedIds.add(r.id);
        added.push(i);
      }
    }
    if (searchLater.length) journal!.indexSearch(searchLater);
    // Do the words of a record it added suggest danger (import/check.ts recordInDanger)? Until one does; the
    // checking thread has looked at some batches already.
    if (!danger && added.length) {
      const at = batch.dangerAt;
      danger = at ? added.some((i) => at.includes(i)) : added.some((i) => recordInDanger(batch[i]));
    }
    if (batch.length) progress.tick(batch[batch.length - 1].end);
  }
  putTriggersBack?.();
  s.skipped = s.alreadyInJournal + s.repeatedInFile;
  // The newest safety plan of the file, by the same rule: the newer plan (by updatedAt) wins.
  const plan = newestPlan(stream.plans);
  if (plan) s.safetyPlans = stream.plans.length;
  if (plan) s.safetyPlan = journal ? journal.mergeSafetyPlan(plan, o.write) : 'added';
  // Re-ratings, beliefs, experiments, follow-ups, check-ins: checked, then saved in this same transaction.
  if (stream.progress.length) {
    const checked = checkProgress(stream.progress, o.where ?? '');
    const p = importProgress(checked, o.where ?? '', { journal, write: o.write, recordsInFile: seen, added: addedIds, now: ctx.clock.now().toISOString() });
    s.progress = p.counts;
    if (!danger && p.texts.length) danger = mayBeInDangerAnywhere(p.texts);
  }
  if (danger) s.danger = true;
  return s;
}

function report(s: ImportSummary, where: string, ctx: Context): void {
  const t = ctx.errTheme;
  const more = s.progress ? countsWords(s.progress) : '';
  if (s.records === 0 && !s.safetyPlan && !s.progress) {
    ctx.say(msg.transfer.empty(where));
    return;
  }
  if (more) ctx.say(s.dryRun ? msg.progress.wouldImportProgress(more) : msg.progress.importedProgress(more));
  if (s.safetyPlan) {
    if ((s.safetyPlans ?? 0) > 1) ctx.say(msg.plan.twoInFile(s.safetyPlans ?? 0));
    ctx.say(s.safetyPlan === 'kept' ? msg.plan.importKept
      : s.dryRun ? (s.safetyPlan === 'added' ? msg.plan.wouldAdd : msg.plan.wouldReplace)
        : s.safetyPlan === 'added' ? msg.plan.importAdded : msg.plan.importReplaced);
    if (s.records === 0) {
      if (s.dryRun) ctx.say(msg.transfer.dryRunDone);
      return;
    }
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
