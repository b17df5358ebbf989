// runDaily with a fake context and a fixed clock: the summary's figures, the check-in, Ctrl-C, and
// that nothing of a record's text ever reaches the output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { runDaily } from '../../src/commands/daily/run';
import { CTRL_C, FakePrompter, testContext, type TestContext } from '../helpers/context';
import { Cancelled, JournalError } from '../../src/errors';
import { loadPrompts, promptForDay } from '../../src/domain/prompts';
import type { ThoughtRecord } from '../../src/domain/record';

let t: TestContext | undefined;
afterEach(() => { t?.cleanup(); t = undefined; });

const NOW = new Date(2026, 10, 22, 21, 30); // local time, whatever TZ runs the tests
const at = (daysAgo: number, h = 12) => new Date(2026, 10, 22 - daysAgo, h, 0).toISOString();
const SECRET = 'SENTINEL-she-never-calls-back';
const todaysPrompt = promptForDay(loadPrompts(), '2026-11-22');

function record(createdAt: string, distortions: string[] = []): ThoughtRecord {
  return {
    id: ulid(Date.parse(createdAt)), createdAt, occurredAt: createdAt,
    situation: `${SECRET} situation`, thought: `${SECRET} thought`, emotions: [{ name: 'anxious', before: 70 }],
    otherThoughts: [], distortions, evidenceFor: [SECRET], evidenceAgainst: [], answers: [], tags: ['partner'],
    reframe: `${SECRET} reframe`,
  };
}

function ctxWith(o: { tty?: boolean; prompter?: FakePrompter } = {}): TestContext {
  t = testContext({ now: NOW, ...o });
  return t;
}

async function json(tc: TestContext) {
  await runDaily({ json: true }, tc.ctx);
  return JSON.parse(tc.stdout.text);
}

