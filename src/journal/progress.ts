// Progress over time (migration 11): a record's re-ratings, beliefs (conviction history, positive data log, linked
// records), behavioural experiments, follow-ups of a record's plan. Call the writing methods inside
// Journal.write() when several must go together; each one alone is its own transaction through `d.write`.
import type { Belief, BeliefRating, BeliefType, DataLogEntry, Experiment, FollowUp, Rerating } from '../domain/progress';
import { n2u, type JournalDb } from './database';
import { resolvePrefix, type IdErrors } from './ids';

type Db = JournalDb & { write<T>(fn: () => T): T };

interface BeliefRow { id: string; created_at: string; updated_at: string; text: string; type: BeliefType; alternative: string | null }
interface ExperimentRow {
  id: string; created_at: string; updated_at: string; belief_id: string | null; record_id: string | null; plan: string;
  prediction: string; prediction_belief: number; due: string; problems: string | null; coping: string | null;
  done_at: string | null; outcome: string | null; came_true: number | null; learned: string | null;
}

export class Progress {
  constructor(private readonly d: Db) {}

  /** A journal below schema 11 (doctor looking at an old file) has none of these tables. */
  hasTables(): boolean {
    return this.d.read(() => this.d.stmt("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'beliefs'").get()) !== undefined;
  }

  // ---- re-ratings ----------------------------------------------------------------------------

  private seqOf(recordId: string): number | undefined {
    return (this.d.stmt('SELECT seq FROM records WHERE id = ?').get(recordId) as { seq: number } | undefined)?.seq;
  }

  /** A record's rating history, oldest first (empty when it was never re-rated). */
  reratings(recordId: string): Rerating[] {
    if (!this.hasTables()) return [];
    const rows = this.d.read(() => this.d.stmt(
      `SELECT rr.at, rr.belief_after, rr.emotions FROM record_ratings rr JOIN records r ON r.seq = rr.record_seq
       WHERE r.id = ? ORDER BY rr.at, rr.seq`).all(recordId)) as { at: string; belief_after: number | null; emotions: string | null }[];
    return rows.map(toRerating);
  }

  /** Every re-rating in the journal, by record, oldest first (export). */
  allReratings(): { record: string; rating: Rerating }[] {
    if (!this.hasTables()) return [];
    const rows = this.d.read(() => this.d.stmt(
      `SELECT r.id AS record, rr.at, rr.belief_after, rr.emotions FROM record_ratings rr JOIN records r ON r.seq = rr.record_seq
       ORDER BY r.occurred_at, r.id, rr.at, rr.seq`).all()) as { record: string; at: string; belief_after: number | null; emotions: string | null }[];
    return rows.map((row) => ({ record: row.record, rating: toRerating(row) }));
  }

  /** Add a rating to a record's history (inside a write). False when the record has that very rating already. */
  addRerating(recordId: string, r: Rerating): boolean {
    const seq = this.seqOf(recordId);
    if (seq === undefined) return false;
    const emotions = r.emotions && r.emotions.length ? JSON.stringify(r.emotions) : null;
    const same = this.d.stmt(
      'SELECT 1 FROM record_ratings WHERE record_seq = ? AND at = ? AND belief_after IS ? AND emotions IS ?',
    ).get(seq, r.at, r.beliefAfter ?? null, emotions);
    if (same) return false;
    this.d.stmt('INSERT INTO record_ratings (record_seq, at, belief_after, emotions) VALUES (?, ?, ?, ?)')
      .run(seq, r.at, r.beliefAfter ?? null, emotions);
    return true;
  }

  // ---- beliefs -------------------------------------------------------------------------------

  insertBelief(b: Belief): void {
    this.d.stmt('INSERT INTO beliefs (id, created_at, updated_at, text, type, alternative) VALUES (?, ?, ?, ?, ?, ?)')
      .run(b.id, b.createdAt, b.updatedAt, b.text, b.type, b.alternative ?? null);
    for (const r of b.ratings) this.addBeliefRating(b.id, r);
    for (const e of b.evidence) this.addEvidence(b.id, e);
  }

  /** Change a belief's words (a newer import, say); its history stays. */
  updateBelief(b: Pick<Belief, 'id' | 'updatedAt' | 'text' | 'type' | 'alternative'>): void {
    this.d.stmt('UPDATE beliefs SET updated_at = ?, text = ?, type = ?, alternative = ? WHERE id = ?')
      .run(b.updatedAt, b.text, b.type, b.alternative ?? null, b.id);
  }

  touchBelief(id: string, at: string): void {
    this.d.stmt('UPDATE beliefs SET updated_at = max(updated_at, ?) WHERE id = ?').run(at, id);
  }

