// The hidden passphrase prompt through a real terminal (tmux): nothing typed is shown, a wrong answer is asked
// again (three tries, then exit 2), Ctrl-C stops it (exit 130), and encrypt asks for the new one twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { SENTINEL, sentinelFlags } from '../helpers/faults';
import { join } from 'node:path';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox('reframe-enc-tty-'); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

describe.skipIf(!hasTmux())('the passphrase prompt on a terminal', () => {
  it('encrypt asks twice; list asks, hides what is typed, asks again after a wrong one, and opens', async () => {
    term = new Terminal(sb, ['encrypt'], { REFRAME_PAGER: 'cat' });
    await term.waitFor('New passphrase:');
    term.type('hidden-words-1');
    await term.waitFor('once more:');
    term.type('hidden-words-1');
    expect(await term.exitCode(30_000)).toBe(0);
    expect(readFileSync(sb.db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    term.close();

    term = new Terminal(sb, ['list'], { REFRAME_PAGER: 'cat' });
    await term.waitFor('Passphrase for your journal:');
    term.type('not-this-one');
    await term.waitFor('Passphrase, again:');
    term.type('hidden-words-x', false);
    term.key('BSpace');
    term.type('1');
    expect(await term.exitCode(30_000)).toBe(0);
    const screen = term.screen();
    expect(screen).not.toContain('hidden-words');
    expect(screen).not.toContain('not-this-one');
  });

  it('Ctrl-C stops the prompt with exit 130; three wrong answers are exit 2', async () => {
    const pw = join(sb.dir, 'pw');
    writeFileSync(pw, 'right\n');
    chmodSync(pw, 0o600);
    expect(run(sb, ['--passphrase-file', pw, 'encrypt']).code).toBe(0);
    term = new Terminal(sb, ['list']);
    await term.waitFor('Passphrase for your journal:');
    term.key('C-c');
    expect(await term.exitCode()).toBe(130);
    term.close();

    term = new Terminal(sb, ['list']);
    for (let i = 1; i <= 3; i++) {
      await term.waitFor(/Passphrase/, { count: i });
      term.type(`wrong-${i}`);
    }
    expect(await term.exitCode(30_000)).toBe(2);
    expect(term.screen()).toMatch(/passphrase doesn't open/);
  });

  it('export --encrypt asks for the file\'s passphrase twice, shows nothing typed, asks again after a mismatch, and seals the file', async () => {
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    const out = join(sb.dir, 'journal.json.age');
    term = new Terminal(sb, ['export', '--encrypt', '--format', 'json', '--out', out]);
    await term.waitFor('New passphrase:');
    term.type('sealed-words-1');
    await term.waitFor('once more:');
    term.type('sealed-words-2');
    await term.waitFor("Those two didn't match");
    await term.waitFor('New passphrase:', { count: 2 });
    term.type('sealed-words-3');
    await term.waitFor('once more:', { count: 2 });
    term.type('sealed-words-3');
    expect(await term.exitCode(30_000)).toBe(0);
    const screen = term.screen();
    expect(screen).not.toContain('sealed-words');
    expect(screen).not.toContain(SENTINEL);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const raw = readFileSync(out);
    expect(raw.subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(raw.includes(Buffer.from(SENTINEL))).toBe(false);
    // The passphrase typed twice opens it.
    const { Decrypter } = await import('age-encryption');
    const d = new Decrypter();
    d.addPassphrase('sealed-words-3');
    const text = await d.decrypt(new Uint8Array(raw), 'text');
    expect(text).toContain(`${SENTINEL} thought`);
  });

  it('backup --restore of a backup made under an older passphrase asks for that one, hidden, and restores', async () => {
    const key = (name: string, text: string) => { const p = join(sb.dir, name); writeFileSync(p, `${text}\n`); chmodSync(p, 0o600); return p; };
    const old = key('old', 'the-older-one');
    const now = key('now', 'the-newer-one');
    expect(run(sb, ['new', ...sentinelFlags()]).code).toBe(0);
    expect(run(sb, ['--passphrase-file', old, 'encrypt']).code).toBe(0);
    const bak = join(sb.dir, 'old-backup.db');
    expect(run(sb, ['--passphrase-file', old, 'backup', bak]).code).toBe(0);
    expect(run(sb, ['--passphrase-file', old, 'passphrase', '--new-passphrase-file', now]).code).toBe(0);
    expect(run(sb, ['--passphrase-file', now, 'new', '--situation', 'later', '--thought', 'later thought', '--emotion', 'calm:10']).code).toBe(0);

    term = new Terminal(sb, ['backup', '--restore', bak, '--yes'], { REFRAME_PASSPHRASE_FILE: now });
    await term.waitFor("didn't open the backup");
    term.type('not-it-either');
    await term.waitFor("didn't open the backup", { count: 2 });
    term.type('the-older-one');
    expect(await term.exitCode(30_000)).toBe(0);
    const screen = term.screen();
    expect(screen).toMatch(/Restored 1 record/);
    expect(screen).not.toContain('the-older-one');
    expect(screen).not.toContain('not-it-either');
    // Restored, and still under the current passphrase.
    const list = run(sb, ['--passphrase-file', now, 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
    expect(run(sb, ['--passphrase-file', old, 'list']).code).toBe(2);
  });
});
