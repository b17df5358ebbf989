// reframe show ID: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireShow(w: Wiring): void {
  w.program.command('show')
    .description('Show one record in full')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .option('--json', 'print the record as JSON')
    .addHelpText('after', w.examples('reframe show 01JD7X', 'reframe show 01JD7X4Q --json'))
    .action(w.action(async (ctx, opts, id) => (await import('./run')).runShow(id, opts, ctx)));
}
