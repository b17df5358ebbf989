// reframe sync with the real binary: journals in temp folders sharing one folder (never the real HOME).
// Two and three computers converge with edits, deletes and a conflicting edit on each side, and none writes
// another's files; a torn last line is skipped and read once whole; a sync tool's conflict copy is read as
// more input; a newer format is refused; a missing folder fails `sync` and only warns with --auto; the folder's
// files are private; git works as the carrier (two clones, commit, push, pull through a bare repository).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, renameSync, truncateSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { run, sandbox, type Sandbox } from '../helpers/run';

let sb: Sandbox;
beforeEach(() => { sb = sandbox('reframe-sync-e2e-'); });
afterEach(() => sb.cleanup());

const db = (name: string) => join(sb.dir, `${name}.db`);
const folder = () => join(sb.dir, 'Sync');
function r(name: string, args: string[], env: Record<string, string> = {}) {
  return run(sb, ['--db', db(name), ...args], { env });
}
function ok(name: string, args: string[]) {
  const res = r(name, args);
  expect(res.stderr + res.stdout, `reframe ${args.join(' ')}`).not.toMatch(/at .*\.(ts|js|cjs):\d+/);
  expect(res.code, res.stderr).toBe(0);
  return res;
}
function newRecord(name: string, thought: string): string {
  return ok(name, ['new', '--situation', 'At work', '--thought', thought, '--belief', '70', '--emotion', 'anxious:60']).stdout.trim();
}
function records(name: string): { id: string; thought: string; beliefAfter?: number }[] {
  return (JSON.parse(ok(name, ['list', '--json']).stdout) as { id: string; thought: string }[]).sort((a, b) => (a.id < b.id ? -1 : 1));
}
function exported(name: string): string {
  // Everything that travels, without the order it was listed in.
  const lines = ok(name, ['export', '--format', 'jsonl']).stdout.trim().split('\n').filter(Boolean);
  return JSON.stringify(lines.sort());
}
/** A hash of every file under one device's folder: name, size and contents. */
function deviceHash(device: string): string {
  const dir = join(folder(), 'reframe-sync', 'v1', 'devices', device);
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex');
}
function deviceOf(name: string): string {
  return (JSON.parse(ok(name, ['sync', 'status', '--json']).stdout) as { device: string }).device;
}