  /** False when that very rating is there already (an import brought twice). */
  addBeliefRating(id: string, r: BeliefRating): boolean {
    const same = this.d.stmt('SELECT 1 FROM belief_ratings WHERE belief_id = ? AND at = ? AND conviction = ? AND alternative_conviction IS ?')
      .get(id, r.at, r.conviction, r.alternativeConviction ?? null);
    if (same) return false;
    this.d.stmt('INSERT INTO belief_ratings (belief_id, at, conviction, alternative_conviction) VALUES (?, ?, ?, ?)')
      .run(id, r.at, r.conviction, r.alternativeConviction ?? null);
    return true;
  }

  addEvidence(id: string, e: DataLogEntry): boolean {
    if (this.d.stmt('SELECT 1 FROM belief_evidence WHERE belief_id = ? AND at = ? AND text = ?').get(id, e.at, e.text)) return false;
    this.d.stmt('INSERT INTO belief_evidence (belief_id, at, text) VALUES (?, ?, ?)').run(id, e.at, e.text);
    return true;
  }

  /** Link a record to a belief (replacing any other link of that record). */
  linkRecord(recordId: string, beliefId: string): void {
    this.d.stmt('INSERT INTO record_beliefs (record_id, belief_id) VALUES (?, ?) ON CONFLICT (record_id) DO UPDATE SET belief_id = excluded.belief_id')
      .run(recordId, beliefId);
  }

  /** A record deleted: its link and its follow-up go with it (its re-ratings go with its row). */
  unlinkRecord(recordId: string): void {
    if (!this.hasTables()) return;
    this.d.stmt('DELETE FROM record_beliefs WHERE record_id = ?').run(recordId);
    this.d.stmt('DELETE FROM followups WHERE record_id = ?').run(recordId);
  }

  /** The belief a record is linked to, if any. */
  beliefOfRecord(recordId: string): string | undefined {
    if (!this.hasTables()) return undefined;
    return this.d.read(() => (this.d.stmt('SELECT belief_id FROM record_beliefs WHERE record_id = ?').get(recordId) as { belief_id: string } | undefined)?.belief_id);
  }

  hasBelief(id: string): boolean {
    return this.d.read(() => this.d.stmt('SELECT 1 FROM beliefs WHERE id = ?').get(id) !== undefined);
  }

  /** Ids of beliefs starting with a prefix (case-insensitive), at most 3. */
  /** The one belief (or experiment) an id or a unique prefix of 6+ characters names. */
  resolveBeliefId(prefix: string, errs: IdErrors): string {
    return resolvePrefix(this.d, 'belief', prefix, errs);
  }

  resolveExperimentId(prefix: string, errs: IdErrors): string {
    return resolvePrefix(this.d, 'experiment', prefix, errs);
  }

  belief(id: string): Belief | undefined {
    return this.d.read(() => {
      const row = this.d.stmt('SELECT * FROM beliefs WHERE id = ?').get(id) as BeliefRow | undefined;
      return row ? this.hydrateBelief(row) : undefined;
    });
  }

  /** Every belief, oldest first. */
  beliefs(): Belief[] {
    if (!this.hasTables()) return [];
    return this.d.read(() => (this.d.stmt('SELECT * FROM beliefs ORDER BY created_at, id').all() as BeliefRow[]).map((r) => this.hydrateBelief(r)));
  }

  /** Each kept belief's id and words only, oldest first (what the downward arrow offers to link to). */
  beliefChoices(): { id: string; text: string }[] {
    if (!this.hasTables()) return [];
    return this.d.read(() => this.d.stmt('SELECT id, text FROM beliefs ORDER BY created_at, id').all()) as { id: string; text: string }[];
  }

  private hydrateBelief(row: BeliefRow): Belief {
    const ratings = (this.d.stmt('SELECT at, conviction, alternative_conviction FROM belief_ratings WHERE belief_id = ? ORDER BY at, seq').all(row.id) as
      { at: string; conviction: number; alternative_conviction: number | null }[])
      .map((r) => ({ at: r.at, conviction: r.conviction, alternativeConviction: n2u(r.alternative_conviction) }));
    const evidence = this.d.stmt('SELECT at, text FROM belief_evidence WHERE belief_id = ? ORDER BY at, seq').all(row.id) as DataLogEntry[];
    const records = this.d.stmt(
      `SELECT l.record_id FROM record_beliefs l LEFT JOIN records r ON r.id = l.record_id
       WHERE l.belief_id = ? ORDER BY r.occurred_at, l.record_id`).pluck().all(row.id) as string[];
    // Its experiments: those testing it, and those testing a record linked to it.
    const experiments = this.d.stmt(
      `SELECT id FROM experiments WHERE belief_id = ?
         OR (belief_id IS NULL AND record_id IN (SELECT record_id FROM record_beliefs WHERE belief_id = ?))
       ORDER BY created_at, id`).pluck().all(row.id, row.id) as string[];
    return {
      id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, text: row.text, type: row.type,
      alternative: n2u(row.alternative), ratings, evidence, records, experiments,
    };
  }

  // ---- experiments ---------------------------------------------------------------------------

