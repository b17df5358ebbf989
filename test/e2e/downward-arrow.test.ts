// The downward arrow in a real pseudo-terminal: offered after the hot thought once the person
// keeps a belief, step by step down to a belief that is kept and linked to the record. And the flow module on its
// own with a fake prompter: the resemblance offer, the five-step limit, words of danger ending it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { finishRecord } from '../helpers/guided-flow';
import { FakePrompter } from '../helpers/context';
import { runDownwardArrow, type ArrowState } from '../../src/flows/downward-arrow';
import { assess } from '../../src/domain/safety/detect';
import { msg } from '../../src/messages';

const GENERIC_QUESTIONS: string[] = msg.flow.genericQuestions;


let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

describe.skipIf(!hasTmux())('the downward arrow in reframe new', () => {
  it('goes down two steps, keeps the bottom as a core belief with its conviction, and links the record', async () => {
    const first = run(sb, ['beliefs', 'add', 'Rules are there to be followed', '--kind', 'rule', '--conviction', '60']);
    expect(first.code, first.stderr).toBe(0);
    term = new Terminal(sb, ['new']);
    const t = term;
    await t.waitFor('What happened?');
    t.type('My partner went quiet after I told her about my week');
    await t.waitFor('When was this?');
    t.type('');
    await t.waitFor('What did you feel?');
    t.key('Enter');
    await t.waitFor('How strong was the feeling (anxious)');
    t.type('80');
    await t.waitFor('What did you feel?', { count: 2 });
    t.key('Enter');
    await t.waitFor('Thought 1:');
    t.type("I'm not worthy of love");
    await t.waitFor('Thought 2:');
    t.type('');
    await t.waitFor('How much do you believe it right now');
    t.type('90');
    await t.waitFor('look underneath this thought');
    t.type('y');
    await t.waitFor('what would it mean about you?');
    t.type('That I am too much for people');
    await t.waitFor('"That I am too much for people"');
    t.type('That everyone I love will leave');
    await t.waitFor('"That everyone I love will leave"');
    t.type(''); // the bottom
    await t.waitFor('Underneath it: "That everyone I love will leave"');
    await t.waitFor('What would you like to do with it?');
    t.key('Enter'); // keep it as a core belief
    await t.waitFor('How much do you believe it right now, 0-100?');
    t.type('80');
    await t.waitFor('thinking patterns');
    t.key('Enter'); // none ticked: the general questions come, "What would you tell a friend?" among them
    for (const prompt of ['What facts support the thought?', ...GENERIC_QUESTIONS.map((q) => q.slice(0, 40)), "What facts don't fit the thought?"]) {
      await t.waitFor(prompt);
      t.type('');
    }
    await t.waitFor("It's hard to find any"); // one nudge, then on
    t.type('');
    await t.waitFor('which is closer?');
    t.key('Enter');
    await t.waitFor('Now a more balanced thought');
    t.type('');
    await t.waitFor(`how much do you believe "I'm not worthy of love"`);
    await finishRecord(t, '60', '50');
    expect(await t.exitCode()).toBe(0);

    const beliefs = JSON.parse(run(sb, ['beliefs', 'list', '--json']).stdout);
    expect(beliefs).toHaveLength(2);
    const kept = beliefs[1];
    expect(kept).toMatchObject({ text: 'That everyone I love will leave', type: 'core', ratings: [expect.objectContaining({ conviction: 80 })] });
    const [rec] = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(kept.records).toEqual([rec.id]);
    expect(JSON.parse(run(sb, ['show', rec.id, '--json']).stdout).coreBelief).toBe(kept.id);
  });
});

describe('the downward arrow on its own', () => {
  const watch = { after: async () => {}, assess: (texts: (string | undefined)[]) => assess(texts) };
  const run1 = (answers: ConstructorParameters<typeof FakePrompter>[0], beliefs: { id: string; text: string }[], hot = "She didn't text back") => {
    const p = new FakePrompter(answers);
    const saved: ArrowState[] = [];
    return { p, saved, done: runDownwardArrow(hot, { steps: [] }, { prompter: p, beliefs, save: (a) => saved.push(structuredClone(a)), watch }) };
  };

  it('a kept belief like the hot thought is offered for linking first', async () => {
    const { p, done } = run1({ arrowResembles: [true] }, [{ id: 'B1', text: 'People leave' }, { id: 'B2', text: "I'm not worthy of love" }], "I'm just not worthy of anyone's love");
    expect((await done).outcome).toEqual({ link: 'B2' });
    expect(p.asked).toEqual(['arrowResembles']);
  });

  it('skippable: no, and nothing is kept', async () => {
    const { p, done } = run1({ arrowOffer: [false] }, []);
    const a = await done;
    expect(a).toEqual({ steps: [], finished: true });
    expect(p.asked).toEqual(['arrowOffer']);
  });

  it('stops at five steps, saving each answer as it goes; can link to a kept belief', async () => {
    const steps = ['one', 'two', 'three', 'four', 'five'];
    const { p, saved, done } = run1({ arrowOffer: [true], arrowStep: [...steps, 'six'], arrowWhat: ['link:B1'] }, [{ id: 'B1', text: 'People leave' }]);
    const a = await done;
    expect(a.steps).toEqual(steps);
    expect(a.outcome).toEqual({ link: 'B1' });
    expect(p.asked.filter((x) => x === 'arrowStep')).toHaveLength(5);
    expect(saved.map((s) => s.steps.length).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('words of danger end it there: never offered as a belief to keep', async () => {
    const { p, done } = run1({ arrowOffer: [true], arrowStep: ['That I should just kill myself'] }, []);
    const a = await done;
    expect(a.outcome).toEqual({ leave: true });
    expect(p.asked).not.toContain('arrowWhat');
  });
});
