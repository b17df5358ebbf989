// The guided record's newer parts through a real pseudo-terminal (tmux): the review before saving and changing
// an answer from it, a multi-line paste kept whole, a long answer written in $EDITOR, and the branch for when
// the evidence mostly supports the thought.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';
import { finishRecord } from '../helpers/guided-flow';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

// A thought no pattern fits, so nothing is suggested and the general questions follow.
const NEUTRAL = 'I bought milk on the way home';
const GENERAL = ['What would you tell a friend', 'another way to look', 'If the worst happened'];

/** From the start to the first "What facts support" answer, with one feeling (anxious, 70). */
async function upToEvidence(t: Terminal, situation?: () => void): Promise<void> {
  await t.waitFor('What happened?');
  if (situation) situation();
  else t.type('Kitchen, after the call with Mum');
  await t.waitFor('When was this?');
  t.type('');
  await t.waitFor('What did you feel?');
  t.key('Enter'); // anxious
  await t.waitFor('How strong was the feeling (anxious)');
  t.type('70');
  await t.waitFor('What did you feel?', { count: 2 });
  t.key('Enter'); // That's all of them
  await t.waitFor('Thought 1:');
  t.type(NEUTRAL);
  await t.waitFor('Thought 2:');
  t.type('');
  await t.waitFor('How much do you believe it right now');
  t.type('60');
  await t.waitFor('thinking patterns');
  t.key('Enter');
  await t.waitFor('What facts support the thought?');
}

/** The general questions, each skipped, then evidence against: one line, or none (then the nudge, skipped). */
async function questionsAndAgainst(t: Terminal, against?: string): Promise<void> {
  for (const q of GENERAL) {
    await t.waitFor(q);
    t.type('');
  }
  await t.waitFor("What facts don't fit the thought?");
  if (against) {
    t.type(against);
    await t.waitFor(/\? 2\./);
  } else {
    t.type('');
    await t.waitFor("It's hard to find any");
  }
  t.type('');
  await t.waitFor('which is closer?');
}

/** From the balanced thought to the review. */
async function toReview(t: Terminal, reframe: string): Promise<string> {
  await t.waitFor('Now a more balanced thought');
  t.type(reframe);
  if (reframe) {
    await t.waitFor('How much do you believe this balanced thought');
    t.type('60');
  }
  await t.waitFor(`how much do you believe "${NEUTRAL}"`);
  t.type('40');
  await t.waitFor('How strong is the feeling (anxious) now');
  t.type('50');
  await t.waitFor('one small step');
  t.type('');
  await t.waitFor('Any tags');
  t.type('');
  return t.waitFor('Save it, or change an answer?');
}

const saved = () => JSON.parse(run(sb, ['list', '--json']).stdout) as Record<string, unknown>[];

