// reframe doctor: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireDoctor(w: Wiring): void {
  w.program.command('doctor')
    .description('Check the journal: integrity, schema version, permissions, drafts (changes nothing)')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', w.examples('reframe doctor', 'reframe --db ~/journal.db doctor', 'reframe doctor --json | jq .healthy'))
    .addHelpText('after', '\nExits 0 when the journal is healthy (warnings allowed), 1 when a problem is found.\nIt never creates a journal that is not there, and never writes to one that is.\n')
    .action(w.action(async (ctx, opts) => (await import('./run')).runDoctor(opts, ctx)));
}
