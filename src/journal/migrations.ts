// Numbered schema steps. Each runs in its own immediate transaction and sets PRAGMA user_version.
// Append new steps at the end; never edit a step that has shipped.

// The version and the journal's id are in schema-version.ts, which every open reads without these steps.
import { APPLICATION_ID, SCHEMA_VERSION } from './schema-version';

export { APPLICATION_ID, SCHEMA_VERSION };

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'records and their parts',
    sql: `
      CREATE TABLE records (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        created_at     TEXT NOT NULL,
        occurred_at    TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        situation      TEXT NOT NULL,
        thought        TEXT NOT NULL,
        belief_before  INTEGER CHECK (belief_before BETWEEN 0 AND 100),
        reframe        TEXT,
        reframe_belief INTEGER CHECK (reframe_belief BETWEEN 0 AND 100),
        belief_after   INTEGER CHECK (belief_after BETWEEN 0 AND 100),
        action_plan    TEXT
      );
      CREATE INDEX records_occurred ON records (occurred_at, belief_before, belief_after);

      CREATE TABLE emotions (
        record_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        name       TEXT NOT NULL,
        before     INTEGER NOT NULL CHECK (before BETWEEN 0 AND 100),
        after      INTEGER CHECK (after BETWEEN 0 AND 100),
        PRIMARY KEY (record_seq, position)
      ) WITHOUT ROWID;
      CREATE INDEX emotions_name ON emotions (name, record_seq, before, after);

      CREATE TABLE record_distortions (
        record_seq    INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        distortion_id TEXT NOT NULL,
        PRIMARY KEY (record_seq, position)
      ) WITHOUT ROWID;
      CREATE INDEX record_distortions_id ON record_distortions (distortion_id, record_seq);

      CREATE TABLE other_thoughts (
        record_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (record_seq, position)
      ) WITHOUT ROWID;

      CREATE TABLE evidence (
        record_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        side       TEXT NOT NULL CHECK (side IN ('for', 'against')),
        position   INTEGER NOT NULL,
        text       TEXT NOT NULL,
        PRIMARY KEY (record_seq, side, position)
      ) WITHOUT ROWID;

      CREATE TABLE answers (
        record_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        question   TEXT NOT NULL,
        answer     TEXT NOT NULL,
        PRIMARY KEY (record_seq, position)
      ) WITHOUT ROWID;

      CREATE TABLE tags (
        record_seq INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        position   INTEGER NOT NULL,
        tag        TEXT NOT NULL,
        PRIMARY KEY (record_seq, position)
      ) WITHOUT ROWID;
      CREATE INDEX tags_tag ON tags (tag, record_seq);

      CREATE TABLE drafts (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        target_id  TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        data       TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'full-text search',
    // One row per record (rowid = records.seq) holding every text field; the repository keeps it in sync.
    sql: `
      CREATE VIRTUAL TABLE records_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO records_fts (rowid, body)
        SELECT r.seq, concat_ws(char(10), r.situation, r.thought, r.reframe, r.action_plan,
          (SELECT group_concat(text, char(10)) FROM other_thoughts WHERE record_seq = r.seq),
          (SELECT group_concat(text, char(10)) FROM evidence WHERE record_seq = r.seq),
          (SELECT group_concat(question || char(10) || answer, char(10)) FROM answers WHERE record_seq = r.seq))
        FROM records r;
    `,
  },
  {
    version: 3,
    name: 'daily check-ins',
    sql: `
      CREATE TABLE checkins (
        seq        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        mood       INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 100),
        words      TEXT,
        prompt_id  TEXT
      );
      CREATE INDEX checkins_created ON checkins (created_at, mood);
    `,
  },
  {
    version: 4,
    name: 'stats facts on the parts tables',
    // `stats` reads every figure from covering indexes, without joining back to records: each part row
    // carries its record's time and relief (belief before - after; the sum and count of before - after
    // over its rated feelings). A repeated name in one record (a tag given twice) leaves these NULL on
    // the repeats, so it counts once. The repository (journal.ts insertParts) fills these on every
    // write; this step fills them for existing journals. The new indexes keep the old names and still
    // serve the list filters (they hold record_seq too).
    sql: `
      ALTER TABLE emotions ADD COLUMN occurred_at TEXT;
      ALTER TABLE record_distortions ADD COLUMN occurred_at TEXT;
      ALTER TABLE record_distortions ADD COLUMN belief_relief INTEGER;
      ALTER TABLE record_distortions ADD COLUMN emotion_relief INTEGER;
      ALTER TABLE record_distortions ADD COLUMN emotion_rated INTEGER;
      ALTER TABLE tags ADD COLUMN occurred_at TEXT;
      ALTER TABLE tags ADD COLUMN belief_relief INTEGER;
      ALTER TABLE tags ADD COLUMN emotion_relief INTEGER;
      ALTER TABLE tags ADD COLUMN emotion_rated INTEGER;

      UPDATE emotions SET occurred_at = r.occurred_at FROM records r
        WHERE r.seq = emotions.record_seq
          AND NOT EXISTS (SELECT 1 FROM emotions e2 WHERE e2.record_seq = emotions.record_seq
                            AND e2.name = emotions.name AND e2.position < emotions.position);

      CREATE TEMP TABLE stats_relief AS
        SELECT r.seq, r.occurred_at, r.belief_before - r.belief_after AS belief_relief,
               sum(e.before - e.after) AS emotion_relief, count(e.after) AS emotion_rated
        FROM records r LEFT JOIN emotions e ON e.record_seq = r.seq AND e.occurred_at IS NOT NULL
        GROUP BY r.seq;

      UPDATE record_distortions SET occurred_at = s.occurred_at, belief_relief = s.belief_relief,
          emotion_relief = s.emotion_relief, emotion_rated = s.emotion_rated
        FROM temp.stats_relief s
        WHERE s.seq = record_distortions.record_seq
          AND NOT EXISTS (SELECT 1 FROM record_distortions d2 WHERE d2.record_seq = record_distortions.record_seq
                            AND d2.distortion_id = record_distortions.distortion_id AND d2.position < record_distortions.position);
      UPDATE tags SET occurred_at = s.occurred_at, belief_relief = s.belief_relief,
          emotion_relief = s.emotion_relief, emotion_rated = s.emotion_rated
        FROM temp.stats_relief s
        WHERE s.seq = tags.record_seq
          AND NOT EXISTS (SELECT 1 FROM tags t2 WHERE t2.record_seq = tags.record_seq
                            AND t2.tag = tags.tag AND t2.position < tags.position);
      DROP TABLE temp.stats_relief;

      DROP INDEX emotions_name;
      CREATE INDEX emotions_name ON emotions (name, occurred_at, before, after);
      DROP INDEX record_distortions_id;
      CREATE INDEX record_distortions_id ON record_distortions (distortion_id, occurred_at, belief_relief, emotion_relief, emotion_rated);
      DROP INDEX tags_tag;
      CREATE INDEX tags_tag ON tags (tag, occurred_at, belief_relief, emotion_relief, emotion_rated);
    `,
  },
  {
    version: 5,
    name: 'records by when they were written',
    // `reframe daily` (run from cron) finds practice days and yesterday's records by created_at; without
    // an index each of those reads every record (a scan of the whole table: ~50 ms at 100,000 records).
    sql: `CREATE INDEX records_created ON records (created_at);`,
  },
  {
    version: 6,
    name: 'stats by month',
    // `stats` over years of records would read every part row (~150 ms at 100,000 records). These hold the
    // same sums per UTC month ('YYYY-MM' of occurred_at): a long range reads its whole months here and only
    // the part-months at each end from the rows (src/journal/stats.ts). The repository keeps them up to date
    // in the same transaction as every write (journal.ts, monthly()); this step fills them for existing
    // journals. Only first uses count (part rows whose occurred_at is set), as in the stats queries.
    sql: `
      CREATE TABLE stats_month_records (
        month             TEXT PRIMARY KEY,
        records           INTEGER NOT NULL,
        belief_before_sum INTEGER NOT NULL,
        belief_before_n   INTEGER NOT NULL,
        belief_after_sum  INTEGER NOT NULL,
        belief_after_n    INTEGER NOT NULL,
        belief_both       INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE stats_month_keys (
        kind               TEXT NOT NULL CHECK (kind IN ('distortion', 'tag')),
        key                TEXT NOT NULL,
        month              TEXT NOT NULL,
        records            INTEGER NOT NULL,
        belief_relief_sum  INTEGER NOT NULL,
        belief_rated       INTEGER NOT NULL,
        emotion_relief_sum INTEGER NOT NULL,
        emotion_rated      INTEGER NOT NULL,
        PRIMARY KEY (kind, key, month)
      ) WITHOUT ROWID;
      CREATE TABLE stats_month_emotions (
        name       TEXT NOT NULL,
        month      TEXT NOT NULL,
        records    INTEGER NOT NULL,
        before_sum INTEGER NOT NULL,
        after_sum  INTEGER NOT NULL,
        after_n    INTEGER NOT NULL,
        PRIMARY KEY (name, month)
      ) WITHOUT ROWID;

      INSERT INTO stats_month_records
        SELECT substr(occurred_at, 1, 7), count(*), coalesce(sum(belief_before), 0), count(belief_before),
          coalesce(sum(belief_after), 0), count(belief_after), count(belief_before - belief_after)
        FROM records GROUP BY 1;
      INSERT INTO stats_month_keys
        SELECT 'distortion', distortion_id, substr(occurred_at, 1, 7), count(*), coalesce(sum(belief_relief), 0),
          count(belief_relief), coalesce(sum(emotion_relief), 0), coalesce(sum(emotion_rated), 0)
        FROM record_distortions WHERE occurred_at IS NOT NULL GROUP BY 2, 3;
      INSERT INTO stats_month_keys
        SELECT 'tag', tag, substr(occurred_at, 1, 7), count(*), coalesce(sum(belief_relief), 0),
          count(belief_relief), coalesce(sum(emotion_relief), 0), coalesce(sum(emotion_rated), 0)
        FROM tags WHERE occurred_at IS NOT NULL GROUP BY 2, 3;
      INSERT INTO stats_month_emotions
        SELECT name, substr(occurred_at, 1, 7), count(*), sum(before), coalesce(sum(after), 0), count(after)
        FROM emotions WHERE occurred_at IS NOT NULL GROUP BY 1, 2;
    `,
  },
  {
    version: 7,
    name: 'free-text lists in one row per record, search without a second copy',
    // Saving a record wrote a row per other thought, piece of evidence and question (~3 us each: 100,000
    // records took ~1 s for them alone), and the search index kept its own copy of all the text (a quarter of
    // the file). Those lists are only ever read with their record, so each record's lists now make one row of
    // record_lists, as JSON arrays (NULL when empty; answers as [question, answer] pairs; no row when all are
    // empty). Beside the record, not on it: records rows stay small, so the searches and lists that read many
    // of them read no more pages than before. The index becomes contentless: it keeps the words, not the text
    // (contentless_delete lets a record leave it without its old text; substring search reads the records,
    // query.ts). Its in-memory buffer grows to 8 MB from 1 MB, so a big import writes the index in a few large
    // pieces instead of merging many small ones (~0.3 s less at 100,000). The searchable text of each record is
    // the same as before, in the order ftsBody (saved-text.ts) gives.
    sql: `
      CREATE TABLE record_lists (
        record_seq       INTEGER PRIMARY KEY REFERENCES records (seq) ON DELETE CASCADE,
        other_thoughts   TEXT,
        evidence_for     TEXT,
        evidence_against TEXT,
        answers          TEXT
      );
      INSERT INTO record_lists (record_seq, other_thoughts, evidence_for, evidence_against, answers)
        SELECT r.seq,
          nullif((SELECT json_group_array(text ORDER BY position) FROM other_thoughts WHERE record_seq = r.seq), '[]'),
          nullif((SELECT json_group_array(text ORDER BY position) FROM evidence WHERE record_seq = r.seq AND side = 'for'), '[]'),
          nullif((SELECT json_group_array(text ORDER BY position) FROM evidence WHERE record_seq = r.seq AND side = 'against'), '[]'),
          nullif((SELECT json_group_array(json_array(question, answer) ORDER BY position) FROM answers WHERE record_seq = r.seq), '[]')
        FROM records r
        WHERE EXISTS (SELECT 1 FROM other_thoughts WHERE record_seq = r.seq) OR EXISTS (SELECT 1 FROM evidence WHERE record_seq = r.seq)
          OR EXISTS (SELECT 1 FROM answers WHERE record_seq = r.seq);
      DROP TABLE other_thoughts;
      DROP TABLE evidence;
      DROP TABLE answers;

      DROP TABLE records_fts;
      CREATE VIRTUAL TABLE records_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO records_fts (records_fts, rank) VALUES ('hashsize', 8388608);
      INSERT INTO records_fts (rowid, body)
        SELECT r.seq, concat_ws(char(10), r.situation, r.thought, r.reframe, r.action_plan,
          (SELECT group_concat(value, char(10) ORDER BY key) FROM json_each(l.other_thoughts)),
          (SELECT group_concat(value, char(10) ORDER BY key) FROM json_each(l.evidence_for)),
          (SELECT group_concat(value, char(10) ORDER BY key) FROM json_each(l.evidence_against)),
          (SELECT group_concat(value ->> 1, char(10) ORDER BY key) FROM json_each(l.answers)),
          (SELECT group_concat(value ->> 0, char(10) ORDER BY key) FROM json_each(l.answers)))
        FROM records r LEFT JOIN record_lists l ON l.record_seq = r.seq;
    `,
  },
  {
    version: 8,
    name: 'a personal safety plan',
    // One row at most: the person's safety plan (src/domain/safety-plan.ts), its steps as JSON. Kept in the
    // journal so it is backed up, exported and imported with the records.
    sql: `
      CREATE TABLE safety_plan (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        updated_at TEXT NOT NULL,
        data       TEXT NOT NULL
      );
    `,
  },
  {
    version: 9,
    name: 'notes, and where imported things came from',
    // Importers (src/import/apps/): what came from another app keeps that app's name and its own id
    // (or, for apps without ids, a hash of the entry), so importing the same export again adds nothing.
    // Journal entries (jrnl, Day One) and cbt-toolkit-app's experiments become notes: kept whole, dated,
    // tagged, searchable (notes_fts, rowid = notes.seq). Daylio rows become check-ins, with their own mood
    // word and activities kept beside the 0-100 mood.
    sql: `
      ALTER TABLE records ADD COLUMN source TEXT;
      ALTER TABLE records ADD COLUMN source_id TEXT;
      CREATE UNIQUE INDEX records_source ON records (source, source_id) WHERE source IS NOT NULL;

      ALTER TABLE checkins ADD COLUMN source TEXT;
      ALTER TABLE checkins ADD COLUMN source_id TEXT;
      ALTER TABLE checkins ADD COLUMN mood_label TEXT;
      ALTER TABLE checkins ADD COLUMN tags TEXT;
      CREATE UNIQUE INDEX checkins_source ON checkins (source, source_id) WHERE source IS NOT NULL;

      CREATE TABLE notes (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('entry', 'experiment')),
        source      TEXT,
        source_id   TEXT,
        written_at  TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        title       TEXT,
        body        TEXT NOT NULL,
        tags        TEXT,
        starred     INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX notes_source ON notes (source, source_id) WHERE source IS NOT NULL;
      CREATE INDEX notes_written ON notes (written_at);
      CREATE VIRTUAL TABLE notes_fts USING fts5 (body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 10,
    name: 'when the thought is true',
    // The guided record's branch for a thought the evidence mostly supports: the help the person
    // could ask for and what they would tell a friend, as a JSON object ({"help": ..., "friend": ...}); NULL
    // when the branch was not taken. What they can do is action_plan, as before. Old records are unchanged.
    sql: `
      ALTER TABLE records ADD COLUMN when_true TEXT;
    `,
  },
  {
    version: 11,
    name: 'progress over time: re-ratings, core beliefs, experiments, follow-ups, check-in answers',
    // A record's later re-ratings (the record's own columns keep the latest; the first row of a record's history
    // is what it was rated with that night). Beliefs with their conviction over time and their positive data log;
    // records linked to a belief (beside the record, not on it: the record's form is unchanged); behavioural
    // experiments; how a record's plan went; a check-in's answer to the day's reflection prompt.
    sql: `
      CREATE TABLE record_ratings (
        seq          INTEGER PRIMARY KEY,
        record_seq   INTEGER NOT NULL REFERENCES records (seq) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        belief_after INTEGER CHECK (belief_after BETWEEN 0 AND 100),
        emotions     TEXT
      );
      CREATE INDEX record_ratings_record ON record_ratings (record_seq, at);

      CREATE TABLE beliefs (
        id          TEXT PRIMARY KEY,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        text        TEXT NOT NULL,
        type        TEXT NOT NULL CHECK (type IN ('core', 'rule')),
        alternative TEXT
      );
      CREATE TABLE belief_ratings (
        seq                    INTEGER PRIMARY KEY,
        belief_id              TEXT NOT NULL REFERENCES beliefs (id) ON DELETE CASCADE,
        at                     TEXT NOT NULL,
        conviction             INTEGER NOT NULL CHECK (conviction BETWEEN 0 AND 100),
        alternative_conviction INTEGER CHECK (alternative_conviction BETWEEN 0 AND 100)
      );
      CREATE INDEX belief_ratings_belief ON belief_ratings (belief_id, at);
      CREATE TABLE belief_evidence (
        seq       INTEGER PRIMARY KEY,
        belief_id TEXT NOT NULL REFERENCES beliefs (id) ON DELETE CASCADE,
        at        TEXT NOT NULL,
        text      TEXT NOT NULL
      );
      CREATE INDEX belief_evidence_belief ON belief_evidence (belief_id, at);
      CREATE TABLE record_beliefs (
        record_id TEXT PRIMARY KEY,
        belief_id TEXT NOT NULL REFERENCES beliefs (id) ON DELETE CASCADE
      );
      CREATE INDEX record_beliefs_belief ON record_beliefs (belief_id);

      CREATE TABLE experiments (
        id                TEXT PRIMARY KEY,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        belief_id         TEXT,
        record_id         TEXT,
        plan              TEXT NOT NULL,
        prediction        TEXT NOT NULL,
        prediction_belief INTEGER NOT NULL CHECK (prediction_belief BETWEEN 0 AND 100),
        due               TEXT NOT NULL,
        problems          TEXT,
        coping            TEXT,
        done_at           TEXT,
        outcome           TEXT,
        came_true         INTEGER CHECK (came_true BETWEEN 0 AND 100),
        learned           TEXT
      );
      CREATE INDEX experiments_due ON experiments (done_at, due);
      CREATE INDEX experiments_belief ON experiments (belief_id);

      CREATE TABLE followups (
        record_id TEXT PRIMARY KEY,
        at        TEXT NOT NULL,
        text      TEXT NOT NULL
      );

      ALTER TABLE checkins ADD COLUMN answer TEXT;
    `,
  },
  {
    version: 12,
    name: 'sync through a folder: this device, the outbox of changes, what was seen, kept conflicts',
    // Issue 22 (src/sync/). sync_self: at most one row, set by `reframe sync init DIR`: this journal's device id,
    // the folder, its hybrid logical clock, whether `auto` is on, and `capture` (1 while changes are noted; the
    // sync's own apply sets it to 0 inside its transaction, so what comes from other devices is not echoed back).
    // The triggers note which thing changed (kind and id) in sync_outbox, whichever path wrote it: only the key
    // and the time; the words are read when the sync writes them out. Nothing is noted until sync is set up.
    // sync_entities: the version (stamp) of each thing this journal holds; sync_versions: every version seen
    // (stamp -> base), so a change read twice is applied once and an older one can be told from a lost one;
    // sync_cursors: how far each other device's file has been read; sync_conflicts: the losing side of two
    // edits made apart, kept whole.
    sql: `
      CREATE TABLE sync_self (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        device      TEXT NOT NULL,
        dir         TEXT NOT NULL,
        capture     INTEGER NOT NULL DEFAULT 1,
        auto        INTEGER NOT NULL DEFAULT 0,
        hlc_wall    INTEGER NOT NULL DEFAULT 0,
        hlc_count   INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT NOT NULL,
        last_sync   TEXT,
        last_sent   INTEGER NOT NULL DEFAULT 0,
        last_got    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        sent_total  INTEGER NOT NULL DEFAULT 0,
        got_total   INTEGER NOT NULL DEFAULT 0,
        snapshot_versions INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sync_outbox (
        kind TEXT NOT NULL,
        id   TEXT NOT NULL,
        at   INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      CREATE TABLE sync_entities (
        kind  TEXT NOT NULL,
        id    TEXT NOT NULL,
        stamp TEXT NOT NULL,
        base  TEXT,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      CREATE TABLE sync_versions (
        stamp TEXT PRIMARY KEY,
        base  TEXT
      ) WITHOUT ROWID;
      CREATE TABLE sync_cursors (
        file   TEXT PRIMARY KEY,
        offset INTEGER NOT NULL,
        size   INTEGER NOT NULL,
        mtime  REAL NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE sync_conflicts (
        seq        INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL,
        id         TEXT NOT NULL,
        stamp      TEXT NOT NULL,
        device     TEXT NOT NULL,
        winner     TEXT NOT NULL,
        kept_at    TEXT NOT NULL,
        data       TEXT NOT NULL,
        UNIQUE (kind, id, stamp)
      );
      CREATE INDEX sync_conflicts_entity ON sync_conflicts (kind, id);
      CREATE TRIGGER sync_records_insert AFTER INSERT ON records
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_beliefs_insert AFTER INSERT ON beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_experiments_insert AFTER INSERT ON experiments
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'experiment', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_checkins_insert AFTER INSERT ON checkins
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'checkin', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_followups_insert AFTER INSERT ON followups
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'followup', NEW.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_plan_insert AFTER INSERT ON safety_plan
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'plan', 'plan', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_beliefs_insert AFTER INSERT ON record_beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', NEW.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_records_update AFTER UPDATE ON records
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_beliefs_update AFTER UPDATE ON beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_experiments_update AFTER UPDATE ON experiments
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'experiment', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_checkins_update AFTER UPDATE ON checkins
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'checkin', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_followups_update AFTER UPDATE ON followups
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'followup', NEW.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_plan_update AFTER UPDATE ON safety_plan
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'plan', 'plan', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_beliefs_update AFTER UPDATE ON record_beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', NEW.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_records_delete AFTER DELETE ON records
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_beliefs_delete AFTER DELETE ON beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_experiments_delete AFTER DELETE ON experiments
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'experiment', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_checkins_delete AFTER DELETE ON checkins
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'checkin', OLD.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_followups_delete AFTER DELETE ON followups
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'followup', OLD.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_plan_delete AFTER DELETE ON safety_plan
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'plan', 'plan', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_beliefs_delete AFTER DELETE ON record_beliefs
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', OLD.record_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_ratings_insert AFTER INSERT ON record_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', r.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM records r WHERE r.seq = NEW.record_seq
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_ratings_insert AFTER INSERT ON belief_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_evidence_insert AFTER INSERT ON belief_evidence
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_ratings_update AFTER UPDATE ON record_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', r.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM records r WHERE r.seq = NEW.record_seq
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_ratings_update AFTER UPDATE ON belief_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_evidence_update AFTER UPDATE ON belief_evidence
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', NEW.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_record_ratings_delete AFTER DELETE ON record_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'record', r.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM records r WHERE r.seq = OLD.record_seq
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_ratings_delete AFTER DELETE ON belief_ratings
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', OLD.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
      CREATE TRIGGER sync_belief_evidence_delete AFTER DELETE ON belief_evidence
        WHEN (SELECT capture FROM sync_self) = 1
        BEGIN INSERT INTO sync_outbox (kind, id, at) SELECT 'belief', OLD.belief_id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE true
          ON CONFLICT (kind, id) DO UPDATE SET at = max(at, excluded.at); END;
    `,
  },
  {
    version: 13,
    name: 'the days with practice, kept as records and check-ins are written',
    // One row per UTC day with records (kind 'record', by when they happened) or check-ins (kind 'checkin', by when
    // they were made): the day's first and last time. `daily`, the daily state file and `stats` read these rows
    // instead of a skip scan of the time indexes (two index seeks per day: ~5,000 seeks for ten years, whose cost
    // grew with the index). Kept by triggers, so every path that writes (new, edit, delete, import, sync, restore
    // into a journal) keeps them right; a deleted or moved row's day is worked out again from the rows of that
    // day alone. Derived data: never exported or synced.
    // The time index gains the id after the time: records are listed and exported in (time, id) order, now read a
    // page at a time after the last one's time and id, which without it sorted every record sharing the page's
    // edge time again for each page (an import of records with dates only: thousands at one time). Still covering
    // for stats (time, then the two ratings).
    sql: `
      CREATE TABLE practice_days (
        kind  TEXT NOT NULL,
        day   TEXT NOT NULL,
        first TEXT NOT NULL,
        last  TEXT NOT NULL,
        PRIMARY KEY (kind, day)
      ) WITHOUT ROWID;
      INSERT INTO practice_days (kind, day, first, last)
        SELECT 'record', substr(occurred_at, 1, 10), min(occurred_at), max(occurred_at) FROM records GROUP BY substr(occurred_at, 1, 10);
      DROP INDEX records_occurred;
      CREATE INDEX records_occurred ON records (occurred_at, id, belief_before, belief_after);
      INSERT INTO practice_days (kind, day, first, last)
        SELECT 'checkin', substr(created_at, 1, 10), min(created_at), max(created_at) FROM checkins GROUP BY substr(created_at, 1, 10);
      CREATE TRIGGER practice_records_insert AFTER INSERT ON records BEGIN
        INSERT INTO practice_days (kind, day, first, last) VALUES ('record', substr(NEW.occurred_at, 1, 10), NEW.occurred_at, NEW.occurred_at)
          ON CONFLICT (kind, day) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last);
      END;
      CREATE TRIGGER practice_records_delete AFTER DELETE ON records BEGIN
        DELETE FROM practice_days WHERE kind = 'record' AND day = substr(OLD.occurred_at, 1, 10);
        INSERT INTO practice_days (kind, day, first, last)
          SELECT 'record', substr(OLD.occurred_at, 1, 10), min(occurred_at), max(occurred_at) FROM records
          WHERE occurred_at >= substr(OLD.occurred_at, 1, 10) AND occurred_at < substr(OLD.occurred_at, 1, 10) || 'T24' HAVING count(*) > 0;
      END;
      CREATE TRIGGER practice_records_update AFTER UPDATE OF occurred_at ON records WHEN OLD.occurred_at IS NOT NEW.occurred_at BEGIN
        DELETE FROM practice_days WHERE kind = 'record' AND day = substr(OLD.occurred_at, 1, 10);
        INSERT INTO practice_days (kind, day, first, last)
          SELECT 'record', substr(OLD.occurred_at, 1, 10), min(occurred_at), max(occurred_at) FROM records
          WHERE occurred_at >= substr(OLD.occurred_at, 1, 10) AND occurred_at < substr(OLD.occurred_at, 1, 10) || 'T24' HAVING count(*) > 0;
        INSERT INTO practice_days (kind, day, first, last) VALUES ('record', substr(NEW.occurred_at, 1, 10), NEW.occurred_at, NEW.occurred_at)
          ON CONFLICT (kind, day) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last);
      END;
      CREATE TRIGGER practice_checkins_insert AFTER INSERT ON checkins BEGIN
        INSERT INTO practice_days (kind, day, first, last) VALUES ('checkin', substr(NEW.created_at, 1, 10), NEW.created_at, NEW.created_at)
          ON CONFLICT (kind, day) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last);
      END;
      CREATE TRIGGER practice_checkins_delete AFTER DELETE ON checkins BEGIN
        DELETE FROM practice_days WHERE kind = 'checkin' AND day = substr(OLD.created_at, 1, 10);
        INSERT INTO practice_days (kind, day, first, last)
          SELECT 'checkin', substr(OLD.created_at, 1, 10), min(created_at), max(created_at) FROM checkins
          WHERE created_at >= substr(OLD.created_at, 1, 10) AND created_at < substr(OLD.created_at, 1, 10) || 'T24' HAVING count(*) > 0;
      END;
      CREATE TRIGGER practice_checkins_update AFTER UPDATE OF created_at ON checkins WHEN OLD.created_at IS NOT NEW.created_at BEGIN
        DELETE FROM practice_days WHERE kind = 'checkin' AND day = substr(OLD.created_at, 1, 10);
        INSERT INTO practice_days (kind, day, first, last)
          SELECT 'checkin', substr(OLD.created_at, 1, 10), min(created_at), max(created_at) FROM checkins
          WHERE created_at >= substr(OLD.created_at, 1, 10) AND created_at < substr(OLD.created_at, 1, 10) || 'T24' HAVING count(*) > 0;
        INSERT INTO practice_days (kind, day, first, last) VALUES ('checkin', substr(NEW.created_at, 1, 10), NEW.created_at, NEW.created_at)
          ON CONFLICT (kind, day) DO UPDATE SET first = min(first, excluded.first), last = max(last, excluded.last);
      END;
    `,
  },
];
