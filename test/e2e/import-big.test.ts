// Importing big files through the real binary: checked on a worker thread while saving, a new journal built in a
// private file beside its place and linked in at the end. Still all or nothing, and nothing left behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, sandbox, start, type Sandbox } from '../helpers/run';
import { generateRecords, writeJournal, dumpJournal } from '../helpers/generate';
import { testContext } from '../helpers/context';
import { toJson, type ThoughtRecord } from '../../src/domain/record';
import { runImport } from '../../src/commands/import/run';
import { WORKER_MIN_BYTES } from '../../src/import/check';
import { savedText } from '../../src/journal/saved-text';
import Database from 'better-sqlite3-multiple-ciphers';
import { msg } from '../../src/messages';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const jsonl = (rs: ThoughtRecord[]) => rs.map((r) => JSON.stringify(toJson(r))).join('\n') + '\n';
const many = generateRecords({ records: 3000, days: 365, seed: 11, unknownDistortions: 0 });
const big = jsonl(many);
const SECRET = 'my secret words';
const bad = JSON.stringify({ situation: SECRET, thought: SECRET, emotions: [{ name: 'sad', before: -1 }] });

function file(name: string, content: string): string {
  const p = join(sb.dir, name);
  writeFileSync(p, content);
  return p;
}

const dump = () => dumpJournal(sb.db);

const leftovers = () => (existsSync(dirname(sb.db)) ? readdirSync(dirname(sb.db)).filter((f) => f.includes('.import-')) : []);

