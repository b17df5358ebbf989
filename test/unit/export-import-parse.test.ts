// Reading import files: formats, 1-based positions, and errors that name the place, never the text.
import { describe, expect, it } from 'vitest';
import { decodeUtf8, parseRecordsText, repairText, validateItems } from '../../src/import/parse';
import { UsageError } from '../../src/errors';
import { buildListQuery } from '../../src/journal/query';

const R = (extra: Record<string, unknown> = {}) => ({ situation: 'secret situation', thought: 'secret thought', emotions: [{ name: 'sad', before: 50 }], ...extra });

function err(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected an error');
}

const validate = (items: ReturnType<typeof parseRecordsText>['items']) => validateItems(items, {
  where: 'f.json', knownPattern: (id) => ['labeling', 'mind-reading'].includes(id), patternsFile: '/cfg/patterns.json',
  newId: (() => { let n = 0; return () => `01JD7X4Q9V6M2W8K3T5R0YH1${String(n++).padStart(2, '0')}`; })(), now: '2026-11-22T21:30:00.000Z',
});

describe('decodeUtf8', () => {
  it('drops a UTF-8 byte-order mark and refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8(Buffer.from('\ufeff[]', 'utf8'), 'f')).toBe('[]');
    expect(decodeUtf8(Buffer.from('é 💔', 'utf8'), 'f')).toBe('é 💔');
    expect(err(() => decodeUtf8(Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), 'f.json')).message).toBe('f.json is not UTF-8 text, so nothing was imported.');
    expect(() => decodeUtf8(Buffer.from([0xff, 0xfe, 0x5b, 0x00]), 'f')).toThrow(UsageError); // UTF-16
  });
});

describe('parseRecordsText', () => {
  it('reads a JSON array with the line each record starts on', () => {
    const text = `[\n  ${JSON.stringify(R())},\n\n  ${JSON.stringify(R(), null, 2).replace(/\n/g, '\n  ')},\n  ${JSON.stringify(R())}\n]\n`;
    const { format, items } = parseRecordsText(text, 'f');
    expect(format).toBe('array');
    expect(items.map((i) => [i.n, i.line])).toEqual([[1, 2], [2, 4], [3, 14]]);
    expect(items[1].value).toEqual(R());
  });

  it('reads JSON Lines with blank lines, CRLF and U+2028 inside strings', () => {
    const text = `${JSON.stringify(R())}\r\n\r\n   \n${JSON.stringify(R({ situation: 'a\u2028b\u2029c' }))}\n${JSON.stringify(R())}`;
    const { format, items } = parseRecordsText(text, 'f');
    expect(format).toBe('jsonl');
    expect(items.map((i) => [i.n, i.line])).toEqual([[1, 1], [2, 4], [3, 5]]);
    expect((items[1].value as { situation: string }).situation).toBe('a\u2028b\u2029c');
  });

  it('reads one pretty-printed object, as `show --json` prints it', () => {
    const { format, items } = parseRecordsText(`\n${JSON.stringify(R(), null, 2)}\n`, 'f');
    expect(format).toBe('object');
    expect(items).toEqual([{ n: 1, line: 2, value: R() }]);
  });

  it('treats empty input as no records', () => {
    expect(parseRecordsText('', 'f').items).toEqual([]);
    expect(parseRecordsText(' \n\r\n\t', 'f').items).toEqual([]);
    expect(parseRecordsText('[ ]', 'f').items).toEqual([]);
  });

  it.each([
    ['[{"a":1},\n{"b":', 'f ends in the middle of record 2 (line 2); it may have been cut short.'],
    ['[{"a":1},\n{"b":"unterminated', 'f ends in the middle of record 2 (line 2); it may have been cut short.'],
    ['[{"a":1}', 'f ends before the closing "]"; it may have been cut short.'],
    ['[{"a":1},', 'f ends before the closing "]"; it may have been cut short.'],
    ['[{"a":1}\n{"b":2}]', 'f, line 2: expected a comma or "]" after record 1.'],
    ['[{"a":1}]\n]', 'f, line 2: there is more text after the closing "]".'],
    ['[{"a":1},\n\n{"b": nope}]', 'f, record 2 (line 3) is not valid JSON.'],
    ['[{"a":1},]', 'f, record 2 (line 1) is not valid JSON.'],
    ['{"a":1}\n{"secret text\n', 'f, record 2 (line 2) is not valid JSON.'],
    ['{"a":1}\n{"secret text', 'f ends in the middle of record 2 (line 2); it may have been cut short.'],
    ['secret words', 'f, record 1 (line 1) is not valid JSON.'],
  ])('%j -> %s', (text, message) => {
    const e = err(() => parseRecordsText(text, 'f'));
    expect(e.message).toBe(message);
    expect(e.message).not.toMatch(/secret/);
  });
});

