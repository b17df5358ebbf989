// reframe list: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Action, Wiring } from '../kit';

/** What `reframe list` runs, however its command line was read (src/fast-start.ts reads it without commander). */
export const listAction: Action = async (ctx, opts) => (await import('./run')).runList(opts, ctx);

export function wireList(w: Wiring): void {
  w.filterFlags(w.program.command('list'))
    .description('List records, newest first')
    .option('--json', 'print the records as a JSON array')
    .addHelpText('after', w.examples(
      'reframe list',
      'reframe list --since 7d --distortion mind-reading',
      'reframe list --search "guard down" --limit 5',
      'reframe list --tag partner --json | jq length',
    ))
    .action(w.action(listAction));
}
