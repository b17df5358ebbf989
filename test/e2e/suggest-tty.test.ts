// Issue 14 in a real terminal (tmux): suggested patterns are offered, not chosen; they read every thought; the
// strategy the record itself is, is not offered at its end; a time still to come at "When was this?" is questioned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const library = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'patterns.json'), 'utf8')) as { patterns: { id: string; questions: string[] }[] };

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

describe.skipIf(!hasTmux())('suggested patterns in the guided record', () => {
  it('lists them first with their words, none ticked; Enter keeps none; another thought counts too', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await t.waitFor('What happened?');
    t.type('Team lunch, my manager sat at the other end');
    await t.waitFor('When was this?');
    // A date still to come is questioned kindly, and the question stays.
    t.type('2099-01-01');
    await t.waitFor('That time is still to come');
    t.key('C-u');
    t.type('yesterday 13:00');
    await t.waitFor('What did you feel?');
    t.key('Enter'); // anxious
    await t.waitFor(/How strong was/);
    t.type('70');
    await t.waitFor('What did you feel?', { count: 2 });
    t.key('Enter');
    await t.waitFor('Thought 1:');
    t.type('My manager sat far away from me');
    await t.waitFor('Thought 2:');
    t.type("He must think I'm useless");
    await t.waitFor('Thought 3:');
    t.type('');
    await t.waitFor('Which of these hurts the most');
    t.key('Enter'); // the first: the one with no pattern words in it
    await t.waitFor('How much do you believe it right now');
    t.type('60');
    await t.waitFor('thinking patterns');
    // Mind reading comes from the second thought, listed first, with its words, and not ticked.
    const screen = await t.waitFor(/◯ Mind reading \(suggested: "He must think I'm useless"\)/);
    expect(screen).not.toMatch(/◉/);
    t.key('Enter'); // nothing ticked: nothing chosen
    for (const prompt of ['What facts support', "What facts don't fit"]) {
      await t.waitFor(prompt);
      t.type('');
    }
    // With no pattern chosen, the general questions come; skip them and the balanced thought.
    await t.waitFor('What would you tell a friend');
    for (let i = 0; i < 3; i++) t.type('');
    await t.waitFor('balanced thought');
    t.type('');
    await t.waitFor('how much do you believe');
    t.type('50');
    await t.waitFor(/How strong is .* now/);
    t.type('50');
    await t.waitFor('one small step');
    t.type('');
    await t.waitFor('Any tags');
    t.type('');
    expect(await t.exitCode()).toBe(0);
    const [rec] = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(rec.distortions).toEqual([]);
    expect(rec.thought).toBe('My manager sat far away from me');
    expect(new Date(rec.occurredAt).getTime()).toBeLessThan(Date.now());
  });

  it('a ticked suggestion is saved, and cognitive restructuring is not offered after doing it', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await t.waitFor('What happened?');
    t.type('I forgot the milk again');
    await t.waitFor('When was this?');
    t.type('');
    await t.waitFor('What did you feel?');
    t.key('Enter');
    await t.waitFor(/How strong was/);
    t.type('50');
    await t.waitFor('What did you feel?', { count: 2 });
    t.key('Enter');
    await t.waitFor('Thought 1:');
    t.type("I'm such an idiot, I always mess everything up");
    await t.waitFor('Thought 2:');
    t.type('');
    await t.waitFor('How much do you believe it right now');
    t.type('80');
    await t.waitFor(/◯ Labeling \(suggested: "I'm such an idiot"\)/);
    expect(t.screen()).not.toMatch(/◉/);
    // Tick the first two offered (labeling and overgeneralization): with these two, cognitive restructuring would be
    // one of the two strategies offered, were it not what the record has just done.
    const two = (JSON.parse(run(sb, ['distortions', 'suggest', "I'm such an idiot, I always mess everything up", '--json']).stdout) as { id: string }[]).slice(0, 2).map((x) => x.id);
    expect(two).toEqual(['labeling', 'overgeneralization']);
    t.key('Space');
    await t.waitFor(/◉ Labeling/);
    t.key('Down', 'Space');
    await t.waitFor(/◉ Overgeneralization/);
    t.key('Enter');
    await t.waitFor('What facts support');
    t.type('');
    await t.waitFor("What facts don't fit");
    t.type('');
    // The first two questions of each pattern ticked.
    for (const q of two.flatMap((id) => library.patterns.find((p) => p.id === id)!.questions.slice(0, 2))) {
      await t.waitFor(q.slice(0, 40));
      t.type('');
    }
    await t.waitFor('balanced thought');
    t.type('I forgot one thing; I remember plenty.');
    await t.waitFor('How much do you believe this balanced thought');
    t.type('60');
    await t.waitFor('Something that can help');
    await t.waitFor('how much do you believe');
    expect(t.screen()).toMatch(/Self-compassion/);
    expect(t.screen()).not.toMatch(/Cognitive restructuring/);
    t.type('40');
    await t.waitFor(/How strong is .* now/);
    t.type('30');
    await t.waitFor('one small step');
    t.type('');
    await t.waitFor('Any tags');
    t.type('');
    expect(await t.exitCode()).toBe(0);
    const [rec] = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(rec.distortions).toEqual(['labeling', 'overgeneralization']);
  });
});
