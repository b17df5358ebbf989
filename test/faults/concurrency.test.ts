// Two or more processes writing at once: every record lands, nobody errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandbox, start, run, type Sandbox } from '../helpers/run';
import Database from 'better-sqlite3-multiple-ciphers';

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
      p.stderr.on('data', (d: Buffer) => { err += d; });
      // Only "Saved to your journal." lines may appear (filtered whole, as chunks can split a line).
      p.on('exit', (code: number) => { errors.push(err.replace(/^Saved to your journal\.\n/gm, '')); resolve(code); });
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

describe('a person, cron and an import at the same time', () => {
  it('interactive-style `new` loops, `daily` runs and imports all succeed together, nothing lost', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const bin = join(__dirname, '..', '..', 'bin', 'reframe');
    // Five import files of 200 records each, with ids (so each record is counted exactly once).
    const files: string[] = [];
    for (let f = 0; f < 5; f++) {
      const recs = Array.from({ length: 200 }, (_, i) => ({
        id: `01JD7X4Q9V6M2W8K3T5R${String(f * 1000 + i).padStart(6, '0')}`, createdAt: '2026-11-20T20:00:00.000Z',
        situation: `imported ${f}/${i}`, thought: 't', emotions: [{ name: 'sad', before: 50 }], tags: ['imp'],
      }));
      files.push(join(sb.dir, `import-${f}.json`));
      writeFileSync(files[files.length - 1], JSON.stringify(recs));
    }
    const loop = (lines: string[], env: Record<string, string> = {}) => new Promise<{ code: number; err: string }>((resolve) => {
      const p = require('node:child_process').spawn('bash', ['-c', lines.join('\n')], { env: { ...sb.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d: Buffer) => { err += d; });
      p.on('exit', (code: number) => resolve({ code, err }));
    });
    const q = (s: string) => `"${s}"`;
    const newLoop = (tag: string) => loop(Array.from({ length: 20 }, (_, i) =>
      `${q(process.execPath)} ${q(bin)} new --situation "s ${tag} ${i}" --thought t --emotion calm:10 --tag ${tag} >/dev/null || exit 9`));
    const importLoop = loop(files.map((f) => `${q(process.execPath)} ${q(bin)} import ${q(f)} >/dev/null || exit 9`));
    const dailyLoop = loop(Array.from({ length: 15 }, () => `${q(process.execPath)} ${q(bin)} daily </dev/null >/dev/null || exit 9`));
    const results = await Promise.all([newLoop('a'), newLoop('b'), importLoop, dailyLoop]);
    expect(results.map((r) => r.code), results.map((r) => r.err).join('\n')).toEqual([0, 0, 0, 0]);
    // Only the usual chatter on stderr ("Saved...", "Added..."): no error, no busy message.
    for (const r of results) expect(r.err).not.toMatch(/busy|reframe:|Error/);
    expect(results[0].err).toMatch(/Saved to your journal/);
    expect(results[2].err).toMatch(/Added 200 records/);
    const db = new Database(sb.db, { readonly: true });
    const rows = db.prepare('SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY tag').all();
    expect(rows).toEqual([{ tag: 'a', n: 20 }, { tag: 'b', n: 20 }, { tag: 'imp', n: 1000 }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('a journal locked by another writer', () => {
  const hold = () => {
    const db = new Database(sb.db);
    db.exec('BEGIN IMMEDIATE');
    return () => { db.exec('ROLLBACK'); db.close(); };
  };

  it('past the busy timeout: exit 1, a plain message that it is busy, no stack, nothing written', () => {
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40']).code).toBe(0);
    const release = hold();
    try {
      for (const args of [['new', '--situation', 's2', '--thought', 't', '--emotion', 'sad:40'], ['edit', JSON.parse(run(sb, ['list', '--json']).stdout)[0].id, '--belief-after', '10']]) {
        const r = run(sb, args, { env: { REFRAME_BUSY_TIMEOUT_MS: '200' } });
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(`The journal at ${sb.db} stayed busy with another reframe for too long.`);
        expect(r.stderr).toMatch(/try again/);
        expect(r.stderr).not.toMatch(/^\s+at |Error:|SQLITE/m);
        expect(r.stderr.trim().split('\n')).toHaveLength(2);
        expect(r.stdout).toBe('');
      }
      // Reading goes on while someone writes (WAL): list still works.
      expect(run(sb, ['list', '--json'], { env: { REFRAME_BUSY_TIMEOUT_MS: '200' } }).code).toBe(0);
    } finally {
      release();
    }
    const recs = JSON.parse(run(sb, ['list', '--json']).stdout);
    expect(recs).toHaveLength(1);
    expect(recs[0].beliefAfter).toBeUndefined();
  });

  it('within the busy timeout: it waits and saves', async () => {
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:40']).code).toBe(0);
    const release = hold();
    const p = start(sb, ['new', '--situation', 'waited', '--thought', 't', '--emotion', 'sad:40'], { env: { REFRAME_BUSY_TIMEOUT_MS: '30000' } });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    const exit = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 700));
    release();
    expect(await exit, err).toBe(0);
    expect(JSON.parse(run(sb, ['list', '--json']).stdout).map((r: { situation: string }) => r.situation)).toContain('waited');
  });
});
