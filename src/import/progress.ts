// Issue 15's objects in an import file: re-ratings, beliefs, experiments, follow-ups, check-ins. Checked here
// (every one before any is saved: a bad one rejects the file with its position, exit 2), then saved inside the
// import's transaction. Idempotent: a belief, experiment or check-in already there (by id), a rating or a log
// entry already there (same time and values), a follow-up already told: nothing is added twice. A belief or
// experiment newer in the file (by updatedAt) replaces the journal's words; ratings and log entries are merged.
import type { RawItem } from './parse';
import type { Journal } from '../journal/journal';
import { PROGRESS_SCHEMAS, type BeliefObject, type CheckinObject, type ExperimentObject, type FollowUpObject, type RatingObject } from '../domain/progress-schema';
import { KINDS, type Experiment } from '../domain/progress';
import { withLatest } from '../domain/rerating';
import { describeZodError } from '../domain/validate';
import { UsageError } from '../errors';
import { msg } from '../messages';

export interface ProgressCounts { beliefs: number; experiments: number; ratings: number; checkins: number; followUps: number }

const NAMES: Record<string, string> = {
  [KINDS.rating]: 'the re-rating', [KINDS.belief]: 'the belief', [KINDS.experiment]: 'the experiment',
  [KINDS.followup]: 'the follow-up', [KINDS.checkin]: 'the check-in',
};

interface Checked {
  ratings: { item: RawItem; v: RatingObject }[];
  beliefs: { item: RawItem; v: BeliefObject }[];
  experiments: { item: RawItem; v: ExperimentObject }[];
  followUps: { item: RawItem; v: FollowUpObject }[];
  checkins: { item: RawItem; v: CheckinObject }[];
}

function bad(where: string, item: RawItem, detail: string): UsageError {
  return new UsageError(msg.transfer.invalidAt(where, msg.transfer.position(item.n, item.line), detail), msg.transfer.fixAndRetry);
}

/** Check every object; throws the first problem (its position, never its words). */
export function checkProgress(items: RawItem[], where: string): Checked {
  const c: Checked = { ratings: [], beliefs: [], experiments: [], followUps: [], checkins: [] };
  for (const item of items) {
    const kind = (item.value as { kind: keyof typeof PROGRESS_SCHEMAS }).kind;
    const r = PROGRESS_SCHEMAS[kind].safeParse(item.value);
    if (!r.success) throw bad(where, item, `${NAMES[kind]} ${describeZodError(r.error, item.value)}`);
    if (kind === KINDS.rating) c.ratings.push({ item, v: r.data as RatingObject });
    else if (kind === KINDS.belief) c.beliefs.push({ item, v: r.data as BeliefObject });
    else if (kind === KINDS.experiment) c.experiments.push({ item, v: r.data as ExperimentObject });
    else if (kind === KINDS.followup) c.followUps.push({ item, v: r.data as FollowUpObject });
    else c.checkins.push({ item, v: r.data as CheckinObject });
  }
  return c;
}

/**
 * Save (write) or only count them. `recordsInFile`: the ids of the file's records (a rating must be of one of
 * them or of a record in the journal). Returns what was (or would be) added, and the added words (for the
 * safety note).
 */
