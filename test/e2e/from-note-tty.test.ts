// reframe new --from-note ID through a real pseudo-terminal (tmux): the note's text is the situation, the guided
// questions go on from there, and the record is saved with it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { run, sandbox, type Sandbox } from '../helpers/run';
import { hasTmux, Terminal } from '../helpers/tmux';

let sb: Sandbox;
let term: Terminal | undefined;
beforeEach(() => { sb = sandbox(); });
afterEach(() => { term?.close(); term = undefined; sb.cleanup(); });

describe.skipIf(!hasTmux())('reframe new --from-note', () => {
  it('prefills the situation with the note (title and body); the answers go on from there', async () => {
    expect(run(sb, ['import', join(__dirname, '..', 'fixtures', 'apps', 'dayone.json')]).code).toBe(0);
    const notes = JSON.parse(run(sb, ['notes', 'list', '--json']).stdout) as { id: string; title: string | null }[];
    const note = notes.find((n) => n.title === 'Morning pages')!;
    term = new Terminal(sb, ['new', '--from-note', note.id]);
    const t = term;
    await t.waitFor('Your note is the situation');
    // The situation is not asked: the flow goes on to when it happened.
    await t.waitFor('When was this?');
    expect(t.screen()).not.toContain('What happened?');
    t.type('');
    await t.waitFor('What did you feel?');
    t.key('Enter');
    await t.waitFor('How strong was the feeling (anxious)');
    t.type('60');
    await t.waitFor('What did you feel?', { count: 2 });
    t.key('Enter');
    await t.waitFor('Thought 1:');
    t.type('The dentist will find something awful');
    await t.waitFor('Thought 2:');
    t.type('');
    await t.waitFor('How much do you believe it right now');
    t.type('70');
    await t.waitFor('thinking patterns');
    t.key('Enter');
    // Stop here: Ctrl-C keeps a draft (exit 130), and the draft holds the note's words as the situation.
    await t.waitFor('What facts support the thought?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    const db = new Database(sb.db, { readonly: true });
    const rows = db.prepare("SELECT data FROM drafts WHERE kind = 'new'").pluck().all() as string[];
    db.close();
    expect(rows).toHaveLength(1);
    const draft = JSON.parse(rows[0]);
    expect(draft.situation).toBe('Morning pages\n\nWoke up dreading the dentist. Made tea and sat in the garden instead of scrolling.\n\n- fed the cat\n- called Mum');
    expect(draft.thoughts).toEqual(['The dentist will find something awful']);
    expect(draft.emotions).toEqual([expect.objectContaining({ name: 'anxious', before: 60 })]);
  });

  it('a note id that is not there is a usage error (exit 2)', () => {
    const r = run(sb, ['new', '--from-note', '01ABCDEFGH']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no note with the id 01ABCDEFGH.');
  });
});
