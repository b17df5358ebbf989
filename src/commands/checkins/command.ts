// reframe checkins: the daily check-ins, oldest first. The work is in ./run.ts, loaded only when it runs.
import type { Wiring } from '../kit';

export function wireCheckins(w: Wiring): void {
  w.program.command('checkins')
    .description('Your daily check-ins: mood, words, and your answers to the reflection prompt')
    .option('--since <date>', 'from this date or time (or 7d, 4w, 6m)')
    .option('--until <date>', 'up to this date or time')
    .option('--json', 'print the check-ins as JSON')
    .addHelpText('after', w.examples('reframe checkins --since 7d', 'reframe checkins --json | jq ".[].mood"'))
    .action(w.action(async (ctx, opts) => (await import('./run')).runCheckins(opts, ctx)));
}
