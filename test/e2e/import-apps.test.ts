// reframe import from other apps (issue 21), by spawning bin/reframe over the sample exports in
// test/fixtures/apps/: each format and variant found by its content, fields mapped, idempotent, all or nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { strToU8, zipSync } from 'fflate';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { dumpJournal } from '../helpers/generate';

const FIX = join(__dirname, '..', 'fixtures', 'apps');
const fx = (name: string) => join(FIX, name);

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

function file(name: string, content: string | Uint8Array): string {
  const p = join(sb.dir, name);
  writeFileSync(p, content);
  return p;
}
const records = () => JSON.parse(run(sb, ['list', '--json']).stdout) as Record<string, unknown>[];
const notes = (...args: string[]) => JSON.parse(run(sb, ['notes', 'list', '--json', ...args]).stdout) as Record<string, unknown>[];
const summary = (args: string[]) => {
  const r = run(sb, ['import', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { from: string; variant: string; records: { inFile: number; added: number; skipped: number };
    notes: { inFile: number; added: number; skipped: number }; checkins: { inFile: number; added: number; skipped: number };
    distortionMap?: Record<string, string>; moodMap?: Record<string, number>; recordsWithoutMoods: number; experiments: number; dryRun: boolean };
};
function checkins(): { created_at: string; mood: number; mood_label: string; words: string | null; tags: string | null; source: string }[] {
  const db = new Database(sb.db, { readonly: true });
  try {
    return db.prepare('SELECT created_at, mood, mood_label, words, tags, source FROM checkins ORDER BY created_at').all() as never;
  } finally {
    db.close();
  }
}

describe('FreeCBT', () => {
  it('maps each thought field by field, patterns to ours, no moods said plainly; twice adds nothing', () => {
    const s = summary([fx('freecbt-v2.json')]);
    expect(s).toMatchObject({ from: 'freecbt', variant: 'JSON', records: { inFile: 2, added: 2, skipped: 0 }, recordsWithoutMoods: 2 });
    expect(s.distortionMap).toEqual({
      'mind-reading': 'mind-reading', 'all-or-nothing': 'all-or-nothing', 'self-blaming': 'personalization',
      'fortune-telling': 'fortune-telling', 'magnification-of-the-negative': 'catastrophizing',
      'minimization-of-the-positive': 'disqualifying-the-positive', 'other-blaming': 'blaming',
    });
    const rs = records();
    expect(rs).toHaveLength(2);
    const first = rs.find((r) => r.createdAt === '2021-03-04T21:15:00.000Z')!;
    expect(first).toMatchObject({
      occurredAt: '2021-03-04T21:15:00.000Z',
      thought: "Everyone at work thinks I'm useless",
      reframe: 'One meeting went badly; my manager praised my report last week',
      distortions: ['mind-reading', 'all-or-nothing', 'personalization'],
      answers: [{ question: 'How would you challenge this thought?', answer: 'I have no proof of what they think' }],
      emotions: [],
      tags: ['freecbt'],
    });
    const second = rs.find((r) => r.createdAt === '2021-03-05T08:00:00.000Z')!;
    expect(second.distortions).toEqual(['fortune-telling', 'catastrophizing', 'disqualifying-the-positive', 'blaming']);
    expect(second.reframe).toBeUndefined();
    expect(second.answers).toEqual([]);
    // Shown plainly, and the challenge is searchable.
    expect(run(sb, ['show', String(first.id)]).stdout).toMatch(/Feelings\n {2}no moods were recorded/);
    expect(run(sb, ['list', '--search', 'proof', '--json']).stdout).toContain(String(first.id));

    const again = summary([fx('freecbt-v2.json')]);
    expect(again.records).toEqual({ inFile: 2, added: 0, skipped: 2 });
    // The backup string holds the same thoughts: nothing new either.
    expect(summary([fx('freecbt-backup.txt')])).toMatchObject({ variant: 'backup string', records: { inFile: 2, added: 0, skipped: 2 } });
    expect(records()).toHaveLength(2);
    expect(run(sb, ['import', fx('freecbt-v2.json')]).stderr).toContain('Nothing new: all 2 are already in your journal.');
    // Such a record can be edited as it is, and a feeling added later.
    expect(run(sb, ['edit', String(first.id), '--belief-after', '30']).code).toBe(0);
    expect(run(sb, ['edit', String(first.id), '--emotion', 'sad:40']).code).toBe(0);
    expect(JSON.parse(run(sb, ['show', String(first.id), '--json']).stdout)).toMatchObject({ beliefAfter: 30, emotions: [{ name: 'sad', before: 40 }] });
  });

  it('reads Quirk-era records: only selected patterns count, the @Quirk:thoughts: prefix is stripped from the id', () => {
    const s = summary([fx('freecbt-quirk.json')]);
    expect(s).toMatchObject({ variant: 'JSON', records: { added: 1 } });
    expect(s.distortionMap).toEqual({ 'mind-reading': 'mind-reading', catastrophizing: 'catastrophizing' });
    expect(records()[0]).toMatchObject({ thought: "She didn't text back, she must hate me", distortions: ['mind-reading', 'catastrophizing'], tags: ['freecbt', 'quirk'] });
    // The same thought exported later by FreeCBT under its plain (lower-case) uuid is the same thought.
    const later = { v: 'Archive-v2', thoughts: [{ automaticThought: 'x', alternativeThought: '', cognitiveDistortions: [], challenge: '',
      createdAt: '2019-01-10T19:00:00.000Z', updatedAt: '2019-01-10T19:00:00.000Z', uuid: '5c3e2a10-8f2b-4d1e-9a7c-6b5d4e3f2a1b', v: 2 }] };
    expect(summary([file('later.json', JSON.stringify(later))]).records).toEqual({ inFile: 1, added: 0, skipped: 1 });
  });

  it('reads the CSV: CRLF line ends, patterns in one quoted cell, a quoted newline kept', () => {
    const s = summary([fx('freecbt.csv')]);
    expect(s).toMatchObject({ variant: 'CSV', records: { inFile: 2, added: 2 } });
    const rs = records();
    const a = rs.find((r) => r.createdAt === '2021-03-04T21:15:00.000Z')!;
    expect(a).toMatchObject({ distortions: ['mind-reading', 'all-or-nothing', 'personalization'], reframe: 'One meeting went badly;\nmy manager praised my report last week' });
    expect(rs.find((r) => r.createdAt === '2021-03-06T10:00:00.000Z')).toMatchObject({ thought: 'I ruin everything, always', distortions: ['should-statements'] });
    // The JSON export holds the first one too (same uuid): it is not added twice.
    expect(summary([fx('freecbt-v2.json')]).records).toEqual({ inFile: 2, added: 1, skipped: 1 });
  });

  it('--dry-run of the backup string says what would come in and the pattern mapping, and writes nothing', () => {
    const r = run(sb, ['import', fx('freecbt-backup.txt'), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('as a FreeCBT export (backup string)');
    expect(r.stderr).toContain('Would add 2 thought records.');
    expect(r.stderr).toContain('self-blaming -> personalization');
    expect(r.stderr).toContain('Nothing was written (--dry-run).');
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('cbt-toolkit-app', () => {
  it('maps thought records (feelings before and after, thoughts, evidence, plan) and keeps experiments as notes', () => {
    const s = summary([fx('cbt-toolkit.json')]);
    expect(s).toMatchObject({ from: 'cbt-toolkit', records: { added: 1 }, notes: { added: 1 }, experiments: 1, recordsWithoutMoods: 0 });
    expect(records()[0]).toMatchObject({
      createdAt: '2024-04-29T18:30:00.000Z',
      occurredAt: '2024-04-29T12:00:00.000Z', // the day alone: noon there (TZ=UTC here)
      situation: 'Presentation to the team was moved up a week',
      emotions: [{ name: 'anxious', before: 80, after: 45 }, { name: 'ashamed', before: 60 }],
      thought: "I'm going to freeze in front of everyone",
      otherThoughts: ["They'll see I don't know what I'm doing", 'I should have prepared earlier'],
      evidenceFor: ['I froze once in 2019'],
      evidenceAgainst: ["I've given ten talks since without freezing", 'My slides are mostly done'],
      reframe: 'I might be nervous, and I can still get through it',
      actionPlan: 'Rehearse twice with Sam on Thursday',
      tags: ['cbt-toolkit'],
    });
    const [n] = notes('--kind', 'experiment');
    expect(n).toMatchObject({ kind: 'experiment', source: 'cbt-toolkit', sourceId: '7', writtenAt: '2024-05-01T20:00:00.000Z' });
    for (const part of ['Belief before (0-100): 85', 'Plan: Ask one question', 'Predicted outcome: Someone will sigh', 'Potential problems:',
      'Strategies for problems:', 'Date carried out: 2024-05-06', 'Actual outcome: Priya said', 'Prediction came true (%): 5',
      'Belief after (0-100): 40', 'Conclusion: People mostly welcome questions', 'Status: completed']) expect(n.body).toContain(part);
    expect(run(sb, ['import', fx('cbt-toolkit.json')]).stderr).toContain('Nothing new: all 2 are already in your journal.');
  });
});

describe('jrnl and Day One become notes', () => {
  it('jrnl JSON: title, body, tags, star, local time; searchable with list --search; shown whole', () => {
    const env = { TZ: 'America/New_York' };
    const r = run(sb, ['import', fx('jrnl.json'), '--json'], { env });
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 'jrnl', notes: { inFile: 2, added: 2 } });
    const ns = JSON.parse(run(sb, ['notes', 'list', '--json'], { env }).stdout) as Record<string, unknown>[];
    expect(ns.map((n) => n.writtenAt)).toEqual(['2023-11-03T22:05:00.000Z', '2023-11-03T03:40:00.000Z']); // EDT, -4
    expect(ns[1]).toMatchObject({ kind: 'entry', title: "Couldn't sleep again.", tags: ['jrnl', 'sleep'], starred: false, source: 'jrnl',
      body: 'Lay awake going over the meeting. @sleep\nTried the breathing thing; it helped a bit.' });
    expect(ns[0]).toMatchObject({ starred: true, tags: ['jrnl', 'work'] });
    const found = run(sb, ['list', '--search', 'breathing']);
    expect(found.code).toBe(0);
    expect(found.stderr).toContain('1 note matches');
    expect(found.stderr).not.toContain(String(ns[1].id)); // piped: counted, not listed
    const shown = run(sb, ['notes', 'show', String(ns[1].id)]);
    expect(shown.stdout).toContain("Couldn't sleep again.");
    expect(shown.stdout).toContain('Tried the breathing thing; it helped a bit.');
    expect(shown.stdout).toContain('from jrnl');
    // Both notes were made in one import, so they share a 6-character prefix: listed by id and date, no words.
    const both = run(sb, ['notes', 'show', String(ns[0].id).slice(0, 6)]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('matches 2 notes:');
    for (const n of ns) expect(both.stderr).toMatch(new RegExp(`^  ${String(n.id)}  \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(both.stderr).not.toMatch(/sleep|breathing|meeting/i);
    expect(summary([fx('jrnl.json')]).notes).toEqual({ inFile: 2, added: 0, skipped: 2 });
  });

  it('jrnl text: entries split at their date lines, a 12-hour time, a starred title, @tags', () => {
    expect(summary([fx('jrnl.txt')])).toMatchObject({ variant: 'text', notes: { added: 2 } });
    const ns = notes();
    expect(ns[0]).toMatchObject({ writtenAt: '2023-11-03T18:05:00.000Z', title: 'Good day at @work.', starred: true, body: 'The review went fine after all.', tags: ['jrnl', 'work'] });
    expect(ns[1]).toMatchObject({ title: "Couldn't sleep again.", body: 'Lay awake going over the meeting. @sleep\nTried the breathing thing; it helped a bit.' });
    expect(summary([fx('jrnl.txt')]).notes.added).toBe(0);
    // The JSON export of the same journal holds the same entries.
    expect(summary([fx('jrnl.json')]).notes).toEqual({ inFile: 2, added: 0, skipped: 2 });
  });

  it('Day One: the zip and its Journal.json are the same entries; a heading is the title; tags and star kept', () => {
    expect(summary([fx('dayone.zip')])).toMatchObject({ from: 'dayone', variant: 'zip', notes: { inFile: 2, added: 2 } });
    expect(summary([fx('dayone.json')]).notes).toEqual({ inFile: 2, added: 0, skipped: 2 });
    const ns = notes();
    expect(ns[1]).toMatchObject({ title: 'Morning pages', starred: true, tags: ['dayone', 'morning', 'health'], writtenAt: '2022-07-14T06:30:12.000Z',
      body: 'Woke up dreading the dentist. Made tea and sat in the garden instead of scrolling.\n\n- fed the cat\n- called Mum' });
    expect(ns[0]).toMatchObject({ title: null, body: 'Short one. Tired but okay\\.' });
    expect(JSON.parse(run(sb, ['notes', 'list', '--search', 'dentist', '--json']).stdout)).toHaveLength(1);
  });
});

describe('Daylio', () => {
  it('rows become check-ins: mood words mapped, trailing spaces, 12-hour times, activities as tags, notes made plain', () => {
    const s = summary([fx('daylio.csv')]);
    expect(s).toMatchObject({ from: 'daylio', checkins: { inFile: 3, added: 3 }, moodMap: { rad: 100, meh: 50, awful: 0 } });
    const cs = checkins();
    expect(cs).toEqual([
      { created_at: '2024-02-02T12:30:00.000Z', mood: 0, mood_label: 'awful', words: 'Bad news from home.\nCalled my sister.', tags: null, source: 'daylio' },
      { created_at: '2024-02-03T08:15:00.000Z', mood: 50, mood_label: 'meh', words: null, tags: '["work"]', source: 'daylio' },
      { created_at: '2024-02-03T22:00:00.000Z', mood: 100, mood_label: 'rad', words: 'Great evening\n\nBoard games with Jo and Sam\nLaughed a lot & stayed up late',
        tags: '["friends","gaming","good-meal"]', source: 'daylio' },
    ]);
    expect(summary([fx('daylio.csv')]).checkins).toEqual({ inFile: 3, added: 0, skipped: 3 });
    // Visible and searchable: reframe checkins, and list --search.
    const listed = JSON.parse(run(sb, ['checkins', '--json']).stdout) as Record<string, unknown>[];
    expect(listed.map((c) => [c.mood, c.moodLabel, c.source])).toEqual([[100, 'rad', 'daylio'], [50, 'meh', 'daylio'], [0, 'awful', 'daylio']]);
    expect(JSON.parse(run(sb, ['checkins', '--search', 'sister', '--json']).stdout)).toHaveLength(1);
    expect(JSON.parse(run(sb, ['checkins', '--search', 'gaming', '--json']).stdout)).toHaveLength(1);
    // Carried to another journal by Reframe's own export whole (mood word, tags, where it came from), so the same
    // Daylio export imported there afterwards adds nothing.
    const out = join(sb.dir, 'all.jsonl');
    expect(run(sb, ['export', '--format', 'jsonl', '--out', out]).code).toBe(0);
    const other = join(sb.dir, 'other.db');
    expect(run(sb, ['import', out], { env: { REFRAME_DB: other } }).code).toBe(0);
    const moved = JSON.parse(run(sb, ['checkins', '--json'], { env: { REFRAME_DB: other } }).stdout) as Record<string, unknown>[];
    expect(moved.map((c) => [c.mood, c.moodLabel, c.tags, c.source])).toEqual(listed.map((c) => [c.mood, c.moodLabel, c.tags, c.source]));
    const again = run(sb, ['import', fx('daylio.csv'), '--json'], { env: { REFRAME_DB: other } });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).checkins).toMatchObject({ added: 0 });
    const found = run(sb, ['list', '--search', 'sister']);
    expect(found.code).toBe(0);
    // Piped: counted on stderr with the command that lists them, never their words.
    expect(found.stderr).toContain('1 check-in matches too: reframe checkins --search "sister"');
    expect(found.stderr).not.toContain('Called my sister');
  });

  it('older exports (year, 7 columns) with the person\'s own mood word, given a number by --mood-map', () => {
    const r = run(sb, ['import', fx('daylio-old.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reframe: ${fx('daylio-old.csv')}, line 3: the mood "so-so" has no number from 0 to 100 yet.\n`
      + 'Tell reframe what it means, like --mood-map "so-so=60" (0 is the lowest, 100 the best). Nothing was imported.\n');
    expect(existsSync(sb.db)).toBe(false);
    expect(summary([fx('daylio-old.csv'), '--mood-map', 'So-So=45,good=80'])).toMatchObject({ checkins: { added: 2 }, moodMap: { good: 80, 'so-so': 45 } });
    expect(checkins().map((c) => [c.created_at, c.mood, c.words, c.tags])).toEqual([
      ['2018-01-05T09:00:00.000Z', 80, 'Nice walk by the river', '["reading","walk"]'],
      ['2018-01-06T21:30:00.000Z', 45, null, null],
    ]);
    expect(run(sb, ['import', fx('daylio.csv'), '--mood-map', 'rad']).code).toBe(2);
    expect(run(sb, ['import', fx('jrnl.json'), '--mood-map', 'rad=1']).stderr).toContain('--mood-map is for Daylio exports only.');
  });
});

describe('standard input', () => {
  it('reads an app\'s export from a pipe, known by its content or with --from', () => {
    const r = run(sb, ['import', '-', '--json'], { input: readFileSync(fx('jrnl.json')) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 'jrnl', notes: { added: 2 } });
    const zip = run(sb, ['import', '-', '--from', 'dayone'], { input: readFileSync(fx('dayone.zip')) });
    expect(zip.code).toBe(0);
    expect(zip.stderr).toContain('Reading standard input as a Day One export (zip).');
    expect(notes()).toHaveLength(4);
  });
});

describe('--from', () => {
  it('forces a reader, and refuses a file that is not that app\'s, or a name it does not know', () => {
    const txt = file('entries.txt', readFileSync(fx('jrnl.txt')));
    expect(summary([txt, '--from', 'jrnl']).notes.added).toBe(2);
    const wrong = run(sb, ['import', fx('jrnl.json'), '--from', 'daylio']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("doesn't look like a Daylio export, so nothing was imported.");
    const unknown = run(sb, ['import', fx('jrnl.json'), '--from', 'evernote']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from doesn\'t know "evernote".');
    // --from reframe reads an app's file as Reframe's own records, which it is not.
    expect(run(sb, ['import', fx('freecbt-v2.json'), '--from', 'reframe']).code).toBe(2);
  });
});

describe('a malformed file of each kind changes nothing', () => {
  const SECRET = 'my secret words';
  const freecbt = (t: object) => JSON.stringify({ v: 'Archive-v2', thoughts: [JSON.parse(readFileSync(fx('freecbt-v2.json'), 'utf8')).thoughts[0], t] });
  const base = { automaticThought: SECRET, alternativeThought: SECRET, cognitiveDistortions: [], challenge: SECRET, createdAt: '2021-01-01T00:00:00.000Z', updatedAt: '2021-01-01T00:00:00.000Z', uuid: 'aaaaaaaa-5d4a-4b7e-9c1f-2a6d8e0b7c51', v: 2 };
  const toolkit = JSON.parse(readFileSync(fx('cbt-toolkit.json'), 'utf8'));
  const goodZip = readFileSync(fx('dayone.zip'));
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['freecbt.json', freecbt({ ...base, automaticThought: '' }), /thought 2: automaticThought is missing\./],
    ['freecbt2.json', freecbt({ ...base, cognitiveDistortions: ['jumping-to-conclusions'] }), /thought 2: "jumping-to-conclusions" is not one of FreeCBT's thinking patterns\./],
    ['freecbt3.json', freecbt({ ...base, createdAt: 'yesterday' }), /thought 2: createdAt is not a date and time reframe can read\./],
    ['backup.txt', readFileSync(fx('freecbt-backup.txt'), 'utf8').slice(0, 200), /the backup string: it should start and end with :FreeCBT:/],
    ['backup2.txt', ':FreeCBT:notlzstring!!:FreeCBT:', /the backup string: it could not be unpacked/],
    ['freecbt.csv', 'uuid,createdAt,updatedAt,automaticThought,cognitiveDistortions,challenge,alternativeThought\r\nb1,2021-03-06T10:00:00.000Z,,x,,,\r\nb2,2021-03-06T10:00:00.000Z,,"unclosed,,,\r\n', /line 3: a quoted cell is never closed\./],
    ['freecbt2.csv', 'uuid,createdAt,updatedAt,automaticThought,cognitiveDistortions,challenge,alternativeThought\nb1,2021-03-06T10:00:00.000Z,,x,,,\nb2,2021-03-06,,x,,\n', /line 3: this row has a different number of cells from the header\./],
    ['toolkit.json', JSON.stringify({ ...toolkit, thoughtRecords: [...toolkit.thoughtRecords, { ...toolkit.thoughtRecords[0], id: 2, emotions: '[{"name":"sad",' }] }), /thought record 2: emotions is not the list of feelings the app writes\./],
    ['toolkit2.json', JSON.stringify({ ...toolkit, thoughtRecords: [{ ...toolkit.thoughtRecords[0], emotions: '[{"name":"sad","intensityBefore":150}]' }] }), /thought record 1: emotions\[0\]\.intensityBefore should be a number from 0 to 100\./],
    ['toolkit3.json', JSON.stringify({ ...toolkit, behavioralExperiments: [{ id: 3, created_at: 'soon', belief: SECRET }] }), /experiment 1: created_at is not a date and time/],
    ['jrnl.json', JSON.stringify({ tags: {}, entries: [{ title: SECRET, body: SECRET, date: '2023-02-30', time: '10:00', tags: [], starred: false }] }), /entry 1: date is not a date and time reframe can read\./],
    ['jrnl.txt', `${SECRET}\n[2023-11-02 23:40] ${SECRET}\n`, /./],
    ['jrnl2.txt', `[2023-11-02 23:40] ${SECRET}\nbody\n[2023-13-02 23:40] ${SECRET}\n`, /line 3: date is not a date and time reframe can read\./],
    ['dayone.json', `{"metadata": {"version": "1.0"},\n "entries": [ {"uuid": "A", "text": "${SECRET}",, } ]}`, /line 2, column \d+: this is not valid JSON\./],
    ['dayone2.json', JSON.stringify({ metadata: { version: '1.0' }, entries: [{ uuid: 'B', creationDate: '2022-07-14T06:30:12Z', text: '  ' }] }), /entry 1: the entry has no text\./],
    ['dayone.zip', goodZip.subarray(0, goodZip.length - 40), /the file: this zip file is damaged\./],
    ['dayone2.zip', zipSync({ 'photos/a.jpeg': new Uint8Array([1, 2, 3]) }), /there is no JSON file in this zip\./],
    ['dayone3.zip', zipSync({ 'Journal.json': strToU8(`{"metadata":{},"entries":[{"uuid":"C","creationDate":"2022-07-14T06:30:12Z","text":"${SECRET}"},{"text":"${SECRET}"}]}`) }), /\(Journal\.json\), entry 2: uuid is missing\./],
    ['daylio.csv', `full_date,date,weekday,time,mood,activities,note_title,note\n2024-02-03,February 3,Saturday,25:00 pm,rad,,,${SECRET}\n`, /line 2: time is not a date and time reframe can read\./],
    ['daylio2.csv', `full_date,date,weekday,time,mood,activities,note_title,note\n2024-02-03,February 3,Saturday,10:00 pm,rad,,,"${SECRET}\n`, /line 2: a quoted cell is never closed\./],
  ];

  it.each(cases)('%s: exit 2, the place and the reason on stderr, no words of the file, the journal as it was', (name, content, reason) => {
    // A journal with something in it first: a bad file must leave it exactly as it was.
    summary([fx('daylio.csv')]);
    const before = dumpJournal(sb.db);
    const p = file(name, content);
    const r = run(sb, ['import', p]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.startsWith(`reframe: ${p}`)).toBe(true);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stderr.trim().split('\n')).toHaveLength(2); // what was wrong, and what to do
    expect(dumpJournal(sb.db)).toBe(before);
  });

  it('a bad file creates no journal when there was none', () => {
    const r = run(sb, ['import', file('bad.json', cases[0][1])]);
    expect(r.code).toBe(2);
    expect(existsSync(sb.db)).toBe(false);
  });
});

describe('safety', () => {
  it('words about dying in an imported note bring the crisis note, after the save', () => {
    const entries = { tags: {}, entries: [{ title: 'Tonight', body: 'I want to kill myself.', date: '2024-01-01', time: '02:00', tags: [], starred: false }] };
    const r = run(sb, ['import', file('j.json', JSON.stringify(entries))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Added 1 note to your journal.');
    expect(r.stderr.indexOf('Added 1 note')).toBeLessThan(r.stderr.search(/crisis|helpline|988|Samaritans/i));
    expect(notes()).toHaveLength(1);
  });

  it('every entry is looked at: the words in the last of 300 long entries still bring the note', () => {
    const day = (i: number) => new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const ordinary = 'Went for a walk after work and the rain held off. Dinner with my sister; we talked about the trip. ';
    const entries = Array.from({ length: 300 }, (_, i) => ({ title: `Day ${i}`, body: ordinary.repeat(3), date: day(i), time: '21:00', tags: [], starred: false }));
    entries[299].body = 'Some nights I want to die.';
    const r = run(sb, ['import', file('j.json', JSON.stringify({ tags: {}, entries }))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Added 300 notes to your journal.');
    expect(r.stderr).toMatch(/crisis|helpline|988|Samaritans/i);
    expect(r.stderr).not.toContain('want to die');
  });

  it('all of a long entry is looked at: the words after 24,000 ordinary characters still bring the note', () => {
    const ordinary = 'Went for a walk after work and the rain held off. Dinner with my sister; we talked about the trip. ';
    const body = ordinary.repeat(250) + 'Some nights I want to die.';
    expect(body.length).toBeGreaterThan(24_000);
    const entries = [{ title: 'Long one', body, date: '2023-03-01', time: '23:00', tags: [], starred: false }];
    const r = run(sb, ['import', file('j.json', JSON.stringify({ tags: {}, entries }))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Added 1 note to your journal.');
    expect(r.stderr).toMatch(/crisis|helpline|988|Samaritans/i);
  });
});

describe('reframe\'s own files are still read as before', () => {
  it('a JSON Lines export with a record without feelings (from another app) goes back in', () => {
    copyFileSync(fx('freecbt-v2.json'), join(sb.dir, 'f.json'));
    run(sb, ['import', join(sb.dir, 'f.json')]);
    const exported = run(sb, ['export', '--format', 'jsonl']).stdout;
    const other = sandbox();
    try {
      const r = run(other, ['import', '-'], { input: exported });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('Added 2 records to your journal.\n');
      expect(JSON.parse(run(other, ['list', '--json']).stdout).map((x: { emotions: unknown[] }) => x.emotions)).toEqual([[], []]);
    } finally {
      other.cleanup();
    }
  });
});
