// reframe daily in a real pseudo-terminal (tmux): the check-in, Ctrl-C, and the offer of a full record.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

function checkins(): { mood: number; words: string | null; prompt_id: string | null }[] {
  const db = new Database(sb.db, { readonly: true });
  try {
    return db.prepare('SELECT mood, words, prompt_id FROM checkins ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

describe.skipIf(!hasTmux())('reframe daily in a terminal', () => {
  it('shows the prompt and streak, saves the check-in, and takes no for an answer', async () => {
    const before = JSON.parse(run(sb, ['daily', '--json']).stdout);
    term = new Terminal(sb, ['daily']);
    const t = term;
    await t.waitFor("Today's reflection");
    await t.waitFor('No streak yet');
    await t.waitFor('How do you feel right now');
    t.type('101');
    await t.waitFor('whole number from 0 to 100');
    t.key('BSpace', 'BSpace', 'BSpace');
    t.type('64');
    await t.waitFor('A word or two');
    t.type('tired, a bit hopeful 🌙');
    await t.waitFor("answer today's reflection");
    t.type('');
    await t.waitFor('work through a thought now?');
    t.type('n');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(before.prompt.text.slice(0, 40));
    expect(checkins()).toEqual([{ mood: 64, words: 'tired, a bit hopeful 🌙', prompt_id: before.prompt.id }]);
    const after = JSON.parse(run(sb, ['daily', '--json']).stdout);
    expect(after.checkedInToday).toBe(true);
    expect(after.streak).toEqual({ current: 1, longest: 1 });
  });

  it('follow-ups first: how an experiment went, the belief re-rated; then the reflection answered (issue 15)', async () => {
    const b = run(sb, ['beliefs', 'add', "I'm not worthy of love", '--conviction', '85']).stdout.trim();
    const add = run(sb, ['experiments', 'add', '--belief', b, '--plan', 'Tell Sam one thing about my week', '--prediction', 'He will look bored',
      '--prediction-belief', '70', '--due', 'today']);
    expect(add.code, add.stderr).toBe(0);
    const e = add.stdout.trim();
    term = new Terminal(sb, ['daily']);
    const t = term;
    await t.waitFor('To follow up');
    await t.waitFor('note how it went?');
    t.type('y');
    await t.waitFor('What happened?');
    t.type('He asked questions and told me about his week');
    await t.waitFor('come true');
    t.type('10');
    await t.waitFor('What did you learn?');
    t.type('Sharing a little was fine');
    await t.waitFor('How much do you believe');
    t.type('60');
    await t.waitFor('How do you feel right now');
    t.type('70');
    await t.waitFor('A word or two');
    t.type('lighter');
    await t.waitFor("answer today's reflection");
    t.type('I let someone in a little.');
    await t.waitFor('work through a thought now?');
    t.type('n');
    expect(await t.exitCode()).toBe(0);
    const done = JSON.parse(run(sb, ['experiments', 'show', e, '--json']).stdout);
    expect(done).toMatchObject({ outcome: 'He asked questions and told me about his week', cameTrue: 10, learned: 'Sharing a little was fine' });
    const belief = JSON.parse(run(sb, ['beliefs', 'show', b, '--json']).stdout);
    expect(belief.ratings.map((r: { conviction: number }) => r.conviction)).toEqual([85, 60]);
    const list = JSON.parse(run(sb, ['checkins', '--json']).stdout);
    expect(list).toEqual([expect.objectContaining({ mood: 70, words: 'lighter', answer: 'I let someone in a little.' })]);
    expect(JSON.parse(run(sb, ['daily', '--json']).stdout).due).toEqual([]);
  });

  it('Ctrl-C at the mood: exit 130, nothing saved, no journal made', async () => {
    term = new Terminal(sb, ['daily']);
    await term.waitFor('How do you feel right now');
    term.type('5', false);
    term.key('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(existsSync(sb.db)).toBe(false);
  });

  it('Ctrl-C at the words: exit 130, the mood is kept', async () => {
    term = new Terminal(sb, ['daily']);
    await term.waitFor('How do you feel right now');
    term.type('42');
    await term.waitFor('A word or two');
    term.type('half a thou', false);
    term.key('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Your check-in is saved (42).');
    expect(checkins()).toEqual([expect.objectContaining({ mood: 42, words: null })]);
  });

  it('yes to the offer starts the guided record; Ctrl-C there keeps a draft', async () => {
    term = new Terminal(sb, ['daily']);
    const t = term;
    await t.waitFor('How do you feel right now');
    t.type('20');
    await t.waitFor('A word or two');
    t.type('');
    await t.waitFor("answer today's reflection");
    t.type('');
    await t.waitFor('work through a thought now?');
    t.type('y');
    await t.waitFor('What happened?');
    t.type('The group chat went silent after my message');
    await t.waitFor('When was this?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('kept as a draft');
    expect(checkins()).toEqual([expect.objectContaining({ mood: 20, words: null })]);
    // The draft is the guided flow's own: `new --resume` continues it.
    term.close();
    term = new Terminal(sb, ['new', '--resume']);
    await term.waitFor('When was this?');
  });
});
