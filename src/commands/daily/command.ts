// reframe daily: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Action, Wiring } from '../kit';

/** What `reframe daily` runs, however its command line was read (src/fast-start.ts reads it without commander). */
export const dailyAction: Action = async (ctx, opts) => (await import('./run')).runDaily(opts, ctx);

export function wireDaily(w: Wiring): void {
  w.program.command('daily')
    .description("Today's reflection prompt and your streak; in a terminal, a short check-in")
    .option('--json', 'print the prompt, streak and yesterday in numbers as JSON (never asks anything)')
    .option('--notify', 'also show the prompt as a desktop notification (notify-send)')
    .addHelpText('after', w.examples('reframe daily', 'reframe daily --json | jq -r .prompt.text', 'reframe daily --notify </dev/null')
      + '\nWithout a terminal (cron, a pipe) it prints and exits at once; it never waits for input.\n')
    .action(w.action(dailyAction));
}
