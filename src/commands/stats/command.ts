// reframe stats: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Action, Wiring } from '../kit';

/** What `reframe stats` runs, however its command line was read (src/fast-start.ts reads it without commander). */
export const statsAction: Action = async (ctx, opts) => (await import('./run')).runStats(opts, ctx);

export function wireStats(w: Wiring): void {
  w.program.command('stats')
    .description('Trends: what recurs, what eases, and how steady your practice is')
    .option('--since <when>', 'from this date, datetime, or 7d / 4w / 6m ago (default: your first record)')
    .option('--until <when>', 'up to this date or datetime (default: today)')
    .option('--by <period>', 'records per day, week or month (default: day up to a month, week up to half a year, then month)')
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', w.examples(
      'reframe stats',
      'reframe stats --since 30d --by day',
      'reframe stats --since 2026-01-01 --until 2026-06-30 --by month',
      'reframe stats --since 3m --json | jq \'.distortions[:3]\'',
    ))
    .action(w.action(statsAction));
}
