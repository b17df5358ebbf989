// Generated journals for tests: the pure generator (src/dev/generate.ts) plus ways to put its records
// into a journal quickly (one transaction), in memory or at a sandbox's journal path.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import type { ThoughtRecord } from '../../src/domain/record';
import { bulkLoad, generateRecords, type GenerateOptions } from '../../src/dev/generate';

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
