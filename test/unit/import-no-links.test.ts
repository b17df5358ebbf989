// On a file system without hard links (some network and FAT drives), a first import can't put its privately
// built journal in place without a moment where it could replace a journal another reframe just made. There it
// imports into the journal at its path the ordinary way instead: all the records, in one transaction, and
// nothing left beside it.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const linkSync = vi.fn(() => { throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' }); });
  const renameSync = vi.fn(fs.renameSync);
  return { ...fs, default: { ...fs, linkSync, renameSync }, linkSync, renameSync };
});

const { runImport } = await import('../../src/commands/import/run');
const { testContext } = await import('../helpers/context');
const { generateRecords } = await import('../helpers/generate');
const { toJson } = await import('../../src/domain/record');
const { linkSync, renameSync } = await import('node:fs');

let t: ReturnType<typeof testContext> | undefined;
afterEach(() => { t?.cleanup(); t = undefined; });

describe('a first import where the file system has no hard links', () => {
  it('still lands whole, in the journal at its path, with nothing left beside it', async () => {
    t = testContext();
    const records = generateRecords({ records: 40, days: 20, seed: 3, unknownDistortions: 0 });
    const file = join(t.dir, 'in.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(toJson(r))).join('\n'));
    await runImport(file, {}, t.ctx);
    expect(vi.mocked(linkSync)).toHaveBeenCalled();
    expect(t.stderr.text).toBe('Added 40 records to your journal.\n');
    const db = t.ctx.paths.db;
    expect(existsSync(db)).toBe(true);
    expect(t.ctx.journal().count()).toBe(40);
    expect(readdirSync(dirname(db)).filter((f) => f.includes('.import-'))).toEqual([]);
    // Nothing was ever moved onto the journal's path: a rename there could replace a journal another reframe
    // made a moment before, and that one's records would go with it.
    expect(vi.mocked(renameSync).mock.calls.filter(([, to]) => String(to) === db)).toEqual([]);
  });

  it('a bad file still creates no journal', async () => {
    t = testContext();
    const file = join(t.dir, 'bad.jsonl');
    const good = generateRecords({ records: 3, days: 5, seed: 4, unknownDistortions: 0 }).map((r) => JSON.stringify(toJson(r)));
    writeFileSync(file, [...good, JSON.stringify({ situation: 's', thought: 't', emotions: [{ name: 'sad', before: 500 }] })].join('\n'));
    await expect(runImport(file, {}, t.ctx)).rejects.toThrow(/record 4/);
    expect(existsSync(t.ctx.paths.db)).toBe(false);
  });
});
