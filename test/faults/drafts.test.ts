// Drafts: Ctrl-C at every prompt of the guided flows keeps every answer given so far (a resume asks only
// what is left, and ends with the same record as an uninterrupted run); kill -9 in the middle of the flow
// loses nothing either, because the draft is written after every answer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { CTRL_C, FakePrompter, testContext, type Answer } from '../helpers/context';
import { runNew } from '../../src/commands/new/run';
import { runEdit } from '../../src/commands/edit/run';
import { Cancelled } from '../../src/errors';
import type { ThoughtRecord } from '../../src/domain/record';

type Script = Record<string, Answer[]>;

/** Every prompt of `reframe new`, answered: two feelings (one typed in), three thoughts, a pattern, evidence... */
function fullScript(whenTrue = false): Script {
  if (whenTrue) {
    // The branch for a thought the evidence mostly supports: its three answers instead of the small step.
    const { plan: _plan, ...rest } = fullScript();
    return {
      ...rest, verdict: ['true'], whenTrueDo: ['Ask her about her day'], whenTrueHelp: ['Talk to Jo'],
      whenTrueFriend: ['One evening is one evening'], reframe: [''], reframeBelief: [],
    };
  }
  return {
    situation: ['She went quiet at dinner'],
    when: ['yesterday 21:00'],
    emotion: ['anxious', '__other', '__done'],
    emotionName: ['Left out'],
    emotionBefore: [80, 60],
    thought: ['She is bored of me', "I'm not worthy of love", 'I always ruin things', ''],
    hot: [1],
    beliefBefore: [90],
    distortions: [['mind-reading', 'labeling']],
    evidenceFor: ["She didn't ask questions", ''],
    evidenceAgainst: ['She said she loves me', 'She was tired', ''],
    answer: ['Maybe she was tired', '', 'A friend would say one evening is not a verdict', 'I am more than one evening'],
    answersAsEvidence: [[0, 2]],
    verdict: ['balanced'],
    reframe: ['She was tired; one evening says nothing about my worth'],
    reframeBelief: [70],
    beliefAfter: [35],
    emotionAfter: [40, 30],
    plan: ['Ask her about her day'],
    tags: ['partner home'],
    review: ['save'],
  };
}

const clone = (s: Script): Script => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [...v]]));
const body = (r: ThoughtRecord) => { const { id: _i, createdAt: _c, ...rest } = r; return rest; };

/** Run the whole guided flow once, without interruption: the record, and the prompts in the order asked. */
async function uninterrupted(whenTrue: boolean): Promise<{ record: ThoughtRecord; asked: string[] }> {
  const prompter = new FakePrompter(clone(fullScript(whenTrue)));
  const t = testContext({ tty: true, prompter });
  try {
    await runNew({}, t.ctx);
    return { record: t.ctx.journal().list()[0], asked: prompter.asked };
  } finally {
    t.cleanup();
  }
}

describe('Ctrl-C at every prompt of `reframe new`', () => {
  it.each([false, true])('keeps every answer given so far: resuming asks only the rest and saves the same record (when true: %s)', async (whenTrue) => {
    const whole = await uninterrupted(whenTrue);
    expect(whole.asked.length).toBeGreaterThan(25);
    if (whenTrue) expect(whole.record.whenTrue).toEqual({ help: 'Talk to Jo', friend: 'One evening is one evening' });
    for (let k = 0; k < whole.asked.length; k++) {
      const name = whole.asked[k];
      const nth = whole.asked.slice(0, k).filter((n) => n === name).length;
      const queues = clone(fullScript(whenTrue));
      queues[name].splice(nth, 0, CTRL_C);
      const t = testContext({ tty: true, prompter: new FakePrompter(queues) });
      try {
        const err = await runNew({}, t.ctx).then(() => undefined, (e: unknown) => e);
        expect(err, `Ctrl-C at prompt ${k} (${name})`).toBeInstanceOf(Cancelled);
        expect(t.ctx.journal().count()).toBe(0);
        if (k > 0) expect(t.stderr.text, `prompt ${k}`).toMatch(/kept as a draft[\s\S]*reframe new --resume/);
        // What is left in the queues is exactly what was not answered yet (the Ctrl-C consumed its slot).
        const rest = new FakePrompter(queues);
        (t.ctx as unknown as { prompter: () => Promise<FakePrompter> }).prompter = async () => rest;
        if (k === 0) {
          // Nothing was answered: no draft, and --resume says so.
          await expect(runNew({ resume: true }, t.ctx)).rejects.toThrow(/no draft/);
          continue;
        }
        await runNew({ resume: true }, t.ctx);
        const left = Object.entries(queues).filter(([, q]) => q.length > 0);
        expect(left, `Ctrl-C at prompt ${k} (${name}): answers not asked again`).toEqual([]);
        expect(rest.asked, `Ctrl-C at prompt ${k} (${name}): asked again after resuming`).toEqual(whole.asked.slice(k));
        const saved = t.ctx.journal().list();
        expect(saved).toHaveLength(1);
        expect(body(saved[0]), `Ctrl-C at prompt ${k} (${name})`).toEqual(body(whole.record));
        expect(t.ctx.journal().listDrafts()).toEqual([]);
      } finally {
        t.cleanup();
      }
    }
  });
});

