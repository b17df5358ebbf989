// `daily` and `stats` show the same streak: days on which a record happened or a check-in was made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, recordArgs, type Sandbox } from '../helpers/run';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

function localDate(daysAgo: number, hour: number): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(hour)}:00`;
}

describe('one streak for daily and stats', () => {
  it('counts records by when they happened, and check-ins', () => {
    // Records that happened 1 and 3 days ago (written now); a check-in 2 days ago bridges them.
    expect(run(sb, recordArgs(['--at', localDate(1, 20)])).code).toBe(0);
    expect(run(sb, recordArgs(['--at', localDate(3, 20)])).code).toBe(0);
    const noCheckin = JSON.parse(run(sb, ['stats', '--json']).stdout).streak;
    expect(noCheckin).toEqual({ current: 1, longest: 1 });

    const db = new Database(sb.db);
    const twoDaysAgo = new Date(localDate(2, 12).replace(' ', 'T'));
    db.prepare('INSERT INTO checkins (id, created_at, mood, words, prompt_id) VALUES (?, ?, ?, NULL, NULL)')
      .run('01JD7X4Q9V6M2W8K3T5R0YH1ZC', twoDaysAgo.toISOString(), 55);
    db.close();

    const stats = JSON.parse(run(sb, ['stats', '--json']).stdout).streak;
    const daily = JSON.parse(run(sb, ['daily', '--json']).stdout).streak;
    expect(stats).toEqual({ current: 3, longest: 3 });
    expect(daily).toEqual(stats);
  });
});
