// Two or more processes writing at once: every record lands, nobody errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, start, run, type Sandbox } from '../helpers/run';
import Database from 'better-sqlite3';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

describe('concurrent writers', () => {
  it('three processes each saving records one by one all succeed', async () => {
    const per = 25;
    const errors: string[] = [];
    const writers = ['a', 'b', 'c'].map((tag) => new Promise<number>((resolve) => {
      // Each writer runs `new` per record, back to back, in a shell loop: many short transactions.
      const script = Array.from({ length: per }, (_, i) =>
        `"${process.execPath}" "${require('node:path').join(__dirname, '..', '..', 'bin', 'reframe')}" new --situation "s ${tag} ${i}" --thought "t" --emotion calm:10 --tag ${tag} >/dev/null || exit 9`).join('\n');
      const p = require('node:child_process').spawn('bash', ['-c', script], { env: sb.env, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d: Buffer) => { if (!String(d).includes('Saved')) err += d; });
      p.on('exit', (code: number) => { errors.push(err); resolve(code); });
    }));
    expect(await Promise.all(writers)).toEqual([0, 0, 0]);
    expect(errors).toEqual(['', '', '']);
    const db = new Database(sb.db, { readonly: true });
    const rows = db.prepare('SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY tag').all();
    expect(rows).toEqual([{ tag: 'a', n: per }, { tag: 'b', n: per }, { tag: 'c', n: per }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('six processes started at the same moment on a journal that does not exist yet all save', async () => {
    const ids = new Set<string>();
    const jobs = Array.from({ length: 6 }, (_, k) => new Promise<void>((resolve) => {
      const p = start(sb, ['new', '--situation', `job ${k}`, '--thought', 't', '--emotion', 'sad:40']);
      let out = '';
      p.stdout.on('data', (d) => { out += d; });
      p.on('exit', (code) => { if (code === 0) ids.add(out.trim()); resolve(); });
    }));
    await Promise.all(jobs);
    expect(ids.size).toBe(6);
    expect(JSON.parse(run(sb, ['list', '--json']).stdout)).toHaveLength(6);
  });
});
