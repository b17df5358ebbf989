// reframe backup and backup --restore, by spawning bin/reframe; plus the terminal confirmation in-process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, start, type Sandbox } from '../helpers/run';
import { generateRecords } from '../../src/dev/generate';
import { toJson, type ThoughtRecord } from '../../src/domain/record';
import { runBackup } from '../../src/commands/backup/run';
import { FakePrompter, testContext } from '../helpers/context';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

const sample = (n: number, seedNo = 1) => generateRecords({ records: n, days: 30, seed: seedNo, unknownDistortions: 0 });

function seed(records: ThoughtRecord[], s: Sandbox = sb): void {
  const r = run(s, ['import', '-'], { input: records.map((x) => JSON.stringify(toJson(x))).join('\n') });
  expect(r.code).toBe(0);
}

const listJson = (args: string[] = []) => JSON.parse(run(sb, [...args, 'list', '--json']).stdout) as { id: string }[];

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      records: (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
      orphans: (db.prepare('SELECT count(*) AS n FROM records r WHERE NOT EXISTS (SELECT 1 FROM emotions e WHERE e.record_seq = r.seq)').get() as { n: number }).n,
      fts: (db.prepare('SELECT count(*) AS n FROM records_fts').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('reframe backup FILE', () => {
  it('writes a self-contained 0600 copy that reads as a journal', () => {
    seed(sample(25));
    const dest = join(sb.dir, 'backups', 'reframe.db');
    mkdirSync(join(sb.dir, 'backups'));
    const r = run(sb, ['backup', dest]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Backed up 25 records to ${dest}.\nRestore it with \`reframe backup --restore ${dest}\`.\n`);
    expect(statSync(dest).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(sb.dir, 'backups'))).toEqual(['reframe.db']); // no -wal, no temp file
    const header = readFileSync(dest).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([1, 1]); // rollback journal: one file is the whole backup
    expect(inspect(dest)).toEqual({ integrity: 'ok', records: 25, orphans: 0, fts: 25 });
    expect(listJson(['--db', dest])).toEqual(listJson());
  });

  it('--json says what was written', () => {
    seed(sample(3));
    const dest = join(sb.dir, 'b.db');
    const r = run(sb, ['backup', dest, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ path: dest, records: 3, bytes: statSync(dest).size, schema: expect.any(Number) });
  });

  it('never replaces a file without --force; with it, replaces it whole', () => {
    seed(sample(3));
    const dest = join(sb.dir, 'b.db');
    writeFileSync(dest, 'precious');
    const r = run(sb, ['backup', dest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reframe: ${dest} already exists.\nChoose another name, or add --force to replace it.\n`);
    expect(readFileSync(dest, 'utf8')).toBe('precious');
    expect(run(sb, ['backup', dest, '--force']).code).toBe(0);
    expect(inspect(dest).records).toBe(3);
  });

  it('explains a folder that does not exist, a folder given as the file, the journal itself, and no journal', () => {
    const noJournal = run(sb, ['backup', join(sb.dir, 'b.db')]);
    expect(noJournal.code).toBe(1);
    expect(noJournal.stderr).toBe(`reframe: There is no journal at ${sb.db} yet, so there is nothing to back up.\n`);
    seed(sample(2));
    const missing = run(sb, ['backup', join(sb.dir, 'nowhere', 'b.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`reframe: The folder ${join(sb.dir, 'nowhere')} does not exist.\nCreate it first (mkdir -p ${join(sb.dir, 'nowhere')}), or choose another place.\n`);
    expect(run(sb, ['backup', sb.dir]).stderr).toContain('is a folder');
    const self = run(sb, ['backup', sb.db, '--force']);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('is your journal itself');
    expect(inspect(sb.db).records).toBe(2);
    expect(run(sb, ['backup']).code).toBe(2);
  });

  it('is consistent while another process keeps writing to the journal', async () => {
    seed(sample(5));
    // Another process saves records five at a time, each batch with its parts, in its own transaction.
    const writer = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3-multiple-ciphers'))});
      const db = new Database(${JSON.stringify(sb.db)});
      db.pragma('busy_timeout = 10000');
      const rec = db.prepare("INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES (?, ?, ?, ?, 'busy', 't')");
      const em = db.prepare("INSERT INTO emotions (record_seq, position, name, before) VALUES (?, 0, 'calm', 10)");
      const fts = db.prepare('INSERT INTO records_fts (rowid, body) VALUES (?, ?)');
      const batch = db.transaction((k) => {
        for (let i = 0; i < 5; i++) {
          const seq = Number(rec.run('W' + String(k * 5 + i).padStart(25, '0'), '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z').lastInsertRowid);
          em.run(seq);
          fts.run(seq, 'busy t');
        }
      });
      let k = 0;
      process.stdout.write('started\\n');
      const until = Date.now() + 8000;
      while (Date.now() < until && !require('fs').existsSync(${JSON.stringify(join(sb.dir, 'stop'))})) batch(k++);
      process.stdout.write('batches ' + k + '\\n');
    `], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    writer.stdout.on('data', (d) => { out += d; });
    await new Promise<void>((res) => { const t = setInterval(() => { if (out.includes('started')) { clearInterval(t); res(); } }, 20); });
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dest = join(sb.dir, `during-${i}.db`);
      const b = await new Promise<{ code: number | null; stderr: string }>((res) => {
        const p = start(sb, ['backup', dest]);
        let stderr = '';
        p.stderr.on('data', (d) => { stderr += d; });
        p.on('close', (code) => res({ code, stderr }));
      });
      expect(b.code, b.stderr).toBe(0);
      const info = inspect(dest);
      expect(info.integrity).toBe('ok');
      expect(info.orphans).toBe(0);
      expect(info.fts).toBe(info.records);
      expect((info.records - 5) % 5).toBe(0); // whole batches only: one snapshot, never half a transaction
      counts.push(info.records);
    }
    writeFileSync(join(sb.dir, 'stop'), '');
    await new Promise((res) => writer.on('close', res));
    expect(out).toMatch(/batches \d+/);
    expect(counts[2]).toBeGreaterThan(5); // the writer really was writing
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
  });
});

describe('reframe backup --restore FILE', () => {
  it('puts a backup back, keeping the journal as it was beside it', () => {
    seed(sample(10));
    const dest = join(sb.dir, 'b.db');
    run(sb, ['backup', dest]);
    const atBackup = listJson();
    seed(sample(4, 2));
    const before = listJson();
    expect(before).toHaveLength(14);
    const r = run(sb, ['backup', '--restore', dest, '--yes']);
    expect(r.code).toBe(0);
    const kept = readdirSync(join(sb.dir, 'data', 'reframe')).find((n) => n.includes('.before-restore-'))!;
    expect(kept).toMatch(/^journal\.db\.before-restore-\d{8}-\d{6}\.bak$/);
    const keptPath = join(sb.dir, 'data', 'reframe', kept);
    expect(r.stderr).toBe(`Restored 10 records from ${dest}.\nYour journal as it was is kept at ${keptPath}.\n`);
    expect(listJson()).toEqual(atBackup);
    expect(listJson(['--db', keptPath])).toEqual(before);
    expect(statSync(keptPath).mode & 0o777).toBe(0o600);
    expect(statSync(sb.db).mode & 0o777).toBe(0o600);
    expect(inspect(sb.db).integrity).toBe('ok');
    // Still a live WAL journal that takes new records.
    expect(run(sb, ['new', '--situation', 's', '--thought', 't', '--emotion', 'calm:1']).code).toBe(0);
    expect(listJson()).toHaveLength(11);
  });

  it('swaps the contents under a connection that is open at the time', () => {
    seed(sample(3));
    const dest = join(sb.dir, 'b.db');
    run(sb, ['backup', dest]);
    seed(sample(7, 3));
    const conn = new Database(sb.db);
    try {
      expect((conn.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(10);
      expect(run(sb, ['backup', '--restore', dest, '--yes']).code).toBe(0);
      expect((conn.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n).toBe(3);
      expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      conn.close();
    }
  });

  it('creates the journal when there is none, 0600 in a 0700 folder', () => {
    const other = sandbox();
    try {
      seed(sample(4), other);
      const dest = join(sb.dir, 'b.db');
      run(other, ['backup', dest]);
      const r = run(sb, ['backup', '--restore', dest, '--yes']);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(`Restored 4 records from ${dest}.\n`);
      expect(statSync(sb.db).mode & 0o777).toBe(0o600);
      expect(statSync(join(sb.dir, 'data', 'reframe')).mode & 0o777).toBe(0o700);
      expect(listJson()).toHaveLength(4);
    } finally {
      other.cleanup();
    }
  });

  it('moves a damaged journal aside, untouched, and restores in its place', () => {
    seed(sample(4));
    const dest = join(sb.dir, 'b.db');
    run(sb, ['backup', dest]);
    const garbage = Buffer.from('SQLite format 3\0 but then nothing sensible at all '.repeat(200));
    writeFileSync(sb.db, garbage);
    expect(run(sb, ['list']).code).toBe(1);
    const r = run(sb, ['backup', '--restore', dest, '--yes']);
    expect(r.code).toBe(0);
    const aside = readdirSync(join(sb.dir, 'data', 'reframe')).find((n) => /^journal\.db\.damaged-\d{8}-\d{6}\.bak$/.test(n))!;
    expect(r.stderr).toContain(`The damaged journal was moved aside to ${join(sb.dir, 'data', 'reframe', aside)}.`);
    expect(readFileSync(join(sb.dir, 'data', 'reframe', aside)).equals(garbage)).toBe(true);
    expect(listJson()).toHaveLength(4);
  });

  it('refuses a file that is not a Reframe journal, and changes nothing', () => {
    seed(sample(2));
    const before = listJson();
    const notDb = join(sb.dir, 'notes.txt');
    writeFileSync(notDb, 'hello');
    const other = new Database(join(sb.dir, 'other.db'));
    other.exec('CREATE TABLE x (y)');
    other.close();
    for (const f of [notDb, join(sb.dir, 'other.db')]) {
      const r = run(sb, ['backup', '--restore', f, '--yes']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reframe: ${f} is not a Reframe journal or backup (or it is damaged), so nothing was restored.\nChoose a file made by \`reframe backup\`.\n`);
    }
    expect(run(sb, ['backup', '--restore', join(sb.dir, 'missing.db'), '--yes']).code).toBe(2);
    expect(run(sb, ['backup', '--restore', sb.db, '--yes']).code).toBe(2);
    expect(listJson()).toEqual(before);
    expect(readdirSync(join(sb.dir, 'data', 'reframe')).some((n) => n.endsWith('.bak'))).toBe(false);
  });

  it('needs --yes without a terminal', () => {
    seed(sample(2));
    const dest = join(sb.dir, 'b.db');
    run(sb, ['backup', dest]);
    const r = run(sb, ['backup', '--restore', dest]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs --yes');
    expect(run(sb, ['backup', dest, '--restore', dest]).code).toBe(2);
  });

  it('asks in a terminal, and keeps the journal when the answer is no', async () => {
    const src = testContext();
    const t1 = testContext({ tty: true, prompter: new FakePrompter({ confirmRestore: [false] }) });
    const t2 = testContext({ tty: true, prompter: new FakePrompter({ confirmRestore: [true] }) });
    try {
      for (const t of [src, t1, t2]) t.ctx.journal();
      src.ctx.journal().insert(sample(2, 2)[0]);
      const dest = join(src.dir, 'b.db');
      await runBackup(dest, {}, src.ctx);
      await runBackup(undefined, { restore: dest }, t1.ctx);
      expect(t1.stderr.text).toContain('Kept your journal as it is. Nothing was restored.');
      expect(t1.ctx.journal().count()).toBe(0);
      await runBackup(undefined, { restore: dest }, t2.ctx);
      expect(t2.ctx.journal().count()).toBe(1);
      expect(existsSync(t2.ctx.paths.db)).toBe(true);
    } finally {
      src.cleanup();
      t1.cleanup();
      t2.cleanup();
    }
  });
});
