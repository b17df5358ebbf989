// What every open needs to know of the schema, without the migrations' SQL (~32 KB a start would otherwise read and
// compile): the version this reframe writes and the id that marks a file as a Reframe journal. migrations.ts
// holds the steps, and a test holds SCHEMA_VERSION to its last step.

export const APPLICATION_ID = 0x52465231; // "RFR1": marks a SQLite file as a Reframe journal.

/** The schema version this reframe writes: the last step of migrations.ts. */
export const SCHEMA_VERSION = 13;
