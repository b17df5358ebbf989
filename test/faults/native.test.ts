// better-sqlite3-multiple-ciphers's addon built for another Node: a clear line naming the fix instead of
// "damaged journal", no empty journal file left behind, and REFRAME_DEBUG=1 showing the loader's own error.
// A copy of the built program whose addon is not loadable stands in for another Node version here; the
// NODE_MODULE_VERSION wording is checked on the loader's real message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run, recordArgs, sandbox, type Sandbox } from '../helpers/run';
import { STACK, sha256 } from '../helpers/faults';
import { nativeProblem } from '../../src/journal/native';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

describe('a native addon that does not load', () => {
  it('names the module versions from the loader\'s message', () => {
    const err = Object.assign(new Error("The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 127. Please try re-compiling or re-installing"), { code: 'ERR_DLOPEN_FAILED' });
    const e = nativeProblem(err)!;
    expect(e.message).toMatch(/built for NODE_MODULE_VERSION 115, and this Node needs NODE_MODULE_VERSION 127/);
    expect(e.hint).toMatch(/npm rebuild better-sqlite3-multiple-ciphers/);
    expect(nativeProblem(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))).toBeUndefined();
  });

  it('every journal command says to rebuild, leaves no file, and REFRAME_DEBUG=1 shows the cause', () => {
    const app = join(sb.dir, 'app');
    for (const f of ['bin', 'dist', 'data', 'package.json']) cpSync(join(ROOT, f), join(app, f), { recursive: true });
    const addon = join(app, 'node_modules', 'better-sqlite3-multiple-ciphers');
    mkdirSync(join(addon, 'build', 'Release'), { recursive: true });
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3-multiple-ciphers', 'package.json'), join(addon, 'package.json'));
    writeFileSync(join(addon, 'build', 'Release', 'better_sqlite3.node'), 'not a shared object');
    const db = join(sb.dir, 'new', 'journal.db');
    expect(run(sb, recordArgs())).toMatchObject({ code: 0 }); // a journal at sb.db, made by the working program
    const go = (args: string[], env: Record<string, string> = {}, at = db) => spawnSync(process.execPath, [join(app, 'bin', 'reframe'), '--db', at, ...args],
      { env: { ...sb.env, ...env }, encoding: 'utf8', timeout: 30_000 });
    const before = sha256(sb.db);
    for (const [args, at] of [[['list'], sb.db], [['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:4'], db], [['doctor'], sb.db], [['new', '--situation', 's', '--thought', 't', '--emotion', 'sad:4'], sb.db]] as [string[], string][]) {
      const r = go(args, {}, at);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/doesn't load in Node v\d+/);
      expect(r.stderr).toMatch(/Run `npm rebuild better-sqlite3-multiple-ciphers` in /);
      expect(r.stderr).not.toMatch(/damaged|Restore it/);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(db), `${args[0]} left a file`).toBe(false);
    }
    expect(sha256(sb.db)).toBe(before);
    const d = go(['list'], { REFRAME_DEBUG: '1' }, sb.db);
    expect(d.stderr).toMatch(/Caused by: .*(invalid ELF header|file too short|ERR_DLOPEN_FAILED|not a shared object)/);
  });
});