describe('reframe daily without a terminal', () => {
  it('with no journal: the prompt, no streak, no records, and the journal is not created', async () => {
    const tc = ctxWith();
    await runDaily({}, tc.ctx);
    expect(tc.stdout.text).toContain(todaysPrompt.text);
    expect(tc.stdout.text).toContain('Sunday 22 November 2026');
    expect(tc.stdout.text).toContain('No streak yet');
    expect(tc.stdout.text).toContain('Yesterday: no records.');
    expect(tc.stdout.text).toContain('To work through a thought: reframe new');
    expect(tc.stderr.text).toBe('');
    expect(existsSync(tc.ctx.paths.db)).toBe(false);
    expect(existsSync(dirname(tc.ctx.paths.db))).toBe(false);
  });

  it('--json has exactly the documented shape', async () => {
    const tc = ctxWith();
    expect(await json(tc)).toEqual({
      date: '2026-11-22',
      prompt: { id: todaysPrompt.id, theme: todaysPrompt.theme, text: todaysPrompt.text },
      streak: { current: 0, longest: 0 },
      yesterday: { records: 0, distortions: [] },
      checkedInToday: false,
      due: [],
    });
  });

  it('streak, yesterday and check-ins come from the journal; never a word of a record', async () => {
    const tc = ctxWith();
    const j = tc.ctx.journal();
    // A five-day run a month ago; then the day before yesterday and yesterday (two records), a check-in today.
    for (let d = 30; d < 35; d++) j.insert(record(at(d)));
    j.insert(record(at(2)));
    j.insert(record(at(1, 8), ['mind-reading', 'labeling']));
    j.insert(record(at(1, 23), ['mind-reading']));
    j.insert(record(at(0, 9), ['catastrophizing'])); // today: not yesterday
    j.insertCheckin({ id: ulid(), createdAt: at(0, 7), mood: 40, words: SECRET, promptId: 'p001' });
    const out = await json(tc);
    expect(out.streak).toEqual({ current: 3, longest: 5 });
    expect(out.yesterday).toEqual({
      records: 2,
      distortions: [{ id: 'mind-reading', name: 'Mind reading', count: 2 }, { id: 'labeling', name: 'Labeling', count: 1 }],
    });
    expect(out.checkedInToday).toBe(true);

    const plain = testContext({ now: NOW, env: { XDG_DATA_HOME: dirname(dirname(tc.ctx.paths.db)) } });
    try {
      await runDaily({}, plain.ctx);
      expect(plain.stdout.text).toContain('Streak: 3 days in a row. Your longest: 5 days.');
      expect(plain.stdout.text).toContain('Yesterday: 2 records. Patterns that came up: Mind reading (2), Labeling.');
      expect(plain.stdout.text).toContain('You checked in earlier today.');
      expect(plain.stdout.text + plain.stderr.text + tc.stdout.text + tc.stderr.text).not.toContain('SENTINEL');
    } finally {
      plain.cleanup();
    }
  });

  it('a check-in alone counts as a day of practice', async () => {
    const tc = ctxWith();
    tc.ctx.journal().insertCheckin({ id: ulid(), createdAt: at(1), mood: 55, promptId: 'p002' });
    expect((await json(tc)).streak).toEqual({ current: 1, longest: 1 });
  });

  it('a record at 23:59:59.999 and one at 00:00 fall on their own local days', async () => {
    const tc = ctxWith();
    const j = tc.ctx.journal();
    j.insert(record(new Date(2026, 10, 20, 23, 59, 59, 999).toISOString()));
    j.insert(record(new Date(2026, 10, 22, 0, 0, 0, 0).toISOString()));
    // 20th and 22nd, not the 21st: no streak through the gap.
    expect((await json(tc)).streak).toEqual({ current: 1, longest: 1 });
    j.insert(record(new Date(2026, 10, 21, 0, 0, 0, 0).toISOString()));
    tc.stdout.text = '';
    expect((await json(tc)).streak).toEqual({ current: 3, longest: 3 });
  });

  it('an empty journal is fine too', async () => {
    const tc = ctxWith();
    tc.ctx.journal();
    const out = await json(tc);
    expect(out.streak).toEqual({ current: 0, longest: 0 });
    expect(out.yesterday.records).toBe(0);
  });

  it('a damaged journal: the prompt still prints, then a journal error (exit 1), file untouched', async () => {
    const tc = ctxWith();
    mkdirSync(dirname(tc.ctx.paths.db), { recursive: true });
    writeFileSync(tc.ctx.paths.db, 'this is not a database, and it is someone else\'s file\n');
    const before = readFileSync(tc.ctx.paths.db);
    await expect(runDaily({}, tc.ctx)).rejects.toBeInstanceOf(JournalError);
    expect(tc.stdout.text).toContain(todaysPrompt.text);
    expect(readFileSync(tc.ctx.paths.db)).toEqual(before);
  });

  it('a damaged journal with --json: nothing half-said on stdout', async () => {
    const tc = ctxWith();
    mkdirSync(dirname(tc.ctx.paths.db), { recursive: true });
    writeFileSync(tc.ctx.paths.db, 'garbage');
    await expect(runDaily({ json: true }, tc.ctx)).rejects.toBeInstanceOf(JournalError);
    expect(tc.stdout.text).toBe('');
  });

  it('--json in a terminal does not ask anything', async () => {
    const p = new FakePrompter({});
    const tc = ctxWith({ tty: true, prompter: p });
    await json(tc);
    expect(p.asked).toEqual([]);
  });
});

