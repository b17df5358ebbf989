// Issue 15 end to end with the real binary: one belief followed from 85 to 40 across records, re-ratings, a
// positive data log and two experiments; seen in `beliefs show` and `stats`, reminded by `daily`, carried to
// another computer by export and import. And bad input: exit 2, one line, nothing written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, sandbox, type Sandbox } from '../helpers/run';

let sb: Sandbox;
let other: Sandbox;
beforeEach(() => { sb = sandbox(); other = sandbox(); });
afterEach(() => { sb.cleanup(); other.cleanup(); });

function ok(s: Sandbox, args: string[]): string {
  const r = run(s, args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const json = (s: Sandbox, args: string[]) => JSON.parse(ok(s, [...args, '--json']));
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const daysAgo = (n: number, h = 20) => { const d = new Date(); d.setDate(d.getDate() - n); d.setHours(h, 0, 0, 0); return d; };
const at = (n: number, h = 20) => { const d = daysAgo(n, h); return `${localDay(d)} ${String(h).padStart(2, '0')}:00`; };

/** Snapshot of every table issue 15 writes, to show a refused command wrote nothing. */
function tables(s: Sandbox): string {
  const db = new Database(s.db, { readonly: true });
  try {
    return ['records', 'record_ratings', 'beliefs', 'belief_ratings', 'belief_evidence', 'record_beliefs', 'experiments', 'followups', 'checkins']
      .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
  } finally {
    db.close();
  }
}

describe('following a belief over weeks (issue 15)', () => {
  it('85 -> 40 across records, re-ratings, a data log and two experiments; daily, stats; export and import', () => {
    const belief = ok(sb, ['beliefs', 'add', "I'm not worthy of love", '--conviction', '85', '--at', at(20),
      '--alternative', 'I am lovable as I am', '--alternative-conviction', '10']).trim();
    expect(belief).toMatch(/^[0-9A-Z]{26}$/);

    // A record that night, rated 90 -> 55, linked to the belief; re-rated three days later to 35.
    const rec = ok(sb, ['new', '--situation', 'She went quiet after I told her about my week', '--thought', "I'm not worthy of love",
      '--belief', '90', '--emotion', 'anxious:80:50', '--belief-after', '55', '--plan', 'Ask her tomorrow how her day was',
      '--at', at(10), '--core-belief', belief.slice(0, 8)]).trim();
    const later = run(sb, ['edit', rec, '--belief-after', '35', '--emotion', 'anxious::30', '--at', at(7, 10)]);
    expect(later.code, later.stderr).toBe(0);
    const shown = json(sb, ['show', rec]);
    expect(shown.beliefAfter).toBe(35);
    expect(shown.emotions).toEqual([{ name: 'anxious', before: 80, after: 30 }]);
    expect(shown.occurredAt).toBe(daysAgo(10).toISOString()); // --at dated the re-rating, not the record
    expect(shown.coreBelief).toBe(belief);
    expect(shown.ratings).toHaveLength(2);
    expect(shown.ratings[0]).toMatchObject({ beliefAfter: 55, emotions: [{ name: 'anxious', after: 50 }] });
    expect(shown.ratings[1]).toEqual({ at: daysAgo(7, 10).toISOString(), beliefAfter: 35, emotions: [{ name: 'anxious', after: 30 }] });
    const card = ok(sb, ['show', rec]);
    expect(card).toContain('belief 90 -> 55 that night -> 35 three days later');
    expect(card).toContain('anxious 80 -> 50 that night -> 30 three days later');

    // The positive data log, ratings, two experiments (one planned for a record, tested against the linked belief).
    ok(sb, ['beliefs', 'evidence', belief, 'Sam asked how my interview went', '--at', at(9)]);
    ok(sb, ['beliefs', 'evidence', belief, 'She laughed at my joke', '--at', at(8)]);
    ok(sb, ['beliefs', 'rate', belief, '--conviction', '70', '--alternative-conviction', '30', '--at', at(6)]);
    const e1 = ok(sb, ['experiments', 'add', '--belief', belief, '--plan', 'Tell Sam one thing about my week', '--prediction', 'He will look bored',
      '--prediction-belief', '70', '--due', localDay(daysAgo(2)), '--problems', 'I might back out', '--coping', 'Text him first']).trim();
    const e2 = ok(sb, ['experiments', 'add', '--record', rec, '--plan', 'Ask her for a small favour', '--prediction', 'She will say no and be annoyed',
      '--prediction-belief', '60', '--due', 'today']).trim();
    expect(json(sb, ['experiments', 'list', '--due']).map((e: { id: string }) => e.id)).toEqual([e1, e2]);

    // daily lists them first (and the plan), from cron without the words.
    const daily = json(sb, ['daily']);
    expect(daily.due).toEqual([
      { kind: 'experiment', id: e1, text: 'Tell Sam one thing about my week', due: localDay(daysAgo(2)) },
      { kind: 'experiment', id: e2, text: 'Ask her for a small favour', due: localDay(new Date()) },
      { kind: 'plan', id: rec, text: 'Ask her tomorrow how her day was', due: localDay(daysAgo(10)) },
    ]);
    const cron = ok(sb, ['daily']);
    expect(cron.indexOf('To follow up')).toBeLessThan(cron.indexOf("Today's reflection"));
    expect(cron).toContain(`reframe experiments show ${e1}`);
    expect(cron).not.toContain('Tell Sam');

    ok(sb, ['experiments', 'done', e1, '--outcome', 'He asked questions and told me about his week', '--came-true', '10',
      '--learned', 'Sharing a little was fine', '--conviction', '55']);
    ok(sb, ['experiments', 'done', e2, '--outcome', 'She was happy to help', '--came-true', '0', '--conviction', '40']);
    expect(json(sb, ['experiments', 'list', '--due'])).toEqual([]);
    const again = run(sb, ['experiments', 'done', e1, '--outcome', 'x', '--came-true', '5']);
    expect(again.code).toBe(2);

    const b = json(sb, ['beliefs', 'show', belief]);
    expect(b.ratings.map((r: { conviction: number }) => r.conviction)).toEqual([85, 70, 55, 40]);
    expect(b.ratings[0]).toMatchObject({ conviction: 85, alternativeConviction: 10, at: daysAgo(20).toISOString() });
    expect(b.evidence).toEqual([
      { at: daysAgo(9).toISOString(), text: 'Sam asked how my interview went' },
      { at: daysAgo(8).toISOString(), text: 'She laughed at my joke' },
    ]);
    expect(b.records).toEqual([rec]);
    expect(b.experiments).toEqual([e1, e2]);
    const text = ok(sb, ['beliefs', 'show', belief]);
    expect(text).toContain('Positive data log');
    expect(text).toContain('She laughed at my joke');
    expect(ok(sb, ['beliefs', 'list'])).toContain('85 -> 40');

    const stats = json(sb, ['stats']);
    expect(stats.beliefs).toEqual([expect.objectContaining({ id: belief, text: "I'm not worthy of love", first: 85, latest: 40 })]);
    expect(stats.beliefs[0].ratings).toHaveLength(4);
    expect(stats.experiments).toEqual({ planned: 2, done: 2, meanCameTrue: 5 });
    const report = ok(sb, ['stats']);
    expect(report).toContain('Beliefs over time');
    expect(report).toContain('2 experiments planned, 2 done.');

    // Another computer: JSON and JSON Lines carry it all; importing twice adds nothing.
    const file = join(sb.dir, 'all.json');
    ok(sb, ['export', '--format', 'json', '--out', file]);
    const kinds = (JSON.parse(readFileSync(file, 'utf8')) as { kind?: string }[]).map((o) => o.kind ?? 'record');
    expect(kinds).toEqual(['record', 'rating', 'rating', 'belief', 'experiment', 'experiment']);
    const first = json(other, ['import', file]);
    expect(first).toMatchObject({ added: 1, progress: { beliefs: 1, experiments: 2, ratings: 2, checkins: 0, followUps: 0 } });
    const second = json(other, ['import', file]);
    expect(second).toMatchObject({ added: 0, progress: { beliefs: 0, experiments: 0, ratings: 0, checkins: 0, followUps: 0 } });
    expect(json(other, ['beliefs', 'show', belief])).toEqual(b);
    expect(json(other, ['show', rec])).toEqual(shown);
    expect(json(other, ['experiments', 'show', e1])).toEqual(json(sb, ['experiments', 'show', e1]));
    expect(json(other, ['stats']).beliefs).toEqual(stats.beliefs);
    const jsonl = join(sb.dir, 'all.jsonl');
    ok(sb, ['export', '--format', 'jsonl', '--out', jsonl]);
    ok(other, ['export', '--format', 'jsonl', '--out', join(other.dir, 'back.jsonl')]);
    expect(readFileSync(join(other.dir, 'back.jsonl'), 'utf8')).toBe(readFileSync(jsonl, 'utf8'));

    // Markdown: a section per belief with its conviction path, and per experiment.
    const md = ok(sb, ['export']);
    expect(md).toContain('## Beliefs I am working on');
    expect(md).toContain('85 (');
    expect(md).toContain('## Behavioural experiments');
    expect(md).toContain('He asked questions and told me about his week');
  });

  it('a record re-rated without --at: --at on edit with other fields still moves the record', () => {
    const rec = ok(sb, ['new', '--situation', 's', '--thought', 't', '--belief', '80', '--emotion', 'sad:70', '--at', at(3)]).trim();
    ok(sb, ['edit', rec, '--belief-after', '50']);
    expect(json(sb, ['show', rec]).ratings).toEqual([expect.objectContaining({ beliefAfter: 50 })]);
    ok(sb, ['edit', rec, '--situation', 'moved', '--at', at(2)]);
    expect(json(sb, ['show', rec]).occurredAt).toBe(daysAgo(2).toISOString());
  });

  it('check-ins are listed and travel with everything else', () => {
    const db = () => new Database(sb.db);
    ok(sb, ['beliefs', 'add', 'People leave', '--conviction', '60']);
    const d = db();
    d.prepare("INSERT INTO checkins (id, created_at, mood, words, prompt_id, answer) VALUES ('01JD7X4Q9V6M2W8K3T5R0YH1ZC', ?, 64, 'tired', 'p001', 'I asked for help')")
      .run(daysAgo(1).toISOString());
    d.close();
    expect(json(sb, ['checkins'])).toEqual([{ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: daysAgo(1).toISOString(), mood: 64, moodLabel: null, words: 'tired', tags: [], promptId: 'p001', answer: 'I asked for help', source: null }]);
    expect(ok(sb, ['checkins', '--since', '7d'])).toContain('I asked for help');
    expect(json(sb, ['checkins', '--since', 'today'])).toEqual([]);
    const file = join(sb.dir, 'c.jsonl');
    ok(sb, ['export', '--format', 'jsonl', '--out', file]);
    expect(json(other, ['import', file]).progress).toMatchObject({ checkins: 1, beliefs: 1 });
    expect(json(other, ['checkins'])).toEqual(json(sb, ['checkins']));
  });

  it('a record as `show --json` prints it imports with its rating history', () => {
    const rec = ok(sb, ['new', '--situation', 's', '--thought', 't', '--belief', '90', '--belief-after', '55', '--emotion', 'sad:70', '--at', at(4)]).trim();
    ok(sb, ['edit', rec, '--belief-after', '35', '--at', at(1)]);
    const file = join(sb.dir, 'one.json');
    writeFileSync(file, ok(sb, ['show', rec, '--json']));
    expect(json(other, ['import', file])).toMatchObject({ added: 1, progress: { ratings: 2 } });
    expect(json(other, ['show', rec])).toEqual(json(sb, ['show', rec]));
  });
});

describe('bad input: exit 2, one clear line, nothing written', () => {
  it('ratings out of range, unknown ids, a due date that is not a date, missing flags', () => {
    const belief = ok(sb, ['beliefs', 'add', "I'm not worthy of love", '--conviction', '85']).trim();
    const rec = ok(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:70']).trim();
    const before = tables(sb);
    const cases: [string[], RegExp][] = [
      [['beliefs', 'add', 'x', '--conviction', '101'], /--conviction takes a whole number from 0 to 100/],
      [['beliefs', 'add', 'x'], /--conviction/],
      [['beliefs', 'add', 'x', '--conviction', '5', '--kind', 'maybe'], /--kind takes core or rule/],
      [['beliefs', 'rate', belief, '--conviction', '-1'], /--conviction takes a whole number/],
      [['beliefs', 'rate', 'ZZZZZZZZ', '--conviction', '50'], /No belief matches "ZZZZZZZZ"/],
      [['beliefs', 'show', 'ZZZZZZZZ'], /No belief matches/],
      [['beliefs', 'evidence', belief, '   '], /needs some words/],
      [['beliefs', 'evidence', belief, 'ok', '--at', 'someday'], /--at needs a date/],
      [['experiments', 'add', '--belief', belief, '--plan', 'p', '--prediction', 'q', '--prediction-belief', '70', '--due', 'someday'], /--due needs a day/],
      [['experiments', 'add', '--belief', belief, '--plan', 'p', '--prediction', 'q', '--prediction-belief', '170', '--due', 'today'], /--prediction-belief takes/],
      [['experiments', 'add', '--belief', 'ZZZZZZZZ', '--plan', 'p', '--prediction', 'q', '--prediction-belief', '70', '--due', 'today'], /No belief matches/],
      [['experiments', 'add', '--record', 'ZZZZZZZZ', '--plan', 'p', '--prediction', 'q', '--prediction-belief', '70', '--due', 'today'], /No record matches/],
      [['experiments', 'add', '--plan', 'p', '--prediction', 'q', '--prediction-belief', '70', '--due', 'today'], /--belief ID or --record ID/],
      [['experiments', 'add', '--belief', belief, '--prediction', 'q', '--prediction-belief', '70', '--due', 'today'], /needs --plan/],
      [['experiments', 'done', 'ZZZZZZZZ', '--outcome', 'o', '--came-true', '5'], /No experiment matches/],
      [['edit', rec, '--belief-after', '101'], /--belief-after takes a whole number/],
      [['edit', rec, '--belief-after', '30', '--at', 'someday'], /--at needs a date/],
      [['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:70', '--core-belief', 'ZZZZZZZZ'], /No belief matches/],
    ];
    for (const [args, re] of cases) {
      const r = run(sb, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(re);
      expect(r.stderr.trim().split('\n').length, args.join(' ')).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stdout).toBe('');
    }
    expect(tables(sb)).toBe(before);
  });

  it('a prefix two beliefs or experiments share lists them by id and date, never their words', () => {
    // ULIDs made within the same 17 minutes share their first 6 characters (the time), so two of each are ambiguous at 6.
    const b1 = ok(sb, ['beliefs', 'add', 'Words of the first belief', '--conviction', '80']).trim();
    const b2 = ok(sb, ['beliefs', 'add', 'Words of the second belief', '--conviction', '70']).trim();
    const e1 = ok(sb, ['experiments', 'add', '--belief', b1, '--plan', 'Plan one', '--prediction', 'q', '--prediction-belief', '70', '--due', 'today']).trim();
    const e2 = ok(sb, ['experiments', 'add', '--belief', b1, '--plan', 'Plan two', '--prediction', 'q', '--prediction-belief', '70', '--due', 'today']).trim();
    const before = tables(sb);
    const cases: [string[], string, string[]][] = [
      [['beliefs', 'show', b1.slice(0, 6)], 'beliefs', [b1, b2]],
      [['beliefs', 'rate', b1.slice(0, 6), '--conviction', '50'], 'beliefs', [b1, b2]],
      [['experiments', 'show', e1.slice(0, 6)], 'experiments', [e1, e2]],
    ];
    if (b1.slice(0, 6) !== b2.slice(0, 6) || e1.slice(0, 6) !== e2.slice(0, 6)) return; // made across a 17-minute boundary (rare): nothing shared
    for (const [args, kind, ids] of cases) {
      const r = run(sb, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`"${args[2]}" matches 2 ${kind}:`);
      for (const id of ids) expect(r.stderr).toMatch(new RegExp(`^  ${id}  \\d{4}-\\d{2}-\\d{2}$`, 'm'));
      expect(r.stderr).toMatch(/Type more of the id/);
      expect(r.stderr).not.toMatch(/Words of|Plan (one|two)/);
      expect(r.stdout).toBe('');
    }
    expect(tables(sb)).toBe(before);
  });

  it('an import with a bad belief, experiment or re-rating is refused whole, naming its position', () => {
    ok(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:70']);
    const good = { id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', situation: 'x', thought: 'y', emotions: [{ name: 'sad', before: 50 }] };
    const belief = { kind: 'belief', id: '01JD8A4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', updatedAt: '2026-11-22T21:30:00.000Z', text: 'People leave', type: 'core', ratings: [{ at: '2026-11-22T21:30:00.000Z', conviction: 80 }] };
    const before = tables(sb);
    const bad: [unknown[], RegExp][] = [
      [[good, { ...belief, ratings: [{ at: '2026-11-22T21:30:00.000Z', conviction: 120 }] }], /record 2 \(line \d+\): the belief ratings\[0\]\.conviction/],
      [[good, { ...belief, type: 'maybe' }], /the belief type/],
      [[good, { kind: 'rating', record: '01JD9Z4Q9V6M2W8K3T5R0YH1ZC', at: '2026-11-23T10:00:00.000Z', beliefAfter: 30 }], /re-rating of a record that is neither in the file nor in the journal/],
      [[good, { kind: 'experiment', id: '01JD9E4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', updatedAt: '2026-11-22T21:30:00.000Z', plan: 'p', prediction: 'q', predictionBelief: 70, due: '2026-02-30' }], /the experiment due/],
      [[good, belief, { kind: 'checkin', id: '01JD9C4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-22T21:30:00.000Z', mood: 500 }], /record 3 .*the check-in mood/],
    ];
    for (const [items, re] of bad) {
      const f = join(sb.dir, 'bad.json');
      writeFileSync(f, JSON.stringify(items));
      const r = run(sb, ['import', f]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toContain('People leave');
      expect(tables(sb)).toBe(before);
    }
    // A file from before (records only) still imports; so does one with the objects right.
    const f = join(sb.dir, 'fine.json');
    writeFileSync(f, JSON.stringify([good, belief, { kind: 'rating', record: good.id, at: '2026-11-24T10:00:00.000Z', beliefAfter: 30 }]));
    expect(json(sb, ['import', f]).progress).toMatchObject({ beliefs: 1, ratings: 1 });
    expect(json(sb, ['show', good.id])).toMatchObject({ beliefAfter: 30, ratings: [{ at: '2026-11-24T10:00:00.000Z', beliefAfter: 30 }] });
  });
});
