// A journal replaced while a reframe has it open: `encrypt` in another window while a guided `new` waits for an
// answer. `encrypt` puts a checked copy in the journal's place by rename; the waiting reframe still holds the old
// file. Its next save must reach the new journal (opened again, with the key from the passphrase file), never
// the old file that nothing reads any more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

/** The drafts in the (encrypted) journal, read with the passphrase. */
function draftsIn(path: string, passphrase: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`key = '${passphrase}'`);
    return db.prepare('SELECT data FROM drafts').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe.skipIf(!hasTmux())('a journal replaced under a waiting guided record', () => {
  it('encrypt in another window: the answers given after it are saved in the encrypted journal', async () => {
    const pw = join(sb.dir, 'pass');
    writeFileSync(pw, 'fog over the bay\n', { mode: 0o600 });
    const env = { REFRAME_PASSPHRASE_FILE: pw };
    expect(run(sb, ['new', '--situation', 'An earlier day', '--thought', 'I said too much', '--emotion', 'embarrassed:60'], { env }).code).toBe(0);

    term = new Terminal(sb, ['new'], env);
    const t = term;
    await t.waitFor('What happened?');
    t.type('Kitchen, after the call with Mum');
    await t.waitFor('When was this?');
    // Meanwhile, elsewhere: the journal is encrypted (a new file in its place).
    const enc = run(sb, ['encrypt'], { env });
    expect(enc.code, enc.stderr).toBe(0);
    // The next answer is saved as a draft: it must land in the new journal.
    t.type('yesterday 21:00');
    await t.waitFor('What did you feel?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    const drafts = draftsIn(sb.db, 'fog over the bay');
    expect(drafts).toHaveLength(1);
    const draft = JSON.parse(drafts[0]) as { situation?: string; when?: string; done?: string[] };
    expect(draft.situation).toBe('Kitchen, after the call with Mum');
    expect(draft.done).toContain('when');
    // And the journal itself is whole: the record from before, readable with the key.
    const listed = run(sb, ['list', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
    const doctor = run(sb, ['doctor'], { env });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  });
});