describe('reframe daily in a terminal: the reflection answered, follow-ups first (issue 15)', () => {
  it('the answer to the day\'s reflection is kept with the check-in; words of danger there bring the note', async () => {
    const p = new FakePrompter({ mood: [55], moodWords: ['ok'], reflection: ['I asked Sam for help and he came.'], startRecord: [false] });
    const tc = ctxWith({ tty: true, prompter: p });
    await runDaily({}, tc.ctx);
    expect(tc.ctx.journal().checkins()[0]).toMatchObject({ mood: 55, words: 'ok', answer: 'I asked Sam for help and he came.', promptId: todaysPrompt.id });
    expect(tc.stderr.text).not.toContain('988');
    const hard = ctxWith({ tty: true, prompter: new FakePrompter({ mood: [10], moodWords: ['low'], reflection: ['I want to die'], safetyNext: ['go'], startRecord: [false] }) });
    await runDaily({}, hard.ctx);
    expect(hard.ctx.journal().checkins()[0].answer).toBe('I want to die');
    expect(hard.stderr.text.split('988').length - 1).toBe(1);
  });

  it('an experiment due and the latest plan are listed first and followed up; a "no" leaves them due', async () => {
    const base = ctxWith();
    const j = base.ctx.journal();
    const planned = { ...record(at(1, 21)), actionPlan: 'Ask her tomorrow how her day was' };
    j.insert(planned);
    j.write(() => {
      j.progress.insertBelief({ id: '01JD8A0000000000000000000B', createdAt: at(3), updatedAt: at(3), text: "I'm not worthy of love", type: 'core', ratings: [{ at: at(3), conviction: 85 }], evidence: [], records: [], experiments: [] });
      j.progress.saveExperiment({ id: '01JD8A0000000000000000000E', createdAt: at(3), updatedAt: at(3), belief: '01JD8A0000000000000000000B', plan: 'Tell Sam one thing about my week', prediction: 'He will look bored', predictionBelief: 70, due: '2026-11-21' });
    });
    const env = { XDG_DATA_HOME: dirname(dirname(base.ctx.paths.db)) };
    const others: TestContext[] = [];
    const share = (o: { tty?: boolean; prompter?: FakePrompter } = {}) => { const c = testContext({ now: NOW, env, ...o }); others.push(c); return c; };
    try {
      const before = share();
      await runDaily({ json: true }, before.ctx);
      expect(JSON.parse(before.stdout.text).due).toEqual([
        { kind: 'experiment', id: '01JD8A0000000000000000000E', text: 'Tell Sam one thing about my week', due: '2026-11-21' },
        { kind: 'plan', id: planned.id, text: 'Ask her tomorrow how her day was', due: '2026-11-21' },
      ]);
      // From cron: listed, without the person's words (the output goes to a log), and nothing asked.
      const cron = share();
      await runDaily({}, cron.ctx);
      expect(cron.stdout.text).toContain('reframe experiments show 01JD8A0000000000000000000E');
      expect(cron.stdout.text).toContain(`reframe show ${planned.id}`);
      expect(cron.stdout.text).not.toContain('Tell Sam');
      expect(cron.stdout.text).not.toContain('Ask her');

      const p = new FakePrompter({
        'followUp-01JD8A0000000000000000000E': [true], outcome: ['He asked questions and told me about his week'], cameTrue: [10],
        learned: ['Sharing a little was fine'], conviction: ['60'], [`followUp-${planned.id}`]: [false],
        mood: [60], moodWords: [''], reflection: [''], startRecord: [false],
      });
      const tty = share({ tty: true, prompter: p });
      await runDaily({}, tty.ctx);
      expect(p.asked.slice(0, 6)).toEqual(['followUp-01JD8A0000000000000000000E', 'outcome', 'cameTrue', 'learned', 'conviction', `followUp-${planned.id}`]);
      expect(tty.stdout.text.indexOf('Tell Sam one thing')).toBeLessThan(tty.stdout.text.indexOf(todaysPrompt.text));
      const e = tty.ctx.journal().progress.experiment('01JD8A0000000000000000000E')!;
      expect(e).toMatchObject({ outcome: 'He asked questions and told me about his week', cameTrue: 10, learned: 'Sharing a little was fine', doneAt: NOW.toISOString() });
      expect(tty.ctx.journal().progress.belief('01JD8A0000000000000000000B')!.ratings.map((r) => r.conviction)).toEqual([85, 60]);
      // The plan was not followed up: still due. Told how it went: no longer.
      const after = share();
      await runDaily({ json: true }, after.ctx);
      expect(JSON.parse(after.stdout.text).due).toEqual([{ kind: 'plan', id: planned.id, text: 'Ask her tomorrow how her day was', due: '2026-11-21' }]);
      const p2 = new FakePrompter({ [`followUp-${planned.id}`]: [true], planHow: ['She was glad I asked'], mood: [70], moodWords: [''], reflection: [''], startRecord: [false] });
      await runDaily({}, share({ tty: true, prompter: p2 }).ctx);
      const last = share();
      await runDaily({ json: true }, last.ctx);
      expect(JSON.parse(last.stdout.text).due).toEqual([]);
      expect(last.ctx.journal().progress.followUp(planned.id)).toMatchObject({ text: 'She was glad I asked' });
      const { runShow } = await import('../../src/commands/show/run');
      const shown = share();
      await runShow(planned.id, {}, shown.ctx);
      expect(shown.stdout.text).toContain('How the next step went');
      expect(shown.stdout.text).toContain('She was glad I asked');
    } finally {
      for (const c of others) c.cleanup();
    }
  });

  it('"Yesterday" counts records about yesterday, even when written today', async () => {
    const tc = ctxWith();
    const j = tc.ctx.journal();
    j.insert({ ...record(at(0, 9)), occurredAt: at(1, 20) });
    j.insert({ ...record(at(0, 10)), id: ulid(Date.parse(at(0, 10)) + 1), occurredAt: at(1, 22) });
    const out = await json(tc);
    expect(out.yesterday.records).toBe(2);
    expect(out.streak.current).toBe(1);
  });
});

