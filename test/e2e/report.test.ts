// reframe report, by spawning bin/reframe: where the file goes (a dated name here, --out, stdout), 0600 and
// whole, the filters of list, a record's worksheet by short id, --blank, and the usage errors (exit 2, nothing
// written). The pages themselves are checked in test/unit/report-render.test.ts and in Chromium by
// test/e2e/report-browser.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { generateRecords } from '../../src/dev/generate';
import { toJson, type ThoughtRecord } from '../../src/domain/record';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

function seed(records: ThoughtRecord[]): void {
  const file = join(sb.dir, 'seed.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(toJson(r))).join('\n'));
  expect(run(sb, ['import', file]).code).toBe(0);
}
const sample = (n: number) => generateRecords({ records: n, days: 40, seed: 5, unknownDistortions: 0 });
const ids = (html: string) => [...html.matchAll(/<span class="id">([0-9A-Z]{26})<\/span>/g)].map((m) => m[1]);
const today = () => new Date().toISOString().slice(0, 10);

describe('reframe report', () => {
  it('writes a dated file in the current folder by default, 0600, and says where', () => {
    const recs = sample(12);
    seed(recs);
    const r = run(sb, ['report'], { env: { TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const file = join(sb.dir, `reframe-report-${today()}.html`);
    expect(r.stderr).toBe(`Wrote the report (12 records) to ${file}.\nOpen it in a browser to read it or print it.\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    // Every record, oldest first.
    expect(ids(html)).toEqual([...recs].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).map((x) => x.id));
  });

  it('takes the filters of list, and --out - writes the page to standard output only', () => {
    seed(sample(30));
    const tagged = JSON.parse(run(sb, ['list', '--json', '--tag', 'work']).stdout) as { id: string }[];
    expect(tagged.length).toBeGreaterThan(0);
    const r = run(sb, ['report', '--tag', 'work', '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(ids(r.stdout)).toEqual(tagged.map((x) => x.id).reverse());
    expect(r.stdout).toContain('Only tag work.');
    const newest = run(sb, ['report', '--limit', '3', '--out', '-']).stdout;
    expect(ids(newest)).toHaveLength(3);
    expect(readdirSync(sb.dir).filter((f) => f.endsWith('.html'))).toEqual([]);
  });

  it('report ID makes that record a worksheet; --blank an empty one', () => {
    const recs = sample(3);
    seed(recs);
    const out = join(sb.dir, 'ws.html');
    const r = run(sb, ['report', recs[1].id.slice(0, 8).toLowerCase(), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`Wrote the worksheet to ${out}.\nOpen it in a browser to read it or print it.\n`);
    const html = readFileSync(out, 'utf8');
    expect(ids(html)).toEqual([recs[1].id]);
    expect(html.match(/<th scope="col">/g)).toHaveLength(7);
    const blank = run(sb, ['report', '--blank', '--out', '-']);
    expect(blank.code).toBe(0);
    expect(blank.stdout.match(/<td class="empty"/g)).toHaveLength(7);
    // A blank worksheet needs no journal, and makes none.
    const fresh = sandbox();
    try {
      expect(run(fresh, ['report', '--blank', '--out', '-']).code).toBe(0);
      expect(existsSync(fresh.db)).toBe(false);
    } finally { fresh.cleanup(); }
  });

  it('with nothing in the period: a report with the calendar only, said plainly, and no journal made', () => {
    const r = run(sb, ['report', '--out', join(sb.dir, 'r.html')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No records match that, so the report has only the practice calendar.');
    expect(readFileSync(join(sb.dir, 'r.html'), 'utf8')).toContain('No records in this period.');
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('report --json', () => {
  it("prints the summary's numbers, agreeing with stats, and with an ID the record", () => {
    const recs = sample(20);
    seed(recs);
    const r = run(sb, ['report', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    const stats = JSON.parse(run(sb, ['stats', '--json']).stdout);
    expect(j.records).toBe(20);
    expect(j.patterns.map((p: { id: string; count: number }) => [p.id, p.count]).sort()).toEqual(stats.distortions.map((d: { id: string; count: number }) => [d.id, d.count]).sort());
    expect(j.belief.rated).toBe(stats.belief.rated);
    expect(j.practiceDays.length).toBeGreaterThan(0);
    expect(readdirSync(sb.dir).filter((f) => f.endsWith('.html'))).toEqual([]);
    const one = run(sb, ['report', recs[0].id, '--json']);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(run(sb, ['show', recs[0].id, '--json']).stdout));
  });
});

describe('report usage errors (exit 2, nothing written)', () => {
  it.each([
    [['report', '01JD7X', '--blank'], '--blank prints an empty worksheet, so it takes no record id.'],
    [['report', '01JD7X', '--since', '4w'], "--since chooses the records of a period report, so they don't go with a record id."],
    [['report', '--blank', '--tag', 'work'], "--tag chooses the records of a period report"],
    [['report', 'ZZZZZZZZ'], 'No record matches "ZZZZZZZZ".'],
    [['report', '01'], 'A record id needs at least 6 characters.'],
    [['report', '--since', 'someday'], '--since needs a date or time'],
    [['report', '--limit', '0'], 'The limit must be a whole number of 1 or more.'],
    [['report', '--out', 'missing/folder/x.html'], 'The folder'],
    [['report', '--json', '--blank'], "--json and --blank can't be used together."],
    [['report', '--json', '--out', 'x.json'], "--json and --out can't be used together."],
  ])('%j', (args, message) => {
    seed(sample(2));
    const before = readdirSync(sb.dir).sort();
    const r = run(sb, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(readdirSync(sb.dir).sort()).toEqual(before);
  });

  it('refuses to write over the journal', () => {
    seed(sample(2));
    const before = readFileSync(sb.db);
    const r = run(sb, ['report', '--out', sb.db]);
    expect(r.code).toBe(2);
    expect(readFileSync(sb.db).equals(before)).toBe(true);
  });
});
