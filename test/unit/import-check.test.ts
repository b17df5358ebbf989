// Checking an import file on a worker thread gives exactly what checking it in place gives: the same records in
// the same order with the same flags, and the same first error. Plus the shortcuts that make checking cheaper
// (no surrogate walk when the JSON spells none; canonical times without Dates) change no answer.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkStream, type CheckJob } from '../../src/import/check';
import { savedText } from '../../src/journal/saved-text';
import { checkRecords, checkUtf8, decodeUtf8, readRecordsBytes, readRecordsText, type CheckedRecord, type RawItem } from '../../src/import/parse';
import { isCanonicalIso, isoDateTime, toJson } from '../../src/domain/record';
import { loadLibrary } from '../../src/library/library';
import { generateRecords } from '../helpers/generate';
import { BIN } from '../helpers/run';

const job: CheckJob = {
  where: 'records.jsonl',
  known: loadLibrary().patterns.map((p) => p.id),
  patternsFile: '/home/someone/.config/reframe/patterns.json',
  now: '2026-11-22T21:30:00.000Z',
};

/** The script a worker thread starts (what main.ts passes through the Context); none: check in place. */
let entry: string | undefined;
afterEach(() => { entry = undefined; });

type Outcome = { items: CheckedRecord[]; batches: number; total: number } | { error: [string, string, string | undefined] };

/** Where the last stream's records were checked. */
let onWorker = false;

async function outcome(bytes: Uint8Array, worker: boolean): Promise<Outcome> {
  const stream = checkStream(bytes, job, { worker, entry });
  const items: CheckedRecord[] = [];
  let batches = 0;
  try {
    for await (const b of stream.batches) {
      // A worker also works out the columns the journal writes: exactly what the journal would.
      for (const { text, record, ...c } of b) {
        if (text) expect(text).toEqual(savedText(record));
        else expect(stream.worker).toBe(false);
        // Compared in the contract's form (a record from the worker keeps its lists as JSON until they are read).
        items.push({ ...c, record: toJson(record) as unknown as CheckedRecord['record'] });
      }
      batches++;
    }
    onWorker = stream.worker;
    return { items, batches, total: stream.total };
  } catch (err) {
    onWorker = stream.worker;
    const e = err as { constructor: { name: string }; message: string; hint?: string };
    return { error: [e.constructor.name, e.message, e.hint] };
  }
}

/** The same file checked here and on a worker thread running the built program. */
async function both(text: string | Buffer) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const here = await outcome(bytes, false);
  expect(onWorker).toBe(false);
  entry = BIN;
  const there = await outcome(bytes, true);
  expect(onWorker, 'checked on the worker thread').toBe(true);
  entry = undefined;
  return { here, there };
}

const records = generateRecords({ records: 2500, days: 90, seed: 3, unknownDistortions: 0 });
const lines = records.map((r) => JSON.stringify(toJson(r)));
// One without an id or a time, one with half of a surrogate pair spelled out.
lines.splice(10, 0, JSON.stringify({ situation: 's', thought: 't', emotions: [{ name: 'Sad ', before: 5 }] }));
lines.splice(20, 0, '{"situation":"broken \\ud83d here","thought":"t","emotions":[{"name":"sad","before":5}]}');

