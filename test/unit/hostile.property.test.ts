// Hostile input, in-process: no JSON value makes the record schema throw, the flag parsers throw only
// UsageError, and no argv makes a command fail with anything but a typed error (exit 1 or 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { recordBodySchema, recordInputSchema, recordSchema } from '../../src/domain/record';
import { describeZodError } from '../../src/domain/validate';
import { parseEmotionFlag, parseRating } from '../../src/input/record';
import { parseBound, parseDateTime, parseOccurredAt } from '../../src/domain/dates';
import { decodeUtf8, parseRecordsText } from '../../src/import/parse';
import { ReframeError, UsageError } from '../../src/errors';
import { buildProgram } from '../../src/cli';
import { closeAll, makeContext } from '../../src/runtime';
import { Captured } from '../helpers/context';
import { SENTINEL } from '../helpers/faults';

const NOW = new Date('2026-11-22T21:30:00.000Z');
const RUNS = { numRuns: 400 };

/** Strings with what people and attackers type: any code unit, lone surrogates, controls, long runs. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u007f', '\u009b', '\ud800', '\udfff', '\u202e', '\ufeff', ':', '-', '1', ' ', '\n') }),
  fc.constantFrom('', ' ', '0', '100', '101', '-1', '1e2', '0x10', 'NaN', '  50  ', '٣٣', 'anxious:80', 'a:80:40', 'a::40', ':80', '7d', '99999d', '4w', '6m', '1y',
    'today', 'yesterday 21:00', '25:99', '2026-02-30', '2026-11-22T19:05:00Z', '9999-99-99', '--', '-', '--help', "'; DROP TABLE records; --"),
);

/** Calls fn; passes when it returns or throws a UsageError, fails on anything else. */
function onlyUsageErrors(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof UsageError) return true;
    throw err;
  }
}

const RECORD_KEYS = Object.keys(recordSchema.shape);

describe('the record schema never throws', () => {
  it.each([
    ['recordSchema', recordSchema],
    ['recordInputSchema', recordInputSchema],
    ['recordBodySchema', recordBodySchema],
  ] as const)('%s.safeParse on any JSON value and any JS value', (_name, schema) => {
    fc.assert(fc.property(fc.jsonValue(), (v) => { schema.safeParse(v); }), RUNS);
    fc.assert(fc.property(fc.anything(), (v) => { schema.safeParse(v); }), RUNS);
  });

  it('on objects with the record\'s own keys and hostile values, and its errors never quote a value', () => {
    const value = fc.oneof(nasty.map((s) => `${SENTINEL}${s}`), fc.jsonValue(), fc.array(nasty.map((s) => `${SENTINEL}${s}`)),
      fc.array(fc.dictionary(fc.constantFrom('name', 'before', 'after', 'question', 'answer'), fc.oneof(fc.integer(), nasty.map((s) => SENTINEL + s)))));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...RECORD_KEYS), value), (obj) => {
      for (const schema of [recordSchema, recordInputSchema]) {
        const r = schema.safeParse(obj);
        if (!r.success) expect(describeZodError(r.error, obj)).not.toContain(SENTINEL);
      }
    }), RUNS);
  });
});

describe('the flag parsers throw only UsageError', () => {
  it('parseRating gives 0-100 integers or a UsageError', () => {
    fc.assert(fc.property(nasty, (s) => onlyUsageErrors(() => {
      const n = parseRating('--belief', s);
      expect(Number.isInteger(n) && n! >= 0 && n! <= 100).toBe(true);
    })), RUNS);
  });

  it('parseEmotionFlag gives a named feeling with ratings 0-100, or a UsageError', () => {
    fc.assert(fc.property(nasty, fc.boolean(), (s, allow) => onlyUsageErrors(() => {
      const e = parseEmotionFlag(s, allow);
      expect(e.name.length).toBeGreaterThan(0);
      for (const v of [e.before, e.after]) if (v !== undefined) expect(Number.isInteger(v) && v >= 0 && v <= 100).toBe(true);
    })), RUNS);
  });

  it('parseBound and parseOccurredAt give valid dates or a UsageError; parseDateTime never throws', () => {
    fc.assert(fc.property(nasty, fc.constantFrom('start', 'end') as fc.Arbitrary<'start' | 'end'>, (s, edge) => {
      parseDateTime(s, NOW);
      onlyUsageErrors(() => expect(Number.isNaN(parseBound('--since', s, NOW, edge).getTime())).toBe(false));
      onlyUsageErrors(() => expect(Number.isNaN(Date.parse(parseOccurredAt(s, NOW)))).toBe(false));
    }), RUNS);
  });

  it('the import reader turns any bytes and any text into records or a UsageError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => onlyUsageErrors(() => parseRecordsText(decodeUtf8(bytes, 'f'), 'f'))), RUNS);
    fc.assert(fc.property(fc.oneof(nasty, fc.jsonValue().map((v) => JSON.stringify(v)), fc.array(fc.jsonValue()).map((a) => a.map((v) => JSON.stringify(v)).join('\n'))),
      (text) => onlyUsageErrors(() => parseRecordsText(text, 'f'))), RUNS);
  });
});

