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
  answer: ['He is probably busy', '', '', '', ''],
  answersAsEvidence: [[0]],
  verdict: ['balanced'],
  reframe: ['A quiet day is not a goodbye.'],
  reframeBelief: [65],
  beliefAfter: [40],
  emotionAfter: [45, 30],
  plan: ['Ask him tonight how his shift went'],
  tags: ['partner #texting'],
  review: ['save'],
});

describe('runNew, guided (TTY)', () => {
  it('asks in Mind Over Mood order and saves every answer', async () => {
    const p = new FakePrompter(fullAnswers());
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const order = [...new Set(p.asked)];
    expect(order.slice(0, 8)).toEqual(['situation', 'when', 'emotion', 'emotionBefore', 'emotionName', 'thought', 'hot', 'beliefBefore']);
    expect(order.indexOf('distortions')).toBeLessThan(order.indexOf('evidenceFor'));
    // The questions come between the two lists, as hints to find evidence against.
    expect(order.indexOf('evidenceFor')).toBeLessThan(order.indexOf('answer'));
    expect(order.indexOf('answer')).toBeLessThan(order.indexOf('answersAsEvidence'));
    expect(order.indexOf('answersAsEvidence')).toBeLessThan(order.indexOf('evidenceAgainst'));
    expect(order.indexOf('evidenceAgainst')).toBeLessThan(order.indexOf('verdict'));
    expect(order.indexOf('verdict')).toBeLessThan(order.indexOf('reframe'));
    expect(order[order.length - 1]).toBe('review');
    expect(order.indexOf('beliefAfter')).toBeLessThan(order.indexOf('emotionAfter'));
    const [rec] = t.ctx.journal().list();
    expect(rec).toMatchObject({
      thought: "He's going to leave me",
      otherThoughts: ['I always ruin things'],
      emotions: [{ name: 'anxious', before: 85, after: 45 }, { name: 'abandoned', before: 60, after: 30 }],
      distortions: ['fortune-telling', 'fear-of-rejection'],
      // The answer ticked at the evidence-against step became evidence, first.
      evidenceAgainst: ['He is probably busy', 'He said he had a long shift', 'We booked a trip together'],
      reframe: 'A quiet day is not a goodbye.',
      tags: ['partner', 'texting'],
    });
    expect(rec.answers).toHaveLength(1);
    expect(rec.answers[0].answer).toBe('He is probably busy');
    // The questions asked come from the chosen patterns in the library.
    const lib = t.ctx.library();
    expect(lib.get('fortune-telling')!.questions).toContain(rec.answers[0].question);
    // "What would you tell a friend?" is always among the questions.
    expect(p.asked.filter((n) => n === 'answer')).toHaveLength(5);
    expect(rec.whenTrue).toBeUndefined();
    // Re-rating quotes the hot thought, not "the first thought".
    expect(p.messages.beliefAfter).toEqual(['Now, how much do you believe "He\'s going to leave me", 0-100?']);
    // The balanced thought got its help: the recap, the patterns' own tips, the template.
    const notes = p.notes.join('\n');
    expect(notes).toMatch(/Facts that support it:\n {4}- He has been distant this week/);
    expect(notes).toContain(lib.get('fortune-telling')!.reframe);
    expect(notes).toMatch(/On one hand \.\.\., and \.\.\./);
    // The review showed the whole record before it was saved.
    expect(notes).toMatch(/Here is the whole record[\s\S]*Evidence against[\s\S]*He said he had a long shift/);
    expect(t.stderr.text + t.stdout.text + notes).not.toMatch(/No balanced thought yet/);
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

describe('runNew, guided: the parts added by issue 14', () => {
  it('when the evidence mostly supports the thought: the action plan is kept as actionPlan and whenTrue', async () => {
    const a = fullAnswers();
    const p = new FakePrompter({
      ...a,
      verdict: ['true'],
      whenTrueDo: ['Text him one question, then put the phone away'],
      whenTrueHelp: ['Talk to Sam about it'],
      whenTrueFriend: ["You can't control his replies; look after yourself tonight"],
      reframe: [''],
      reframeBelief: [],
      plan: [],
    });
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const [rec] = t.ctx.journal().list();
    expect(rec.actionPlan).toBe('Text him one question, then put the phone away');
    expect(rec.whenTrue).toEqual({ help: 'Talk to Sam about it', friend: "You can't control his replies; look after yourself tonight" });
    expect(rec.reframe).toBeUndefined();
    // The "one small step" question is not asked twice.
    expect(p.asked).not.toContain('plan');
    // Left for later, said plainly at the end, and nothing about courage.
    const notes = p.notes.join('\n');
    expect(notes).toContain(`No balanced thought yet: \`reframe edit ${rec.id}\` when you are ready.`);
    expect(notes).not.toMatch(/courage/);
  });

  it('review: change an answer (a typo in the evidence), then save; the draft is gone', async () => {
    const a = fullAnswers();
    const p = new FakePrompter({
      ...a,
      evidenceFor: ['He hugged me whn I got home', ''],
      review: ['evidenceFor', 'situation', 'save'],
      evidenceForPick: [0, '__done'],
      evidenceForAction: ['change'],
      // The edit prompt for the item itself shares the list's name; the first answer is the fixed line.
      situation: [a.situation[0], 'Texted him at noon and he has not replied all day'],
    });
    (p as unknown as { answers: Record<string, unknown[]> }).answers.evidenceFor.push('He hugged me when I got home');
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const [rec] = t.ctx.journal().list();
    expect(rec.evidenceFor).toEqual(['He hugged me when I got home']);
    expect(rec.situation).toBe('Texted him at noon and he has not replied all day');
    expect(p.asked.filter((n) => n === 'review')).toHaveLength(3);
    expect(t.ctx.journal().latestDraft('new')).toBeUndefined();
  });

  it('Ctrl-C at the review keeps the whole record as a draft; resuming goes straight back to the review', async () => {
    const a = fullAnswers();
    t = testContext({ tty: true, prompter: new FakePrompter({ ...a, review: [CTRL_C] }) });
    await expect(runNew({}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
    expect(t.ctx.journal().count()).toBe(0);
    const draft = t.ctx.journal().latestDraft('new')!;
    expect(draft.data).toMatchObject({ reframe: 'A quiet day is not a goodbye.', tags: ['partner', 'texting'] });
    const p2 = new FakePrompter({ review: ['save'] });
    (t.ctx as { prompter: () => Promise<unknown> }).prompter = async () => p2;
    await runNew({ resume: true }, t.ctx);
    expect(p2.asked).toEqual(['review']);
    expect(t.ctx.journal().list()[0].tags).toEqual(['partner', 'texting']);
  });

  it('an empty evidence-against list gets one gentle nudge, and only one', async () => {
    const a = fullAnswers();
    const p = new FakePrompter({ ...a, answer: ['', '', '', '', ''], evidenceAgainst: ['', ''] });
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    expect(p.asked.filter((n) => n === 'evidenceAgainst')).toHaveLength(2);
    expect(p.asked).not.toContain('answersAsEvidence');
    expect(p.notes.filter((n) => /hard to find any/.test(n))).toHaveLength(1);
    expect(t.ctx.journal().list()[0].evidenceAgainst).toEqual([]);
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
    expect(p.messages.beliefAfter).toEqual(['Now, how much do you believe "I am a burden", 0-100?']);
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
