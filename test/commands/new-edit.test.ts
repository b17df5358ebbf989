// new and edit as run functions with a fake context: TTY on and off, a prompter that answers by name.
import { afterEach, describe, expect, it } from 'vitest';
import { runNew } from '../../src/commands/new/run';
import { runEdit } from '../../src/commands/edit/run';
import { CTRL_C, FakePrompter, testContext, type TestContext } from '../helpers/context';
import { Cancelled, UsageError } from '../../src/errors';

let t: TestContext | undefined;
afterEach(() => { t?.cleanup(); t = undefined; });

const fullAnswers = () => ({
  situation: ['Texted him and he has not replied all day'],
  when: ['yesterday 21:00'],
  emotion: ['anxious', '__other', '__done'],
  emotionName: ['Abandoned'],
  emotionBefore: [85, 60],
  thought: ["He's going to leave me", 'I always ruin things', ''],
  hot: [0],
  beliefBefore: [90],
  distortions: [['fortune-telling', 'fear-of-rejection']],
  evidenceFor: ['He has been distant this week', ''],
  evidenceAgainst: ['He said he had a long shift', 'We booked a trip together', ''],
  answer: ['He is probably busy', '', '', ''],
  reframe: ['A quiet day is not a goodbye.'],
  reframeBelief: [65],
  beliefAfter: [40],
  emotionAfter: [45, 30],
  plan: ['Ask him tonight how his shift went'],
  tags: ['partner #texting'],
});

