// Fill a journal file with a generated journal (for the benchmark and for trying things by hand).
// Used by scripts/generate.mjs, which bundles this file on the fly; tests use test/helpers/generate.ts.
import { openDatabase } from '../journal/open';
import { Journal } from '../journal/journal';
import { bulkLoad, generateRecords, type GenerateOptions } from './generate';

export { generateRecords, bulkLoad } from './generate';
/** The schema a seeded journal has (the benchmark keys its cache of journals by it). */
export { SCHEMA_VERSION } from '../journal/migrations';

export interface SeedResult {
  path: string;
  records: number;
  generateMs: number;
  loadMs: number;
}

/** Generate records and insert them into the journal at `path` (created if needed) in one transaction. */
export function seedJournal(path: string, o: GenerateOptions): SeedResult {
  const t0 = performance.now();
  const records = generateRecords(o);
  const t1 = performance.now();
  const journal = new Journal(openDatabase(path), path);
  try {
    const n = bulkLoad(journal, records);
    journal.db.pragma('optimize');
    return { path, records: n, generateMs: t1 - t0, loadMs: performance.now() - t1 };
  } finally {
    journal.close();
  }
}
