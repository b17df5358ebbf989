// list filters by spawning bin/reframe: full-text search (with non-ASCII words), malformed searches
// and dates (exit 2), date edges in the person's time zone, and every filter combined with AND.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { writeJournal, recordAt, generateRecords } from '../helpers/generate';
import { dayKey } from '../helpers/stats-oracle';
import type { ThoughtRecord } from '../../src/domain/record';
import { planSearch } from '../../src/journal/query';
import { inTimeZone } from '../helpers/tz';

const TZ = 'America/New_York';
inTimeZone(TZ);

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-list-'); sb.env.TZ = TZ; });
afterEach(() => sb.cleanup());

function record(at: Date, o: Partial<ThoughtRecord> = {}): ThoughtRecord {
  return recordAt(at, { situation: 'An ordinary evening', thought: 'Nothing in particular', emotions: [{ name: 'anxious', before: 60 }], ...o });
}

function ids(args: string[]): string[] {
  const r = run(sb, ['list', '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as ThoughtRecord[]).map((x) => x.situation);
}

describe('--search: full text, in any language', () => {
  beforeEach(() => {
    writeJournal(sb.db, [
      record(new Date(2026, 10, 1, 9), { situation: 'cafe-nfc', thought: 'Au café avec Müller, je me sens nul' }),
      record(new Date(2026, 10, 2, 9), { situation: 'cafe-nfd', thought: 'Un cafe\u0301 trop fort, et l’été qui finit' }),
      record(new Date(2026, 10, 3, 9), { situation: 'japanese', thought: '日本語を話すのは難しいと思う', reframe: '少しずつ上手になっている' }),
      record(new Date(2026, 10, 4, 9), { situation: 'emoji', thought: "I'm not worthy of love💔 and can't say it", actionPlan: 'Call Zoë 🙂' }),
      record(new Date(2026, 10, 5, 9), { situation: 'guard', thought: 'If I let my guard down I get hurt', evidenceAgainst: ['Straße closed, so she was late'] }),
      record(new Date(2026, 10, 6, 9), { situation: 'answers', thought: 'They must think I am boring', answers: [{ question: 'What would you tell a friend?', answer: 'Boredom is not a verdict' }] }),
      record(new Date(2026, 10, 7, 9), { situation: 'korean', thought: '서울에서 혼자 있는 것이 무서웠다' }),
    ]);
  });

  it.each([
    ['café', ['cafe-nfd', 'cafe-nfc']],
    ['cafe', ['cafe-nfd', 'cafe-nfc']],
    ['CAFÉ', ['cafe-nfd', 'cafe-nfc']],
    ['Müller', ['cafe-nfc']],
    ['muller', ['cafe-nfc']],
    ['ete', ['cafe-nfd']],
    ['été', ['cafe-nfd']],
    ['日本', ['japanese']],
    ['話す', ['japanese']],
    ['上手', ['japanese']],
    ['日本語を話すのは難しいと思う', ['japanese']],
    ['서울', ['korean']],
    ['💔', ['emoji']],
    ['love', ['emoji']],
    ['love💔', ['emoji']],
    ["can't", ['emoji']],
    ['zoë', ['emoji']],
    ['Zoe', ['emoji']],
    ['straße', ['guard']],
    ['guard down', ['guard']],
    ['"let my guard down"', ['guard']],
    ['"guard let"', []],
    ['verdict', ['answers']],
    ['boring OR nul', ['answers', 'cafe-nfc']],
    ['caf*', ['cafe-nfd', 'cafe-nfc']],
    ['café 日本', []],
    ['love 💔 worthy', ['emoji']],
    ['100%_done', []],
  ])('%s', (q, want) => {
    expect(ids(['--search', q])).toEqual(want);
  });

  it.each(['"unterminated', 'a OR', 'NEAR(', '(', 'x:y', 'AND', ''])('a malformed search %j is exit 2 with a clear message', (q) => {
    const r = run(sb, ['list', '--search', q]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('That search could not be understood.');
    expect(r.stderr).toContain('--search "let my guard down"');
    expect(r.stderr).not.toMatch(/\n\s+at |SqliteError|fts5/);
  });

  it('search plans: indexed words, and substrings for unspaced scripts and symbols', () => {
    expect(planSearch('café 日本 💔 guard')).toEqual({ match: '"café" "guard"', substrings: ['日本', '💔'] });
    expect(planSearch('"a phrase" OR x')).toEqual({ match: '"a phrase" OR x', substrings: [] });
    expect(planSearch('it"s')).toEqual({ match: 'it"s', substrings: [] });
  });
});

describe('--since / --until: dates, datetimes and relative spans, local days', () => {
  it('a date means the whole local day, including a day the clocks change', () => {
    writeJournal(sb.db, [
      record(new Date(2026, 10, 1, 0, 0), { situation: 'nov1-00:00' }),
      record(new Date(2026, 10, 1, 23, 30), { situation: 'nov1-23:30' }), // the day DST ends: 04:30Z on Nov 2
      record(new Date(2026, 10, 2, 0, 0), { situation: 'nov2-00:00' }),
      record(new Date(2026, 2, 8, 23, 30), { situation: 'mar8-23:30' }), // the day DST starts
      record(new Date(2026, 2, 9, 0, 30), { situation: 'mar9-00:30' }),
    ]);
    expect(ids(['--since', '2026-11-01', '--until', '2026-11-01'])).toEqual(['nov1-23:30', 'nov1-00:00']);
    expect(ids(['--since', '2026-11-02'])).toEqual(['nov2-00:00']);
    expect(ids(['--until', '2026-10-31'])).toEqual(['mar9-00:30', 'mar8-23:30']);
    expect(ids(['--since', '2026-03-08', '--until', '2026-03-08'])).toEqual(['mar8-23:30']);
    expect(ids(['--since', '2026-11-01 23:30', '--until', '2026-11-02 00:00'])).toEqual(['nov2-00:00', 'nov1-23:30']);
    expect(ids(['--since', '2026-11-01T23:31', '--until', '2026-11-02 00:00'])).toEqual(['nov2-00:00']);
    expect(ids(['--since', '2026-11-02T04:30:00Z', '--until', '2026-11-02T04:30:00Z'])).toEqual(['nov1-23:30']);
    expect(ids(['--since', '2026/11/01', '--until', '2026/11/01'])).toEqual(['nov1-23:30', 'nov1-00:00']);
    // In UTC the same record falls on 2 November.
    const utc = run(sb, ['list', '--json', '--since', '2026-11-02', '--until', '2026-11-02'], { env: { TZ: 'UTC' } });
    expect(JSON.parse(utc.stdout).map((r: ThoughtRecord) => r.situation)).toEqual(['nov2-00:00', 'nov1-23:30']);
  });

  it('7d is today and the six days before it; 0d is today; 1d is today too', () => {
    const before = new Date();
    const d = (back: number, h: number, m: number) => new Date(before.getFullYear(), before.getMonth(), before.getDate() - back, h, m);
    writeJournal(sb.db, [
      record(d(0, 0, 1), { situation: 'today' }),
      record(d(6, 0, 5), { situation: '6 days ago' }),
      record(d(7, 23, 55), { situation: '7 days ago' }),
    ]);
    const seven = ids(['--since', '7d']);
    const zero = ids(['--since', '0d']);
    const one = ids(['--since', '1d']);
    if (dayKey(before) !== dayKey(new Date())) return; // ran across midnight
    expect(seven).toEqual(['today', '6 days ago']);
    expect(zero).toEqual(['today']);
    expect(one).toEqual(['today']);
    expect(ids(['--until', '7d'])).toEqual(['7 days ago']);
    expect(ids(['--since', '2w', '--until', '1w'])).toEqual(['7 days ago']);
  });

  it.each([
    [['--since', '2026-02-30'], /--since needs a date/],
    [['--since', '2026-13-01'], /--since needs a date/],
    [['--until', '25:00'], /--until needs a date/],
    [['--since', 'last week'], /--since needs a date/],
    [['--since', '7x'], /--since needs a date/],
    [['--since', '2026-11-20', '--until', '2026-11-01'], /--since is after --until/],
    [['--limit', '0'], /limit must be a whole number of 1 or more/],
    [['--limit', 'ten'], /limit must be a whole number of 1 or more/],
    [['--distortion', 'mind-raeding'], /no thinking pattern with the id "mind-raeding"/],
    [['--distortion', 'Not An Id'], /no thinking pattern/],
  ])('%j is exit 2', (args, re) => {
    const r = run(sb, ['list', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(re);
  });
});

describe('filters combine with AND', () => {
  it('distortion, emotion, tag, search, dates and limit, on a generated journal', () => {
    const records = generateRecords({ records: 400, days: 90, seed: 4, end: new Date(2026, 10, 20, 21), unknownDistortions: 0.05 });
    writeJournal(sb.db, records);
    const since = new Date(2026, 9, 1);
    const until = new Date(2026, 9, 31, 23, 59, 59, 999);
    const want = records
      .filter((r) => {
        const t = Date.parse(r.occurredAt);
        return t >= since.getTime() && t <= until.getTime() && r.distortions.includes('mind-reading')
          && r.emotions.some((e) => e.name === 'anxious') && r.tags.includes('work');
      })
      .sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    const got = JSON.parse(run(sb, ['list', '--json', '--since', '2026-10-01', '--until', '2026-10-31', '--distortion', 'mind-reading', '--emotion', 'Anxious', '--tag', '#Work']).stdout).map((r: ThoughtRecord) => r.id);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
    const limited = JSON.parse(run(sb, ['list', '--json', '--since', '2026-10-01', '--until', '2026-10-31', '--distortion', 'mind-reading', '--emotion', 'anxious', '--tag', 'work', '--limit', '2']).stdout).map((r: ThoughtRecord) => r.id);
    expect(limited).toEqual(want.slice(0, 2));

    // A pattern that left the library still finds the old records that name it.
    const retired = records.filter((r) => r.distortions.includes('retired-pattern')).length;
    expect(retired).toBeGreaterThan(0);
    const old = run(sb, ['list', '--json', '--distortion', 'retired-pattern']);
    expect(old.code).toBe(0);
    expect(JSON.parse(old.stdout)).toHaveLength(retired);

    // Search words AND the other filters.
    const words = records.filter((r) => r.tags.includes('partner') && /\bmanager\b/i.test([r.situation, r.thought].join(' '))).length;
    expect(JSON.parse(run(sb, ['list', '--json', '--tag', 'partner', '--search', 'Manager']).stdout)).toHaveLength(words);
  });
});
