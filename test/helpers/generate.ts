// Generated journals for tests: the pure generator (src/dev/generate.ts) plus ways to put its records
// into a journal quickly (one transaction), in memory or at a sandbox's journal path.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import Database from 'better-sqlite3-multiple-ciphers';
import { recordSchema, type ThoughtRecord } from '../../src/domain/record';
import { bulkLoad, generateRecords, rng, seededUlid, type GenerateOptions } from '../../src/dev/generate';

export {
  generateRecords, bulkLoad, rng, seededUlid, GENERATOR_DISTORTIONS, GENERATOR_UNKNOWN_DISTORTION,
  type GenerateOptions,
} from '../../src/dev/generate';

/** A fresh journal in memory holding these records. */
export function memJournal(records: ThoughtRecord[] = []): Journal {
  const j = new Journal(openDatabase(':memory:'), ':memory:');
  bulkLoad(j, records);
  return j;
}

/** Write records into the journal file at `path` (created with its folder if needed), then close it. */
export function writeJournal(path: string, records: ThoughtRecord[]): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const j = new Journal(openDatabase(path), path);
  try {
    bulkLoad(j, records);
  } finally {
    j.close();
  }
}

/** Generate a journal and write it at `path`; returns the records for an independent computation. */
export function generatedJournal(path: string, o: GenerateOptions): ThoughtRecord[] {
  const records = generateRecords(o);
  writeJournal(path, records);
  return records;
}

let made = 0;
/**
 * One valid record at `at` (created and happened then), with a plain situation, thought and feeling unless
 * `o` says otherwise. Ids are ULIDs of `at`, distinct within a test file.
 */
export function recordAt(at: Date, o: Partial<ThoughtRecord> = {}): ThoughtRecord {
  return recordSchema.parse({
    id: seededUlid(at.getTime(), rng(++made)),
    createdAt: at.toISOString(),
    occurredAt: at.toISOString(),
    situation: 'Something happened',
    thought: 'A hot thought',
    emotions: [{ name: 'anxious', before: 80, after: 40 }],
    ...o,
  });
}

/** Every row of every table of the journal at `path`, sorted: a journal is "unchanged" when this is. */
export function dumpJournal(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
  } finally {
    db.close();
  }
}
