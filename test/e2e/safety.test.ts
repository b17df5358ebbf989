// When the words of a record suggest someone may be in danger: a calm note with where to find help, once,
// on stderr, and the record is saved all the same (before the note; the note comes before the saved line).
// Also: suggest never answers such words with a pattern; the personal safety plan (show, edit, export, import);
// the note for harm from someone else; one note at the end of an import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { FakePrompter, testContext } from '../helpers/context';
import { runNew } from '../../src/commands/new/run';
import { msg } from '../../src/messages';
import { rulesSay } from '../../src/domain/safety/detect';

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
  it('comes once, on stderr, first; then a plain saved line; the record is saved (exit 0)', () => {
    const r = run(sb, ['new', ...base, '--thought', 'I want to kill myself', '--against', 'I want to die', '--plan', 'better off dead']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^[0-9A-Z]{26}$/); // stdout is the id and nothing else
    expectNoteOnce(r.stderr);
    // The first thing said is that help is available now; nothing cheerful before it.
    expect(r.stderr.trim().startsWith(msg.safety.title)).toBe(true);
    expect(r.stderr).not.toContain('Saved to your journal.');
    expect(r.stderr.indexOf(msg.safety.savedPlain)).toBeGreaterThan(r.stderr.indexOf(msg.safety.title));
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
        thought: ["I don't want to be alive anymore", ''], safetyNext: ['go'], beliefBefore: [80],
        emotionAfter: [85], plan: [''], tags: [''], review: ['save'],
      }),
    });
    try {
      await runNew({}, t.ctx);
      expectNoteOnce(t.stderr.text);
      expect(t.stdout.text).not.toContain('That takes courage');
      expect(t.stdout.text).not.toContain('No balanced thought yet');
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

  it('without the plain "Saved to your journal." for an ordinary record', () => {
    const r = run(sb, ['new', ...base, '--thought', 'She must think I am boring']);
    expect(r.stderr).toContain('Saved to your journal.');
    expect(r.stderr).not.toContain(msg.safety.title);
  });
});

