// When it happened (--at and the guided "When was this?"): a time alone still ahead today means yesterday,
// anything else more than a few minutes ahead is refused, and the error shows what --at does accept.
import { describe, expect, it } from 'vitest';
import { FUTURE_SLACK_MS, parseOccurredAt, readOccurredAt, whenProblem } from '../../src/domain/dates';
import { UsageError } from '../../src/errors';
import { msg } from '../../src/messages';
import { inTimeZone } from '../helpers/tz';

inTimeZone('Europe/London');
// A morning in local time: 09:30 on 6 December 2026.
const NOW = new Date('2026-12-06T09:30:00Z');
const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const at = (v: string) => {
  const r = readOccurredAt(v, NOW);
  if (!r.ok) throw new Error(`${v}: ${r.why}`);
  return local(r.date);
};

describe('readOccurredAt', () => {
  it('a time alone that is still to come today means the day before', () => {
    expect(at('21:00')).toBe('2026-12-05 21:00');
    expect(at('9:45')).toBe('2026-12-05 09:45');
  });
  it('a time alone already past today (or within a few minutes) means today', () => {
    expect(at('08:15')).toBe('2026-12-06 08:15');
    expect(at('09:33')).toBe('2026-12-06 09:33');
    expect(at('00:00')).toBe('2026-12-06 00:00');
  });
  it('"yesterday" and full dates are taken as given', () => {
    expect(at('yesterday 21:00')).toBe('2026-12-05 21:00');
    expect(at('2026-12-01 07:10')).toBe('2026-12-01 07:10');
    expect(at('now')).toBe('2026-12-06 09:30');
  });
  it('a date or a named day more than a few minutes ahead is refused as future', () => {
    for (const v of ['2099-01-01', '2026-12-07', '2026-12-06 18:00', 'today 21:00', '2026-12-06T10:00:00Z']) {
      expect(readOccurredAt(v, NOW), v).toEqual({ ok: false, why: 'future' });
    }
    const justAhead = new Date(NOW.getTime() + FUTURE_SLACK_MS - 60_000).toISOString();
    expect(readOccurredAt(justAhead, NOW).ok).toBe(true);
  });
  it('a date today (no time) is the start of today, not the future', () => {
    expect(at('2026-12-06')).toBe('2026-12-06 00:00');
    expect(at('today')).toBe('2026-12-06 00:00');
  });
  it('years outside 1900-2200 and unreadable text say so', () => {
    expect(readOccurredAt('2400-01-01 10:00', NOW)).toMatchObject({ ok: false, why: 'year', year: 2400 });
    expect(readOccurredAt('1800-01-01', NOW)).toMatchObject({ ok: false, why: 'year' });
    expect(readOccurredAt('7d', NOW)).toEqual({ ok: false, why: 'unreadable' });
    expect(readOccurredAt('25:00', NOW)).toEqual({ ok: false, why: 'unreadable' });
  });
});

describe('parseOccurredAt (the --at flag)', () => {
  const usage = (v: string) => {
    try {
      parseOccurredAt(v, NOW);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error(`${v} was accepted`);
  };
  it('says a future date is refused and why', () => {
    expect(usage('2099-01-01')).toMatch(/--at "2099-01-01" is still to come/);
  });
  it('shows examples --at accepts, and never one it refuses', () => {
    const m = usage('last tuesday');
    expect(m).toMatch(/19:05/);
    expect(m).toMatch(/yesterday 21:00/);
    expect(m).not.toMatch(/\b\d+[dwm]\b/);
    // every example quoted in the message is itself accepted
    const examples = [...m.matchAll(/(\d{1,2}:\d{2})|"(yesterday 21:00)"|(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?)/g)].map((x) => x[1] ?? x[2] ?? x[3]);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const e of examples) expect(readOccurredAt(e, NOW).ok, e).toBe(true);
  });
  it('the guided question gets a kind line for a future time', () => {
    expect(whenProblem(readOccurredAt('2026-12-07 08:00', NOW), 'unreadable')).toBe(msg.flow.futureTime);
    expect(whenProblem(readOccurredAt('soon', NOW), 'unreadable')).toBe('unreadable');
    expect(whenProblem(readOccurredAt('21:00', NOW), 'unreadable')).toBe(true);
  });
});
