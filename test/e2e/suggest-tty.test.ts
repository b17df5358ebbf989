// The guided record in a real terminal (tmux): suggested patterns are offered, not chosen; they read every thought; the
// strategy the record itself is, is not offered at its end; a time still to come at "When was this?" is questioned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { finishRecord } from '../helpers/guided-flow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { msg } from '../../src/messages';

const library = JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', 'patterns.json'), 'utf8')) as { patterns: { id: string; questions: string[] }[] };
const GENERIC: string[] = msg.flow.genericQuestions;
/** The questions the flow asks for the patterns ticked: two per pattern, "What would you tell a friend?" always among them. */
function questionsOf(ids: string[]): string[] {
  const qs: string[] = [];
  for (const id of ids) for (const q of library.patterns.find((p) => p.id === id)!.questions.slice(0, 2)) if (!qs.includes(q)) qs.push(q);
  return qs.some((q) => /\bfriend\b/i.test(q)) ? qs.slice(0, 6) : [...qs.slice(0, 5), GENERIC[0]];
}

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
    // With no pattern chosen, the general questions come between the two evidence lists; skip them all.
    for (const prompt of ['What facts support', ...GENERIC.map((q) => q.slice(0, 40)), "What facts don't fit"]) {
      await t.waitFor(prompt);
      t.type('');
    }
    await t.waitFor("It's hard to find any");
    t.type('');
    await t.waitFor('which is closer?');
    t.key('Enter');
    await t.waitFor('Now a more balanced thought');
    t.type('');
    await finishRecord(t, '50', '50');
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
    for (const prompt of ['What facts support', ...questionsOf(two).map((q) => q.slice(0, 40)), "What facts don't fit"]) {
      await t.waitFor(prompt);
      t.type('');
    }
    await t.waitFor("It's hard to find any");
    t.type('');
    await t.waitFor('which is closer?');
    t.key('Enter');
    await t.waitFor('Now a more balanced thought');
    t.type('I forgot one thing; I remember plenty.');
    await t.waitFor('How much do you believe this balanced thought');
    t.type('60');
    await t.waitFor('Something that can help');
    await t.waitFor('how much do you believe');
    expect(t.screen()).toMatch(/Self-compassion/);
    expect(t.screen()).not.toMatch(/Cognitive restructuring/);
    await finishRecord(t, '40', '30');
    expect(await t.exitCode()).toBe(0);
    const [rec] = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(rec.distortions).toEqual(['labeling', 'overgeneralization']);
  });
});
