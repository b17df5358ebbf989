// Damaged or wrong journal files: every command exits calmly (1 when it needs the journal), names the file,
// says what to do, and leaves the file's bytes exactly as they were. `reframe doctor` says what it finds
// without creating or changing anything. Migrations take a backup first and cannot leave a half-upgraded schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { COMMANDS, SENTINEL, expectCalm, makeWorld, sentinelRecord, sha256, type CommandCase, type World } from '../helpers/faults';
import { openDatabase } from '../../src/journal/open';
import { Journal } from '../../src/journal/journal';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../src/journal/migrations';
import { recordSchema } from '../../src/domain/record';
import { JournalError } from '../../src/errors';

let sb: Sandbox;
let w: World;
beforeAll(() => {
  sb = sandbox('reframe-damaged-');
  w = makeWorld(sb);
});
afterAll(() => sb.cleanup());

/** A real journal with many records full of the sentinel, built in-process, closed (WAL checkpointed). */
function realJournal(path: string, n = 60): void {
  const j = new Journal(openDatabase(path), path);
  const base = sentinelRecord();
  j.write(() => {
    for (let i = 0; i < n; i++) {
      const id = `01JD7X4Q9V6M2W8K3T5R${String(i).padStart(6, '0')}`;
      j.insertRaw(recordSchema.parse({ ...base, id, createdAt: '2026-11-20T20:00:00.000Z', situation: `${SENTINEL} ${i} ${'x'.repeat(2000)}` }));
    }
  });
  j.close();
}