describe('runNew, guided (TTY)', () => {
  it('asks in Mind Over Mood order and saves every answer', async () => {
    const p = new FakePrompter(fullAnswers());
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const order = [...new Set(p.asked)];
    expect(order.slice(0, 8)).toEqual(['situation', 'when', 'emotion', 'emotionBefore', 'emotionName', 'thought', 'hot', 'beliefBefore']);
    expect(order.indexOf('distortions')).toBeLessThan(order.indexOf('evidenceFor'));
    expect(order.indexOf('evidenceAgainst')).toBeLessThan(order.indexOf('answer'));
    expect(order.indexOf('answer')).toBeLessThan(order.indexOf('reframe'));
    expect(order.indexOf('beliefAfter')).toBeLessThan(order.indexOf('emotionAfter'));
    const [rec] = t.ctx.journal().list();
    expect(rec).toMatchObject({
      thought: "He's going to leave me",
      otherThoughts: ['I always ruin things'],
      emotions: [{ name: 'anxious', before: 85, after: 45 }, { name: 'abandoned', before: 60, after: 30 }],
      distortions: ['fortune-telling', 'fear-of-rejection'],
      evidenceAgainst: ['He said he had a long shift', 'We booked a trip together'],
      reframe: 'A quiet day is not a goodbye.',
      tags: ['partner', 'texting'],
    });
    expect(rec.answers).toHaveLength(1);
    expect(rec.answers[0].answer).toBe('He is probably busy');
    // The questions asked come from the chosen patterns in the library.
    const lib = t.ctx.library();
    expect(lib.get('fortune-telling')!.questions).toContain(rec.answers[0].question);
    expect(t.stdout.text.trim().split('\n').pop()).toBe(rec.id);
    expect(t.ctx.journal().latestDraft('new')).toBeUndefined();
  });

  it('Ctrl-C keeps a draft with the answers so far; resuming skips them', async () => {
    const first = fullAnswers();
    first.beliefBefore = [CTRL_C as unknown as number];
    t = testContext({ tty: true, prompter: new FakePrompter(first) });
    await expect(runNew({}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
    const draft = t.ctx.journal().latestDraft('new')!;
    expect(draft.data).toMatchObject({ situation: 'Texted him and he has not replied all day', thoughts: ["He's going to leave me", 'I always ruin things'] });
    expect(t.stderr.text).toMatch(/kept as a draft/);
    expect(t.ctx.journal().count()).toBe(0);

    const rest = fullAnswers();
    const resumed = new FakePrompter({ ...rest, situation: [], when: [], emotion: [], emotionName: [], emotionBefore: [], thought: [], hot: [] });
    const ctx2 = testContext({ tty: true, prompter: resumed });
    // Same journal: point the second context at the first one's folder.
    ctx2.cleanup();
    const t2 = testContext({ tty: true, prompter: resumed, env: { XDG_DATA_HOME: t.ctx.paths.db.replace(/\/reframe\/journal\.db$/, '') } });
    await runNew({ resume: true }, t2.ctx);
    expect(resumed.asked[0]).toBe('beliefBefore');
    expect(t2.ctx.journal().count()).toBe(1);
    expect(t2.ctx.journal().list()[0].situation).toBe('Texted him and he has not replied all day');
    t2.ctx.journal().close();
  });

  it('without a TTY, never prompts: exit 2 naming the flags', async () => {
    const p = new FakePrompter({});
    t = testContext({ tty: false, prompter: p });
    await expect(runNew({}, t.ctx)).rejects.toThrow(UsageError);
    await expect(runNew({ resume: true }, t.ctx)).rejects.toThrow(/terminal/);
    expect(p.asked).toEqual([]);
  });
});

describe('runEdit', () => {
  it('interactive: re-rate now, then done', async () => {
    t = testContext({ tty: false });
    await runNew({ situation: 's', thought: 'I am a burden', belief: '80', emotion: ['sad:70'] }, t.ctx);
    const id = t.ctx.journal().list()[0].id;
    const p = new FakePrompter({ editField: ['rerate', '__done'], beliefAfter: [30], emotionAfter: [20] });
    t.ctx.io.interactive = true;
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p;
    await runEdit(id.slice(0, 8), {}, t.ctx);
    const r = t.ctx.journal().get(id)!;
    expect(r.beliefAfter).toBe(30);
    expect(r.emotions).toEqual([{ name: 'sad', before: 70, after: 20 }]);
    expect(t.ctx.journal().latestDraft('edit', id)).toBeUndefined();
  });

  it('interactive Ctrl-C keeps the changes made so far as a draft for --resume', async () => {
    t = testContext({ tty: false });
    await runNew({ situation: 's', thought: 'I am a burden', emotion: ['sad:70'] }, t.ctx);
    const id = t.ctx.journal().list()[0].id;
    t.ctx.io.interactive = true;
    const p1 = new FakePrompter({ editField: ['plan', CTRL_C], plan: ['Call my sister'] });
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p1;
    await expect(runEdit(id, {}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
    expect(t.ctx.journal().get(id)!.actionPlan).toBeUndefined();
    const p2 = new FakePrompter({ editField: ['__done'] });
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p2;
    await runEdit(id, { resume: true }, t.ctx);
    expect(t.ctx.journal().get(id)!.actionPlan).toBe('Call my sister');
  });

  it('interactive Ctrl-C part-way through a list keeps the lines already added', async () => {
    t = testContext({ tty: false });
    await runNew({ situation: 's', thought: 'I am a burden', emotion: ['sad:70'], against: ['She called me'] }, t.ctx);
    const id = t.ctx.journal().list()[0].id;
    t.ctx.io.interactive = true;
    const p1 = new FakePrompter({ editField: ['evidenceAgainst'], evidenceAgainstKeep: [[0]], evidenceAgainst: ['He asked me to stay', CTRL_C] });
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p1;
    await expect(runEdit(id, {}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
    const p2 = new FakePrompter({ editField: ['__done'] });
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p2;
    await runEdit(id, { resume: true }, t.ctx);
    expect(t.ctx.journal().get(id)!.evidenceAgainst).toEqual(['She called me', 'He asked me to stay']);
  });

  it('with flags: unknown feeling to re-rate is a usage error and changes nothing', async () => {
    t = testContext({ tty: false });
    await runNew({ situation: 's', thought: 't', emotion: ['sad:70'] }, t.ctx);
    const id = t.ctx.journal().list()[0].id;
    await expect(runEdit(id, { emotion: ['angry::20'], beliefAfter: '10' }, t.ctx)).rejects.toThrow(/no feeling called "angry"/);
    expect(t.ctx.journal().get(id)!.beliefAfter).toBeUndefined();
  });
});
