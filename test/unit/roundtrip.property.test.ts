// Properties, in-process (fast): random valid records survive export -> import unchanged in both JSON forms,
// and random junk never crashes the importer: it succeeds, or fails with a typed error (exit 1 or 2),
// and then the journal is exactly as it was.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExport } from '../../src/commands/export/run';
import { runImport } from '../../src/commands/import/run';
import { ReframeError } from '../../src/errors';
import { toJson } from '../../src/domain/record';
import { testContext, type TestContext } from '../helpers/context';
import { exportOrder, validRecords, AWKWARD_PIECES } from '../helpers/arbitrary';

const open: TestContext[] = [];
afterAll(() => open.forEach((t) => t.cleanup()));
function fresh(): TestContext {
  const t = testContext();
  open.push(t);
  return t;
}

async function exportText(t: TestContext, format: 'json' | 'jsonl'): Promise<string> {
  t.stdout.text = '';
  await runExport({ format }, t.ctx);
  return t.stdout.text;
}

async function importText(t: TestContext, text: string | Uint8Array, name: string, opts: Record<string, unknown> = {}): Promise<void> {
  const file = join(t.dir, name);
  writeFileSync(file, text);
  await runImport(file, opts, t.ctx);
}

const parseJsonl = (s: string) => s.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('export -> import round trip', () => {
  it('random valid records come back unchanged through json and jsonl', async () => {
    await fc.assert(fc.asyncProperty(validRecords(6), fc.boolean(), async (records, asArray) => {
      const a = fresh();
      const input = asArray ? JSON.stringify(records.map(toJson), null, 2) : records.map((r) => JSON.stringify(toJson(r))).join('\r\n');
      await importText(a, input, 'in.json');
      const json = await exportText(a, 'json');
      expect(JSON.parse(json)).toEqual(exportOrder(records));

      const b = fresh();
      await importText(b, json, 'a.json');
      const jsonl = await exportText(b, 'jsonl');
      expect(parseJsonl(jsonl)).toEqual(exportOrder(records));

      const c = fresh();
      await importText(c, jsonl, 'b.jsonl');
      expect(await exportText(c, 'json')).toBe(json); // byte for byte

      // Importing it again adds nothing.
      c.stderr.text = '';
      await importText(c, jsonl, 'b.jsonl', { json: true });
      c.cleanup();
      a.cleanup();
      b.cleanup();
    }), { numRuns: 40 });
  });

  it('importing the same file twice, or two overlapping exports, adds nothing twice', async () => {
    await fc.assert(fc.asyncProperty(validRecords(8), fc.nat(), fc.nat(), async (records, i, j) => {
      const cut1 = records.length ? i % (records.length + 1) : 0;
      const cut2 = records.length ? j % (records.length + 1) : 0;
      const left = records.slice(0, Math.max(cut1, cut2));
      const right = records.slice(Math.min(cut1, cut2));
      const t = fresh();
      t.stdout.text = '';
      await importText(t, left.map((r) => JSON.stringify(toJson(r))).join('\n'), 'left.jsonl', { json: true });
      const first = JSON.parse(t.stdout.text);
      expect(first.added).toBe(left.length);
      t.stdout.text = '';
      await importText(t, JSON.stringify(right.map(toJson)), 'right.json', { json: true });
      const second = JSON.parse(t.stdout.text);
      const overlap = right.filter((r) => left.some((l) => l.id === r.id)).length;
      expect(second).toMatchObject({ added: right.length - overlap, alreadyInJournal: overlap, differentFromJournal: 0 });
      expect(JSON.parse(await exportText(t, 'json'))).toEqual(exportOrder(records));
      t.cleanup();
    }), { numRuns: 30 });
  });
});

describe('junk never crashes the importer', () => {
  const seed = [
    { id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', occurredAt: '2026-11-22T19:05:00.000Z', situation: 's', emotions: [{ name: 'sad', before: 50 }], thought: 't', distortions: ['labeling'], tags: ['x'] },
  ];
  const validText = JSON.stringify(seed, null, 2);
  const junk = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
    fc.array(fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '\\', '\n', '\r\n', ' ', '1', '-1', '1e999', 'null', 'true', '"situation"', '"emotions"', '"before"', '\ufeff', ...AWKWARD_PIECES), { maxLength: 40 }).map((x) => x.join('')),
    // A valid file, damaged: cut short, a character dropped, or junk put in.
    fc.tuple(fc.nat(validText.length), fc.nat(validText.length), fc.string({ maxLength: 5 })).map(([a, b, s]) =>
      [validText.slice(0, a), validText.slice(0, a) + validText.slice(a + 1), validText.slice(0, a) + s + validText.slice(b)][b % 3]),
    fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } }),
    fc.array(fc.anything()).map((v) => { try { return v.map((x) => JSON.stringify(x) ?? 'x').join('\n'); } catch { return ''; } }),
  );

  it('only ever succeeds or fails with exit 1 or 2, and a failure leaves the journal as it was', async () => {
    const t = fresh();
    await importText(t, JSON.stringify([{ situation: 'already here', thought: 't', emotions: [{ name: 'calm', before: 10 }] }]), 'first.json');
    await fc.assert(fc.asyncProperty(junk, async (input) => {
      const before = await exportText(t, 'jsonl');
      t.stderr.text = '';
      try {
        await importText(t, input, 'junk.json');
      } catch (err) {
        expect(err, String(err)).toBeInstanceOf(ReframeError);
        expect([1, 2]).toContain((err as ReframeError).exitCode);
        expect((err as Error).message).not.toMatch(/\n\s+at /);
        expect(await exportText(t, 'jsonl')).toBe(before);
        return;
      }
      // It was valid: whatever it added is there, and the record already here still is.
      expect(await exportText(t, 'jsonl')).toContain('already here');
    }), { numRuns: 400 });
  });

  it('--dry-run writes nothing and does not even create the journal', async () => {
    await fc.assert(fc.asyncProperty(validRecords(4), async (records) => {
      const t = fresh();
      t.stdout.text = '';
      await importText(t, JSON.stringify(records.map(toJson)), 'in.json', { dryRun: true, json: true });
      expect(JSON.parse(t.stdout.text)).toMatchObject({ dryRun: true, added: records.length, skipped: 0 });
      expect(t.ctx.journalIfExists()).toBeUndefined();
      t.cleanup();
    }), { numRuns: 15 });
  });
});
