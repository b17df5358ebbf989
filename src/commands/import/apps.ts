// reframe import, for another app's export (src/import/apps/): thought records, notes and check-ins, all or
// nothing, in one transaction (a new journal built whole, as for Reframe's own files). Each thing keeps the app's
// name and its id there, so importing the same export again adds nothing.
import type { Context } from '../../context';
import { importedRecordSchema, type ThoughtRecord } from '../../domain/record';
import { describeZodError } from '../../domain/validate';
import { mayBeInDangerAnywhere } from '../../domain/safety/detect';
import { UsageError } from '../../errors';
import type { Journal } from '../../journal/journal';
import { buildNewJournal } from '../../journal/fresh';
import { msg } from '../../messages';
import { newId } from '../../input/record';
import { showNotes } from '../../safety-note';
import type { AppImport, AppName } from '../../import/apps/types';

interface KindCount { inFile: number; added: number; skipped: number }

export interface AppImportSummary {
  dryRun: boolean;
  from: AppName;
  variant: string;
  records: KindCount;
  notes: KindCount;
  checkins: KindCount;
  /** Imported records with no feelings (the app never asked). */
  recordsWithoutMoods: number;
  /** cbt-toolkit-app's behavioural experiments, kept as notes of kind "experiment". */
  experiments: number;
  distortionMap?: Record<string, string>;
  moodMap?: Record<string, number>;
}

const count = (): KindCount => ({ inFile: 0, added: 0, skipped: 0 });

