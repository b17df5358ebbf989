import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/journal/migrations';
import { recordSchema, toJson, type ThoughtRecord } from '../../src/domain/record';
import { JournalError } from '../../src/errors';

const awkward: ThoughtRecord = recordSchema.parse({
  id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC',
  createdAt: '2026-11-22T21:30:00.000Z',
  occurredAt: '2026-11-22T19:05:00.000Z',
  situation: 'Line one\nLine two with "quotes", \'single\', `code`, # heading, *stars*, | pipes |\r\nand CRLF',
  emotions: [{ name: 'Anxious', before: 80, after: 40 }, { name: 'ashamed', before: 60 }],
  thought: "I'm not worthy of love 💔 — שלום עולם — 日本語",
  beliefBefore: 90,
  otherThoughts: ["She's bored of me", '---'],
  distortions: ['labeling', 'mind-reading'],
  evidenceFor: ["She didn't ask any questions."],
  evidenceAgainst: ['She told me yesterday she loves me.', 'She was tired.'],
  answers: [{ question: 'What would you tell a friend?', answer: 'One quiet evening is not a verdict.' }],
  reframe: 'She was tired; one quiet evening says nothing about my worth.',
  reframeBelief: 70,
  beliefAfter: 35,
  actionPlan: 'Ask her tomorrow how her day was.',
  tags: ['Partner', '#home'],
});

function memJournal(): Journal {
  return new Journal(openDatabase(':memory:'), ':memory:');
}