export function importProgress(c: Checked, where: string, o: { journal: Journal | undefined; write: boolean; recordsInFile: Set<string>; added: Set<string>; now: string }):
  { counts: ProgressCounts; texts: string[] } {
  const { journal, write } = o;
  const counts: ProgressCounts = { beliefs: 0, experiments: 0, ratings: 0, checkins: 0, followUps: 0 };
  const texts: string[] = [];
  const hasRecord = (id: string) => o.recordsInFile.has(id) || (journal?.has(id) ?? false);
  const beliefsInFile = new Set(c.beliefs.map((b) => b.v.id));
  const hasBelief = (id: string) => beliefsInFile.has(id) || (journal?.progress.hasBelief(id) ?? false);
  // References first, so nothing is saved from a file that will be refused.
  for (const { item, v } of c.ratings) if (!hasRecord(v.record)) throw bad(where, item, `${NAMES.rating} ${msg.progress.ratingForMissing}`);
  for (const { item, v } of c.followUps) if (!hasRecord(v.record)) throw bad(where, item, `${NAMES.followup} ${msg.progress.followUpForMissing}`);
  for (const { item, v } of c.experiments) {
    if (v.belief && !hasBelief(v.belief)) throw bad(where, item, `${NAMES.experiment} ${msg.progress.experimentForMissing}`);
  }

  for (const { v } of c.beliefs) {
    const mine = journal?.progress.belief(v.id);
    if (!mine) {
      counts.beliefs++;
      texts.push(v.text, ...(v.alternative ? [v.alternative] : []), ...v.evidence.map((e) => e.text));
      if (write) {
        journal!.progress.insertBelief({ ...v, records: [], experiments: [] });
        for (const r of v.records) if (hasRecord(r)) journal!.progress.linkRecord(r, v.id);
      }
      continue;
    }
    if (!write) continue;
    if (Date.parse(v.updatedAt) > Date.parse(mine.updatedAt)) journal!.progress.updateBelief(v);
    for (const r of v.ratings) journal!.progress.addBeliefRating(v.id, r);
    for (const e of v.evidence) if (journal!.progress.addEvidence(v.id, e)) texts.push(e.text);
    for (const r of v.records) if (hasRecord(r) && !journal!.progress.beliefOfRecord(r)) journal!.progress.linkRecord(r, v.id);
  }

  for (const { v } of c.experiments) {
    const mine = journal?.progress.experiment(v.id);
    if (mine && Date.parse(v.updatedAt) <= Date.parse(mine.updatedAt)) continue;
    if (!mine) counts.experiments++;
    texts.push(v.plan, v.prediction, ...[v.problems, v.coping, v.outcome, v.learned].filter((x): x is string => x !== undefined));
    if (write) {
      const { kind: _k, ...e } = v;
      journal!.progress.saveExperiment(e as Experiment);
    }
  }

  // A record already in the journal keeps the journal's copy, history and all (the merging rule of records):
  // only the records this import adds take their re-ratings.
  const touched = new Set<string>();
  for (const { v } of c.ratings) {
    if (!o.added.has(v.record)) continue;
    if (!write) {
      if (!journal || !journal.progress.reratings(v.record).some((r) => r.at === v.at && r.beliefAfter === v.beliefAfter)) counts.ratings++;
      continue;
    }
    if (journal!.progress.addRerating(v.record, { at: v.at, beliefAfter: v.beliefAfter, emotions: v.emotions })) {
      counts.ratings++;
      touched.add(v.record);
    }
  }
  // A record re-rated by the file holds the latest of its history, as after `edit`.
  for (const id of touched) {
    const rec = journal!.get(id);
    if (!rec) continue;
    const next = withLatest(rec, journal!.progress.reratings(id));
    if (JSON.stringify(next) !== JSON.stringify(rec)) journal!.update(next, o.now);
  }

  for (const { v } of c.followUps) {
    if (journal?.progress.followUp(v.record)) continue;
    counts.followUps++;
    texts.push(v.text);
    if (write) journal!.progress.saveFollowUp({ record: v.record, at: v.at, text: v.text });
  }

  for (const { v } of c.checkins) {
    if (write) {
      const { kind: _k, ...ci } = v;
      if (!journal!.insertCheckinRaw(ci)) continue;
    } else if (journal?.checkins(v.createdAt, v.createdAt).some((x) => x.id === v.id)) continue;
    counts.checkins++;
    texts.push(...[v.words, v.answer].filter((x): x is string => x !== undefined));
  }
  return { counts, texts };
}

export function countsWords(c: ProgressCounts): string {
  return (Object.keys(c) as (keyof ProgressCounts)[]).filter((k) => c[k] > 0)
    .map((k) => msg.progress.plural(c[k], msg.progress.counts[k])).join(', ');
}