interface Fault {
  name: string;
  /** Makes the bad journal; returns its path and the file whose bytes must not change. */
  setup(dir: string): { path: string; keep?: string; env?: Record<string, string>; release?: () => void };
  /** Which commands must exit 1 with it. */
  mustFail(c: CommandCase): boolean;
  /** What the message must say (besides naming the file). */
  says: RegExp;
  skip?: boolean;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const FAULTS: Fault[] = [
  {
    name: 'not a database',
    setup: (dir) => {
      const path = join(dir, 'diary.db');
      writeFileSync(path, `dear diary, ${SENTINEL}, this is not sqlite at all\n`.repeat(50));
      return { path, keep: path };
    },
    mustFail: (c) => c.journal,
    says: /not a Reframe journal[\s\S]*backup/,
  },
  {
    name: 'truncated (a real journal cut in half)',
    setup: (dir) => {
      const path = join(dir, 'half.db');
      realJournal(path);
      truncateSync(path, Math.floor(statSync(path).size / 2));
      return { path, keep: path };
    },
    mustFail: (c) => c.journal,
    says: /(damaged|not a Reframe journal)[\s\S]*backup/,
  },
  {
    name: 'a folder',
    setup: (dir) => {
      const path = join(dir, 'folder.db');
      mkdirSync(path);
      writeFileSync(join(path, 'inside'), SENTINEL);
      return { path };
    },
    mustFail: (c) => c.journal,
    says: /is a folder[\s\S]*--db/,
  },
  {
    name: 'written by a newer reframe',
    setup: (dir) => {
      const path = join(dir, 'newer.db');
      realJournal(path, 5);
      const raw = new Database(path);
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      raw.close();
      return { path, keep: path };
    },
    mustFail: (c) => c.journal,
    says: /newer reframe[\s\S]*Update reframe/,
  },
  {
    name: "another program's SQLite file (rollback mode)",
    setup: (dir) => {
      const path = join(dir, 'notes.db');
      const raw = new Database(path);
      raw.pragma('journal_mode = DELETE');
      raw.exec(`CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('${SENTINEL}')`);
      raw.close();
      return { path, keep: path };
    },
    mustFail: (c) => c.journal,
    says: /not a Reframe journal[\s\S]*backup/,
  },
  {
    name: 'under a file (ENOTDIR: unwritable, even for root)',
    setup: (dir) => {
      const file = join(dir, 'plain-file');
      writeFileSync(file, SENTINEL);
      return { path: join(file, 'journal.db'), keep: file };
    },
    mustFail: (c) => c.creates === true,
    says: /is a file, not a folder/,
  },
  {
    name: 'under /proc (unwritable, even for root)',
    setup: () => ({ path: '/proc/self/reframe-test/journal.db' }),
    mustFail: (c) => c.creates === true,
    says: /Can't read or write/,
    skip: process.platform !== 'linux',
  },
  {
    name: 'in a folder without permission (chmod 000)',
    setup: (dir) => {
      const folder = join(dir, 'locked-folder');
      mkdirSync(folder);
      realJournal(join(folder, 'journal.db'), 2);
      chmodSync(folder, 0o000);
      return { path: join(folder, 'journal.db'), release: () => chmodSync(folder, 0o700) };
    },
    mustFail: (c) => c.journal,
    says: /Can't read or write/,
    // chmod does not stop root: the ENOTDIR and /proc cases above cover an unwritable place there.
    skip: isRoot,
  },
  {
    name: 'locked by another writer past the busy timeout',
    setup: () => {
      const db = new Database(sb.db);
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN IMMEDIATE');
      return { path: sb.db, env: { REFRAME_BUSY_TIMEOUT_MS: '200' }, release: () => { db.exec('ROLLBACK'); db.close(); } };
    },
    mustFail: (c) => c.writes,
    says: /busy[\s\S]*try again/,
  },
];

describe.each(FAULTS.filter((f) => !f.skip))('a journal that is $name', (fault) => {
  let dir: string;
  let bad: ReturnType<Fault['setup']>;
  let before: string | undefined;
  beforeAll(() => {
    dir = join(sb.dir, `fault-${FAULTS.indexOf(fault)}`);
    mkdirSync(dir, { recursive: true });
    bad = fault.setup(dir);
    before = bad.keep ? sha256(bad.keep) : undefined;
  });
  afterAll(() => bad.release?.());

  it.each(COMMANDS)('$name: calm, clear, and the file untouched', (c) => {
    const r = run(sb, c.args(w), { env: { REFRAME_DB: bad.path, ...bad.env }, input: c.input?.(w) });
    expectCalm(r, `${c.name} on ${fault.name}`);
    if (fault.mustFail(c)) {
      expect(r.code, r.stderr).toBe(1);
      if (c.reports) expect(r.stdout).toContain(bad.path); // its own words for it: see 'reframe doctor' below
      else {
        expect(r.stderr).toContain(bad.path);
        expect(r.stderr).toMatch(fault.says);
      }
      expect(r.stderr.trim().split('\n').length, r.stderr).toBeLessThanOrEqual(2);
    }
    if (bad.keep) {
      expect(sha256(bad.keep), `${c.name} changed the bytes of ${bad.keep}`).toBe(before);
      expect(existsSync(bad.keep + '-wal') || existsSync(bad.keep + '-journal')).toBe(false);
    }
  });
});

describe('reframe doctor', () => {
  it('on a healthy journal: ok lines, exit 0, drafts counted by kind but never shown, nothing changed', () => {
    const s = sandbox();
    try {
      makeWorld(s);
      const raw = new Database(s.db);
      raw.prepare("INSERT INTO drafts (id, kind, created_at, updated_at, data) VALUES ('d1', 'new', 'a', 'b', ?)").run(JSON.stringify({ situation: SENTINEL }));
      raw.close();
      const files = readdirSync(join(s.dir, 'data', 'reframe')).sort();
      const hash = sha256(s.db);
      const r = run(s, ['doctor']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`Journal: ${s.db}`);
      expect(r.stdout).toMatch(/ok +Integrity check passed/);
      expect(r.stdout).toMatch(new RegExp(`ok +Schema ${SCHEMA_VERSION}, the one this reframe uses`));
      expect(r.stdout).toMatch(/ok +Marked as a Reframe journal/);
      expect(r.stdout).toMatch(/ok +Only you can read the journal \(file 600, folder 700\)/);
      expect(r.stdout).toMatch(/ok +1 record, [\d.]+ KB/);
      expect(r.stdout).toMatch(/ok +1 draft waiting: 1 new record \(`reframe new --resume`\)/);
      expect(r.stdout).toMatch(/No problems found/);
      expect(r.stdout + r.stderr).not.toContain(SENTINEL);
      expect(r.stdout).not.toMatch(/^ +(problem|warning) /m);
      expect(sha256(s.db)).toBe(hash);
      expect(readdirSync(join(s.dir, 'data', 'reframe')).sort()).toEqual(files);

      const j = run(s, ['doctor', '--json']);
      expect(j.code).toBe(0);
      expect(j.stderr).toBe('');
      const report = JSON.parse(j.stdout);
      expect(report).toMatchObject({
        path: s.db, exists: true, healthy: true, schema: { found: SCHEMA_VERSION, expected: SCHEMA_VERSION },
        records: 1, drafts: [{ kind: 'new', count: 1 }],
      });
      expect(report.sizeBytes).toBeGreaterThan(0);
      expect(report.findings.every((f: { status: string }) => f.status === 'ok')).toBe(true);
      expect(report.findings.map((f: { check: string }) => f.check)).toEqual(expect.arrayContaining(['integrity', 'schema', 'identity', 'permissions', 'drafts', 'records']));
    } finally {
      s.cleanup();
    }
  });

  it('does not create a journal that is not there, and says so', () => {
    const s = sandbox();
    try {
      const r = run(s, ['doctor']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/no journal here yet[\s\S]*doctor did not create one/);
      expect(existsSync(s.db)).toBe(false);
      expect(existsSync(join(s.dir, 'data'))).toBe(false);
      const j = JSON.parse(run(s, ['doctor', '--json']).stdout);
      expect(j).toMatchObject({ exists: false, healthy: true, records: null });
      expect(existsSync(join(s.dir, 'data'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });

  it('reports each damaged file as a problem (exit 1) with what to do', () => {
    for (const fault of FAULTS.filter((f) => !f.skip && f.name !== 'locked by another writer past the busy timeout')) {
      const dir = join(sb.dir, `doctor-${FAULTS.indexOf(fault)}`);
      mkdirSync(dir, { recursive: true });
      const bad = fault.setup(dir);
      try {
        const r = run(sb, ['doctor', '--json'], { env: { REFRAME_DB: bad.path } });
        expect(r.code, `${fault.name}: ${r.stdout}`).toBe(1);
        const report = JSON.parse(r.stdout);
        expect(report.healthy).toBe(false);
        const problems = report.findings.filter((f: { status: string }) => f.status === 'problem');
        expect(problems.length, fault.name).toBeGreaterThan(0);
        expect(problems.every((p: { fix?: string }) => typeof p.fix === 'string' && p.fix.length > 0)).toBe(true);
        expect(r.stderr).toMatch(/Found 1 problem/);
        expect(r.stdout + r.stderr).not.toContain(SENTINEL);
      } finally {
        bad.release?.();
      }
    }
  });

  it('finds a record saved half-way (no feelings attached) and a broken part, and changes neither', () => {
    const s = sandbox();
    try {
      makeWorld(s);
      const raw = new Database(s.db);
      raw.pragma('foreign_keys = OFF');
      raw.prepare("INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES ('01JD7X4Q9V6M2W8K3T5R0YH1ZZ', 'a', 'b', 'c', ?, 't')").run(SENTINEL);
      raw.prepare('INSERT INTO tags (record_seq, position, tag) VALUES (9999, 0, ?)').run('orphan');
      raw.close();
      const hash = sha256(s.db);
      const r = run(s, ['doctor']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/problem +1 record has no feelings attached, as if a save stopped half-way/);
      expect(r.stdout).toMatch(/problem +1 part of records point/);
      expect(r.stdout).toMatch(/warning +The search index is out of step/);
      expect(r.stderr).toMatch(/Found 2 problems/);
      expect(sha256(s.db)).toBe(hash);
    } finally {
      s.cleanup();
    }
  });

  it('warns (exit 0) when others can read the journal, its folder or a backup', () => {
    const s = sandbox();
    try {
      makeWorld(s);
      chmodSync(s.db, 0o644);
      chmodSync(join(s.dir, 'data', 'reframe'), 0o755);
      writeFileSync(`${s.db}.before-v9.bak`, '');
      chmodSync(`${s.db}.before-v9.bak`, 0o604);
      const r = run(s, ['doctor']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`warning +The file ${s.db} can be read by other people[^\\n]*\\(mode 644\\)`));
      expect(r.stdout).toContain(`\`chmod 600 ${s.db}\``);
      expect(r.stdout).toContain(`\`chmod 700 ${join(s.dir, 'data', 'reframe')}\``);
      expect(r.stdout).toMatch(/warning +The backup .*before-v9\.bak can be read by other people/);
      expect(r.stdout).toMatch(/No problems found; 3 warnings above/);
      // It says what to do; it does not do it.
      expect(statSync(s.db).mode & 0o777).toBe(0o644);
    } finally {
      s.cleanup();
    }
  });

  it('reports an old schema as waiting for an upgrade, without upgrading it', () => {
    const s = sandbox();
    try {
      const path = join(s.dir, 'old.db');
      openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) }).close();
      const hash = sha256(path);
      const r = run(s, ['doctor', '--json'], { env: { REFRAME_DB: path } });
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.schema).toEqual({ found: 1, expected: SCHEMA_VERSION });
      expect(report.findings.find((f: { check: string }) => f.check === 'schema').message).toMatch(/will be upgraded the next time/);
      expect(sha256(path)).toBe(hash);
      expect(readdirSync(s.dir).filter((f) => f.startsWith('old.db'))).toEqual(['old.db']);
    } finally {
      s.cleanup();
    }
  });

  it('still checks a journal another process is writing to', () => {
    const s = sandbox();
    try {
      makeWorld(s);
      const db = new Database(s.db);
      db.exec('BEGIN IMMEDIATE');
      try {
        const r = run(s, ['doctor'], { env: { REFRAME_BUSY_TIMEOUT_MS: '200' } });
        expect(r.code, r.stdout + r.stderr).toBe(0);
        expect(r.stdout).toMatch(/Integrity check passed/);
      } finally {
        db.exec('ROLLBACK');
        db.close();
      }
    } finally {
      s.cleanup();
    }
  });
});

