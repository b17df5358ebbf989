// reframe export, by spawning bin/reframe: every format parsed back, files 0600 and whole, --split, filters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { generateRecords } from '../../src/dev/generate';
import { toJson, type ThoughtRecord } from '../../src/domain/record';
import { CSV_COLUMNS } from '../../src/render/csv';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const AWKWARD = '# not a heading\n---\n> not a quote\r\n- not a list | pipe | `tick` *star* <b>bold</b> &amp;\n💔 שלום \u202e =1+1';

function seed(records: ThoughtRecord[]): void {
  const file = join(sb.dir, 'seed.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(toJson(r))).join('\n'));
  const r = run(sb, ['import', file]);
  expect(r.stderr).toBe(`Added ${records.length} record${records.length === 1 ? '' : 's'} to your journal.\n`);
  expect(r.code).toBe(0);
}

const sample = (n: number, seedNo = 1) => generateRecords({ records: n, days: 40, seed: seedNo, unknownDistortions: 0 });
const awkward = (r: ThoughtRecord): ThoughtRecord => ({ ...r, situation: AWKWARD, thought: `=${AWKWARD}`, evidenceFor: [AWKWARD, 'plain'] });

describe('export formats', () => {
  it('json is list --json, oldest first, and jsonl the same records one per line', () => {
    const recs = sample(30);
    recs[3] = awkward(recs[3]);
    seed(recs);
    const list = JSON.parse(run(sb, ['list', '--json']).stdout);
    const json = run(sb, ['export', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout)).toEqual([...list].reverse());
    expect(json.stdout).toBe(JSON.stringify([...list].reverse(), null, 2) + '\n');
    const jsonl = run(sb, ['export', '--format', 'jsonl']);
    expect(jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([...list].reverse());
  });

  it('md is one readable document: title, summary, a section per record; user text cannot break it', () => {
    const recs = sample(12);
    recs[5] = awkward(recs[5]);
    seed(recs);
    const r = run(sb, ['export']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const tokens = new MarkdownIt({ html: true }).parse(r.stdout, {});
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag);
    expect(headings).toEqual(['h1', 'h2', ...recs.map(() => 'h2')]);
    expect(tokens.some((t) => t.type === 'html_block' || t.type === 'table_open' || t.type === 'code_block')).toBe(false);
    expect(r.stdout).toMatch(/^# Thought records, \d+ \w+ 2026 to \d+ \w+ 2026\n/);
    expect(r.stdout).toContain('- **Records:** 12\n');
    expect(r.stdout).toContain('> \\# not a heading  \n> \\---  \n> \\> not a quote  \n> \\- not a list &#124; pipe &#124; \\`tick\\` \\*star\\* &lt;b>bold&lt;/b> &amp;amp;  \n> 💔 שלום \u202e =1+1');
    // Sections come oldest first.
    const ids = [...r.stdout.matchAll(/^`([0-9A-Z]{26})` · written/gm)].map((m) => m[1]);
    expect(ids).toEqual(JSON.parse(run(sb, ['list', '--json']).stdout).map((x: { id: string }) => x.id).reverse());
  });

  it('csv has a header and one row per record, parsed back by csv-parse, formulas guarded', () => {
    const recs = sample(8);
    recs[0] = awkward(recs[0]);
    seed(recs);
    const out = join(sb.dir, 'out.csv');
    const r = run(sb, ['export', '--format', 'csv', '--out', out, '--bom']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
    expect(rows[0].slice(0, CSV_COLUMNS.length)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(9);
    // A number column pair per feeling in the export: what a spreadsheet's AVERAGE reads, no parsing.
    const names = [...new Set(recs.flatMap((x) => x.emotions.map((e) => e.name)))];
    expect(rows[0].slice(CSV_COLUMNS.length).sort()).toEqual(names.flatMap((f) => [`${f} before`, `${f} after`]).sort());
    for (const f of names) {
      const col = rows[0].indexOf(`${f} before`);
      const cells = rows.slice(1).map((row) => row[col]).filter((c) => c !== '');
      const want = recs.flatMap((x) => x.emotions.filter((e) => e.name === f).slice(0, 1).map((e) => e.before));
      expect(cells.map(Number).sort()).toEqual(want.sort());
      expect(cells.every((c) => /^\d{1,3}$/.test(c))).toBe(true);
      const after = rows.slice(1).map((row) => row[col + 1]).filter((c) => c !== '');
      expect(after.length).toBe(recs.filter((x) => x.emotions.find((e) => e.name === f)?.after !== undefined).length);
    }
    const byId = new Map(rows.slice(1).map((row) => [row[1], row]));
    const row = byId.get(recs[0].id)!;
    expect(row[CSV_COLUMNS.indexOf('situation')]).toBe(AWKWARD);
    expect(row[CSV_COLUMNS.indexOf('thought')]).toBe(`'=${AWKWARD}`);
    expect(row[CSV_COLUMNS.indexOf('evidenceFor')]).toBe(`${AWKWARD}\nplain`);
  });
});

describe('export to files', () => {
  it('writes --out 0600, replacing an old file whole, leaving no temp file behind', () => {
    seed(sample(5));
    const out = join(sb.dir, 'exports', 'journal.json');
    mkdirSync(join(sb.dir, 'exports'));
    writeFileSync(out, 'old contents that are longer than nothing'.repeat(100));
    chmodSync(out, 0o644);
    const r = run(sb, ['export', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Exported 5 records to ${out}.\n`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(5);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(sb.dir, 'exports'))).toEqual(['journal.json']);
  });

  it('follows a link to the real file, and writes straight into something that is not a file', async () => {
    seed(sample(3));
    const real = join(sb.dir, 'real.jsonl');
    writeFileSync(real, '');
    symlinkSync(real, join(sb.dir, 'link.jsonl'));
    expect(run(sb, ['export', '--format', 'jsonl', '--out', join(sb.dir, 'link.jsonl')]).code).toBe(0);
    expect(readFileSync(real, 'utf8').trimEnd().split('\n')).toHaveLength(3);
    const r = run(sb, ['export', '--format', 'jsonl', '--out', '/dev/stdout']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
    // A named pipe is written into, not replaced.
    const fifo = join(sb.dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d) => { got += d; });
    const done = new Promise((res) => reader.on('close', res));
    expect(run(sb, ['export', '--format', 'jsonl', '--out', fifo]).code).toBe(0);
    await done;
    expect(got.trimEnd().split('\n')).toHaveLength(3);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('--split writes one 0600 file per record with YAML front matter into a new 0700 folder', () => {
    const recs = sample(6);
    recs[2] = awkward(recs[2]);
    seed(recs);
    const dir = join(sb.dir, 'vault', 'reframe');
    const r = run(sb, ['export', '--split', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Wrote 6 files, one per record, to ${dir}.\n`);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(6);
    for (const name of names) {
      expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{4}Z-[0-9A-Z]{8}\.md$/);
      const file = join(dir, name);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const text = readFileSync(file, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
      // Loaded as PyYAML, Jekyll and Obsidian read it (YAML 1.1 timestamps): dates are dates, nothing nested.
      const fm = parseYaml(m[1], { version: '1.1' });
      const rec = recs.find((x) => x.id === fm.id)!;
      expect(name.slice(17, 25)).toBe(rec.id.slice(0, 8));
      expect(name.slice(0, 10)).toBe(rec.occurredAt.slice(0, 10));
      expect(fm.date).toBeInstanceOf(Date);
      expect(fm.datetime).toBeInstanceOf(Date);
      expect(m[1]).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
      expect(fm).toMatchObject({ thought: rec.thought, patterns: rec.distortions, tags: rec.tags });
      for (const e of rec.emotions) {
        expect(fm[`${e.name.replace(/\s+/g, '-')}-before`]).toBe(e.before);
        if (e.after !== undefined) expect(fm[`${e.name.replace(/\s+/g, '-')}-after`]).toBe(e.after);
      }
      for (const v of Object.values(fm)) expect(v instanceof Date || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))).toBe(true);
      const tokens = new MarkdownIt({ html: true }).parse(text.slice(m[0].length), {});
      expect(tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual(['h1']);
    }
    // Again, and under other time zones: the same names, replaced, never added beside.
    for (const TZ of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
      expect(run(sb, ['export', '--split', '--out', dir], { env: { TZ } }).code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(names);
    }
    // The local date in the properties follows the time zone; the name does not.
    const one = names[0];
    const dateIn = (TZ: string) => {
      run(sb, ['export', '--split', '--out', dir], { env: { TZ } });
      return /^datetime: (.*)$/m.exec(readFileSync(join(dir, one), 'utf8'))![1];
    };
    expect(dateIn('Asia/Kolkata')).not.toBe(dateIn('America/New_York'));
  });
});

describe('export filters', () => {
  it('takes the filters of list; --limit keeps the newest N, still written oldest first', () => {
    seed(sample(40, 3));
    const all = JSON.parse(run(sb, ['list', '--json']).stdout) as { id: string; tags: string[] }[];
    const newest5 = JSON.parse(run(sb, ['export', '--format', 'json', '--limit', '5']).stdout);
    expect(newest5.map((r: { id: string }) => r.id)).toEqual(all.slice(0, 5).map((r) => r.id).reverse());
    const tagged = JSON.parse(run(sb, ['list', '--json', '--tag', 'work']).stdout);
    expect(tagged.length).toBeGreaterThan(0);
    expect(JSON.parse(run(sb, ['export', '--format', 'json', '--tag', 'work']).stdout)).toEqual(tagged.reverse());
    const md = run(sb, ['export', '--tag', 'work', '--limit', '2']).stdout;
    expect(md).toContain('Filters: tag work; the newest 2.');
    expect(md).toContain('- **Records:** 2\n');
  });

  it('an export with nothing in it says so, writes an empty document, and never creates the journal', () => {
    const md = run(sb, ['export']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Thought records\n\nExported from Reframe on .*\. No records\.\n$/);
    expect(md.stderr).toBe('No records match that, so the export is empty.\n');
    expect(run(sb, ['export', '--format', 'json']).stdout).toBe('[]\n');
    expect(run(sb, ['export', '--format', 'jsonl']).stdout).toBe('');
    expect(run(sb, ['export', '--format', 'csv']).stdout).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('export usage errors (exit 2, nothing written)', () => {
  it.each([
    [['export', '--format', 'xml'], '--format takes md, json, jsonl or csv.'],
    [['export', '--split'], '--split writes one file per record, so it needs a folder: --out DIR.'],
    [['export', '--split', '--format', 'json', '--out', 'x'], '--split writes markdown files, so it works with --format md only.'],
    [['export', '--bom'], '--bom is for --format csv (it helps Excel read accents and emoji).'],
    [['export', '--since', 'someday'], '--since needs a date or time'],
    [['export', '--out', 'missing/folder/x.md'], 'The folder'],
  ])('%j', (args, message) => {
    seed(sample(2));
    const r = run(sb, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('refuses to write over the journal, or into a folder without --split', () => {
    seed(sample(2));
    const before = readFileSync(sb.db);
    const r = run(sb, ['export', '--format', 'json', '--out', sb.db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is your journal itself');
    expect(readFileSync(sb.db).equals(before)).toBe(true);
    const d = run(sb, ['export', '--out', sb.dir]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('is a folder');
    const f = run(sb, ['export', '--split', '--out', sb.db]);
    expect(f.code).toBe(2);
  });
});

describe('large exports', () => {
  it('streams thousands of records through a pipe in every format', () => {
    seed(sample(3000, 9));
    for (const format of ['json', 'jsonl', 'csv', 'md']) {
      const r = run(sb, ['export', '--format', format]);
      expect(r.code, format).toBe(0);
      if (format === 'json') expect(JSON.parse(r.stdout)).toHaveLength(3000);
      if (format === 'jsonl') expect(r.stdout.trimEnd().split('\n')).toHaveLength(3000);
      if (format === 'csv') expect(parseCsv(r.stdout)).toHaveLength(3001);
      if (format === 'md') expect(r.stdout.match(/^## /gm)).toHaveLength(3001);
    }
  });
});

describe('export to a terminal', () => {
  it('drops control characters from markdown and CSV, so a record can never drive the terminal; files keep them', () => {
    const rec = { ...sample(1)[0], situation: 'title \u001b]0;pwned\u0007 then \u001b[2J cleared', thought: 'bell \u0007 here' };
    seed([rec]);
    // `script` gives the command a real pseudo-terminal and records every byte it wrote.
    const viaTty = (format: string) => execFileSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(__dirname, '..', '..', 'bin', 'reframe'))} export --format ${format}`, '/dev/null'], {
      env: sb.env, encoding: 'utf8', timeout: 30_000,
    });
    for (const format of ['md', 'csv']) {
      const out = viaTty(format);
      expect(out, format).toMatch(/title \\?\]0;pwned then \\?\[2J cleared/);
      expect(out, format).not.toMatch(/[\u0007\u001b]/);
    }
    // --out /dev/tty is the same terminal.
    const devTty = execFileSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(join(__dirname, '..', '..', 'bin', 'reframe'))} export --format md --out /dev/tty`, '/dev/null'], {
      env: sb.env, encoding: 'utf8', timeout: 30_000,
    });
    expect(devTty).toMatch(/pwned then/);
    expect(devTty).not.toMatch(/[\u0007\u001b]/);
    // To a file (or a pipe) the export stays the record, byte for byte.
    const piped = run(sb, ['export', '--format', 'md']);
    expect(piped.stdout).toMatch(/\u001b\\?\]0;pwned\u0007/);
    // JSON escapes them in both cases.
    expect(viaTty('json')).toContain('\\u001b]0;pwned\\u0007');
  });
});