export async function importFromApp(data: AppImport, where: string, o: { dryRun: boolean; json: boolean }, ctx: Context): Promise<void> {
  // Every record is checked before the journal is opened: a bad one changes nothing.
  const records = data.records.map((r) => {
    const parsed = importedRecordSchema.safeParse({ ...r.record, id: '00000000000000000000000000' });
    if (!parsed.success) throw new UsageError(msg.imports.badAt(where, r.pos, describeZodError(parsed.error, r.record)), msg.imports.badHint(data.app));
    return { ...r, value: parsed.data };
  });
  for (const n of data.notes) {
    if (n.body.length > 1_000_000 || (n.title?.length ?? 0) > 50_000) throw new UsageError(msg.imports.badAt(where, n.pos, msg.imports.tooLong), msg.imports.badHint(data.app));
  }

  const s: AppImportSummary = {
    dryRun: o.dryRun, from: data.app, variant: data.variant, records: count(), notes: count(), checkins: count(),
    recordsWithoutMoods: 0, experiments: data.notes.filter((n) => n.kind === 'experiment').length,
    ...(data.distortionMap && Object.keys(data.distortionMap).length ? { distortionMap: data.distortionMap } : {}),
    ...(data.moodMap && Object.keys(data.moodMap).length ? { moodMap: data.moodMap } : {}),
  };
  const words: string[] = [];

  const fill = (journal: Journal | undefined, write: boolean) => {
    const now = ctx.clock.now().toISOString();
    const source = data.app;
    const fresh = (table: 'records' | 'notes' | 'checkins', ids: string[], c: KindCount) => {
      const there = journal ? journal.holdingFrom(table, source, ids) : new Set<string>();
      const seen = new Set<string>();
      return (id: string): boolean => {
        c.inFile++;
        if (there.has(id) || seen.has(id)) {
          c.skipped++;
          return false;
        }
        seen.add(id);
        c.added++;
        return true;
      };
    };
    const recordIsNew = fresh('records', records.map((r) => r.sourceId), s.records);
    for (const r of records) {
      if (!recordIsNew(r.sourceId)) continue;
      const rec: ThoughtRecord = { ...r.value, id: newId(ctx) };
      if (rec.emotions.length === 0) s.recordsWithoutMoods++;
      words.push(rec.situation, rec.thought, ...rec.otherThoughts, ...rec.evidenceFor, ...rec.evidenceAgainst,
        ...rec.answers.map((a) => a.answer), rec.reframe ?? '', rec.actionPlan ?? '', ...rec.emotions.map((e) => e.name));
      if (write) journal!.insertImported(rec, r.updatedAt ?? rec.createdAt, source, r.sourceId);
    }
    const noteIsNew = fresh('notes', data.notes.map((n) => n.sourceId), s.notes);
    for (const n of data.notes) {
      if (!noteIsNew(n.sourceId)) continue;
      // The title, the body and each tag on its own, as a record's fields and tags are (safetyTexts).
      words.push(n.title ?? '', n.body, ...n.tags);
      if (write) {
        journal!.insertNoteRaw({ id: newId(ctx), kind: n.kind, source, sourceId: n.sourceId, writtenAt: n.writtenAt, importedAt: now,
          title: n.title, body: n.body, tags: n.tags, starred: n.starred });
      }
    }
    const checkinIsNew = fresh('checkins', data.checkins.map((c) => c.sourceId), s.checkins);
    for (const c of data.checkins) {
      if (!checkinIsNew(c.sourceId)) continue;
      if (c.words) words.push(c.words);
      if (write) {
        journal!.insertCheckinRaw({ id: newId(ctx), createdAt: c.createdAt, mood: c.mood, words: c.words, source, sourceId: c.sourceId,
          moodLabel: c.moodLabel, tags: c.tags });
      }
    }
    return s;
  };

  const existing = ctx.journalIfExists();
  if (o.dryRun) fill(existing, false);
  else if (existing) existing.write(() => fill(existing, true));
  else {
    const added = () => s.records.added + s.notes.added + s.checkins.added > 0;
    const built = await buildNewJournal(ctx.paths.db, async (j) => {
      j.write(() => fill(j, true));
      return { keep: added(), value: s };
    });
    if (!built.published && built.exists) {
      // Another reframe made the journal meanwhile: import into that one.
      for (const c of [s.records, s.notes, s.checkins]) Object.assign(c, count());
      s.recordsWithoutMoods = 0;
      words.length = 0;
      const journal = ctx.journal();
      journal.write(() => fill(journal, true));
    }
  }

  if (o.json) ctx.out(JSON.stringify(s, null, 2));
  else report(s, where, ctx);
  // The words are looked at as today's: one note at the end, however many there were.
  // Each text on its own, as when it is typed, and all of a long one (a note can be far longer than the 20,000
  // characters the detector reads at once: it is read in overlapping pieces).
  if (mayBeInDangerAnywhere(words)) showNotes(ctx, { danger: true, abuse: false }, msg.safety.importNote);
}

function report(s: AppImportSummary, where: string, ctx: Context): void {
  const t = ctx.errTheme;
  const m = msg.imports;
  ctx.say(t.muted(m.readAs(where, m.appName[s.from], s.variant)));
  const total = s.records.inFile + s.notes.inFile + s.checkins.inFile;
  if (total === 0) {
    ctx.say(msg.transfer.empty(where));
    return;
  }
  const added = m.kinds(s.records.added, s.notes.added, s.checkins.added);
  const skipped = s.records.skipped + s.notes.skipped + s.checkins.skipped;
  if (skipped === total) ctx.say(m.nothingNew(total));
  else {
    if (s.dryRun) ctx.say(m.wouldAdd(added));
    else ctx.say(t.good(m.added(added)));
    if (skipped) ctx.say(s.dryRun ? m.wouldSkip(skipped) : m.skipped(skipped));
  }
  if (s.distortionMap) ctx.say(m.patternsMapped(Object.entries(s.distortionMap)));
  if (s.moodMap) ctx.say(m.moodsMapped(Object.entries(s.moodMap)));
  if (s.recordsWithoutMoods) ctx.say(t.muted(m.noMoods(s.recordsWithoutMoods, m.appName[s.from])));
  if (s.experiments) ctx.say(t.muted(m.experimentsAsNotes(s.experiments)));
  if (s.dryRun) ctx.say(msg.transfer.dryRunDone);
}