describe('distortions suggest never disputes it', () => {
  it('answers [] for words about dying or self-harm, with the note on stderr', () => {
    for (const text of ['I want to kill myself', "I'm a burden to everyone, they'd be better off without me", 'quiero morirme', 'I cut myself again tonight']) {
      const r = run(sb, ['distortions', 'suggest', text, '--json']);
      expect(r.code, text).toBe(0);
      expect(JSON.parse(r.stdout), text).toEqual([]);
      expect(r.stderr).toContain(msg.safety.title);
      const plain = run(sb, ['distortions', 'suggest', text]);
      expect(plain.stdout).toBe('');
      expect(plain.stderr).toContain('https://findahelpline.com');
    }
  });

  it('answers [] when only the classifier sees the danger (no rule does), and a pattern for an everyday thought', () => {
    // Wordings from the labelled texts that no rule catches (checked here, so the test keeps meaning this).
    for (const text of ['Praying God takes me in my sleep tonight.', "I can't picture any future where I'm still alive."]) {
      expect(rulesSay(text), text).toBe(false);
      const r = run(sb, ['distortions', 'suggest', text, '--json']);
      expect(r.code, text).toBe(0);
      expect(JSON.parse(r.stdout), text).toEqual([]);
      expectNoteOnce(r.stderr);
    }
    const everyday = run(sb, ['distortions', 'suggest', 'She must think I am boring', '--json']);
    expect((JSON.parse(everyday.stdout) as unknown[]).length).toBeGreaterThan(0);
    expect(everyday.stderr).not.toContain(msg.safety.title);
  });

  it('answers [] for harm from someone else, with the note about abuse', () => {
    const r = run(sb, ['distortions', 'suggest', 'he hits me and I am scared to go home', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain(msg.abuse.title);
    expect(r.stderr).not.toContain(msg.safety.title);
  });

  it('still suggests for an everyday idiom', () => {
    const r = run(sb, ['distortions', 'suggest', 'This deadline is killing me, I will never finish anything', '--json']);
    expect(r.stderr).not.toContain(msg.safety.title);
  });
});

describe('the personal safety plan', () => {
  const planFile = () => {
    const f = join(sb.dir, 'plan.json');
    writeFileSync(f, JSON.stringify({
      warningSigns: ['Not sleeping', 'Cancelling on friends'], copingAlone: ['A long walk'], peoplePlaces: ['The library'],
      askForHelp: ['Sam 07700 900123'], professionals: ['Dr Okafor 020 7946 0000', 'Samaritans 116 123'],
      safeSurroundings: ['Give the spare pills to Sam'], reasonsForLiving: ['my sister Ana', 'the dog'],
    }));
    return f;
  };

  it('says how to make one when there is none (and --json is null); never creates a journal for it', () => {
    const r = run(sb, ['safety-plan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('reframe safety-plan edit');
    expect(JSON.parse(run(sb, ['safety-plan', '--json']).stdout)).toBeNull();
    expect(existsSync(sb.db)).toBe(false);
  });

  it('edit without a terminal needs --input, names it, exits 2, writes nothing', () => {
    const r = run(sb, ['safety-plan', 'edit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--input/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(sb.db)).toBe(false);
  });

  it('edit --input FILE or - saves it; shown as text and --json; a bad plan is one line, exit 2, nothing written', () => {
    const a = run(sb, ['safety-plan', 'edit', '--input', planFile(), '--json']);
    expect(a.code, a.stderr).toBe(0);
    const saved = JSON.parse(a.stdout);
    expect(saved).toMatchObject({ kind: 'safety-plan', askForHelp: ['Sam 07700 900123'], reasonsForLiving: ['my sister Ana', 'the dog'] });
    expect(Date.parse(saved.updatedAt)).not.toBeNaN();
    const text = run(sb, ['safety-plan']).stdout;
    expect(text).toContain('People I can ask for help');
    expect(text).toContain('Sam 07700 900123');
    expect(text.indexOf('Warning signs')).toBeLessThan(text.indexOf('My reasons for living'));
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);

    for (const bad of ['{"askForHelp": "Sam"}', '{"askForHelp": ["  "]}', '{"mood": 3}', 'not json']) {
      const r = run(sb, ['safety-plan', 'edit', '--input', '-'], { input: bad });
      expect(r.code, bad).toBe(2);
      expect(r.stderr.trim().split('\n').length, bad).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toContain('Sam');
    }
    expect(JSON.parse(run(sb, ['safety-plan', '--json']).stdout)).toEqual(saved);
  });

  it('the crisis note shows its people and crisis-line steps first', () => {
    run(sb, ['safety-plan', 'edit', '--input', planFile()]);
    const r = run(sb, ['new', ...base, '--thought', 'I have a plan and the rope']);
    expect(r.code).toBe(0);
    const e = r.stderr;
    expect(e.indexOf(msg.safety.title)).toBeLessThan(e.indexOf('Sam 07700 900123'));
    expect(e.indexOf('Sam 07700 900123')).toBeLessThan(e.indexOf('988'));
    expect(e.indexOf('Dr Okafor')).toBeLessThan(e.indexOf('988'));
    expect(e).not.toContain('my sister Ana'); // only the people and crisis lines in the note
  });

  it('round-trips through export and import (json, jsonl), all or nothing, idempotent, the newer plan wins', () => {
    run(sb, ['new', ...base, '--thought', 'She must think I am boring']);
    run(sb, ['safety-plan', 'edit', '--input', planFile()]);
    const plan = JSON.parse(run(sb, ['safety-plan', '--json']).stdout);
    for (const format of ['json', 'jsonl']) {
      const file = join(sb.dir, `all.${format}`);
      expect(run(sb, ['export', '--format', format, '--out', file]).code).toBe(0);
      const text = readFileSync(file, 'utf8');
      const objects = format === 'json' ? JSON.parse(text) : text.trim().split('\n').map((l) => JSON.parse(l));
      expect(objects.filter((o: { kind?: string }) => o.kind === 'safety-plan')).toEqual([plan]);
      expect(objects.filter((o: { kind?: string }) => o.kind === undefined)).toHaveLength(1);

      const other = sandbox();
      try {
        const a = run(other, ['import', file, '--json']);
        expect(a.code, a.stderr).toBe(0);
        expect(JSON.parse(a.stdout)).toMatchObject({ added: 1, safetyPlans: 1, safetyPlan: 'added' });
        expect(JSON.parse(run(other, ['safety-plan', '--json']).stdout)).toEqual(plan);
        const again = JSON.parse(run(other, ['import', file, '--json']).stdout);
        expect(again).toMatchObject({ added: 0, safetyPlan: 'kept' });
        // A newer plan in a file replaces it; an older one does not.
        const newer = { ...plan, updatedAt: '2099-01-01T00:00:00.000Z', reasonsForLiving: ['the sea'] };
        const older = { ...plan, updatedAt: '2000-01-01T00:00:00.000Z', reasonsForLiving: ['old'] };
        const nf = join(other.dir, 'newer.jsonl');
        writeFileSync(nf, JSON.stringify(older) + '\n' + JSON.stringify(newer) + '\n');
        expect(JSON.parse(run(other, ['import', nf, '--json']).stdout)).toMatchObject({ records: 0, safetyPlans: 2, safetyPlan: 'replaced' });
        expect(JSON.parse(run(other, ['safety-plan', '--json']).stdout).reasonsForLiving).toEqual(['the sea']);
        writeFileSync(nf, JSON.stringify(older) + '\n');
        expect(JSON.parse(run(other, ['import', nf, '--json']).stdout)).toMatchObject({ safetyPlan: 'kept' });
        // All or nothing: a bad plan rejects the whole file, records too.
        const bad = join(other.dir, 'bad.jsonl');
        writeFileSync(bad, JSON.stringify({ situation: 'x', thought: 'y', emotions: [{ name: 'sad', before: 3 }] }) + '\n'
          + JSON.stringify({ kind: 'safety-plan', updatedAt: 'soon', askForHelp: [] }) + '\n');
        const b = run(other, ['import', bad]);
        expect(b.code).toBe(2);
        expect(b.stderr).toMatch(/record 2/i);
        expect(JSON.parse(run(other, ['list', '--json']).stdout)).toHaveLength(1);
      } finally {
        other.cleanup();
      }
    }
  });

  it('a file of records only (no kind) still imports as before; markdown export gets a section', () => {
    const id = run(sb, ['new', ...base, '--thought', 'She must think I am boring']).stdout.trim();
    const records = join(sb.dir, 'records.json');
    writeFileSync(records, run(sb, ['list', '--json']).stdout);
    const other = sandbox();
    try {
      expect(JSON.parse(run(other, ['import', records, '--json']).stdout)).toMatchObject({ added: 1 });
      expect(JSON.parse(run(other, ['show', id, '--json']).stdout).thought).toBe('She must think I am boring');
    } finally {
      other.cleanup();
    }
    run(sb, ['safety-plan', 'edit', '--input', planFile()]);
    const md = run(sb, ['export']).stdout;
    expect(md).toContain('## My safety plan');
    expect(md).toContain('### People I can ask for help');
    expect(md).toContain('- Sam 07700 900123');
  });
});

describe('harm from someone else, and imports', () => {
  it('a record about being hurt gets the note about abuse, not the crisis note', () => {
    const r = run(sb, ['new', ...base, '--thought', 'my boyfriend hit me again last night']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(msg.abuse.title);
    expect(r.stderr).toContain('https://findahelpline.com');
    expect(r.stderr).not.toContain(msg.safety.title);
  });

  it('import: one note at the end, however many records hold such words', () => {
    const lines = ['I want to die', 'kms', 'ordinary day'].map((thought) => JSON.stringify({ situation: 's', thought, emotions: [{ name: 'sad', before: 50 }] }));
    const file = join(sb.dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = run(sb, ['import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(count(r.stderr, msg.safety.title)).toBe(1);
    expect(r.stderr.indexOf('Added 3 records')).toBeLessThan(r.stderr.indexOf(msg.safety.title));
    // A file small enough to be read on the saving thread: the words of a record far into it still count (each
    // record is looked at on its own, not read as part of one long text).
    const ordinary = 'Went for a walk after work and the rain held off; dinner with my sister, we talked about the trip. ';
    const long = Array.from({ length: 200 }, (_, i) => JSON.stringify({ situation: ordinary.repeat(2), thought: i === 180 ? 'Some nights I want to die' : `thought ${i}`, emotions: [{ name: 'sad', before: 50 }] }));
    writeFileSync(join(sb.dir, 'long.jsonl'), long.join('\n') + '\n');
    const far = run(sb, ['import', join(sb.dir, 'long.jsonl')]);
    expect(far.code, far.stderr).toBe(0);
    expect(count(far.stderr, msg.safety.title)).toBe(1);
    const quiet = join(sb.dir, 'quiet.jsonl');
    writeFileSync(quiet, JSON.stringify({ situation: 's', thought: 'this commute is killing me', emotions: [{ name: 'sad', before: 5 }] }) + '\n');
    expect(run(sb, ['import', quiet]).stderr).not.toContain(msg.safety.title);
  });
});
