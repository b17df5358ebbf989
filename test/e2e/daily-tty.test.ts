// reframe daily in a real pseudo-terminal (tmux): the check-in, Ctrl-C, and the offer of a full record.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
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
    await t.waitFor('work through a thought now?');
    t.type('n');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(before.prompt.text.slice(0, 40));
    expect(checkins()).toEqual([{ mood: 64, words: 'tired, a bit hopeful 🌙', prompt_id: before.prompt.id }]);
    const after = JSON.parse(run(sb, ['daily', '--json']).stdout);
    expect(after.checkedInToday).toBe(true);
    expect(after.streak).toEqual({ current: 1, longest: 1 });
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
