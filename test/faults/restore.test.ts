// `backup --restore` while other reframes save: a record acknowledged ("Saved", exit 0) is never lost. It is in
// the restored journal (it waited for the restore) or in the before-restore copy (it was saved before). The same
// for an encrypted journal, whose restore swaps the contents through its keyed connection (backup.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3-multiple-ciphers';
import { BIN, run, sandbox, type Sandbox } from '../helpers/run';
import { loops } from '../helpers/loops';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

/** One `new` as a process: its id when it said "Saved" and exited 0. */
function save(tag: string, env: Record<string, string> = {}): Promise<string | undefined> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, 'new', '--situation', `s ${tag}`, '--thought', 't', '--emotion', 'calm:10'], { env: { ...sb.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => resolve(code === 0 && /Saved/.test(err) ? out.trim() : undefined));
  });
}

function ids(file: string, key?: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  if (key !== undefined) {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = '${key}'`);
  }
  try {
    return (db.prepare('SELECT id FROM records').all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('backup --restore under concurrent saves', () => {
  it.each([['plain', false], ['encrypted', true]])('%s: every acknowledged record is in the restored journal or a before-restore copy', async (_name, encrypted) => {
    const KEY = 'restore loop passphrase';
    const env: Record<string, string> = {};
    if (encrypted) {
      env.REFRAME_PASSPHRASE_FILE = join(sb.dir, 'pw');
      writeFileSync(env.REFRAME_PASSPHRASE_FILE, `${KEY}\n`);
      chmodSync(env.REFRAME_PASSPHRASE_FILE, 0o600);
    }
    const key = encrypted ? KEY : undefined;
    expect(run(sb, ['new', '--situation', 'first', '--thought', 't', '--emotion', 'calm:10']).code).toBe(0);
    if (encrypted) expect(run(sb, ['encrypt'], { env }).code).toBe(0);
    const backup = join(sb.dir, 'b.db');
    expect(run(sb, ['backup', backup], { env }).code).toBe(0);
    const restores = loops(6, 3);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = await save(`${w}-${i}`, env);
        if (id) acknowledged.push(id);
      }
    };
    const writers = [writer(1), writer(2)];
    // Each restore waits until a save has been acknowledged since the one before (at most 30 s: a writer starved
    // by the restores fails the count below), so saves and restores interleave however slow the machine is.
    const savesAtLeast = async (n: number) => {
      const until = Date.now() + 30_000;
      while (acknowledged.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    };
    const restoreLoop = (async () => {
      for (let k = 0; k < restores; k++) {
        await savesAtLeast(k + 1);
        await new Promise((r) => setTimeout(r, 150));
        const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
          const p = spawn(process.execPath, [BIN, 'backup', '--restore', backup, '--yes'], { env: { ...sb.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
          let err = '';
          p.stderr.on('data', (d) => { err += d; });
          p.on('exit', (code) => resolve({ code, err }));
        });
        expect(r.code, r.err).toBe(0);
      }
      await savesAtLeast(restores + 1);
      stop = true;
    })();
    await restoreLoop;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(restores);
    const kept = new Set(ids(sb.db, key));
    for (const f of readdirSync(dirname(sb.db))) {
      if (f.includes('.before-restore-') && f.endsWith('.bak')) for (const id of ids(join(dirname(sb.db), f), key)) kept.add(id);
    }
    const lost = acknowledged.filter((id) => !kept.has(id));
    expect(lost).toEqual([]);
    const db = new Database(sb.db, { readonly: true });
    if (key !== undefined) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma(`key = '${key}'`);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