describe('a big import', () => {
  it('is big enough to be checked on a worker thread', () => {
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * WORKER_MIN_BYTES);
  });

  it('into no journal: every record, exactly; a private journal file; importing again adds nothing', () => {
    const f = file('big.jsonl', big);
    const r = run(sb, ['import', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Added 3000 records to your journal.\n');
    expect(leftovers()).toEqual([]);
    expect(run(sb, ['doctor']).code).toBe(0);
    const out = join(sb.dir, 'out.jsonl');
    expect(run(sb, ['export', '--format', 'jsonl', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').sort()).toEqual(big.split('\n').sort());
    const again = run(sb, ['import', f, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ records: 3000, added: 0, alreadyInJournal: 3000, differentFromJournal: 0 });
    // The search index (filled a batch at a time, after the batch's rows): every record's words under its own row.
    const db = new Database(sb.db, { readonly: true });
    const seqOf = new Map((db.prepare('SELECT id, seq FROM records').all() as { id: string; seq: number }[]).map((x) => [x.id, x.seq]));
    const match = db.prepare('SELECT rowid FROM records_fts WHERE records_fts MATCH ?').pluck();
    expect(db.prepare('SELECT count(*) FROM records_fts_docsize').pluck().get()).toBe(3000);
    // Each record's own words, as a phrase, find its row (the index keeps no text: contentless).
    for (const r of many.filter((_, i) => i % 50 === 0)) {
      const words = savedText(r).body.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 6);
      expect(match.all(`"${words.join(' ')}"`), r.id).toContain(seqOf.get(r.id));
    }
    // Each day's first and last record (written once at the end of a first import, not by a trigger per record),
    // as the rows say, and the triggers back in place for what comes next.
    const days = (sql: string) => (db.prepare(sql).raw().all() as unknown[][]).map((x) => x.join(' '));
    expect(days("SELECT day, first, last FROM practice_days WHERE kind = 'record' ORDER BY day")).toEqual(
      days('SELECT substr(occurred_at, 1, 10) AS day, min(occurred_at), max(occurred_at) FROM records GROUP BY day ORDER BY day'));
    expect(days("SELECT day FROM practice_days WHERE kind = 'record'").length).toBeGreaterThan(200);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'records' ORDER BY name").pluck().all()).toEqual([
      'practice_records_delete', 'practice_records_insert', 'practice_records_update', 'sync_records_delete', 'sync_records_insert', 'sync_records_update']);
    db.close();
    const later = run(sb, ['new', '--situation', 'A walk', '--thought', 'I will be late', '--emotion', 'worried:40', '--at', '2001-01-02T10:00:00Z']);
    expect(later.code, later.stderr).toBe(0);
    const after = new Database(sb.db, { readonly: true });
    expect(after.prepare("SELECT first FROM practice_days WHERE kind = 'record' AND day = '2001-01-02'").pluck().get()).toBe('2001-01-02T10:00:00.000Z');
    after.close();
    const word = many[1234].thought.split(/[^A-Za-z]+/).filter((w) => w.length > 4)[0];
    const found = run(sb, ['list', '--search', word]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(many[1234].id);
  });

  it('into no journal, with a bad record at the very end: exit 2, no journal, nothing left beside it', () => {
    const r = run(sb, ['import', file('bad.jsonl', big + bad + '\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('record 3001 (line 3001): emotions[0].before must be from 0 to 100.');
    expect(r.stderr).not.toContain(SECRET);
    expect(existsSync(sb.db)).toBe(false);
    expect(existsSync(dirname(sb.db))).toBe(false);
  });

  it('into a journal, with a bad record at the very end: the journal is unchanged', () => {
    run(sb, ['import', file('seed.jsonl', jsonl(many.slice(0, 5)))]);
    const before = dump();
    const r = run(sb, ['import', file('bad.jsonl', big + bad + '\n')]);
    expect(r.code).toBe(2);
    expect(dump()).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('counts repeats and records without ids, and merges with what is there', () => {
    run(sb, ['import', file('seed.jsonl', jsonl(many.slice(0, 100)))]);
    const changed = { ...toJson(many[0]), situation: 'changed on another computer' };
    const noId = { situation: 'no id', thought: 't', emotions: [{ name: 'sad', before: 5 }] };
    const text = [JSON.stringify(changed), big.trimEnd(), JSON.stringify(toJson(many[2999])), JSON.stringify(noId), JSON.stringify(noId)].join('\n');
    const r = run(sb, ['import', file('mixed.jsonl', text), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      dryRun: false, records: 3004, added: 2902, skipped: 102, alreadyInJournal: 100, repeatedInFile: 2,
      differentFromJournal: 1, givenNewIds: 2, repairedCharacters: 0,
    });
    expect(JSON.parse(run(sb, ['list', '--json']).stdout)).toHaveLength(3002);
  });

  it('the safety note: every record looked at, whichever thread looks, and only the records added count', () => {
    // Records holding words about wanting to die, among 3,000 ordinary ones: batches of a thousand, each looked at by
    // the checking thread or the saving thread, whichever is ahead (import/check.ts), so a record in each batch.
    const hurtAt = (...at: number[]) => {
      const lines = big.trimEnd().split('\n');
      const hurt = at.map((n) => ({ ...toJson(many[n]), thought: 'Some nights I want to die' }));
      at.forEach((n, i) => { lines[n] = JSON.stringify(hurt[i]); });
      return { hurt, text: lines.join('\n') + '\n' };
    };
    const fresh = () => {
      sb.cleanup();
      sb = sandbox();
    };
    const notes = (stderr: string) => stderr.split(msg.safety.title).length - 1;
    for (const n of [500, 1500, 2500]) {
      fresh();
      const r = run(sb, ['import', file('hurt.jsonl', hurtAt(n).text)]);
      expect(r.code, r.stderr).toBe(0);
      expect(notes(r.stderr), `record ${n}`).toBe(1);
      expect(r.stderr.indexOf('Added 3000 records')).toBeLessThan(r.stderr.indexOf(msg.safety.title));
      expect(r.stderr).not.toContain('want to die');
      // That record already in the journal: the same file adds the other 2,999 (999 beside it in its batch), none
      // holding such words: no note.
      fresh();
      const { hurt, text } = hurtAt(n);
      expect(notes(run(sb, ['import', file('alone.jsonl', JSON.stringify(hurt[0]) + '\n')]).stderr)).toBe(1);
      const again = run(sb, ['import', file('hurt.jsonl', text), '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ added: 2999, alreadyInJournal: 1 });
      expect(notes(again.stderr), `record ${n} already there`).toBe(0);
    }
    // The checking thread stops looking at the first such record (500), which the journal already holds; a new one
    // in the third batch (2500) is then looked at by the saving thread.
    fresh();
    const both = hurtAt(500, 2500);
    run(sb, ['import', file('alone.jsonl', JSON.stringify(both.hurt[0]) + '\n')]);
    const later = run(sb, ['import', file('hurt.jsonl', both.text)]);
    expect(later.code, later.stderr).toBe(0);
    expect(notes(later.stderr)).toBe(1);
  });

  it('--dry-run writes nothing, into no journal or into one', () => {
    const f = file('big.jsonl', big);
    const none = run(sb, ['import', f, '--dry-run', '--json']);
    expect(JSON.parse(none.stdout)).toMatchObject({ dryRun: true, added: 3000 });
    expect(existsSync(sb.db)).toBe(false);
    run(sb, ['import', file('seed.jsonl', jsonl(many.slice(0, 40)))]);
    const before = dump();
    const some = run(sb, ['import', f, '--dry-run', '--json']);
    expect(JSON.parse(some.stdout)).toMatchObject({ dryRun: true, added: 2960, alreadyInJournal: 40 });
    expect(dump()).toBe(before);
  });
});

describe('what a killed import leaves', () => {
  it('killed while building a new journal: no journal, and the next import clears its private file and goes in whole', async () => {
    const f = file('big.jsonl', big);
    // REFRAME_TEST_SLOW_WRITE_MS holds each record's save for a millisecond and says so: a kill lands inside.
    const p = start(sb, ['import', f], { env: { REFRAME_TEST_SLOW_WRITE_MS: '1' } });
    p.stdin.end();
    await new Promise<void>((resolve) => {
      let err = '';
      p.stderr.on('data', (d) => {
        err += d;
        if (err.includes('reframe-test: inside a save')) p.kill('SIGKILL');
      });
      p.on('exit', () => resolve());
    });
    expect(p.signalCode).toBe('SIGKILL');
    expect(existsSync(sb.db)).toBe(false);
    expect(leftovers().length).toBeGreaterThan(0);
    // doctor points at it (it holds records), names no record text, and changes nothing.
    const stale = join(dirname(sb.db), leftovers().find((n) => n.endsWith('.tmp'))!);
    const doc = run(sb, ['doctor', '--json']);
    const found = JSON.parse(doc.stdout).findings.filter((x: { check: string }) => x.check === 'leftovers');
    expect(found).toEqual([{ check: 'leftovers', status: 'warning',
      message: `An import that was stopped left a private file with records in it: ${stale}.`,
      fix: `The next \`reframe new\` or \`reframe import\` removes it; or remove it yourself: \`rm -f ${stale} ${stale}-journal\`.` }]);
    expect(existsSync(stale)).toBe(true);
    const r = run(sb, ['import', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('Added 3000 records to your journal.\n');
    expect(leftovers()).toEqual([]);
  });

  it('is removed by the next import; a running one\'s file is left alone', () => {
    mkdirSync(dirname(sb.db), { recursive: true });
    let gone = 4_000_000;
    while (gone > 3_000_000) {
      try { process.kill(gone, 0); gone--; } catch { break; }
    }
    const stale = [`.journal.db.import-${gone}.tmp`, `.journal.db.import-${gone}.tmp-journal`];
    const live = `.journal.db.import-${process.pid}.tmp`;
    for (const f of [...stale, live, '.journal.db.import-x.tmp', 'other.import-1.tmp']) writeFileSync(join(dirname(sb.db), f), 'records');
    const r = run(sb, ['import', file('small.jsonl', jsonl(many.slice(0, 3)))]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dirname(sb.db)).sort()).toEqual(['.journal.db.import-x.tmp', live, 'journal.db', 'other.import-1.tmp'].sort());
  });
});

describe('a journal made by someone else while the import builds one', () => {
  it('gets the records instead, counted against what it holds', async () => {
    const t = testContext();
    try {
      writeJournal(t.ctx.paths.db, many.slice(0, 2));
      // As if the journal appeared after the import looked: it builds its own, finds the place taken, and goes there.
      t.ctx.journalIfExists = () => undefined;
      const f = join(t.dir, 'three.jsonl');
      writeFileSync(f, jsonl(many.slice(1, 4)));
      await runImport(f, { json: true }, t.ctx);
      expect(JSON.parse(t.stdout.text)).toMatchObject({ records: 3, added: 2, alreadyInJournal: 1 });
      expect(t.ctx.journal().count()).toBe(4);
      expect(readdirSync(dirname(t.ctx.paths.db)).filter((x) => x.includes('.import-'))).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
