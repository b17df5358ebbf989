// reframe import, by spawning bin/reframe: all or nothing, positions in errors, merging, --dry-run, stdin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { generateRecords } from '../../src/dev/generate';
import { toJson, type ThoughtRecord } from '../../src/domain/record';
import { dumpJournal } from '../helpers/generate';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const sample = (n: number, seedNo = 1) => generateRecords({ records: n, days: 30, seed: seedNo, unknownDistortions: 0 });
const jsonl = (rs: ThoughtRecord[]) => rs.map((r) => JSON.stringify(toJson(r))).join('\n') + '\n';
const SECRET = 'my secret words';
const base = { situation: SECRET, thought: SECRET, emotions: [{ name: 'sad', before: 50 }] };

function file(name: string, content: string | Buffer): string {
  const p = join(sb.dir, name);
  writeFileSync(p, content);
  return p;
}

const dump = () => dumpJournal(sb.db);

describe('import', () => {
  it('adds a JSON array and JSON Lines, says how many, and importing again adds nothing', () => {
    const recs = sample(20);
    const a = run(sb, ['import', file('a.json', JSON.stringify(recs.slice(0, 12).map(toJson), null, 2))]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('Added 12 records to your journal.\n');
    expect(a.stdout).toBe('');
    const b = run(sb, ['import', file('b.jsonl', jsonl(recs.slice(8)))]);
    expect(b.stderr).toBe('Added 8 records to your journal.\nSkipped 4: 4 already in your journal.\n');
    const again = run(sb, ['import', file('b.jsonl', jsonl(recs.slice(8))), '--json']);
    expect(JSON.parse(again.stdout)).toEqual({
      dryRun: false, records: 12, added: 0, skipped: 12, alreadyInJournal: 12, repeatedInFile: 0, differentFromJournal: 0, givenNewIds: 0, repairedCharacters: 0,
    });
    expect(again.stderr).toBe('');
    const all = JSON.parse(run(sb, ['export', '--format', 'json']).stdout);
    expect(all).toEqual(recs.map(toJson).sort((x, y) => (x.occurredAt as string).localeCompare(y.occurredAt as string) || (x.id as string).localeCompare(y.id as string)));
  });

  it('merges the exports of two computers: each record once, and the journal\'s own copy kept', () => {
    const shared = sample(6, 2);
    const other = sandbox();
    try {
      run(sb, ['import', file('s.jsonl', jsonl(shared))]);
      run(other, ['import', file('s2.jsonl', jsonl(shared))]);
      const mine = run(sb, ['new', '--situation', 'only here', '--thought', 't', '--emotion', 'calm:10']).stdout.trim();
      const theirs = run(other, ['new', '--situation', 'only there', '--thought', 't', '--emotion', 'calm:20']).stdout.trim();
      expect(run(other, ['edit', shared[0].id, '--belief-after', '1']).code).toBe(0);
      const exportOther = run(other, ['export', '--format', 'jsonl']).stdout;
      const r = run(sb, ['import', '-'], { input: exportOther });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("Added 1 record to your journal.\nSkipped 6: 6 already in your journal.\n1 of them differs from the copy in your journal; import keeps your journal's copy.\n");
      const ids = JSON.parse(run(sb, ['list', '--json']).stdout).map((x: { id: string }) => x.id).sort();
      expect(ids).toEqual([...shared.map((s) => s.id), mine, theirs].sort());
    } finally {
      other.cleanup();
    }
  });

  it('skips a second record with an id seen earlier in the same file (the first wins)', () => {
    const [a, b] = sample(2, 4);
    const second = { ...toJson(a), situation: 'a different copy' };
    const r = run(sb, ['import', file('d.jsonl', `${JSON.stringify(toJson(a))}\n${JSON.stringify(toJson(b))}\n${JSON.stringify(second)}\n`)]);
    expect(r.stderr).toBe('Added 2 records to your journal.\nSkipped 1: 1 repeated in the file.\n');
    expect(JSON.parse(run(sb, ['show', a.id, '--json']).stdout).situation).toBe(a.situation);
  });

  it('gives records without an id a new one, and says a second import would add them again', () => {
    const r = run(sb, ['import', '-'], { input: JSON.stringify(base) });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Added 1 record to your journal.\n1 record had no id and got a new one, so importing the same file again would add it again.\n');
    const saved = JSON.parse(run(sb, ['list', '--json']).stdout)[0];
    expect(saved.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(saved.occurredAt).toBe(saved.createdAt);
  });

  it('tolerates a UTF-8 byte-order mark and CRLF line ends', () => {
    const recs = sample(3, 5);
    const r = run(sb, ['import', file('bom.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl(recs).replace(/\n/g, '\r\n'))]))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Added 3 records to your journal.\n');
  });

  it('--dry-run says what would happen and writes nothing, not even a new journal file', () => {
    const recs = sample(5, 6);
    const f = file('d.jsonl', jsonl(recs));
    const r = run(sb, ['import', f, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Would add 5 records.\nNothing was written (--dry-run).\n');
    expect(existsSync(sb.db)).toBe(false);
    run(sb, ['import', file('two.jsonl', jsonl(recs.slice(0, 2)))]);
    const before = dump();
    const d = run(sb, ['import', f, '--dry-run', '--json']);
    expect(JSON.parse(d.stdout)).toMatchObject({ dryRun: true, added: 3, skipped: 2, alreadyInJournal: 2 });
    expect(dump()).toBe(before);
  });

  it('an empty file imports nothing and creates nothing', () => {
    const r = run(sb, ['import', file('empty.jsonl', '\n\n')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${join(sb.dir, 'empty.jsonl')} holds no records, so there was nothing to import.\n`);
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('a malformed file is refused whole: exit 2, its position and field, an unchanged journal', () => {
  const good = sample(4, 7);
  const line = (x: unknown) => JSON.stringify(x);
  const cases: [string, string | Buffer, RegExp][] = [
    ['bad JSON', `${line(toJson(good[0]))}\n{"situation": "${SECRET}", oops}\n`, /record 2 \(line 2\) is not valid JSON\.$/m],
    ['a truncated file', JSON.stringify(good.map(toJson), null, 2).slice(0, 700), /ends in the middle of record \d \(line \d+\); it may have been cut short\.$/m],
    ['a truncated line', `${line(toJson(good[0]))}\n${line(toJson(good[1])).slice(0, 60)}`, /record 2 \(line 2\); it may have been cut short\.$/m],
    ['wrong types', `${line(toJson(good[0]))}\n\n${line({ ...base, emotions: [{ name: 'sad', before: '80' }] })}\n`, /record 2 \(line 3\): emotions\[0\]\.before must be a whole number from 0 to 100\.$/m],
    ['an out-of-range rating', `[${line(toJson(good[0]))},\n${line({ ...base, beliefBefore: 101 })}]`, /record 2 \(line 2\): beliefBefore must be from 0 to 100\.$/m],
    ['an unknown field', line({ ...base, feeling: SECRET }), /record 1 \(line 1\): the record has unknown field "feeling"\.$/m],
    ['an unknown pattern', line({ ...base, distortions: ['mind-reading', 'not-a-pattern'] }), /record 1 \(line 1\): distortions\[1\] "not-a-pattern" is not a pattern in your library\.$/m],
    ['a missing field', line({ situation: SECRET, emotions: [{ name: 'sad', before: 1 }] }), /record 1 \(line 1\): thought is missing\.$/m],
    ['binary junk', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x9c, 0x80, 0x81]), /is not a text file \(it holds a NUL byte at byte 3\), so nothing was imported\.$/m],
    ['a UTF-16 file', Buffer.from('\ufeff[]', 'utf16le'), /is UTF-16 text; import reads UTF-8/],
    ['a BOM before junk', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{{')]), /record 1 \(line 1\)/],
    ['something else entirely', `name,situation\nme,${SECRET}\n`, /record 1 \(line 1\) is not valid JSON\.$/m],
  ];
  for (const [what, content, message] of cases) {
    it(what, () => {
      run(sb, ['import', file('seed.jsonl', jsonl(good.slice(0, 2)))]);
      const before = dump();
      const r = run(sb, ['import', file('bad.json', content)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stdout).toBe('');
      expect(dump()).toBe(before);
    });
  }

  it('a bad record after thousands of good ones still writes nothing', () => {
    run(sb, ['import', file('seed.jsonl', jsonl(good.slice(0, 1)))]);
    const before = dump();
    const many = sample(2000, 8);
    const r = run(sb, ['import', '-'], { input: `${jsonl(many)}${line({ ...base, emotions: [{ name: 'x', before: -1 }] })}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('record 2001 (line 2001): emotions[0].before must be from 0 to 100.');
    expect(dump()).toBe(before);
  });

  it('a file that is not there, or a folder, is a usage error', () => {
    expect(run(sb, ['import', join(sb.dir, 'nope.json')]).code).toBe(2);
    expect(run(sb, ['import', sb.dir]).code).toBe(2);
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('junk through the real binary', () => {
  it('never crashes: exit 0 or 2, no stack trace, and the journal unchanged on failure', () => {
    run(sb, ['import', '-'], { input: JSON.stringify(base) });
    const before = dump();
    const inputs = fc.sample(fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    ), { numRuns: 12, seed: 42 });
    for (const input of inputs) {
      const r = run(sb, ['import', '-'], { input });
      expect([0, 2], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      if (r.code !== 0) expect(dump()).toBe(before);
    }
  });
});