describe('Ctrl-C in `reframe edit`', () => {
  it('keeps the changes made so far; --resume continues from them', async () => {
    const t = testContext({ tty: true });
    try {
      const file = join(t.dir, 'r.json');
      writeFileSync(file, JSON.stringify({ situation: 'Dinner', thought: 'Old thought', emotions: [{ name: 'sad', before: 70 }], beliefBefore: 80 }));
      await runNew({ input: file }, t.ctx);
      const id = t.ctx.journal().list()[0].id;
      const queues: Script = {
        editField: ['situation', 'plan', CTRL_C],
        situation: ['A quieter dinner than usual'],
        plan: ['Call her tomorrow'],
      };
      (t.ctx as unknown as { prompter: () => Promise<FakePrompter> }).prompter = async () => new FakePrompter(queues);
      await expect(runEdit(id, {}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
      expect(t.stderr.text).toMatch(new RegExp(`kept as a draft. Continue with \`reframe edit ${id} --resume\``));
      // The record itself is unchanged until the edit is finished.
      expect(t.ctx.journal().get(id)!.situation).toBe('Dinner');
      (t.ctx as unknown as { prompter: () => Promise<FakePrompter> }).prompter = async () => new FakePrompter({ editField: ['__done'] });
      await runEdit(id, { resume: true }, t.ctx);
      expect(t.ctx.journal().get(id)).toMatchObject({ situation: 'A quieter dinner than usual', actionPlan: 'Call her tomorrow', thought: 'Old thought' });
      expect(t.ctx.journal().listDrafts()).toEqual([]);

      // Half-way through a change: the new thought is typed, Ctrl-C at its rating. The thought is kept.
      (t.ctx as unknown as { prompter: () => Promise<FakePrompter> }).prompter = async () => new FakePrompter({ editField: ['thought'], thought: ['A kinder thought'], beliefBefore: [CTRL_C] });
      await expect(runEdit(id, {}, t.ctx)).rejects.toBeInstanceOf(Cancelled);
      (t.ctx as unknown as { prompter: () => Promise<FakePrompter> }).prompter = async () => new FakePrompter({ editField: ['__done'] });
      await runEdit(id, { resume: true }, t.ctx);
      expect(t.ctx.journal().get(id)).toMatchObject({ thought: 'A kinder thought', beliefBefore: 80, situation: 'A quieter dinner than usual' });
    } finally {
      t.cleanup();
    }
  });
});

describe.skipIf(!hasTmux())('in a real terminal', () => {
  let sb: Sandbox;
  let term: Terminal | undefined;
  beforeEach(() => { sb = sandbox(); });
  afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

  const draft = () => {
    const db = new Database(sb.db, { readonly: true });
    try {
      const row = db.prepare("SELECT data FROM drafts WHERE kind = 'new'").pluck().get() as string | undefined;
      return row ? JSON.parse(row) : undefined;
    } finally {
      db.close();
    }
  };

  it('Ctrl-C, resume, kill -9, resume: every answer arrives in the saved record', async () => {
    // 1. Ctrl-C at the second question.
    term = new Terminal(sb, ['new']);
    await term.waitFor('What happened?');
    term.type('Dinner with friends; I stayed quiet all evening');
    await term.waitFor('When was this?');
    term.key('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toMatch(/kept as a draft/);
    term.close();
    expect(draft()).toMatchObject({ situation: 'Dinner with friends; I stayed quiet all evening' });

    // 2. Resume: it starts at "When", not at the situation. Answer a few, then kill -9 at a prompt.
    term = new Terminal(sb, ['new', '--resume']);
    await term.waitFor('Welcome back');
    await term.waitFor('When was this?');
    expect(term.screen()).not.toMatch(/What happened\?/);
    term.type('yesterday 21:00');
    await term.waitFor('What did you feel?');
    term.key('Enter'); // anxious
    await term.waitFor('How strong was the feeling (anxious)');
    term.type('70');
    await term.waitFor('What did you feel?', { count: 2 });
    term.key('Enter'); // That's all of them
    await term.waitFor('Thought 1:');
    // A thought no pattern fits, so the general questions follow (the suggester pre-selects nothing).
    term.type('I bought milk on the way home');
    await term.waitFor('Thought 2:');
    process.kill(term.programPid(), 'SIGKILL');
    expect(await term.exitCode()).toBe(137);
    term.close();
    expect(draft()).toMatchObject({
      situation: 'Dinner with friends; I stayed quiet all evening',
      emotions: [{ name: 'anxious', before: 70 }],
      thoughts: ['I bought milk on the way home'],
    });
    expect(draft().occurredAt).toMatch(/T/);

    // 3. Resume after the crash: it asks for a second thought, not the first, and finishes.
    term = new Terminal(sb, ['new', '--resume']);
    await term.waitFor('Welcome back');
    await term.waitFor('Thought 2:');
    term.type('');
    await term.waitFor('How much do you believe it');
    term.type('75');
    await term.waitFor('thinking patterns');
    term.key('Enter');
    for (const prompt of ['What facts support', 'What would you tell a friend', 'another way to look', 'If the worst happened', "What facts don't fit", "It's hard to find any"]) {
      await term.waitFor(prompt);
      term.type('');
    }
    await term.waitFor('which is closer?');
    term.key('Enter');
    await term.waitFor('Now a more balanced thought');
    term.type('');
    await term.waitFor('how much do you believe "I bought milk on the way home"');
    term.type('50');
    await term.waitFor('How strong is the feeling (anxious) now');
    term.type('40');
    await term.waitFor('one small step');
    term.type('');
    await term.waitFor('Any tags');
    term.type('');
    await term.waitFor('Save it, or change an answer?');
    term.key('Enter');
    expect(await term.exitCode()).toBe(0);
    const saved = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      situation: 'Dinner with friends; I stayed quiet all evening',
      emotions: [{ name: 'anxious', before: 70, after: 40 }],
      thought: 'I bought milk on the way home',
      beliefBefore: 75,
      beliefAfter: 50,
    });
    expect(draft()).toBeUndefined();
    expect(run(sb, ['doctor']).stdout).toMatch(/No drafts waiting/);
  });
});
