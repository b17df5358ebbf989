// reframe notes list | show: the group's wiring. Notes are journal entries brought in from other apps (jrnl,
// Day One) and cbt-toolkit-app's experiments; each subcommand's work is in its own file, loaded when it runs.
import type { Wiring } from '../kit';

export function wireNotes(w: Wiring): void {
  const n = w.program.command('notes')
    .description('Notes brought in from other apps (jrnl, Day One, cbt-toolkit-app experiments)')
    .addHelpText('after', w.examples('reframe notes list', 'reframe notes list --search dentist', 'reframe notes show 01HX3Q'));

  n.command('list')
    .description('List notes, newest first')
    .option('--search <text>', 'only notes with these words')
    .option('--kind <kind>', 'only notes of this kind: entry or experiment')
    .option('--limit <n>', 'at most this many notes')
    .option('--json', 'print the notes as a JSON array')
    .addHelpText('after', w.examples('reframe notes list', 'reframe notes list --search "couldn\'t sleep" --limit 5', 'reframe notes list --kind experiment --json'))
    .action(w.action(async (ctx, opts) => (await import('./list')).runNotesList(opts, ctx)));

  n.command('show')
    .description('Show one note in full')
    .argument('<id>', 'the note id, or its first 6 or more characters')
    .option('--json', 'print the note as JSON')
    .addHelpText('after', w.examples('reframe notes show 01HX3Q', 'reframe notes show 01HX3Q --json'))
    .action(w.action(async (ctx, opts, id) => (await import('./show')).runNotesShow(id, opts, ctx)));
}
