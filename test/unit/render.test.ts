import { describe, expect, it } from 'vitest';
import { localDateTime, relativeTime, truncate, width, wrap } from '../../src/render/text';
import { format } from 'date-fns';
import fc from 'fast-check';
import { colorLevel } from '../../src/render/theme';

describe('relativeTime (local calendar days)', () => {
  const now = new Date(2026, 10, 22, 21, 30);
  it.each([
    [new Date(2026, 10, 22, 21, 29, 30), 'just now'],
    [new Date(2026, 10, 22, 18, 0), '3 hours ago'],
    [new Date(2026, 10, 21, 10, 0), 'yesterday 10:00'],
    [new Date(2026, 10, 19, 23, 0), '3 days ago'],
    [new Date(2026, 9, 1, 9, 0), '1 Oct'],
    [new Date(2025, 9, 1, 9, 0), '1 Oct 2025'],
  ])('%s -> %s', (d, want) => {
    expect(relativeTime(d.toISOString(), now)).toBe(want);
  });
});

describe('text', () => {
  it('measures wide characters and ignores colour codes', () => {
    expect(width('日本')).toBe(4);
    expect(width('\u001b[31mred\u001b[39m')).toBe(3);
  });
  it('truncates on one line', () => {
    expect(truncate('line one\nline two', 10)).toBe('line one …');
    expect(truncate('short', 10)).toBe('short');
  });
  it('wraps and keeps the person\'s own line breaks', () => {
    expect(wrap('a b c\nd', 3)).toBe('a b\nc\nd');
  });
});

describe('colour level', () => {
  it.each([
    [{ env: {}, isTTY: true }, 1],
    [{ env: {}, isTTY: false }, 0],
    [{ env: { NO_COLOR: '1' }, isTTY: true }, 0],
    [{ env: { NO_COLOR: '' }, isTTY: true }, 1],
    [{ env: { FORCE_COLOR: '1' }, isTTY: false }, 1],
    [{ env: { FORCE_COLOR: '0' }, isTTY: true }, 0],
    [{ env: { TERM: 'dumb' }, isTTY: true }, 0],
    [{ env: {}, isTTY: true, color: false }, 0],
    [{ env: { FORCE_COLOR: '3' }, isTTY: true, color: false }, 0],
  ])('%j -> %i', (o, want) => {
    expect(colorLevel(o as Parameters<typeof colorLevel>[0])).toBe(want);
  });
});

describe('localDateTime', () => {
  it("is date-fns's 'EEE d MMM yyyy, HH:mm' in local time, for any instant and time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe']) {
        process.env.TZ = tz;
        fc.assert(fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
          expect(localDateTime(d.toISOString())).toBe(format(d, 'EEE d MMM yyyy, HH:mm'));
        }), { numRuns: 300 });
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
