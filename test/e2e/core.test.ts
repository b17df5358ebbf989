// The core commands, by spawning bin/reframe against a journal in a temp folder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, sandbox, recordArgs, type Sandbox } from '../helpers/run';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const AWKWARD = 'Line one\nLine two "quoted" \'single\' `code` # not a heading *stars* | pipe |\r\n💔 שלום 日本語 ---';

describe('reframe new with flags', () => {
  it('saves a record, prints its id, and list/show find it', () => {
    const r = run(sb, recordArgs(['--distortion', 'labeling', '--for', 'She said little', '--against', 'She was tired', '--tag', 'partner', '--emotion', 'ashamed:60:20', '--belief-after', '35']));
    expect(r.stderr).toContain('Saved');
    expect(r.code).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^[0-9A-Z]{26}$/);

    const list = run(sb, ['list', '--json']);
    expect(list.code).toBe(0);
    const arr = JSON.parse(list.stdout);
    expect(arr).toHaveLength(1);
    expect(arr[0]).toMatchObject({
      id, situation: 'She went quiet at dinner', thought: "I'm not worthy of love", beliefBefore: 90, beliefAfter: 35,
      distortions: ['labeling'], evidenceFor: ['She said little'], evidenceAgainst: ['She was tired'], tags: ['partner'],
      emotions: [{ name: 'anxious', before: 80 }, { name: 'ashamed', before: 60, after: 20 }],
    });

    const show = run(sb, ['show', id.slice(0, 8)]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("I'm not worthy of love");
    expect(show.stdout).toContain('Labeling');
    expect(show.stdout).toContain('ashamed 60 -> 20');
    expect(show.stdout).not.toMatch(/\u001b\[/);
  });

  it('keeps awkward text exactly as typed', () => {
    const r = run(sb, ['new', '--situation', AWKWARD, '--thought', AWKWARD, '--emotion', 'sad:50', '--reframe', AWKWARD, '--json']);
    expect(r.code).toBe(0);
    const saved = JSON.parse(r.stdout);
    const shown = JSON.parse(run(sb, ['show', saved.id, '--json']).stdout);
    expect(shown.situation).toBe(AWKWARD);
    expect(shown.thought).toBe(AWKWARD);
    expect(shown.reframe).toBe(AWKWARD);
    expect(shown).toEqual(saved);
  });

  it('creates the journal 0600 in a 0700 folder under umask 022', () => {
    const r = run(sb, recordArgs());
    expect(r.code).toBe(0);
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(statSync(join(sb.dir, 'data', 'reframe')).mode & 0o777).toBe(0o700);
  });

  it('uses --db over $REFRAME_DB over the XDG default', () => {
    const viaEnv = join(sb.dir, 'env.db');
    const viaFlag = join(sb.dir, 'flag.db');
    expect(run(sb, recordArgs(), { env: { REFRAME_DB: viaEnv } }).code).toBe(0);
    expect(run(sb, ['--db', viaFlag, ...recordArgs()], { env: { REFRAME_DB: viaEnv } }).code).toBe(0);
    expect(existsSync(viaEnv)).toBe(true);
    expect(existsSync(viaFlag)).toBe(true);
    expect(existsSync(sb.db)).toBe(false);
  });

  it('reads one record from --input (a file or stdin)', () => {
    const rec = { situation: 'At work', thought: 'They all think I am useless', emotions: [{ name: 'ashamed', before: 70 }], distortions: ['mind-reading'] };
    const file = join(sb.dir, 'r.json');
    writeFileSync(file, JSON.stringify(rec));
    const a = run(sb, ['new', '--input', file, '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject(rec);
    const b = run(sb, ['new', '--input', '-'], { input: JSON.stringify({ ...rec, id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-01T10:00:00Z' }) });
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe('01JD7X4Q9V6M2W8K3T5R0YH1ZC');
  });
});

describe('--at with a time alone', () => {
  it('a time still to come today means the day before', () => {
    // Two hours from now, as a time of day (TZ is UTC in the sandbox): the last time the clock read that.
    const now = Date.now();
    const ahead = new Date(now + 2 * 3600_000);
    const hhmm = ahead.toISOString().slice(11, 16);
    const today = new Date(`${new Date(now).toISOString().slice(0, 10)}T${hhmm}:00.000Z`).getTime();
    const expected = new Date(today > now + 5 * 60_000 ? today - 86_400_000 : today).toISOString();
    const r = run(sb, recordArgs(['--at', hhmm]));
    expect(r.code).toBe(0);
    const [rec] = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(rec.occurredAt).toBe(expected);
    expect(Date.parse(rec.occurredAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe('bad input: exit 2, one clear message, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['rating out of range', recordArgs(['--belief-after', '101']), /--belief-after takes a whole number from 0 to 100/],
    ['bad emotion', ['new', '--situation', 's', '--thought', 't', '--emotion', 'anxious:high'], /--emotion takes NAME:BEFORE/],
    ['unknown distortion', recordArgs(['--distortion', 'nonsense']), /no thinking pattern with the id "nonsense"/],
    ['bad date', recordArgs(['--at', 'last tuesday-ish']), /--at needs a date/],
    ['date in the future', recordArgs(['--at', '2099-01-01']), /--at "2099-01-01" is still to come/],
    ['bad date shows what --at accepts', recordArgs(['--at', '7d']), /such as 19:05, "yesterday 21:00"/],
    ['missing fields', ['new', '--thought', 'only this'], /Missing --situation and --emotion/],
    ['unknown flag', ['new', '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [name, args, re] of cases) {
    it(name, () => {
      const r = run(sb, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(existsSync(sb.db)).toBe(false);
    });
  }

  it('malformed --input JSON does not quote the input back', () => {
    const file = join(sb.dir, 'bad.json');
    writeFileSync(file, '{"situation": "SECRET-SENTINEL-TEXT", ');
    const r = run(sb, ['new', '--input', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stderr).not.toContain('SECRET-SENTINEL');
  });

  it('a record in --input with a bad field names the field, not the text', () => {
    const file = join(sb.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ situation: 'SECRET-SENTINEL', thought: 't', emotions: [{ name: 'sad', before: 120 }], extra: 1 }));
    const r = run(sb, ['new', '--input', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/emotions\[0\]\.before/);
    expect(r.stderr).toMatch(/unknown field "extra"/);
    expect(r.stderr).not.toContain('SECRET-SENTINEL');
  });

  it('without a terminal, `new` with no flags exits 2 and names the flags instead of waiting', () => {
    const r = run(sb, ['new'], { timeoutMs: 5000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--situation/);
    expect(r.stdout).toBe('');
  });
});

describe('show, edit, delete', () => {
  it('re-rates later with edit flags and keeps the rest', () => {
    const id = run(sb, recordArgs(['--emotion', 'sad:60', '--tag', 'work'])).stdout.trim();
    const e = run(sb, ['edit', id.slice(0, 10), '--belief-after', '30', '--emotion', 'anxious::40', '--emotion', 'sad:60:20']);
    expect(e.code).toBe(0);
    const r = JSON.parse(run(sb, ['show', id, '--json']).stdout);
    expect(r.beliefAfter).toBe(30);
    expect(r.emotions).toEqual([{ name: 'anxious', before: 80, after: 40 }, { name: 'sad', before: 60, after: 20 }]);
    expect(r.tags).toEqual(['work']);
  });

  it('deletes only with --yes when there is no terminal', () => {
    const id = run(sb, recordArgs()).stdout.trim();
    const no = run(sb, ['delete', id]);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/--yes/);
    expect(run(sb, ['delete', id, '--yes']).code).toBe(0);
    const gone = run(sb, ['show', id]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/No record matches/);
  });

  it('shows a record whose pattern is no longer in the library, by its id', () => {
    const id = run(sb, recordArgs()).stdout.trim();
    // Simulate an old pattern: write the id straight into the journal.
    const Database = require('better-sqlite3-multiple-ciphers');
    const db = new Database(sb.db);
    db.prepare("INSERT INTO record_distortions (record_seq, position, distortion_id) VALUES ((SELECT seq FROM records WHERE id = ?), 5, 'retired-pattern')").run(id);
    db.close();
    const r = run(sb, ['show', id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('retired-pattern');
    expect(JSON.parse(run(sb, ['show', id, '--json']).stdout).distortions).toContain('retired-pattern');
  });
});

describe('pipes and the library', () => {
  it('a closed pipe (`list | head -1`) exits quietly', () => {
    for (let i = 0; i < 3; i++) run(sb, recordArgs());
    const { spawnSync } = require('node:child_process');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${join(__dirname, '..', '..', 'bin', 'reframe')}" distortions list | head -1`], { env: sb.env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('distortions list and show, as text and JSON', () => {
    const l = run(sb, ['distortions', 'list', '--json']);
    const ids = JSON.parse(l.stdout).map((p: { id: string }) => p.id);
    expect(ids).toContain('mind-reading');
    expect(ids).toContain('unworthy-of-love');
    const s = run(sb, ['distortions', 'show', 'mind-reading']);
    expect(s.stdout).toMatch(/Questions to ask/);
    expect(run(sb, ['distortions', 'show', 'nope']).code).toBe(2);
  });

  it('every pattern says what kind it is, in list, show and --json', () => {
    const all = JSON.parse(run(sb, ['distortions', 'list', '--json']).stdout) as { id: string; kind: string; name: string; description: string }[];
    const kinds = new Map(all.map((p) => [p.id, p.kind]));
    for (const p of all) expect(['thinking-error', 'rule', 'core-belief', 'defence'], p.id).toContain(p.kind);
    expect(kinds.get('mind-reading')).toBe('thinking-error');
    expect(kinds.get('minimization')).toBe('thinking-error');
    expect(kinds.get('unworthy-of-love')).toBe('core-belief');
    expect(kinds.get('vulnerability-means-hurt')).toBe('rule');
    expect(kinds.get('if-then-rule')).toBe('rule');
    expect(kinds.get('repression')).toBe('defence');
    // Ids stay: the suppression pattern keeps the id repression, and says what it is.
    const rep = all.find((p) => p.id === 'repression')!;
    expect(rep.name).toMatch(/Suppression/);
    expect(rep.description).toMatch(/on purpose is called suppression/);

    const show = run(sb, ['distortions', 'show', 'unworthy-of-love']).stdout.replace(/\s+/g, ' ');
    expect(show).toMatch(/A core belief:/);
    expect(show).toMatch(/Everyone deserves love, and that includes you/);
    expect(show).toMatch(/start with something smaller you can believe/);
    const json = JSON.parse(run(sb, ['distortions', 'show', 'minimization', '--json']).stdout);
    expect(json).toMatchObject({ id: 'minimization', kind: 'thinking-error' });
    expect(json.cues).toBeUndefined();

    // Piped (not a terminal): tab-separated, the kind as a fifth column after the four scripts already read.
    const rows = run(sb, ['distortions', 'list']).stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.find((r) => r[0] === 'fear-of-rejection')).toEqual(['fear-of-rejection', 'Fear of rejection', 'closeness', expect.any(String), 'rule']);
  });

  it('a person can add patterns of their own; a broken file names the file and field', () => {
    const cfg = join(sb.dir, 'config', 'reframe');
    require('node:fs').mkdirSync(cfg, { recursive: true });
    const own = { patterns: [{ id: 'comparing', name: 'Comparing', summary: 'Measuring myself against others', description: 'd', examples: ['a', 'b'], questions: ['q1?', 'q2?', 'q3?'], reframe: 'r' }] };
    writeFileSync(join(cfg, 'patterns.json'), JSON.stringify(own));
    expect(run(sb, recordArgs(['--distortion', 'comparing'])).code).toBe(0);
    // A person's own pattern is a thinking error unless it says otherwise.
    expect(JSON.parse(run(sb, ['distortions', 'show', 'comparing', '--json']).stdout).kind).toBe('thinking-error');
    writeFileSync(join(cfg, 'patterns.json'), JSON.stringify({ patterns: [{ ...own.patterns[0], questions: ['only one?'] }] }));
    const r = run(sb, ['distortions', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(cfg, 'patterns.json'));
    expect(r.stderr).toMatch(/questions/);
    expect(readFileSync(join(cfg, 'patterns.json'), 'utf8')).toContain('only one?');
  });
});