describe('reframe sync between journals sharing a folder', () => {
  it('a record sent by a sync that never committed (killed after writing the folder), then deleted: the delete still travels', () => {
    // Found by the kill -9 loop of test/faults/sync.test.ts (once in a CI dry run): the lines of a sync killed after
    // its append reach the other device, but the sender's own note of them is rolled back; a delete afterwards was
    // taken for "made and deleted between two syncs" and never told, so the other device kept the record forever.
    mkdirSync(folder());
    for (const n of ['a', 'b']) ok(n, ['sync', 'init', folder()]);
    const id = newRecord('a', 'Sent by a sync that was killed');
    // The journal as it was before that sync: restoring it afterwards is the rolled-back transaction.
    ok('a', ['backup', join(sb.dir, 'before-sync.db')]);
    ok('a', ['sync']);
    ok('a', ['backup', '--restore', join(sb.dir, 'before-sync.db'), '--yes']);
    ok('b', ['sync']);
    expect(records('b').map((x) => x.id)).toEqual([id]);
    ok('a', ['delete', id, '--yes']);
    ok('a', ['sync']);
    ok('b', ['sync']);
    expect(records('a')).toEqual([]);
    expect(records('b')).toEqual([]);
  });

  it('two journals converge, in either order, with edits, deletes and a conflicting edit on each side', () => {
    mkdirSync(folder());
    const keep = newRecord('a', 'The laptop thought');
    const gone = newRecord('a', 'Soon deleted');
    const both = newRecord('a', 'Edited on both computers');
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    ok('a', ['sync']);
    ok('b', ['sync']);
    expect(records('b').map((x) => x.thought).sort()).toEqual(['Edited on both computers', 'Soon deleted', 'The laptop thought']);

    // Apart: each edits and deletes; both change one record.
    const a2 = newRecord('a', 'Written on the laptop');
    const b2 = newRecord('b', 'Written on the desktop');
    ok('a', ['delete', gone, '--yes']);
    ok('a', ['edit', both, '--thought', 'The laptop version']);
    ok('b', ['edit', both, '--thought', 'The desktop version']);
    ok('b', ['edit', keep, '--belief-after', '30']);

    const aFiles = deviceOf('a');
    const bFiles = deviceOf('b');
    ok('b', ['sync']);
    const bAfterOwnSync = deviceHash(bFiles);
    const aBefore = deviceHash(aFiles);
    const s1 = ok('a', ['sync']);
    expect(deviceHash(bFiles)).toBe(bAfterOwnSync); // a never writes b's files
    const s2 = ok('b', ['sync']);
    expect(deviceHash(aFiles)).not.toBe(aBefore);
    ok('a', ['sync']);

    expect(exported('a')).toBe(exported('b'));
    // The monthly sums behind `stats` are kept by what sync applies too.
    expect(ok('b', ['stats', '--json']).stdout).toBe(ok('a', ['stats', '--json']).stdout);
    const final = records('a');
    expect(final.map((x) => x.id).sort()).toEqual([keep, both, a2, b2].sort());
    expect(final.find((x) => x.id === keep)!.beliefAfter).toBe(30);
    const winner = final.find((x) => x.id === both)!.thought;
    const loser = winner === 'The laptop version' ? 'The desktop version' : 'The laptop version';
    // The losing words are kept on both, and both say so.
    expect(s1.stderr + s2.stderr).toMatch(/changed on two computers at once/);
    for (const name of ['a', 'b']) {
      const st = JSON.parse(ok(name, ['sync', 'status', '--json']).stdout) as { conflicts: { id: string; version: { thought: string } }[] };
      expect(st.conflicts.map((c) => [c.id, c.version.thought])).toEqual([[both, loser]]);
      const show = ok(name, ['show', both]);
      expect(show.stdout).toContain(loser);
      expect(show.stdout).toMatch(/also changed on another computer/);
      expect((JSON.parse(ok(name, ['show', both, '--json']).stdout) as { syncConflicts: unknown[] }).syncConflicts).toHaveLength(1);
    }
    // Looked at, set aside.
    ok('a', ['sync', 'dismiss', both]);
    expect(JSON.parse(ok('a', ['sync', 'status', '--json']).stdout).conflicts).toEqual([]);
  });

  it('three journals converge, and each device writes only its own folder', () => {
    mkdirSync(folder());
    for (const n of ['a', 'b', 'c']) ok(n, ['sync', 'init', folder()]);
    const ids = { a: newRecord('a', 'from a'), b: newRecord('b', 'from b'), c: newRecord('c', 'from c') };
    expect(run(sb, ['--db', db('c'), 'safety-plan', 'edit', '--input', '-'], { input: JSON.stringify({ copingAlone: ['A walk'] }) }).code).toBe(0);
    ok('a', ['sync']);
    ok('b', ['sync']);
    ok('c', ['sync']);
    ok('b', ['edit', ids.a, '--thought', 'from a, edited on b']);
    ok('c', ['delete', ids.b, '--yes']);
    for (let round = 0; round < 2; round++) for (const n of ['c', 'a', 'b']) ok(n, ['sync']);
    expect(exported('a')).toBe(exported('b'));
    expect(exported('b')).toBe(exported('c'));
    expect(records('c').map((x) => x.thought).sort()).toEqual(['from a, edited on b', 'from c']);
    const devices = readdirSync(join(folder(), 'reframe-sync', 'v1', 'devices')).sort();
    expect(devices).toEqual(['a', 'b', 'c'].map(deviceOf).sort());
    // Every line in a device's files carries that device's stamps.
    for (const d of devices) {
      for (const f of readdirSync(join(folder(), 'reframe-sync', 'v1', 'devices', d))) {
        for (const line of readFileSync(join(folder(), 'reframe-sync', 'v1', 'devices', d, f), 'utf8').trim().split('\n')) {
          expect((JSON.parse(line) as { stamp: string }).stamp.endsWith(`.${d}`)).toBe(true);
        }
      }
    }
  });

  it('check-ins, beliefs, experiments, re-ratings and the safety plan travel; drafts stay', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    const id = newRecord('a', 'A thought to link');
    const belief = ok('a', ['beliefs', 'add', "I'm not good enough", '--conviction', '80']).stdout.trim();
    ok('a', ['beliefs', 'rate', belief, '--conviction', '60']);
    ok('a', ['experiments', 'add', '--belief', belief, '--plan', 'Ask Sam', '--prediction', 'Sam says no', '--prediction-belief', '70', '--due', 'tomorrow']);
    ok('a', ['edit', id, '--belief-after', '40']);
    run(sb, ['--db', db('a'), 'safety-plan', 'edit', '--input', '-'], { input: JSON.stringify({ reasonsForLiving: ['my sister'] }) });
    ok('a', ['sync']);
    ok('b', ['sync']);
    expect(exported('b')).toBe(exported('a'));
    expect(JSON.parse(ok('b', ['safety-plan', '--json']).stdout).reasonsForLiving).toEqual(['my sister']);
    const shown = (name: string) => JSON.parse(ok(name, ['show', id, '--json']).stdout) as { ratings: unknown[]; beliefAfter: number };
    expect(shown('b').ratings).toEqual(shown('a').ratings);
    expect(shown('b').beliefAfter).toBe(40);
    expect(JSON.parse(ok('b', ['beliefs', 'show', belief, '--json']).stdout).ratings.map((x: { conviction: number }) => x.conviction)).toEqual([80, 60]);
    expect(JSON.parse(ok('b', ['experiments', 'list', '--json']).stdout)).toHaveLength(1);
  });

  it('a torn last line is skipped, and read once it is whole', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    newRecord('a', 'First');
    newRecord('a', 'Second');
    ok('a', ['sync']);
    const file = join(folder(), 'reframe-sync', 'v1', 'devices', deviceOf('a'), readdirSync(join(folder(), 'reframe-sync', 'v1', 'devices', deviceOf('a')))[0]);
    const whole = readFileSync(file);
    // As a sync engine copying it halfway would leave it: the second line cut short.
    writeFileSync(file, whole.subarray(0, whole.length - 40));
    const s = ok('b', ['sync']);
    expect(s.stderr).not.toMatch(/could not be read/);
    expect(records('b').map((x) => x.thought)).toEqual(['First']);
    writeFileSync(file, whole);
    ok('b', ['sync']);
    expect(records('b').map((x) => x.thought).sort()).toEqual(['First', 'Second']);
  });

  it('a sync killed halfway through a line leaves it for the next append to cut off, and nothing is lost', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    newRecord('a', 'Before');
    ok('a', ['sync']);
    const dir = join(folder(), 'reframe-sync', 'v1', 'devices', deviceOf('a'));
    const file = join(dir, readdirSync(dir)[0]);
    appendFileSync(file, '{"v":1,"stamp":"0017965'); // what a kill -9 in the middle of a write leaves
    newRecord('a', 'After');
    ok('a', ['sync']);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    ok('b', ['sync']);
    expect(records('b').map((x) => x.thought).sort()).toEqual(['After', 'Before']);
  });

  it("reads a sync tool's conflict copies as more input, and applies only what is news", () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    newRecord('a', 'In the main file');
    ok('a', ['sync']);
    const dir = join(folder(), 'reframe-sync', 'v1', 'devices', deviceOf('a'));
    const main = readdirSync(dir)[0];
    // A copy Syncthing made of an older state, then the main file went on without one change.
    newRecord('a', 'Only in the copy');
    ok('a', ['sync']);
    const month = main.slice(0, -'.jsonl'.length);
    copyFileSync(join(dir, main), join(dir, `${month}.sync-conflict-20261206-101010-ABCDEFG.jsonl`));
    copyFileSync(join(dir, main), join(dir, `${month} (conflicted copy 2026-12-06).jsonl`));
    const lines = readFileSync(join(dir, main), 'utf8').trim().split('\n');
    writeFileSync(join(dir, main), lines.slice(0, -1).join('\n') + '\n');
    // And a line in a copy that is no change of ours.
    appendFileSync(join(dir, `${month} (conflicted copy 2026-12-06).jsonl`), '{"v":1,"stamp":"nonsense","kind":"record","id":"x","data":{}}\n');
    ok('b', ['sync']);
    expect(records('b').map((x) => x.thought).sort()).toEqual(['In the main file', 'Only in the copy']);
    expect(JSON.parse(ok('b', ['sync', 'status', '--json']).stdout).conflicts).toEqual([]);
  });

  it('refuses a folder written by a newer Reframe with one line, changing nothing', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    ok('b', ['sync', 'init', folder()]);
    newRecord('a', 'Mine');
    ok('a', ['sync']);
    const dir = join(folder(), 'reframe-sync', 'v1', 'devices', deviceOf('a'));
    appendFileSync(join(dir, readdirSync(dir)[0]), '{"v":2,"stamp":"x","kind":"record","id":"y","whatever":true}\n');
    const res = r('b', ['sync']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/newer Reframe/);
    expect(res.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(records('b')).toEqual([]);
  });

  it('a missing folder: `sync` fails with one line; --auto and automatic sync only warn', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder(), '--auto']);
    newRecord('a', 'Saved while the drive is away');
    renameSync(folder(), folder() + '-away');
    const res = r('a', ['sync']);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/is not there/);
    const auto = r('a', ['sync', '--auto']);
    expect(auto.code).toBe(0);
    expect(auto.stderr).toMatch(/not synced this time/);
    // A save and a list with automatic sync on still work, with a warning.
    const saved = r('a', ['new', '--situation', 'x', '--thought', 'Still saved', '--emotion', 'sad:40']);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/not synced this time/);
    expect(r('a', ['list', '--json']).code).toBe(0);
    renameSync(folder() + '-away', folder());
    ok('a', ['list']); // the automatic sync before showing sends what waited
    expect(JSON.parse(ok('a', ['sync', 'status', '--json']).stdout).pending).toBe(0);
    ok('b', ['sync', 'init', folder()]);
    ok('b', ['sync']);
    expect(records('b').length).toBe(2);
  });

  it('with automatic sync on, a save goes out and a list brings it in, with nothing to type', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder(), '--auto']);
    ok('b', ['sync', 'init', folder()]);
    ok('b', ['sync', 'auto', 'on']);
    newRecord('a', 'Automatic');
    expect(records('b').map((x) => x.thought)).toEqual(['Automatic']);
    ok('b', ['sync', 'auto', 'off']);
    newRecord('a', 'Not yet there');
    expect(records('b').map((x) => x.thought)).toEqual(['Automatic']);
  });

  it('keeps the folder private (0700 folders, 0600 files), and the journal out of it', () => {
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    newRecord('a', 'Private');
    ok('a', ['sync']);
    const root = join(folder(), 'reframe-sync');
    const walk = (p: string): void => {
      const st = statSync(p);
      if (st.isDirectory()) {
        expect((st.mode & 0o777).toString(8), p).toBe('700');
        for (const f of readdirSync(p)) walk(join(p, f));
      } else expect((st.mode & 0o777).toString(8), p).toBe('600');
    };
    walk(root);
    const inside = r('a', ['sync', 'init', sb.dir]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/holds your journal/);
  });

  it('bad input: exit 2 with one line, nothing written', () => {
    expect(r('a', ['sync']).code).toBe(2);
    expect(r('a', ['sync', 'status']).code).toBe(2);
    mkdirSync(folder());
    ok('a', ['sync', 'init', folder()]);
    const bad = r('a', ['sync', 'auto', 'maybe']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/on or off/);
    expect(r('a', ['sync', 'dismiss', 'NOTHING1']).code).toBe(2);
    expect(r('a', ['sync', 'init', join(sb.dir, 'no', 'such', 'place')]).code).toBe(2);
  });
});

