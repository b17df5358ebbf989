// The stats report: pure rendering, on a terminal (blocks, colour) and plain (ASCII, no escape codes).
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { computeStats, type StatsResult } from '../../src/domain/stats';
import { StatsStore } from '../../src/journal/stats';
import { makeTheme } from '../../src/render/theme';
import { columnChart, glyphsFor, hbar, heatMap, renderStats, trendText } from '../../src/render/stats';
import { width } from '../../src/render/text';
import { runStats } from '../../src/commands/stats/run';
import { UsageError } from '../../src/errors';
import { msg } from '../../src/messages';
import { generateRecords, memJournal, bulkLoad } from '../helpers/generate';
import { testContext } from '../helpers/context';

const ESC = /\u001b\[/;
const ASCII_ONLY = /^[\n\x20-\x7e]*$/;
/** The terminal-only glyphs: none may appear in the plain report (people's own words may be any script). */
const FANCY_GLYPHS = /[█▏▎▍▌▋▊▉▁▂▃▄▅▆▇░▒▓·↑↓→┤└─╭╮╯╰│┼]/;

const plain = makeTheme({ env: {}, isTTY: false });
const fancy = makeTheme({ env: { COLORTERM: 'truecolor' }, isTTY: true });
const ttyNoColor = makeTheme({ env: { NO_COLOR: '1' }, isTTY: true });

let result: StatsResult;
beforeAll(() => {
  process.env.TZ = 'UTC';
  const end = new Date(2026, 10, 22, 21, 30);
  const records = generateRecords({ records: 240, days: 120, seed: 11, end });
  const j = memJournal(records);
  j.insertCheckin({ id: 'a', createdAt: '2026-11-18T09:00:00.000Z', mood: 30 });
  j.insertCheckin({ id: 'b', createdAt: '2026-11-19T09:00:00.000Z', mood: 55 });
  j.insertCheckin({ id: 'c', createdAt: '2026-11-21T09:00:00.000Z', mood: 70 });
  const store = new StatsStore(j);
  result = store.snapshot(() => computeStats(store, { now: new Date(end.getTime() + 60_000) }, (id) => `P ${id.slice(0, 12)}`));
  j.close();
});

describe('renderStats', () => {
  it('plain: ASCII only, no escape codes, every section, lines within the width', () => {
    const out = renderStats(result, { theme: plain, width: 80 });
    expect(out).not.toMatch(ESC);
    expect(out).not.toMatch(FANCY_GLYPHS);
    expect(out).toMatch(ASCII_ONLY); // this journal's words happen to be ASCII
    for (const s of [msg.stats.perPeriod(result.json.by), msg.stats.patterns, msg.stats.feelings, msg.stats.beliefTitle, msg.stats.tags, msg.stats.practice]) {
      expect(out).toContain(s);
    }
    expect(out).toContain(msg.stats.streak(result.json.streak.current, result.json.streak.longest));
    expect(out).toContain(result.json.distortions[0].name);
    expect(out).toMatch(/Mon .*\n.*\n {2}Wed /);
    expect(out).toContain('Average mood 51.7 over 3 check-ins.');
    for (const line of out.split('\n')) expect(width(line), line).toBeLessThanOrEqual(80);
  });

  it('on a terminal with colour: block characters, arrows and colour', () => {
    const out = renderStats(result, { theme: fancy, width: 100 });
    expect(out).toMatch(ESC);
    expect(out).toContain('█');
    expect(out).toMatch(/[↑↓→]/);
    expect(out).toContain('┤');
    for (const line of out.split('\n')) expect(width(line)).toBeLessThanOrEqual(100);
  });

  it('NO_COLOR on a terminal takes the colour away and keeps the blocks; TERM=dumb and a non-UTF-8 locale give ASCII', () => {
    const noColour = renderStats(result, { theme: ttyNoColor, width: 90 });
    expect(noColour).not.toMatch(/\x1b\[/);
    expect(noColour).toMatch(/[█▏▎▍▌▋▊▉]/);
    expect(noColour).toBe(renderStats(result, { theme: fancy, width: 90 }).replace(/\x1b\[[0-9;]*m/g, ''));
    const plainText = renderStats(result, { theme: plain, width: 90 });
    expect(plainText).toMatch(ASCII_ONLY);
    for (const env of [{ TERM: 'dumb' }, { LANG: 'C' }, { LC_ALL: 'en_GB.ISO-8859-1', LANG: 'en_GB.UTF-8' }, { NO_COLOR: '1', LC_CTYPE: 'POSIX' }]) {
      const t = makeTheme({ env, isTTY: true });
      expect(t.fancy, JSON.stringify(env)).toBe(true);
      expect(renderStats(result, { theme: t, width: 90 }).replace(/\x1b\[[0-9;]*m/g, ''), JSON.stringify(env)).toMatch(ASCII_ONLY);
    }
  });

  it('shows each pattern with its count, share, trend and relief', () => {
    const d = result.json.distortions[0];
    const out = renderStats(result, { theme: plain, width: 100 });
    const line = out.split('\n').find((l) => l.trimStart().startsWith(d.name))!;
    expect(line).toContain(` ${d.count} `);
    expect(line).toContain(`${Math.round(d.share * 100)}%`);
    expect(line).toContain(`eases ${Math.round(d.relief.emotion!)} / ${Math.round(d.relief.belief!)}`);
    expect(line).toContain(trendText(d.trend, glyphsFor(plain)));
  });
});

describe('chart pieces', () => {
  const g = glyphsFor(plain);
  const gf = glyphsFor(fancy);

  it('horizontal bars scale to the largest value', () => {
    expect(hbar(10, 10, 20, g)).toBe('#'.repeat(20));
    expect(hbar(5, 10, 20, g)).toBe('#'.repeat(10));
    expect(hbar(1, 1000, 20, g)).toBe('#');
    expect(hbar(0, 10, 20, g)).toBe('');
    expect(hbar(5, 10, 3, gf)).toBe('█▌');
  });

  it('column chart: one column per period, tallest at the top row, labels at both ends', () => {
    const { lines, shown } = columnChart([1, 0, 4, 2, 0, 0], ['1 Nov', '8 Nov', '15 Nov', '22 Nov', '29 Nov', '6 Dec'], 80, g, plain, 4);
    expect(shown).toBe(6);
    expect(lines[0]).toBe('  4 |      ##');
    expect(lines[2]).toBe('    |      ## ##');
    expect(lines[3]).toBe('  0 |##    ## ##');
    expect(lines[4]).toBe('    +------------------');
    expect(lines[5]).toBe('     1 Nov       6 Dec');
  });

  it('column chart keeps the last periods that fit', () => {
    const values = Array.from({ length: 200 }, (_, i) => i);
    const { shown, lines } = columnChart(values, values.map(String), 60, g, plain);
    expect(shown).toBeLessThan(200);
    expect(lines[0]).toContain('199');
  });

  it('heat map: weeks as columns from Monday, levels by count, days outside the range blank', () => {
    // Wed 2026-11-18 .. Sun 2026-11-29.
    const days = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']
      .map((day, i) => ({ day, records: [4, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 3][i] }));
    const lines = heatMap(days, 80, g, plain);
    expect(lines[0]).toContain('Nov');
    expect(lines[1]).toBe('  Mon    +'); // Mon 16 Nov before the range: blank; Mon 23 Nov: 2 of 4
    expect(lines[3]).toBe('  Wed  # .'); // Wed 18: the most
    expect(lines[5]).toBe('  Fri  - .'); // Fri 20: 1 of 4
    expect(lines[7]).toBe('  Sun  . *'); // Sun 29: 3 of 4
  });
});

describe('runStats (in process, fixed clock)', () => {
  const now = new Date('2026-11-22T21:30:00.000Z');

  it('an empty journal: a kind sentence on stderr, nothing on stdout, no journal created', async () => {
    const t = testContext({ now });
    await runStats({}, t.ctx);
    expect(t.stdout.text).toBe('');
    expect(t.stderr.text.trim()).toBe(msg.emptyJournal);
    expect(existsSync(t.ctx.paths.db)).toBe(false);
    t.cleanup();
  });

  it('--json on no journal: the shape with zeros', async () => {
    const t = testContext({ now });
    await runStats({ json: true, since: '7d' }, t.ctx);
    const j = JSON.parse(t.stdout.text);
    expect(j).toMatchObject({ records: 0, distortions: [], emotions: [], tags: [], streak: { current: 0, longest: 0 }, by: 'day' });
    expect(j.periods).toHaveLength(7);
    expect(Object.keys(j).slice(0, 9)).toEqual(['since', 'until', 'records', 'periods', 'distortions', 'emotions', 'belief', 'tags', 'streak']);
    t.cleanup();
  });

  it('an empty range says so and names the range', async () => {
    const t = testContext({ now, env: { TZ: 'UTC' } });
    bulkLoad(t.ctx.journal(), generateRecords({ records: 20, days: 10, seed: 1, end: new Date('2026-06-10T12:00:00Z') }));
    await runStats({ since: '2026-11-01' }, t.ctx);
    expect(t.stdout.text).toBe('');
    expect(t.stderr.text.trim()).toBe(msg.stats.emptyRange('1 Nov 2026', '22 Nov 2026'));
    t.cleanup();
  });

  it('prints the report on stdout', async () => {
    const t = testContext({ now, tty: true, env: { NO_COLOR: '1' } });
    bulkLoad(t.ctx.journal(), generateRecords({ records: 60, days: 30, seed: 2, end: now }));
    await runStats({ since: '30d' }, t.ctx);
    expect(t.stdout.text).toContain(msg.stats.patterns);
    expect(t.stdout.text).toContain('Records per day');
    expect(t.stdout.text).not.toMatch(ESC);
    t.cleanup();
  });

  it.each([
    [{ by: 'year' }, /--by takes day, week or month/],
    [{ since: 'last tuesday' }, /--since needs a date/],
    [{ since: '2026-11-20', until: '2026-11-01' }, /--since is after --until/],
    [{ until: '2026-02-30' }, /--until needs a date/],
  ])('%o is a usage error', async (opts, re) => {
    const t = testContext({ now });
    await expect(runStats(opts, t.ctx)).rejects.toSatisfy((e: unknown) => e instanceof UsageError && re.test((e as Error).message));
    t.cleanup();
  });
});