describe('checking on a worker thread', () => {
  it('gives the same records, in order, with the same flags, in batches', async () => {
    const { here, there } = await both(lines.join('\n') + '\n');
    expect('items' in here && here.items.length).toBe(2502);
    expect(there).toEqual(here);
    if (!('items' in there)) throw new Error('failed');
    expect(there.batches).toBe(3);
    expect(there.items[10]).toMatchObject({ n: 11, newId: true, repaired: false, record: { createdAt: job.now, emotions: [{ name: 'sad', before: 5 }] } });
    expect(there.items[20]).toMatchObject({ n: 21, newId: true, repaired: true, record: { situation: 'broken \ufffd here' } });
  });

  it('reads a JSON array the same way', async () => {
    const { here, there } = await both(`[\n${lines.slice(0, 1200).join(',\n')}\n]`);
    expect(there).toEqual(here);
    expect('items' in there && there.items.length).toBe(1200);
  });

  it('stops at the same first bad record, with the same words', async () => {
    const bad = [...lines.slice(0, 2300), JSON.stringify({ situation: 'my secret', thought: 't', emotions: [{ name: 'sad', before: 101 }] }), ...lines.slice(2300)];
    const { here, there } = await both(bad.join('\n'));
    expect(here).toEqual({ error: ['UsageError', 'records.jsonl, record 2301 (line 2301): emotions[0].before must be from 0 to 100.', expect.any(String)] });
    expect(there).toEqual(here);
    const notJson = await both(`${lines.slice(0, 1500).join('\n')}\n{"situation": oops}\n`);
    expect(notJson.there).toEqual(notJson.here);
    expect(notJson.here).toMatchObject({ error: ['UsageError', expect.stringContaining('record 1501 (line 1501) is not valid JSON'), expect.any(String)] });
  });

  it('refuses what is not UTF-8 the same way', async () => {
    const { here, there } = await both(Buffer.concat([Buffer.from(lines.slice(0, 1000).join('\n')), Buffer.from([0xff, 0xfe, 0x00])]));
    expect(here).toMatchObject({ error: ['UsageError', expect.stringContaining('is not UTF-8 text'), expect.any(String)] });
    expect(there).toEqual(here);
  });

  it('checks in place when the thread cannot start or says nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reframe-check-'));
    try {
      const text = Buffer.from(lines.slice(0, 1100).join('\n'));
      const here = await outcome(text, false);
      for (const script of [join(dir, 'missing.cjs'), join(dir, 'quits.cjs')]) {
        writeFileSync(join(dir, 'quits.cjs'), 'process.exit(0);\n');
        entry = script;
        expect(await outcome(text, true), script).toEqual(here);
        expect(onWorker).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shortcuts in checking', () => {
  it('a "__proto__" key is an unknown field, whether or not the record needs its characters repaired', () => {
    const base = '"situation":"s","thought":"t","emotions":[{"name":"sad","before":5}]';
    for (const extra of ['', ',"reframe":"\\udc00"']) {
      for (const json of [`{${base}${extra},"__proto__":{"actionPlan":"x"}}`, `{"situation":"s","thought":"t","emotions":[{"name":"sad","before":5,"__proto__":{"after":1}}]${extra}}`]) {
        const items = readRecordsText(json + '\n' + json + '\n', 'f').items;
        expect(() => [...checkRecords(items, { ...job, knownPattern: () => true, newId: () => 'x' })], json).toThrow(/unknown field "__proto__"/);
      }
    }
  });

  it('the quick UTF-8 look refuses exactly what decoding refuses', () => {
    const bytesLike = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.array(fc.oneof(fc.constantFrom(0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f),
        fc.integer({ min: 0, max: 255 })), { maxLength: 12 }).map((xs) => Uint8Array.from(xs)),
      fc.string({ unit: 'binary', maxLength: 10 }).map((x) => Uint8Array.from(Buffer.from(x, 'utf8'))),
    );
    fc.assert(fc.property(bytesLike, (b) => {
      let decodes = true;
      try { decodeUtf8(b, 'f'); } catch { decodes = false; }
      let passes = true;
      try { checkUtf8(b, 'f'); } catch { passes = false; }
      expect(passes).toBe(decodes);
    }), { numRuns: 20000 });
  });

  it('a time already in canonical form is accepted exactly when the full check accepts it, and kept as it is', () => {
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    const canonicalShaped = fc.tuple(
      fc.integer({ min: 1800, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 999 }),
    ).map(([y, mo, d, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`);
    // What the full check (regex, Date.parse, calendar, year range) concludes, written out independently.
    const fullCheck = (s: string) => {
      const t = Date.parse(s);
      if (!Number.isFinite(t)) return false;
      const back = new Date(t).toISOString();
      return back === s && Number(s.slice(0, 4)) >= 1900;
    };
    fc.assert(fc.property(fc.oneof(canonicalShaped, fc.string({ maxLength: 30 })), (s) => {
      expect(isCanonicalIso(s)).toBe(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s) && fullCheck(s));
      const r = isoDateTime.safeParse(s);
      if (isCanonicalIso(s)) expect(r).toEqual({ success: true, data: s });
    }), { numRuns: 3000 });
    for (const s of ['2024-02-29T23:59:59.999Z', '1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) expect(isCanonicalIso(s), s).toBe(true);
    for (const s of ['2023-02-29T10:00:00.000Z', '1900-02-29T10:00:00.000Z', '2026-11-22T24:00:00.000Z', '1899-12-31T23:59:59.999Z', '2026-04-31T10:00:00.000Z']) {
      expect(isCanonicalIso(s), s).toBe(false);
      expect(isoDateTime.safeParse(s).success, s).toBe(false);
    }
  });
});

describe('a big JSON Lines file, read a piece at a time', () => {
  /** Records, positions, noSurrogates and errors as reading it whole gives (`end` is a progress position: not compared). */
  function sameAsWhole(bytes: Buffer): string {
    const attempt = (f: () => { format: string; items: Iterable<RawItem> }) => {
      try {
        const r = f();
        return { format: r.format, items: [...r.items].map(({ n, line, value, noSurrogates }) => ({ n, line, value, noSurrogates })) };
      } catch (err) {
        return { error: (err as Error).message };
      }
    };
    const whole = attempt(() => readRecordsText(decodeUtf8(bytes, 'f.jsonl'), 'f.jsonl'));
    const pieces = attempt(() => readRecordsBytes(bytes, 'f.jsonl'));
    expect(pieces).toEqual(whole);
    return 'error' in whole ? whole.error! : `${whole.format} ${whole.items.length}`;
  }
  const text = lines.map((l, i) => (i % 7 === 0 ? `${l}\r\n\n` : i % 11 === 0 ? `${l}\n   \n` : `${l}\n`)).join('');

  it('gives the same records at the same lines, through blank lines, CRLF, a BOM and lines longer than a piece', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 << 20);
    expect(sameAsWhole(Buffer.from(text))).toBe('jsonl 2502');
    expect(sameAsWhole(Buffer.from('\ufeff' + text.trimEnd()))).toBe('jsonl 2502');
    const long = JSON.stringify({ situation: 's', thought: 't', emotions: [{ name: 'sad', before: 5 }], evidenceFor: ['x'.repeat(1_500_000)] });
    const cut = text.indexOf('\n', 600_000) + 1;
    expect(sameAsWhole(Buffer.from(text.slice(0, cut) + long + '\n' + text.slice(cut)))).toBe('jsonl 2503');
  });

  it('stops with the same words: bad JSON late, a last line cut short, bytes that are not UTF-8 near the end', () => {
    const at = text.indexOf('\n', 2_000_000) + 1;
    expect(sameAsWhole(Buffer.from(text.slice(0, at) + '{"oops": \n' + text.slice(at)))).toMatch(/is not valid JSON/);
    expect(sameAsWhole(Buffer.from(text + lines[0].slice(0, 50)))).toMatch(/cut short/);
    expect(sameAsWhole(Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28, 0x0a])]))).toMatch(/not UTF-8/);
  });

  it('reads what is not JSON Lines whole, as before: one big object over many lines, one object and blank lines', () => {
    const one = JSON.stringify({ situation: 's', thought: 't', emotions: [{ name: 'sad', before: 5 }], evidenceFor: ['y'.repeat(1_200_000)] });
    expect(sameAsWhole(Buffer.from(JSON.stringify(JSON.parse(one), null, 2)))).toBe('object 1');
    expect(sameAsWhole(Buffer.from(one + '\n\n  \n'))).toBe('object 1');
    expect(sameAsWhole(Buffer.from(`[\n${lines.slice(0, 1500).join(',\n')}\n]`))).toBe('array 1500');
  });
});
