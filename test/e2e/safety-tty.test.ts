// The crisis note at the moment it is needed, through a real terminal (tmux): right after the answer that raised
// it and before any next question, then a gentle choice (go on, stop here, see the safety plan); on Ctrl-C too;
// once per run; the answer is saved before the note; nothing cheerful before it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { msg } from '../../src/messages';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

const TITLE = msg.safety.title;
const count = (s: string, part: string) => s.split(part).length - 1;
/** Where a text first appears on the screen (-1: not there). */
const at = (screen: string, part: string) => screen.indexOf(part);

function draftCount(): number {
  const db = new Database(sb.db, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM drafts').pluck().get() as number;
  } finally {
    db.close();
  }
}

async function upToThought(t: Terminal): Promise<void> {
  await t.waitFor('What happened?');
  t.type('Alone at home after the call');
  await t.waitFor('When was this?');
  t.type('');
  await t.waitFor('What did you feel?');
  t.key('Enter'); // anxious
  await t.waitFor('How strong was the feeling (anxious)');
  t.type('90');
  await t.waitFor('What did you feel?', { count: 2 });
  t.key('Enter'); // That's all of them
  await t.waitFor('Thought 1:');
}

describe.skipIf(!hasTmux())('the crisis note in the guided flows', () => {
  it('new: shown right after the thought, before the next question; going on asks no patterns or evidence against it', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToThought(t);
    t.type('i wanna kil myself');
    const screen = await t.waitFor(msg.safety.howToGoOn);
    // The note is there, after the answer and before the choice, and no next question came before it.
    expect(at(screen, TITLE)).toBeGreaterThan(at(screen, 'i wanna kil myself'));
    expect(at(screen, TITLE)).toBeLessThan(at(screen, msg.safety.howToGoOn));
    expect(screen).not.toContain('Thought 2:');
    expect(screen).toContain('988');
    expect(screen).toContain('116 123');
    expect(screen).toContain('https://findahelpline.com');
    expect(screen).toContain(msg.safety.makePlan);
    t.key('Enter'); // go on
    await t.waitFor('Thought 2:');
    t.type('');
    await t.waitFor('How much do you believe it right now');
    t.type('95');
    // No thinking patterns, no "What facts support the thought?" for it.
    await t.waitFor("isn't one to argue with");
    await t.waitFor('How strong is the feeling (anxious) now');
    t.type('90');
    await t.waitFor('one small step');
    expect(t.screen()).not.toContain('thinking patterns in it');
    expect(t.screen()).not.toContain('What facts');
    t.type('');
    await t.waitFor('Any tags');
    t.type('');
    // The review offers no way back into questioning the thought, and nothing about a balanced thought.
    const review = await t.waitFor('Save it, or change an answer?');
    expect(review).not.toContain('Change: Evidence');
    expect(review).not.toContain('Change: Balanced thought');
    expect(review).not.toContain('No balanced thought yet');
    t.key('Enter');
    expect(await t.exitCode()).toBe(0);
    const end = t.screen();
    expect(count(end, TITLE)).toBe(1); // once per run
    expect(end).not.toContain('That takes courage');
    expect(end).not.toContain('No balanced thought yet');
    expect(end).toContain(msg.safety.savedPlain);
    const saved = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(saved).toHaveLength(1);
    expect(saved[0].thought).toBe('i wanna kil myself');
    expect(saved[0].distortions).toEqual([]);
  });

  it('new: the crisis lines open every guided record, before the first question, whatever is typed', async () => {
    // The detector misses some danger (README), so help is never only behind it.
    term = new Terminal(sb, ['new']);
    const t = term;
    // One line of text, however the terminal wraps it.
    const screen = (await t.waitFor('What happened?')).replace(/\s+/g, ' ');
    expect(at(screen, msg.safety.standing)).toBeGreaterThanOrEqual(0);
    expect(at(screen, msg.safety.standing)).toBeLessThan(at(screen, 'What happened?'));
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('new: "stop here" keeps the draft and exits 0; the words were saved before the note', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await t.waitFor('What happened?');
    t.type('I have been looking up how many pills it would take');
    await t.waitFor(msg.safety.howToGoOn);
    expect(t.screen()).not.toContain('When was this?');
    // Saved before the note was even shown.
    expect(draftCount()).toBe(1);
    t.key('Down', 'Enter'); // stop here
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(msg.safety.stoppedNew);
    expect(draftCount()).toBe(1);
    expect(JSON.parse(run(sb, ['list', '--json']).stdout)).toEqual([]);
  });

  it('new: Ctrl-C at the choice shows the help lines again after "kept as a draft" (exit 130)', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToThought(t);
    t.type('je veux mourir');
    await t.waitFor(msg.safety.howToGoOn);
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    const s = t.screen();
    expect(at(s, msg.draftKept)).toBeGreaterThan(at(s, TITLE));
    expect(s.lastIndexOf('https://findahelpline.com')).toBeGreaterThan(at(s, msg.draftKept));
    expect(draftCount()).toBe(1);
  });

  it('new: the safety plan can be looked at from the choice, its people and crisis lines shown first in the note', async () => {
    const plan = join(sb.dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ askForHelp: ['Sam 07700 900123'], professionals: ['Dr Okafor 020 7946 0000'], reasonsForLiving: ['my sister Ana'] }));
    expect(run(sb, ['safety-plan', 'edit', '--input', plan]).code).toBe(0);
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToThought(t);
    t.type('everyone would be better off without me');
    const s = await t.waitFor(msg.safety.howToGoOn);
    expect(at(s, 'Sam 07700 900123')).toBeGreaterThan(at(s, TITLE));
    // The note's own 988 line, not the standing line that opened the record.
    const lines988 = s.indexOf('988', at(s, TITLE));
    expect(at(s, 'Sam 07700 900123')).toBeLessThan(lines988);
    expect(at(s, 'Dr Okafor')).toBeLessThan(lines988);
    t.key('Down', 'Down', 'Enter'); // see my safety plan
    await t.waitFor('my sister Ana');
    await t.waitFor(msg.safety.howToGoOn, { count: 2 });
    t.key('Down', 'Enter'); // stop here
    expect(await t.exitCode()).toBe(0);
  });

  it('new: harm from someone else: a note about abuse, not a thinking error, no evidence asked against the fear', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToThought(t);
    t.type("he hits me when he's drunk and I'm scared to go home");
    await t.waitFor(msg.safety.howToGoOn);
    expect(t.screen()).toContain(msg.abuse.title);
    expect(t.screen()).toContain('https://findahelpline.com');
    t.key('Enter');
    await t.waitFor('Thought 2:');
    t.type('');
    await t.waitFor('How much do you believe it right now');
    t.type('90');
    await t.waitFor("won't ask for evidence against your fear");
    await t.waitFor('How strong is the feeling (anxious) now');
    t.type('90');
    await t.waitFor('one small step');
    expect(t.screen()).not.toContain("What facts don't fit");
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('edit: shown right after a changed text, before the next question', async () => {
    const id = run(sb, ['new', '--situation', 'Work', '--thought', 'They think I am slow', '--emotion', 'anxious:70']).stdout.trim();
    term = new Terminal(sb, ['edit', id]);
    const t = term;
    await t.waitFor('What would you like to change?');
    t.key('Down', 'Down', 'Down', 'Down', 'Down', 'Enter'); // hot thought
    await t.waitFor('The hot thought:');
    // Replace the default with new words.
    t.key('C-u');
    t.type('I want to end my life');
    const s = await t.waitFor(msg.safety.howToGoOn);
    expect(at(s, TITLE)).toBeGreaterThan(-1);
    expect(s).not.toContain('How much do you believe it right now');
    t.key('Down', 'Enter'); // stop here
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(`reframe edit ${id} --resume`);
  });

  it('daily: the check-in is saved, the note comes first, then a plain line and the choice', async () => {
    term = new Terminal(sb, ['daily']);
    const t = term;
    await t.waitFor('How do you feel right now');
    t.type('5');
    await t.waitFor('A word or two');
    t.type('want to disappear forever');
    const s = await t.waitFor(msg.safety.howToGoOn);
    expect(at(s, TITLE)).toBeGreaterThan(-1);
    expect(s).not.toContain(msg.daily.checkinSaved);
    expect(at(s, msg.safety.checkinSavedPlain)).toBeGreaterThan(at(s, TITLE));
    expect(s).not.toContain('work through a thought now?');
    t.key('Down', 'Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(msg.safety.stoppedDaily);
    const db = new Database(sb.db, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM checkins').pluck().get()).toBe(1);
    db.close();
  });

  it('safety-plan edit: shows the current lines and keeps each with Enter', async () => {
    const plan = join(sb.dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ warningSigns: ['Not sleeping'], askForHelp: ['Sam 07700 900123'] }));
    expect(run(sb, ['safety-plan', 'edit', '--input', plan]).code).toBe(0);
    term = new Terminal(sb, ['safety-plan', 'edit']);
    const t = term;
    await t.waitFor('1. Warning signs');
    await t.waitFor('(Not sleeping)');
    t.type(''); // Enter keeps it
    await t.waitFor('✔ 1. Not sleeping');
    t.type('Staying in bed all day');
    await t.waitFor('✔ 2. Staying in bed all day');
    t.type('');
    await t.waitFor('2. Things I can do on my own');
    t.type('');
    await t.waitFor('3. People and places');
    t.type('');
    await t.waitFor('4. People I can ask for help');
    await t.waitFor('(Sam 07700 900123)');
    t.type('');
    await t.waitFor('✔ 1. Sam 07700 900123');
    t.type('');
    await t.waitFor('5. Professionals');
    t.type('');
    await t.waitFor('6. Making my surroundings safer');
    t.type('');
    await t.waitFor('7. My reasons for living');
    t.type('');
    expect(await t.exitCode()).toBe(0);
    const saved = JSON.parse(run(sb, ['safety-plan', '--json']).stdout);
    expect(saved.warningSigns).toEqual(['Not sleeping', 'Staying in bed all day']);
    expect(saved.askForHelp).toEqual(['Sam 07700 900123']);
  });
});
