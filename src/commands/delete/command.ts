// reframe delete ID: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import { Option } from 'commander';
import type { Wiring } from '../kit';

export function wireDelete(w: Wiring): void {
  w.program.command('delete')
    .description('Delete a record')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .addOption(new Option('-y, --yes', 'do not ask (needed without a terminal)'))
    .option('--json', 'print the deleted record as JSON')
    .addHelpText('after', w.examples('reframe delete 01JD7X', 'reframe delete 01JD7X4Q --yes'))
    .action(w.action(async (ctx, opts, id) => (await import('./run')).runDelete(id, opts, ctx)));
}