describe('reframe daily in a terminal: the check-in', () => {
  it('saves the mood, the words and the prompt id, then offers a record', async () => {
    const p = new FakePrompter({ mood: [60], moodWords: ['  tired   but ok '], reflection: [''], startRecord: [false] });
    const tc = ctxWith({ tty: true, prompter: p });
    await runDaily({}, tc.ctx);
    expect(p.asked).toEqual(['mood', 'moodWords', 'reflection', 'startRecord']);
    const [c] = tc.ctx.journal().checkins();
    expect(c).toMatchObject({ mood: 60, words: 'tired but ok', promptId: todaysPrompt.id, createdAt: NOW.toISOString() });
    expect(tc.stdout.text).toContain(todaysPrompt.text);
    expect(tc.stderr.text).toContain('Saved your check-in.');
    expect(tc.ctx.journal().count()).toBe(0);
  });

  it('words that suggest danger show where to find help, once, and the check-in is still saved', async () => {
    const p = new FakePrompter({ mood: [5], moodWords: ['want to die'], safetyNext: ['go'], startRecord: [false] });
    const tc = ctxWith({ tty: true, prompter: p });
    await runDaily({}, tc.ctx);
    expect(tc.ctx.journal().checkins()).toHaveLength(1);
    expect(tc.stderr.text.split('988').length - 1).toBe(1);
    // The note first, then a plain saved line; nothing cheerful before it.
    expect(tc.stderr.text).not.toContain('Saved your check-in.');
    expect(tc.stderr.text.indexOf('Your check-in is saved.')).toBeGreaterThan(tc.stderr.text.indexOf('Help is available now'));
    const calm = ctxWith({ tty: true, prompter: new FakePrompter({ mood: [40], moodWords: ['tired'], reflection: [''], startRecord: [false] }) });
    await runDaily({}, calm.ctx);
    expect(calm.stderr.text).not.toContain('988');
  });

  it('no words is fine', async () => {
    const p = new FakePrompter({ mood: [35], moodWords: [''], reflection: [''], startRecord: [false] });
    const tc = ctxWith({ tty: true, prompter: p });
    await runDaily({}, tc.ctx);
    expect(tc.ctx.journal().checkins()[0]).toMatchObject({ mood: 35, words: undefined });
  });

  it('Ctrl-C at the mood: exit 130 and nothing saved (not even a journal file)', async () => {
    const p = new FakePrompter({ mood: [CTRL_C] });
    const tc = ctxWith({ tty: true, prompter: p });
    await expect(runDaily({}, tc.ctx)).rejects.toBeInstanceOf(Cancelled);
    expect(existsSync(tc.ctx.paths.db)).toBe(false);
  });

  it('Ctrl-C at the words: the mood given is kept', async () => {
    const p = new FakePrompter({ mood: [72], moodWords: [CTRL_C] });
    const tc = ctxWith({ tty: true, prompter: p });
    await expect(runDaily({}, tc.ctx)).rejects.toBeInstanceOf(Cancelled);
    const all = tc.ctx.journal().checkins();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ mood: 72, words: undefined, promptId: todaysPrompt.id });
    expect(tc.stderr.text).toContain('Your check-in is saved (72).');
  });

  it('yes to the offer runs the guided record, which saves a record', async () => {
    const p = new FakePrompter({
      mood: [30], moodWords: ['low'], reflection: [''], startRecord: [true],
      situation: ['He did not reply'], when: [''], emotion: ['anxious', '__done'], emotionBefore: [80],
      thought: ["He's going to leave me", ''], beliefBefore: [90], distortions: [['fortune-telling']],
      evidenceFor: [''], evidenceAgainst: ['He said he was busy', ''], answer: ['', '', '', '', ''],
      verdict: ['balanced'], reframe: ['A quiet day is not a goodbye.'], reframeBelief: [60], beliefAfter: [40], emotionAfter: [50],
      plan: [''], tags: [''], review: ['save'],
    });
    const tc = ctxWith({ tty: true, prompter: p });
    await runDaily({}, tc.ctx);
    expect(tc.ctx.journal().checkins()).toHaveLength(1);
    const recs = tc.ctx.journal().list();
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ situation: 'He did not reply', thought: "He's going to leave me", distortions: ['fortune-telling'] });
  });
});
