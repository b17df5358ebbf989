// reframe checkins: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireCheckins(w: Wiring): void {
  w.program.command('checkins')
    .description('Your check-ins (from reframe daily, or imported from Daylio): mood, words, and your answers to the reflection prompt, newest first')
    .option('--since <date>', 'from this date or time (or 7d, 4w, 6m)')
    .option('--until <date>', 'up to this date or time')
    .option('--search <text>', 'only check-ins whose words, answer, mood word or tags hold these words')
    .option('--limit <n>', 'at most this many check-ins')
    .option('--json', 'print the check-ins as a JSON array')
    .addHelpText('after', w.examples('reframe checkins --since 7d', 'reframe checkins --search friends --limit 10', 'reframe checkins --json | jq "map(.mood) | add / length"'))
    .action(w.action(async (ctx, opts) => (await import('./run')).runCheckins(opts, ctx)));
}