describe('validateItems', () => {
  it('fills id and createdAt, keeps given ones, and counts records without an id', () => {
    const { records, withoutId } = validate(parseRecordsText(
      `${JSON.stringify(R())}\n${JSON.stringify(R({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-01-01T10:00:00+01:00' }))}`, 'f').items);
    expect(withoutId).toBe(1);
    expect(records[0]).toMatchObject({ id: '01JD7X4Q9V6M2W8K3T5R0YH100', createdAt: '2026-11-22T21:30:00.000Z', occurredAt: '2026-11-22T21:30:00.000Z' });
    expect(records[1]).toMatchObject({ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-01-01T09:00:00.000Z', occurredAt: '2026-01-01T09:00:00.000Z' });
  });

  it.each([
    [R({ emotions: [{ name: 'sad', before: 500 }] }), 'f.json, record 3 (line 3): emotions[0].before must be from 0 to 100.'],
    [R({ emotions: [{ name: 'sad', before: 50.5 }] }), 'f.json, record 3 (line 3): emotions[0].before must be a whole number from 0 to 100.'],
    [R({ emotions: [{ name: 'sad', before: '50' }] }), 'f.json, record 3 (line 3): emotions[0].before must be a whole number from 0 to 100.'],
    [R({ situation: 42 }), 'f.json, record 3 (line 3): situation must be text.'],
    [R({ situation: '   ' }), 'f.json, record 3 (line 3): situation must not be empty.'],
    [R({ mood: 'secret' }), 'f.json, record 3 (line 3): the record has unknown field "mood".'],
    [R({ occurredAt: 'last tuesday' }), 'f.json, record 3 (line 3): occurredAt must be an ISO 8601 date and time, like 2026-11-22T19:05:00Z.'],
    [R({ id: 'not-an-id' }), 'f.json, record 3 (line 3): id must be a ULID (26 characters) or a UUID.'],
    [['secret'], 'f.json, record 3 (line 3): the record must be an object.'],
    [R({ distortions: ['labeling', 'made-up'] }), 'f.json, record 3 (line 3): distortions[1] "made-up" is not a pattern in your library.'],
  ])('rejects %j with its position and field', (bad, message) => {
    const text = [R(), R(), bad].map((x) => JSON.stringify(x)).join('\n');
    const e = err(() => validate(parseRecordsText(text, 'f.json').items));
    expect(e.message).toBe(message);
    expect(e.message).not.toMatch(/secret/);
  });

  it('takes a record without feelings (one imported from an app that never asked, then exported)', () => {
    const { records } = validate(parseRecordsText(JSON.stringify(R({ emotions: [] })), 'f.json').items);
    expect(records[0].emotions).toEqual([]);
  });

  it('turns half of a surrogate pair into U+FFFD and counts the records it touched', () => {
    expect(repairText({ a: ['x\ud83dy', '\udc94', '💔'] })).toEqual({ value: { a: ['x\ufffdy', '\ufffd', '💔'] }, repaired: true });
    expect(repairText({ a: '💔' }).repaired).toBe(false);
    const { records, repaired } = validate(parseRecordsText(`${JSON.stringify(R())}\n${JSON.stringify(R({ situation: 'cut \ud83d' }))}`, 'f').items);
    expect(repaired).toBe(1);
    expect(records[1].situation).toBe('cut \ufffd');
  });
});

describe('buildListQuery with ascending and a limit', () => {
  it('keeps the newest N and returns them oldest first', () => {
    const q = buildListQuery({ ascending: true, limit: 5, tag: 'x' });
    expect(q.sql).toMatch(/ORDER BY r\.occurred_at DESC, r\.id DESC LIMIT \?\) ORDER BY occurred_at ASC, id ASC$/);
    expect(q.params).toEqual(['x', 5]);
  });
});