function gitRun(cwd: string, args: string[], o: Parameters<typeof execFileSync>[2]): string {
  try {
    return execFileSync('git', args, { ...o, cwd }) as unknown as string;
  } catch (err) {
    throw new Error(`git ${args.join(' ')}: ${String((err as { stderr?: unknown }).stderr)}`);
  }
}

describe('git as the carrier', () => {
  it('two clones of one bare repository carry the changes with commit, push and pull', () => {
    const git = (cwd: string, ...args: string[]) => gitRun(cwd, args, {
      cwd, encoding: 'utf8', env: { ...sb.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bare = join(sb.dir, 'journal-sync.git');
    git(sb.dir, 'init', '-q', '--bare', bare);
    const laptop = join(sb.dir, 'laptop');
    const desktop = join(sb.dir, 'desktop');
    git(sb.dir, 'clone', '-q', bare, laptop);
    writeFileSync(join(laptop, 'README'), 'Reframe sync folder\n');
    git(laptop, 'add', '-A');
    git(laptop, 'commit', '-q', '-m', 'start');
    git(laptop, 'push', '-q', 'origin', 'HEAD');
    git(sb.dir, 'clone', '-q', bare, desktop);
    const publish = (cwd: string) => {
      git(cwd, 'add', '-A');
      git(cwd, 'commit', '-q', '-m', 'reframe sync', '--allow-empty');
      git(cwd, 'pull', '-q', '--no-rebase', '--no-edit');
      git(cwd, 'push', '-q', 'origin', 'HEAD');
    };
    ok('a', ['sync', 'init', laptop]);
    ok('b', ['sync', 'init', desktop]);
    const id = newRecord('a', 'Written on the laptop');
    newRecord('b', 'Written on the desktop');
    ok('a', ['sync']);
    publish(laptop);
    ok('b', ['sync']);
    publish(desktop); // merges the laptop's files with its own: different files, no git conflict
    ok('b', ['sync']);
    ok('b', ['edit', id, '--thought', 'Edited on the desktop']);
    ok('b', ['sync']);
    publish(desktop);
    git(laptop, 'pull', '-q', '--no-rebase', '--no-edit');
    ok('a', ['sync']);
    expect(exported('a')).toBe(exported('b'));
    expect(records('a').map((x) => x.thought).sort()).toEqual(['Edited on the desktop', 'Written on the desktop']);
    expect(git(laptop, 'status', '--porcelain')).toBe('');
  });
});
