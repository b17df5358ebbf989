// reframe show ID: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Action, Wiring } from '../kit';

/** What `reframe show ID` runs, however its command line was read (src/fast-start.ts reads it without commander). */
export const showAction: Action = async (ctx, opts, id) => (await import('./run')).runShow(id, opts, ctx);

export function wireShow(w: Wiring): void {
  w.program.command('show')
    .description('Show one record in full')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .option('--json', 'print the record as JSON')
    .addHelpText('after', w.examples('reframe show 01JD7X', 'reframe show 01JD7X4Q --json'))
    .action(w.action(showAction));
}
