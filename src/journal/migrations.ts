// Numbered schema steps. Each runs in its own immediate transaction and sets PRAGMA user_version.
// Append new steps at the end; never edit a step that has shipped.

export const APPLICATION_ID = 0x52465231; // "RFR1": marks a SQLite file as a Reframe journal.

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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
