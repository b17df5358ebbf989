// distortions suggest as a run function, and the suggestions in the guided flow (FakePrompter).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { runDistortionsSuggest } from '../../src/commands/distortions/suggest';
import { runNew } from '../../src/commands/new/run';
import { UsageError } from '../../src/errors';
import { FakePrompter, testContext, type TestContext } from '../helpers/context';
import type { ThoughtRecord } from '../../src/domain/record';
import { buildProgram } from '../../src/cli';
import { createSuggester } from '../../src/domain/suggest';
import { loadLibrary } from '../../src/library/library';

let t: TestContext | undefined;
afterEach(() => { t?.cleanup(); t = undefined; });

function pastRecord(id: string, thought: string, distortions: string[]): ThoughtRecord {
  return {
    id, createdAt: '2026-11-01T10:00:00.000Z', occurredAt: '2026-11-01T09:00:00.000Z',
    situation: 'At work', emotions: [{ name: 'anxious', before: 70 }], thought, otherThoughts: [], distortions,
    evidenceFor: [], evidenceAgainst: [], answers: [], tags: [],
  };
}

describe('reframe distortions suggest', () => {
  it('wiring: the words of the thought, --json, --limit, --no-history', async () => {
    let seen: { command: string; opts: Record<string, unknown>; args: unknown[] } | undefined;
    const program = buildProgram(() => { throw new Error('no context in wiring tests'); }, (c) => { seen = c as typeof seen; });
    await program.parseAsync(['node', 'reframe', 'distortions', 'suggest', 'I', "can't", 'cope', '--json', '--limit', '5', '--no-history']);
    expect(seen).toMatchObject({ command: 'distortions suggest', opts: { json: true, limit: '5', history: false }, args: [['I', "can't", 'cope']] });
    await program.parseAsync(['node', 'reframe', 'distortions', 'suggest', '-']);
    expect(seen).toMatchObject({ opts: { history: true }, args: [['-']] });
  });

  it('--json: the contract\'s shape, best first', async () => {
    t = testContext();
    await runDistortionsSuggest(['She', 'must', "think I'm", 'boring'], { json: true }, t.ctx);
    const list = JSON.parse(t.stdout.text);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toEqual({ id: 'mind-reading', name: 'Mind reading', score: expect.any(Number), because: expect.stringContaining('"') });
    expect(list[0].because).toContain("must think I'm");
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['because', 'id', 'name', 'score']);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(list.map((s: { score: number }) => s.score)).toEqual([...list.map((s: { score: number }) => s.score)].sort((a, b) => b - a));
    expect(t.stderr.text).toBe('');
  });

  it('a neutral sentence: [] with --json; nothing on stdout and a word on stderr without', async () => {
    t = testContext();
    await runDistortionsSuggest(['I bought milk on the way home'], { json: true }, t.ctx);
    expect(JSON.parse(t.stdout.text)).toEqual([]);
    t.cleanup();
    t = testContext();
    await runDistortionsSuggest(['I bought milk on the way home'], {}, t.ctx);
    expect(t.stdout.text).toBe('');
    expect(t.stderr.text).toMatch(/No pattern stands out/);
  });

  it('piped: one tab-separated line per pattern', async () => {
    t = testContext();
    await runDistortionsSuggest(["I'm such an idiot"], {}, t.ctx);
    const [first] = t.stdout.text.trim().split('\n');
    expect(first.split('\t')).toEqual(['labeling', 'Labeling', expect.stringMatching(/^0\.\d\d$|^1\.00$/), '"I\'m such an idiot"']);
    expect(t.stdout.text).not.toMatch(/\u001b\[/);
  });

  it('on a terminal: names, ids, the quoted words and where to read more', async () => {
    t = testContext({ tty: true });
    await runDistortionsSuggest(["I feel stupid, so I must be stupid"], {}, t.ctx);
    expect(t.stdout.text).toContain('Emotional reasoning (emotional-reasoning)');
    expect(t.stdout.text).toMatch(/because of "I feel stupid, so I must be/);
    expect(t.stdout.text).toMatch(/\d+%/);
    expect(t.stdout.text).toContain('reframe distortions show ID');
  });

  it('- reads the thought from standard input', async () => {
    t = testContext();
    const stdin = t.ctx.io.stdin as PassThrough;
    stdin.end("If I open up, I'll just get hurt again\n");
    await runDistortionsSuggest(['-'], { json: true }, t.ctx);
    expect(JSON.parse(t.stdout.text)[0].id).toBe('vulnerability-means-hurt');
  });

  it('--limit', async () => {
    t = testContext();
    const text = ["I'm a failure and it's all my fault, nobody will ever love me, I should be better"];
    await runDistortionsSuggest(text, { json: true, limit: '1' }, t.ctx);
    expect(JSON.parse(t.stdout.text)).toHaveLength(1);
    t.cleanup();
    t = testContext();
    await runDistortionsSuggest(text, { json: true, limit: '10' }, t.ctx);
    expect(JSON.parse(t.stdout.text).length).toBeGreaterThan(3);
  });

  it('usage errors: no thought, a bad --limit, an essay', async () => {
    t = testContext();
    await expect(runDistortionsSuggest([], {}, t.ctx)).rejects.toBeInstanceOf(UsageError);
    await expect(runDistortionsSuggest(['   '], {}, t.ctx)).rejects.toBeInstanceOf(UsageError);
    for (const limit of ['0', '51', 'x', '2.5', '-1']) {
      await expect(runDistortionsSuggest(['I am a failure'], { limit }, t.ctx)).rejects.toBeInstanceOf(UsageError);
    }
    await expect(runDistortionsSuggest(['word '.repeat(2000)], {}, t.ctx)).rejects.toThrow(/longer than one thought/);
    expect(t.stdout.text).toBe('');
  });

  it('does not create a journal just to look at a thought', async () => {
    t = testContext();
    await runDistortionsSuggest(['I always mess up'], { json: true }, t.ctx);
    expect(existsSync(t.ctx.paths.db)).toBe(false);
  });

  it('weighs what the person chose before for a similar thought; --no-history leaves it out', async () => {
    t = testContext();
    t.ctx.journal().insert(pastRecord('01JD7X4Q9V6M2W8K3T5R0YH1ZC', 'My boss frowned at my report in the meeting', ['personalization']));
    await runDistortionsSuggest(['my boss frowned at my report again'], { json: true }, t.ctx);
    const withHistory = JSON.parse(t.stdout.text);
    expect(withHistory).toContainEqual(expect.objectContaining({ id: 'personalization', fromHistory: true, because: '"boss frowned", "report"' }));
    t.stdout.text = '';
    await runDistortionsSuggest(['my boss frowned at my report again'], { json: true, history: false }, t.ctx);
    expect(JSON.parse(t.stdout.text).map((s: { id: string }) => s.id)).not.toContain('personalization');
  });

  it('the journal gives the newest thoughts that name patterns, with their patterns in order', () => {
    t = testContext();
    const j = t.ctx.journal();
    j.insert(pastRecord('01JD7X4Q9V6M2W8K3T5R0YH1Z1', 'first', ['labeling', 'mind-reading']));
    j.insert(pastRecord('01JD7X4Q9V6M2W8K3T5R0YH1Z2', 'no patterns here', []));
    j.insert(pastRecord('01JD7X4Q9V6M2W8K3T5R0YH1Z3', 'third', ['blaming']));
    expect(j.recentThoughtsWithDistortions()).toEqual([
      { thought: 'third', distortions: ['blaming'] },
      { thought: 'first', distortions: ['labeling', 'mind-reading'] },
    ]);
    expect(j.recentThoughtsWithDistortions(1)).toEqual([{ thought: 'third', distortions: ['blaming'] }]);
  });

  it('a person\'s own pattern with cues is suggested', async () => {
    t = testContext();
    const dir = join(t.dir, 'config', 'reframe');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'patterns.json'), JSON.stringify({
      version: 1,
      patterns: [{
        id: 'comparing', name: 'Comparing myself', summary: 'Measuring myself against others.', description: 'Looking sideways.',
        examples: ['She has it all together', 'Everyone is ahead of me'], questions: ['a?', 'b?', 'c?'], reframe: 'Look at your own path.',
        cues: ['compar* myself', 'ahead of me'],
      }],
    }));
    await runDistortionsSuggest(['I keep comparing myself to my sister'], { json: true }, t.ctx);
    expect(JSON.parse(t.stdout.text)[0]).toMatchObject({ id: 'comparing', name: 'Comparing myself', because: '"comparing myself"' });
  });
});

