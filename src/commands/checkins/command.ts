// reframe checkins: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireCheckins(w: Wiring): void {
  w.program.command('checkins')
    .description('List your check-ins (from reframe daily, or imported from Daylio), newest first')
    .option('--search <text>', 'only check-ins whose words, mood word or tags hold these words')
    .option('--limit <n>', 'at most this many check-ins')
    .option('--json', 'print the check-ins as a JSON array')
    .addHelpText('after', w.examples('reframe checkins', 'reframe checkins --search friends --limit 10', 'reframe checkins --json | jq "map(.mood) | add / length"'))
    .action(w.action(async (ctx, opts) => (await import('./run')).runCheckins(opts, ctx)));
}
