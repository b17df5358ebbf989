// reframe stats, by spawning bin/reframe: figures against an independent computation, the empty cases,
// usage errors, time zones and DST, the plain report in a pipe, and the report in a real terminal (tmux).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { Terminal, hasTmux } from '../helpers/tmux';
import { generatedJournal, writeJournal, recordAt } from '../helpers/generate';
import { oracleStats, dayKey } from '../helpers/stats-oracle';
import type { ThoughtRecord } from '../../src/domain/record';
import { loadLibrary } from '../../src/library/library';
import { inTimeZone } from '../helpers/tz';

const TZ = 'America/New_York';
inTimeZone(TZ);

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-stats-'); sb.env.TZ = TZ; });
afterEach(() => sb.cleanup());

const library = loadLibrary({ configDir: '/nonexistent' });
const nameOf = (id: string) => library.nameOf(id);

function statsJson(args: string[]) {
  const r = run(sb, ['stats', '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The program's JSON in the oracle's shape. */
function comparable(j: Record<string, any>) {
  const { checkins: _c, beliefs: _b, experiments: _e, trendWindows, ...rest } = j;
  return { ...rest, trendBasis: trendWindows.basis, trendRecords: { recent: trendWindows.recent.records, previous: trendWindows.previous.records } };
}

const ESC = /\u001b\[/;
/** The terminal-only glyphs: none may appear in the plain report (people's own words may be any script). */
const FANCY_GLYPHS = /[█▏▎▍▌▋▊▉▁▂▃▄▅▆▇░▒▓·↑↓→┤└─╭╮╯╰│┼]/;

describe('stats on a generated journal', () => {
  let records: ThoughtRecord[];
  const now = new Date();
  beforeEach(() => {
    records = generatedJournal(sb.db, { records: 700, days: 240, seed: 21, end: new Date(now.getTime() - 2 * 86_400_000), unknownDistortions: 0.02 });
  });

  it('--since/--until/--by give the same figures as an independent computation', () => {
    const y = now.getFullYear();
    const m = now.getMonth();
    const d = (mm: number, dd: number) => dayKey(new Date(y, mm, dd));
    const since = d(m - 5, 1);
    const until = d(m - 1, 15);
    for (const by of ['day', 'week', 'month'] as const) {
      const got = statsJson(['--since', since, '--until', until, '--by', by]);
      const [sy, sm, sd] = since.split('-').map(Number);
      const [uy, um, ud] = until.split('-').map(Number);
      const want = oracleStats(records, { since: new Date(sy, sm - 1, sd), until: new Date(new Date(uy, um - 1, ud + 1).getTime() - 1), by, now: new Date(), nameOf });
      expect(got.records).toBeGreaterThan(50);
      expect(comparable(got)).toEqual(want);
    }
  });

  it('the default range and --since 30d match too (unless the day changed meanwhile)', () => {
    for (const args of [[], ['--since', '30d']]) {
      const before = new Date();
      const got = statsJson(args);
      const after = new Date();
      if (dayKey(before) !== dayKey(after)) continue; // ran across midnight: "today" moved under us
      const since = args.length ? new Date(before.getFullYear(), before.getMonth(), before.getDate() - 29) : undefined;
      const want = oracleStats(records, { since, now: before, nameOf });
      expect(comparable(got)).toEqual(want);
      expect(got.until).toBe(new Date(new Date(before.getFullYear(), before.getMonth(), before.getDate() + 1).getTime() - 1).toISOString());
    }
  });

  it('piped, the report is plain ASCII without escape codes, also with NO_COLOR unset', () => {
    for (const env of [{}, { NO_COLOR: undefined }]) {
      const r = run(sb, ['stats'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(ESC);
      expect(r.stdout).not.toMatch(FANCY_GLYPHS);
      expect(r.stdout).toContain('Thinking patterns');
      expect(r.stdout).toContain('Days you practised');
      expect(r.stdout).toMatch(/Streak|streak/);
    }
    const colour = run(sb, ['stats'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(colour.stdout).toMatch(ESC);
  });

  it('the report in a real terminal: block bars, arrows, the calendar; NO_COLOR keeps them, TERM=dumb makes it plain', async () => {
    if (!hasTmux()) return;
    // NO_COLOR is about colour only (no-color.org): the blocks and arrows stay on a UTF-8 terminal.
    for (const env of [{ NO_COLOR: '' }, { NO_COLOR: '1' }]) {
      const term = new Terminal(sb, ['stats', '--since', '8w'], { ...env, TZ, PAGER: 'cat' }); // the pager has its own tests (shell.test.ts)
      try {
        expect(await term.exitCode()).toBe(0);
        const screen = term.screen();
        expect(screen).toContain('Records per week');
        expect(screen).toContain('█');
        expect(screen).toMatch(/[↑↓→]/);
        expect(screen).toMatch(/Mon +[·░▒▓█ ]+/);
        expect(screen).toMatch(/less · ░ ▒ ▓ █ more/);
      } finally {
        term.close();
      }
    }
    for (const env of [{ TERM: 'dumb' }, { LANG: 'C', NO_COLOR: '' }] as Record<string, string>[]) {
      const plainTerm = new Terminal(sb, ['stats', '--since', '8w'], { ...env, TZ, PAGER: 'cat' });
      try {
        expect(await plainTerm.exitCode()).toBe(0);
        const screen = plainTerm.screen();
        expect(screen).toContain('Records per week');
        expect(screen).not.toMatch(FANCY_GLYPHS);
        expect(screen).toContain('less . - + * # more');
      } finally {
        plainTerm.close();
      }
    }
  });
});

describe('stats with nothing to show', () => {
  it('no journal yet: a kind sentence, exit 0, and no journal created', () => {
    const r = run(sb, ['stats']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Your journal is empty so far');
    expect(existsSync(sb.db)).toBe(false);
    const j = statsJson([]);
    expect(j).toEqual({
      since: null, until: null, records: 0, periods: [], distortions: [], emotions: [],
      belief: { meanBefore: null, meanAfter: null, rated: 0 }, tags: [], streak: { current: 0, longest: 0 },
      by: 'week', trendWindows: null, checkins: { count: 0, meanMood: null, days: [] },
      beliefs: [], experiments: { planned: 0, done: 0, meanCameTrue: null },
    });
  });

  it('an empty range says so, names it, and exits 0', () => {
    writeJournal(sb.db, [record(new Date(2026, 0, 10, 12))]);
    const r = run(sb, ['stats', '--since', '2026-03-01', '--until', '2026-03-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('No records between 1 Mar 2026 and 31 Mar 2026. A wider range, such as --since 6m, may show more.');
    const j = statsJson(['--since', '2026-03-01', '--until', '2026-03-31']);
    expect(j.records).toBe(0);
    expect(j.by).toBe('day');
    expect(j.periods).toHaveLength(31);
    expect(j.periods.every((p: { records: number }) => p.records === 0)).toBe(true);
  });
});

describe('stats usage errors exit 2 with a clear line', () => {
  it.each([
    [['--by', 'year'], /--by takes day, week or month/],
    [['--since', 'soonish'], /--since needs a date/],
    [['--until', '2026-02-30'], /--until needs a date/],
    [['--since', '2026-11-20', '--until', '2026-11-01'], /--since is after --until/],
    [['--by'], /argument missing/i],
  ])('%j', (args, re) => {
    const r = run(sb, ['stats', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(re);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

const record = recordAt;

describe('local days in the person\'s time zone (TZ=America/New_York)', () => {
  it('a record at 23:30 on the day the clocks go back counts on that day, by day, week and in the streak', () => {
    // Written through the CLI, as a person would: local time, the day DST ends.
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:50', '--at', '2026-11-01 23:30']).code).toBe(0);
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:50', '--at', '2026-10-31 08:00']).code).toBe(0);
    const shown = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(shown.map((r: ThoughtRecord) => r.occurredAt)).toEqual(['2026-11-02T04:30:00.000Z', '2026-10-31T12:00:00.000Z']);

    const day = statsJson(['--since', '2026-11-01', '--until', '2026-11-01']);
    expect(day.records).toBe(1);
    expect(day.since).toBe('2026-11-01T04:00:00.000Z');
    expect(day.until).toBe('2026-11-02T04:59:59.999Z');
    expect(day.periods).toEqual([{ start: '2026-11-01', records: 1 }]);
    expect(statsJson(['--since', '2026-11-02', '--until', '2026-11-02']).records).toBe(0);

    const week = statsJson(['--since', '2026-10-26', '--until', '2026-11-08', '--by', 'week']);
    expect(week.periods).toEqual([{ start: '2026-10-26', records: 2 }, { start: '2026-11-02', records: 0 }]);
    expect(week.streak).toEqual({ current: 0, longest: 2 });

    // The same records in UTC fall on other days.
    const utc = JSON.parse(run(sb, ['stats', '--json', '--since', '2026-11-01', '--until', '2026-11-02', '--by', 'day'], { env: { TZ: 'UTC' } }).stdout);
    expect(utc.periods).toEqual([{ start: '2026-11-01', records: 0 }, { start: '2026-11-02', records: 1 }]);
  });
});
