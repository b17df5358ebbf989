// When the words of a record suggest someone may be in danger: a calm note with where to find help, once,
// on stderr, and the record is saved all the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { FakePrompter, testContext } from '../helpers/context';
import { runNew } from '../../src/commands/new/run';
import { msg } from '../../src/messages';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const count = (s: string, part: string) => s.split(part).length - 1;
const saved = () => JSON.parse(run(sb, ['list', '--json']).stdout) as Record<string, unknown>[];

function expectNoteOnce(stderr: string): void {
  expect(count(stderr, msg.safety.title)).toBe(1);
  for (const line of msg.safety.lines) expect(count(stderr, line)).toBe(1);
  expect(stderr).toMatch(/988/);
  expect(stderr).toMatch(/local emergency number/);
  expect(stderr).toMatch(/https:\/\/findahelpline\.com/);
}

const base = ['--situation', 'Alone at home after the call', '--emotion', 'hopeless:90'];

describe('the safety note', () => {
  it('comes once, on stderr, for words in the flags, and the record is saved (exit 0)', () => {
    const r = run(sb, ['new', ...base, '--thought', 'I want to kill myself', '--against', 'I want to die', '--plan', 'better off dead']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^[0-9A-Z]{26}$/); // stdout is the id and nothing else
    expectNoteOnce(r.stderr);
    expect(r.stderr.indexOf('Saved to your journal.')).toBeLessThan(r.stderr.indexOf(msg.safety.title));
    expect(saved()).toHaveLength(1);
    expect(saved()[0].thought).toBe('I want to kill myself');
  });

  it('with --json too: stdout stays plain JSON', () => {
    const r = run(sb, ['new', ...base, '--thought', 'I keep thinking about suicide', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).thought).toBe('I keep thinking about suicide');
    expectNoteOnce(r.stderr);
  });

  it('for a record from --input (a file or stdin), wherever the words are', () => {
    const rec = { situation: 'Work', emotions: [{ name: 'numb', before: 70 }], thought: 'Nothing matters', answers: [{ question: 'What would you tell a friend?', answer: "I'd say don't hurt yourself. But I want to hurt myself." }] };
    const file = join(sb.dir, 'r.json');
    writeFileSync(file, JSON.stringify(rec));
    const a = run(sb, ['new', '--input', file]);
    expect(a.code, a.stderr).toBe(0);
    expectNoteOnce(a.stderr);
    const b = run(sb, ['new', '--input', '-'], { input: JSON.stringify({ ...rec, answers: [], actionPlan: 'no reason to live' }) });
    expect(b.code, b.stderr).toBe(0);
    expectNoteOnce(b.stderr);
    expect(saved()).toHaveLength(2);
  });

  it('for a feeling typed in by name, and for a tag', () => {
    const a = run(sb, ['new', '--situation', 's', '--thought', 'It is all too much', '--emotion', 'suicidal:80']);
    expect(a.code).toBe(0);
    expectNoteOnce(a.stderr);
    const b = run(sb, ['new', '--situation', 's', '--thought', 'It is all too much', '--emotion', 'sad:80', '--tag', 'self-harm']);
    expectNoteOnce(b.stderr);
  });

  it('when an edit adds the words', () => {
    const id = run(sb, ['new', ...base, '--thought', 'Nobody would notice']).stdout.trim();
    const r = run(sb, ['edit', id, '--reframe', 'I wish I was dead, and that is the pain talking', '--belief-after', '60']);
    expect(r.code, r.stderr).toBe(0);
    expectNoteOnce(r.stderr);
    expect(saved()[0].reframe).toMatch(/pain talking/);
  });

  it('in the guided flow', async () => {
    const t = testContext({
      tty: true,
      prompter: new FakePrompter({
        situation: ['After the argument'], when: [''], emotion: ['hopeless', '__done'], emotionBefore: [90],
        thought: ["I don't want to be alive anymore", ''], beliefBefore: [80], distortions: [[]],
        evidenceFor: [''], evidenceAgainst: [''], answer: ['', '', ''], reframe: [''], beliefAfter: [70],
        emotionAfter: [85], plan: [''], tags: [''],
      }),
    });
    try {
      await runNew({}, t.ctx);
      expectNoteOnce(t.stderr.text);
      expect(t.ctx.journal().count()).toBe(1);
    } finally {
      t.cleanup();
    }
  });

  it('not for an ordinary painful thought, nor for "I want to die of embarrassment"', () => {
    for (const thought of ["I'm not worthy of love", 'I want to die of embarrassment', 'This deadline is killing me', 'It hurt my self-esteem']) {
      const r = run(sb, ['new', ...base, '--thought', thought]);
      expect(r.code).toBe(0);
      expect(r.stderr, thought).not.toContain(msg.safety.title);
      expect(r.stderr).not.toMatch(/988/);
    }
    expect(saved()).toHaveLength(4);
  });

  it('never for a command that only reads a record with those words', () => {
    const id = run(sb, ['new', ...base, '--thought', 'I want to kill myself']).stdout.trim();
    for (const args of [['list'], ['show', id], ['list', '--json']]) {
      expect(run(sb, args).stderr).not.toContain(msg.safety.title);
    }
  });
});