describe('migrations that cannot hurt', () => {
  /** A journal at schema 1 holding one record, as the first reframe made it. */
  function schemaOne(path: string): void {
    const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES
      ('01JD7X4Q9V6M2W8K3T5R0YH1ZC', '2026-11-20T20:00:00.000Z', '2026-11-20T19:00:00.000Z', '2026-11-20T20:00:00.000Z', 'quiet dinner', 'nobody could love me')`).run();
    db.prepare("INSERT INTO emotions (record_seq, position, name, before) VALUES (1, 0, 'sad', 70)").run();
    db.close();
  }
  const schemaOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return {
        version: db.pragma('user_version', { simple: true }),
        tables: db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all(),
        records: db.prepare('SELECT id, situation FROM records').all(),
      };
    } finally {
      db.close();
    }
  };

  it('a failing step leaves the schema and version as they were, after a backup was taken', () => {
    const s = sandbox();
    try {
      const path = join(s.dir, 'journal.db');
      new Journal(openDatabase(path), path).close();
      const raw = new Database(path);
      raw.prepare(`INSERT INTO records (id, created_at, occurred_at, updated_at, situation, thought) VALUES ('01JD7X4Q9V6M2W8K3T5R0YH1ZC', 'a', 'b', 'c', 'kept', 'kept')`).run();
      raw.close();
      const before = schemaOf(path);
      const broken: Migration = { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (x TEXT); ALTER TABLE records ADD COLUMN y TEXT; THIS IS NOT SQL;' };
      let upgraded = false;
      expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken], onUpgrade: () => { upgraded = true; } })).toThrow(JournalError);
      expect(schemaOf(path)).toEqual(before);
      expect(upgraded).toBe(false);
      // The copy was taken before the step ran, and is a whole journal at the old version.
      const backup = `${path}.before-v${SCHEMA_VERSION + 1}.bak`;
      expect(schemaOf(backup)).toEqual(before);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // And the program still opens it as it was.
      const j = new Journal(openDatabase(path), path);
      expect(j.count()).toBe(1);
      j.close();
    } finally {
      s.cleanup();
    }
  });

  it('each step is its own transaction: a failure in a later step keeps the earlier, complete ones', () => {
    const s = sandbox();
    try {
      const path = join(s.dir, 'journal.db');
      schemaOne(path);
      const broken: Migration = { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (x TEXT); NOT SQL' };
      const upgrades: number[] = [];
      let failure: unknown;
      try {
        openDatabase(path, { migrations: [...MIGRATIONS, broken], onUpgrade: (from) => upgrades.push(from) });
      } catch (err) {
        failure = err;
      }
      // Said plainly, with where the copy is; never "upgraded" for an upgrade that didn't finish.
      expect(failure).toBeInstanceOf(JournalError);
      expect((failure as JournalError).message).toBe(
        `Couldn't update the journal at ${path} for this version of reframe (it is at schema ${SCHEMA_VERSION}, this one needs ${SCHEMA_VERSION + 1}). Your records are safe; nothing was left half-changed.`,
      );
      expect((failure as JournalError).hint).toBe(`A copy from before is at ${path}.before-v${SCHEMA_VERSION + 1}.bak. Run \`reframe doctor\` to look at it.`);
      expect(upgrades).toEqual([]);
      const after = schemaOf(path);
      // Every good step landed whole, the broken one not at all: a consistent journal at the last good version.
      expect(after.version).toBe(SCHEMA_VERSION);
      expect(after.tables.map((t: any) => t.name)).not.toContain('half_done');
      const j = new Journal(openDatabase(path), path);
      expect(j.list({ search: 'nobody' })).toHaveLength(1);
      j.close();
      expect(schemaOf(`${path}.before-v${SCHEMA_VERSION + 1}.bak`).version).toBe(1);
    } finally {
      s.cleanup();
    }
  });

  it('upgrading a schema-1 journal through the program keeps a private copy from before and says where', () => {
    const s = sandbox();
    try {
      const path = join(s.dir, 'journal.db');
      schemaOne(path);
      const r = run(s, ['list', '--json'], { env: { REFRAME_DB: path } });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject([{ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', situation: 'quiet dinner' }]);
      const backup = `${path}.before-v${SCHEMA_VERSION}.bak`;
      expect(r.stderr).toContain(`Upgraded your journal (schema 1 -> ${SCHEMA_VERSION}); a copy from before is at ${backup}`);
      expect(statSync(backup).mode & 0o777).toBe(0o600);
      expect(schemaOf(backup)).toMatchObject({ version: 1, records: [{ id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', situation: 'quiet dinner' }] });
      expect(schemaOf(path).version).toBe(SCHEMA_VERSION);
      // A second run neither upgrades again nor replaces the copy.
      const again = run(s, ['list'], { env: { REFRAME_DB: path } });
      expect(again.stderr).not.toMatch(/Upgraded/);
      copyFileSync(backup, join(s.dir, 'restored.db'));
      expect(JSON.parse(run(s, ['list', '--json'], { env: { REFRAME_DB: join(s.dir, 'restored.db') } }).stdout)).toHaveLength(1);
    } finally {
      s.cleanup();
    }
  });
});