describe.skipIf(!hasTmux())('reframe new: review, long answers, when the thought is true', () => {
  it('the review shows the whole record; a typo is changed from it, the review comes back, then it is saved', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToEvidence(t);
    t.type('He hugged me whn I got home');
    await t.waitFor(/\? 2\./);
    t.type('');
    await questionsAndAgainst(t, 'Mum called back to say sorry');
    t.key('Enter');
    let review = await toReview(t, 'One call is one call.');
    expect(review).toMatch(/Here is the whole record[\s\S]*Evidence for\s+\S+ He hugged me whn I got home/);
    expect(saved()).toHaveLength(0); // nothing saved before the person says so

    // Change: Evidence for (the seventh choice), the first item, "Change it", and write it again.
    t.key('Down', 'Down', 'Down', 'Down', 'Down', 'Down');
    await t.waitFor('❯ Change: Evidence for');
    t.key('Enter');
    await t.waitFor('Which one? (or add one)');
    t.key('Down', 'Enter'); // 1. He hugged me whn ...
    await t.waitFor('Change it or remove it?');
    t.key('Enter');
    await t.waitFor('Write it again');
    t.type('He hugged me when I got home');
    await t.waitFor('Which one? (or add one)', { count: 2 });
    t.key('Enter'); // Done with this list
    review = await t.waitFor('Save it, or change an answer?', { count: 2 });
    expect(review.slice(review.lastIndexOf('Here is the whole record'))).toMatch(/Evidence for\s+\S+ He hugged me when I got home/);
    t.key('Enter'); // Save it
    expect(await t.exitCode()).toBe(0);
    const [rec] = saved();
    expect(rec.evidenceFor).toEqual(['He hugged me when I got home']);
    expect(rec.evidenceAgainst).toEqual(['Mum called back to say sorry']);
    expect(rec.reframe).toBe('One call is one call.');
  });

  it('a multi-line paste keeps every line, marked by the terminal or not', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    const paste = (text: string, bracketed: boolean) => {
      const file = join(sb.dir, 'paste.txt');
      writeFileSync(file, text);
      t.tmuxCmd('load-buffer', file);
      t.tmuxCmd('paste-buffer', ...(bracketed ? ['-p'] : []), '-t', 'reframe');
    };
    await upToEvidence(t, () => {
      paste('We were at the kitchen table.\nMum said I never call.\nThen she hung up.', true);
      t.type(''); // a marked paste never ends the answer by itself: Enter does
    });
    // Evidence for: a paste the terminal does not mark (the lines arrive with Enter between them).
    paste('She has said this before\nShe was upset last week too', false);
    await t.waitFor('  She was upset last week too');
    t.type(''); // Enter ends the answer
    await t.waitFor(/\? 2\./);
    t.type('');
    await questionsAndAgainst(t);
    t.key('Enter');
    await toReview(t, '');
    t.key('Enter');
    expect(await t.exitCode()).toBe(0);
    const [rec] = saved();
    expect(rec.situation).toBe('We were at the kitchen table.\nMum said I never call.\nThen she hung up.');
    expect(rec.evidenceFor).toEqual(['She has said this before\nShe was upset last week too']);
  });

  it('Ctrl-E, or "e" alone, opens $EDITOR for a long answer; the temporary file is gone after', async () => {
    const editor = join(sb.dir, 'editor.sh');
    const seen = join(sb.dir, 'seen.txt');
    // Writes a two-line answer, and notes the mode of the file it was given.
    writeFileSync(editor, `#!/bin/sh\nstat -c %a "$1" > '${seen}'\nprintf 'On one hand I forgot the milk,\\nand I remembered everything else.\\n' > "$1"\n`);
    chmodSync(editor, 0o755);
    const tmp = join(sb.dir, 'tmp');
    execFileSync('mkdir', ['-p', tmp]);
    term = new Terminal(sb, ['new'], { EDITOR: editor, TMPDIR: tmp });
    const t = term;
    await upToEvidence(t);
    await t.waitFor('Ctrl-E (or "e" alone) opens your editor');
    t.type('e'); // "e" alone
    await t.waitFor('✔ 1. On one hand I forgot the milk,');
    await t.waitFor(/\? 2\./);
    t.type('');
    await questionsAndAgainst(t, 'I got the bread');
    t.key('Enter');
    await t.waitFor('Now a more balanced thought');
    t.key('C-e');
    await t.waitFor('How much do you believe this balanced thought');
    t.type('70');
    await t.waitFor(`how much do you believe "${NEUTRAL}"`);
    await finishRecord(t, '40', '50');
    expect(await t.exitCode()).toBe(0);
    const [rec] = saved();
    const written = 'On one hand I forgot the milk,\nand I remembered everything else.';
    expect(rec.evidenceFor).toEqual([written]);
    expect(rec.reframe).toBe(written);
    expect(run(sb, ['list', '--json']).stdout).not.toContain('\\n"'); // the editor's last newline is not kept
    expect(execFileSync('cat', [seen], { encoding: 'utf8' }).trim()).toBe('600');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('without any editor, says so plainly and keeps asking', async () => {
    term = new Terminal(sb, ['new'], { EDITOR: '', VISUAL: '', PATH: '/nonexistent' });
    const t = term;
    await t.waitFor('What happened?');
    t.key('C-e');
    await t.waitFor('No editor found: set EDITOR');
    t.type('Typed here instead');
    await t.waitFor('When was this?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
  });

  it('when the evidence mostly supports the thought: what to do, help to ask for, a friend; kept and shown', async () => {
    term = new Terminal(sb, ['new']);
    const t = term;
    await upToEvidence(t);
    t.type('The milk is in the fridge');
    await t.waitFor(/\? 2\./);
    t.type('');
    await questionsAndAgainst(t);
    t.key('Down', 'Enter'); // The evidence mostly supports the thought
    await t.waitFor("let's look at what you can do about it");
    await t.waitFor('What can you do about it?');
    t.type('Put it on the list for next time');
    await t.waitFor('What help could you ask for');
    t.type('Ask Sam to remind me');
    await t.waitFor('What would you tell a friend in the same place?');
    t.type('It is only milk');
    await t.waitFor('Now a more balanced thought');
    t.type(''); // left for later
    await t.waitFor(`how much do you believe "${NEUTRAL}"`);
    t.type('40');
    await t.waitFor('How strong is the feeling (anxious) now');
    t.type('30');
    await t.waitFor('Any tags');
    expect(t.screen()).not.toContain('one small step'); // asked once, as "what can you do"
    t.type('');
    const review = await t.waitFor('Save it, or change an answer?');
    expect(review).toMatch(/When the thought is true[\s\S]*Put it on the list for next time[\s\S]*Ask Sam to remind me[\s\S]*It is only milk/);
    expect(review).toContain('No balanced thought yet.');
    t.key('Enter');
    expect(await t.exitCode()).toBe(0);
    const end = t.screen();
    expect(end).toMatch(/No balanced thought yet: `reframe edit [0-9A-Z]{26}` when you are ready\./);
    expect(end).not.toContain('That takes courage');
    const [rec] = saved();
    expect(rec.actionPlan).toBe('Put it on the list for next time');
    expect(rec.whenTrue).toEqual({ help: 'Ask Sam to remind me', friend: 'It is only milk' });
    expect(rec.reframe).toBeUndefined();
    const shown = run(sb, ['show', String(rec.id)]);
    expect(shown.stdout).toContain('When the thought is true');
    expect(shown.stdout.replace(/\s+/g, ' ')).toContain(`No balanced thought yet: \`reframe edit ${String(rec.id)}\` when you are ready.`);
    const md = run(sb, ['export', '--format', 'md']);
    expect(md.stdout).toContain(`No balanced thought yet: \`reframe edit ${String(rec.id)}\` when you are ready.`);
    expect(md.stdout).toContain('Ask Sam to remind me');
  });
});