  /** Insert or replace an experiment, whole. */
  saveExperiment(e: Experiment): void {
    this.d.stmt(
      `INSERT INTO experiments (id, created_at, updated_at, belief_id, record_id, plan, prediction, prediction_belief, due,
         problems, coping, done_at, outcome, came_true, learned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, belief_id = excluded.belief_id,
         record_id = excluded.record_id, plan = excluded.plan, prediction = excluded.prediction,
         prediction_belief = excluded.prediction_belief, due = excluded.due, problems = excluded.problems,
         coping = excluded.coping, done_at = excluded.done_at, outcome = excluded.outcome,
         came_true = excluded.came_true, learned = excluded.learned`,
    ).run(e.id, e.createdAt, e.updatedAt, e.belief ?? null, e.record ?? null, e.plan, e.prediction, e.predictionBelief, e.due,
      e.problems ?? null, e.coping ?? null, e.doneAt ?? null, e.outcome ?? null, e.cameTrue ?? null, e.learned ?? null);
  }

  experiment(id: string): Experiment | undefined {
    return this.d.read(() => {
      const row = this.d.stmt('SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
      return row ? toExperiment(row) : undefined;
    });
  }

  /** Every experiment, by due day then when planned. */
  experiments(): Experiment[] {
    if (!this.hasTables()) return [];
    return this.d.read(() => (this.d.stmt('SELECT * FROM experiments ORDER BY due, created_at, id').all() as ExperimentRow[]).map(toExperiment));
  }

  /** Experiments not done whose day has come (`today`: local yyyy-MM-dd). */
  dueExperiments(today: string): Experiment[] {
    if (!this.hasTables()) return [];
    return this.d.read(() => (this.d.stmt('SELECT * FROM experiments WHERE done_at IS NULL AND due <= ? ORDER BY due, created_at, id')
      .all(today) as ExperimentRow[]).map(toExperiment));
  }

  // ---- follow-ups of a record's plan ---------------------------------------------------------

  followUp(recordId: string): FollowUp | undefined {
    if (!this.hasTables()) return undefined;
    const row = this.d.read(() => this.d.stmt('SELECT record_id, at, text FROM followups WHERE record_id = ?').get(recordId)) as
      { record_id: string; at: string; text: string } | undefined;
    return row ? { record: row.record_id, at: row.at, text: row.text } : undefined;
  }

  followUps(): FollowUp[] {
    if (!this.hasTables()) return [];
    return (this.d.read(() => this.d.stmt('SELECT record_id, at, text FROM followups ORDER BY at, record_id').all()) as
      { record_id: string; at: string; text: string }[]).map((r) => ({ record: r.record_id, at: r.at, text: r.text }));
  }

  /** Keep how a plan went; the first word on it stays (an import never overwrites one). False when there was one. */
  saveFollowUp(f: FollowUp): boolean {
    return this.d.stmt('INSERT INTO followups (record_id, at, text) VALUES (?, ?, ?) ON CONFLICT (record_id) DO NOTHING')
      .run(f.record, f.at, f.text).changes > 0;
  }

  /** The newest record (by when it happened) that has a plan, before `before` (UTC ISO), with no follow-up. */
  planToFollowUp(before: string): { id: string; plan: string; occurredAt: string } | undefined {
    if (!this.hasTables()) return undefined;
    const row = this.d.read(() => this.d.stmt(
      `SELECT r.id, r.action_plan, r.occurred_at FROM records r
       WHERE r.seq = (SELECT seq FROM records WHERE action_plan IS NOT NULL AND trim(action_plan) <> '' ORDER BY occurred_at DESC LIMIT 1)
         AND r.occurred_at < ? AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.record_id = r.id)`).get(before)) as
      { id: string; action_plan: string; occurred_at: string } | undefined;
    return row ? { id: row.id, plan: row.action_plan, occurredAt: row.occurred_at } : undefined;
  }
}

function toRerating(row: { at: string; belief_after: number | null; emotions: string | null }): Rerating {
  const r: Rerating = { at: row.at };
  if (row.belief_after !== null) r.beliefAfter = row.belief_after;
  if (row.emotions !== null) r.emotions = JSON.parse(row.emotions) as { name: string; after: number }[];
  return r;
}

function toExperiment(r: ExperimentRow): Experiment {
  const e: Experiment = {
    id: r.id, createdAt: r.created_at, updatedAt: r.updated_at, belief: n2u(r.belief_id), record: n2u(r.record_id), plan: r.plan,
    prediction: r.prediction, predictionBelief: r.prediction_belief, due: r.due, problems: n2u(r.problems), coping: n2u(r.coping),
    doneAt: n2u(r.done_at), outcome: n2u(r.outcome), cameTrue: n2u(r.came_true), learned: n2u(r.learned),
  };
  for (const k of Object.keys(e) as (keyof Experiment)[]) if (e[k] === undefined) delete e[k];
  return e;
}