describe('no argv makes a command crash', () => {
  let dir: string;
  const ids: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'reframe-hostile-'));
    writeFileSync(join(dir, 'record.json'), JSON.stringify({ situation: 's', thought: 't', emotions: [{ name: 'sad', before: 50 }] }));
    writeFileSync(join(dir, 'records.json'), JSON.stringify([{ situation: 's', thought: 't', emotions: [{ name: 'sad', before: 50 }] }]));
    writeFileSync(join(dir, 'garbage.json'), '[[[[{"situation": ');
  });
  afterAll(() => {
    closeAll();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Run argv in-process against a journal in dir; the outcome as an exit code, or the unexpected error. */
  async function runArgv(args: string[]): Promise<{ code: number; err?: unknown; stdout: string }> {
    const stdout = new Captured(false);
    const stderr = new Captured(false);
    const stdin = new PassThrough();
    stdin.end();
    const env = { HOME: join(dir, 'home'), XDG_DATA_HOME: join(dir, 'data'), XDG_CONFIG_HOME: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state'), NO_COLOR: '1' };
    const program = buildProgram((g) => makeContext(g, { io: { stdout, stderr, stdin, interactive: false }, env, now: () => NOW }));
    const quiet = (c: Command) => { c.configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} }); c.commands.forEach(quiet); };
    quiet(program);
    try {
      await program.parseAsync(['node', 'reframe', ...args]);
      return { code: 0, stdout: stdout.text };
    } catch (err) {
      if (err instanceof CommanderError) return { code: err.exitCode === 0 ? 0 : 2, stdout: stdout.text };
      if (err instanceof ReframeError) return { code: err.exitCode, stdout: stdout.text };
      return { code: -1, err, stdout: stdout.text };
    } finally {
      closeAll();
    }
  }

  const FLAGS: Record<string, string[]> = {
    new: ['--situation', '--thought', '--belief', '--emotion', '--other-thought', '--distortion', '--for', '--against', '--reframe', '--reframe-belief', '--belief-after', '--plan', '--tag', '--at', '--input', '--json', '--resume'],
    list: ['--since', '--until', '--distortion', '--emotion', '--tag', '--search', '--limit', '--json'],
    show: ['--json'],
    edit: ['--situation', '--thought', '--belief', '--emotion', '--distortion', '--tag', '--at', '--belief-after', '--reframe', '--json'],
    delete: ['--yes', '--json'],
    'distortions show': ['--json'],
    'distortions suggest': ['--json', '--limit', '--no-history'],
    'distortions list': ['--json'],
    stats: ['--since', '--until', '--by', '--json'],
    doctor: ['--json'],
    import: ['--dry-run', '--json'],
    export: ['--format', '--since', '--until', '--tag', '--search', '--limit'],
  };
  const POSITIONAL = new Set(['show', 'edit', 'delete', 'distortions show', 'distortions suggest', 'import']);
  const BOOLEAN = new Set(['--json', '--yes', '--resume', '--dry-run', '--no-history']);

  const argv = fc.constantFrom(...Object.keys(FLAGS)).chain((cmd) => fc.tuple(
    fc.constant(cmd),
    fc.oneof(fc.constantFrom(join(dir, 'record.json'), join(dir, 'records.json'), join(dir, 'garbage.json'), dir, '01JD7X', 'mind-reading'), nasty, fc.constant('@id')),
    fc.array(fc.tuple(
      fc.oneof({ arbitrary: fc.constantFrom(...FLAGS[cmd]), weight: 12 }, { arbitrary: fc.constantFrom('--bogus', '-x'), weight: 1 }),
      fc.oneof({ arbitrary: fc.constantFrom('anxious:80', 'a:1:2', '50', '0', '7d', '2026-11-01', 'mind-reading', 'json', 'jsonl', 'csv', 'md', 'week', 'words', join(dir, 'record.json')), weight: 2 }, { arbitrary: nasty, weight: 3 }),
    ), { maxLength: 6 }),
  )).map(([cmd, pos, pairs]) => {
    const out = cmd.split(' ');
    if (POSITIONAL.has(cmd)) out.push(pos === '@id' ? (ids[0] ?? '01JD7X') : pos);
    for (const [flag, value] of pairs) out.push(flag, ...(BOOLEAN.has(flag) ? [] : [value]));
    // '-' would read this test's own standard input.
    return out.map((a) => (a === '-' ? '--' : a));
  });

  /** A whole record from flags, every text hostile: reaches validation, the journal and the renderers. */
  const fullNew = fc.tuple(nasty, nasty, nasty, nasty, nasty, fc.boolean()).map(([situation, thought, feeling, other, tag, json]) => [
    'new', '--situation', situation, '--thought', thought, '--emotion', `${feeling}:60`, '--for', other, '--against', other,
    '--reframe', other, '--plan', other, '--tag', tag, ...(json ? ['--json'] : []),
  ].map((a) => (a === '-' ? '--' : a)));

  it('gives only exit 0, 1 or 2 and a typed error, whatever the flags and values', async () => {
    const first = await runArgv(['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40']);
    expect(first.code).toBe(0);
    ids.push(first.stdout.trim());
    await fc.assert(fc.asyncProperty(fc.oneof(argv, fullNew), async (args) => {
      const r = await runArgv(args);
      if (r.code === -1) throw new Error(`reframe ${JSON.stringify(args)} crashed: ${(r.err as Error)?.stack ?? String(r.err)}`);
      expect([0, 1, 2]).toContain(r.code);
    }), { numRuns: 400 });
  });
});