describe('journal on :memory:', () => {
  it('migrates to the latest schema and marks the file as ours', () => {
    const j = memJournal();
    expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(j.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('knows its schema version without the steps (schema-version.ts): the last step\'s, the steps in order', () => {
    expect(SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('offers kept beliefs (the downward arrow) by their words, as the whole beliefs have them, oldest first', () => {
    const j = memJournal();
    expect(j.progress.beliefChoices()).toEqual([]);
    j.insert(awkward);
    j.write(() => {
      j.progress.insertBelief({ id: '01JD8A0000000000000000000C', createdAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z', text: 'I am a burden', type: 'core', ratings: [{ at: '2026-11-23T08:00:00.000Z', conviction: 60 }], evidence: [], records: [awkward.id], experiments: [] });
      j.progress.insertBelief({ id: '01JD8A0000000000000000000B', createdAt: '2026-11-22T08:00:00.000Z', updatedAt: '2026-11-22T08:00:00.000Z', text: "I'm not worthy of love", type: 'core', ratings: [{ at: '2026-11-22T08:00:00.000Z', conviction: 85 }], evidence: [], records: [], experiments: [] });
    });
    const whole = j.progress.beliefs();
    expect(whole.map((b) => b.text)).toEqual(["I'm not worthy of love", 'I am a burden']);
    expect(j.progress.beliefChoices()).toEqual(whole.map((b) => ({ id: b.id, text: b.text })));
    j.close();
  });

  it('round-trips every field of a record exactly', () => {
    const j = memJournal();
    j.insert(awkward);
    expect(j.get(awkward.id)).toEqual(awkward);
    expect(awkward.emotions[0].name).toBe('anxious');
    expect(awkward.tags).toEqual(['partner', 'home']);
  });

  it('keeps the when-true branch (migration 9): present, empty, changed, taken away; searchable', () => {
    const j = memJournal();
    const whenTrue = { ...awkward, id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD', whenTrue: { help: 'Ask my sister 🫶 to come with me', friend: 'You did what you could.' } };
    j.insert(whenTrue);
    expect(j.get(whenTrue.id)).toEqual(whenTrue);
    expect(toJson(j.get(whenTrue.id)!)).toMatchObject({ actionPlan: awkward.actionPlan, whenTrue: { help: 'Ask my sister 🫶 to come with me', friend: 'You did what you could.' } });
    expect(Object.keys(toJson(j.get(whenTrue.id)!)).slice(-2)).toEqual(['whenTrue', 'tags']);
    expect(j.list({ search: 'sister' }).map((r) => r.id)).toEqual([whenTrue.id]);
    // The branch taken with nothing written stays "taken".
    j.update({ ...whenTrue, whenTrue: {} }, '2026-11-23T00:00:00.000Z');
    expect(j.get(whenTrue.id)!.whenTrue).toEqual({});
    expect(j.list({ search: 'sister' })).toEqual([]);
    j.update({ ...whenTrue, whenTrue: undefined }, '2026-11-23T00:00:01.000Z');
    expect(j.get(whenTrue.id)!.whenTrue).toBeUndefined();
    expect('whenTrue' in toJson(j.get(whenTrue.id)!)).toBe(false);
    // An old record has no branch at all.
    j.insert(awkward);
    expect(j.get(awkward.id)!.whenTrue).toBeUndefined();
  });

  it('keeps parts in their own indexed tables, so trends are SQL', () => {
    const j = memJournal();
    j.insert(awkward);
    const n = j.db.prepare("SELECT count(*) AS n FROM record_distortions WHERE distortion_id = 'labeling'").get() as { n: number };
    expect(n.n).toBe(1);
    const plan = j.db.prepare("EXPLAIN QUERY PLAN SELECT record_seq FROM tags WHERE tag = 'partner'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX tags_tag/);
  });

  it('updates and deletes with their parts and search rows', () => {
    const j = memJournal();
    j.insert(awkward);
    j.update({ ...awkward, tags: ['work'], evidenceFor: [] }, '2026-11-23T10:00:00.000Z');
    expect(j.get(awkward.id)!.tags).toEqual(['work']);
    expect(j.list({ tag: 'partner' })).toHaveLength(0);
    expect(j.delete(awkward.id)).toBe(true);
    expect(j.count()).toBe(0);
    expect((j.db.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n).toBe(0);
    expect((j.db.prepare('SELECT count(*) AS n FROM records_fts').get() as { n: number }).n).toBe(0);
  });

  it('resolves unique prefixes and refuses short or ambiguous ones', () => {
    const j = memJournal();
    j.insert(awkward);
    j.insert({ ...awkward, id: '01JD7X4Q9V6M2W8K3T5R0YH1ZD' });
    expect(() => j.resolveId('01JD7X')).toThrow(/matches 2 records/);
    expect(j.resolveId('01jd7x4q9v6m2w8k3t5r0yh1zc')).toBe(awkward.id);
    expect(() => j.resolveId('01J')).toThrow(/at least 6/);
  });

  it('keeps drafts until they are dropped in the same transaction as the save', () => {
    const j = memJournal();
    j.saveDraft({ id: 'd1', kind: 'new', createdAt: 'a', updatedAt: 'b', data: { situation: 'x' } });
    expect(j.latestDraft('new')!.data).toEqual({ situation: 'x' });
    j.insert(awkward, { draftId: 'd1' });
    expect(j.latestDraft('new')).toBeUndefined();
  });
});

describe('journal files', () => {
  const tmp = () => mkdtempSync(join(tmpdir(), 'reframe-j-'));

  it('creates the folder 0700 and the file 0600 even under umask 022', () => {
    const old = process.umask(0o022);
    try {
      const dir = tmp();
      const path = join(dir, 'nested', 'journal.db');
      const j = new Journal(openDatabase(path), path);
      j.insert(awkward);
      expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(path + '-wal').mode & 0o777).toBe(0o600);
      j.close();
    } finally {
      process.umask(old);
    }
  });

  it('refuses a journal written by a newer version, leaving it as it was', () => {
    const path = join(tmp(), 'journal.db');
    new Journal(openDatabase(path), path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(JournalError);
    expect(() => openDatabase(path)).toThrow(/newer reframe/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, and leaves its bytes alone', () => {
    const path = join(tmp(), 'journal.db');
    writeFileSync(path, 'dear diary, this is not sqlite\n');
    expect(() => openDatabase(path)).toThrow(/not a Reframe journal/);
    expect(readFileSync(path, 'utf8')).toBe('dear diary, this is not sqlite\n');
  });

  it('refuses a SQLite database that belongs to something else', () => {
    const path = join(tmp(), 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE notes (x TEXT)');
    raw.close();
    expect(() => openDatabase(path)).toThrow(/not a Reframe journal/);
  });

  it('refuses a folder', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'journal.db'));
    expect(() => openDatabase(join(dir, 'journal.db'))).toThrow(/is a folder/);
  });

  it('upgrades a journal built with the first schema, keeping a copy from before', () => {
    const path = join(tmp(), 'journal.db');
    const old = new Journal(openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) }), path);
    old.db.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES ('01JD7X4Q9V6M2W8K3T5R0YH1ZC', 'a', 'b', 'c', 'quiet dinner', 'nobody could love me')`).run();
    old.close();
    let backup = '';
    const j = new Journal(openDatabase(path, { onUpgrade: (_f, _t, b) => { backup = b; } }), path);
    expect(j.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(j.list({ search: 'nobody' })).toHaveLength(1);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });
});

describe('record times', () => {
  it('accepts ISO times with zones and stores them in UTC; refuses years that would not re-import', () => {
    const base = { id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00Z', situation: 's', thought: 't', emotions: [{ name: 'sad', before: 1 }] };
    expect(recordSchema.parse({ ...base, occurredAt: '2026-11-22T19:05+01:00' }).occurredAt).toBe('2026-11-22T18:05:00.000Z');
    expect(recordSchema.safeParse({ ...base, occurredAt: '9999-12-31T23:59-01:00' }).success).toBe(false);
    expect(recordSchema.safeParse({ ...base, occurredAt: '0001-01-01T00:00Z' }).success).toBe(false);
    expect(recordSchema.safeParse({ ...base, occurredAt: '2026-02-30T10:00Z' }).success).toBe(false);
  });
});

describe('strategies offered after the balanced thought', () => {
  it('fit the chosen patterns: self-compassion for a harsh label, small steps and safety for fear of opening up', async () => {
    const { loadLibrary } = await import('../../src/library/library');
    const lib = loadLibrary();
    const top2 = (ids: string[]) => lib.strategiesFor(ids).slice(0, 2).map((s) => s.id);
    expect(top2(['labeling'])[0]).toBe('self-compassion');
    expect(top2(['vulnerability-means-hurt'])).toEqual(expect.arrayContaining(['small-steps']));
    expect(top2(['unworthy-of-love'])).toContain('cognitive-restructuring');
    expect(top2(['avoidance'])[0]).toBe('small-steps');
    expect(lib.strategiesFor([])).toEqual([]);
  });
});

describe('errors inside a save', () => {
  it('only SQLite and file-system errors are said to be about the journal; others pass through unchanged', async () => {
    const j = memJournal();
    // A worker thread out of memory has a code, but nothing is wrong with the journal: no "restore it" advice.
    const oom = Object.assign(new Error('worker ran out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    await expect(j.writeAsync(async () => { throw oom; })).rejects.toBe(oom);
    expect(() => j.write(() => { throw oom; })).toThrow(oom);
    // A file-system error is about the journal's place.
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC', syscall: 'write' });
    await expect(j.writeAsync(async () => { throw full; })).rejects.toBeInstanceOf(JournalError);
    // A SQLite error is about the journal.
    await expect(j.writeAsync(async () => { j.db.exec('INSERT INTO no_such_table VALUES (1)'); })).rejects.toBeInstanceOf(JournalError);
    // And nothing was left half-done: the journal still takes a save.
    expect(j.db.inTransaction).toBe(false);
    j.insert(awkward);
    expect(j.count()).toBe(1);
    j.close();
  });
});