const guidedAnswers = (thought: string) => ({
  situation: ['My boss frowned at my report'],
  when: [''],
  emotion: ['anxious', '__done'],
  emotionBefore: [80],
  thought: [thought, ''],
  beliefBefore: [85],
  distortions: ['suggested'],
  evidenceFor: [''],
  evidenceAgainst: ['', ''], // empty, and empty again after the one nudge
  answer: ['', '', '', '', '', ''],
  verdict: ['balanced'],
  reframe: ['One frown is not a verdict.'],
  reframeBelief: [60],
  beliefAfter: [40],
  emotionAfter: [45],
  plan: [''],
  tags: [''],
  review: ['save'],
});

describe('the guided flow', () => {
  it('lists the suggestions first with the words that led to them, and ticks none: the person chooses', async () => {
    const p = new FakePrompter(guidedAnswers("I'm such an idiot, I always mess everything up"));
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const choices = p.lastCheckbox;
    expect(choices.filter((c) => c.checked)).toEqual([]);
    const offered = choices.filter((c) => /\((suggested|maybe)/.test(String(c.name)));
    expect(offered.map((c) => c.value)).toEqual(expect.arrayContaining(['labeling', 'overgeneralization']));
    expect(offered.length).toBeLessThanOrEqual(3);
    // Suggested ones come first, each marked, with the person's own words quoted.
    expect(choices.slice(0, offered.length)).toEqual(offered);
    const label = offered.find((c) => c.value === 'labeling')!;
    expect(label.name).toBe('Labeling (suggested: "I\'m such an idiot")');
    // The rest of the library is still there: the person stays in charge.
    expect(choices.length).toBe(t.ctx.library().patterns.length);
    expect(choices.slice(offered.length).every((c) => !/suggested|maybe/.test(String(c.name)))).toBe(true);
    // What the person ticks is saved.
    const [rec] = t.ctx.journal().list();
    expect(rec.distortions).toEqual(offered.filter((c) => /\(suggested/.test(String(c.name))).map((c) => c.value));
    // After the balanced thought, one or two strategies for the chosen patterns, but not cognitive restructuring:
    // the record the person has just written is that strategy.
    const intro = p.notes.indexOf('Something that can help with these patterns:');
    expect(intro).toBeGreaterThan(-1);
    const offeredStrategies = p.notes.slice(intro + 1, intro + 3);
    expect(offeredStrategies.every((n) => n.startsWith('  - '))).toBe(true);
    expect(offeredStrategies.join('\n')).not.toMatch(/Cognitive restructuring/);
    // (Without that rule it would have been one of the two.)
    expect(t.ctx.library().strategiesFor(rec.distortions).slice(0, 2).map((x) => x.id)).toContain('cognitive-restructuring');
  });

  it('reads every thought written, not only the hot one', async () => {
    const answers = { ...guidedAnswers('My boss frowned at my report'), thought: ['My boss frowned at my report', 'She must think I am useless', ''], hot: [0] };
    const p = new FakePrompter(answers as never);
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const mr = p.lastCheckbox.find((c) => c.value === 'mind-reading')!;
    expect(mr.name).toMatch(/\((suggested|maybe)[^)]*"She must think I am useless"/);
    expect(mr.checked).toBe(false);
    expect(p.lastCheckbox[0].value).toBe('mind-reading');
  });

  it('offers nothing when another thought is about dying', async () => {
    const answers = { ...guidedAnswers("I'm such an idiot"), thought: ["I'm such an idiot", 'I want to die', ''], hot: [0] };
    const p = new FakePrompter(answers as never);
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx).catch(() => undefined);
    expect(p.lastCheckbox.filter((c) => /suggested|maybe/.test(String(c.name)))).toEqual([]);
  });

  it('a neutral thought pre-selects nothing', async () => {
    const answers = { ...guidedAnswers('I need to send the report again'), distortions: [[]] as unknown as string[] };
    const p = new FakePrompter(answers);
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    expect(p.lastCheckbox.filter((c) => c.checked)).toEqual([]);
  });

  it('weighs what the person chose before for a similar thought, and says so', async () => {
    const p = new FakePrompter(guidedAnswers('my boss frowned at my report again'));
    t = testContext({ tty: true, prompter: p });
    t.ctx.journal().insert(pastRecord('01JD7X4Q9V6M2W8K3T5R0YH1ZC', 'My boss frowned at my report in the meeting', ['personalization']));
    await runNew({}, t.ctx);
    const pre = p.lastCheckbox.find((c) => c.value === 'personalization')!;
    expect(pre.checked).toBe(false);
    expect(pre.name).toMatch(/\(suggested/);
    expect(pre.name).toContain('you chose this before');
    expect(pre.name).toContain('"boss frowned", "report"');
  });
});

describe('the guided flow, weak suggestions', () => {
  it('lists a weak one first, marked "maybe"; strong or weak, none is ticked', async () => {
    const thought = 'I always mess everything up';
    const scores = createSuggester(loadLibrary().patterns, [], loadLibrary().lexicon).suggest(thought, { limit: 3 });
    const weak = scores.filter((s) => s.score < 0.5);
    const strong = scores.filter((s) => s.score >= 0.5);
    expect(weak.length).toBeGreaterThan(0);
    expect(strong.length).toBeGreaterThan(0);
    const p = new FakePrompter({ ...guidedAnswers(thought), distortions: [[]] as unknown as string[] });
    t = testContext({ tty: true, prompter: p });
    await runNew({}, t.ctx);
    const choices = p.lastCheckbox;
    expect(choices.slice(0, scores.length).map((c) => c.value)).toEqual(scores.map((s) => s.id));
    for (const s of strong) expect(choices.find((c) => c.value === s.id)).toMatchObject({ checked: false, name: expect.stringContaining('(suggested') });
    for (const s of weak) expect(choices.find((c) => c.value === s.id)).toMatchObject({ checked: false, name: expect.stringContaining('(maybe') });
  });
});
