// reframe cron install | show | remove: the group's wiring. Each subcommand's work is in its own file here
// (install.ts, show.ts, remove.ts), loaded only when that subcommand runs.
import type { Wiring } from '../kit';

export function wireCron(w: Wiring): void {
  const c = w.program.command('cron')
    .description('Have cron run `reframe daily` every day: one line in your crontab, managed for you')
    .addHelpText('after', w.examples('reframe cron install --at 21:30', 'reframe cron install --at 08:00 --notify', 'reframe cron show', 'reframe cron remove'));

  c.command('install')
    .description('Add the daily line to your crontab, or change its time (your other lines stay as they are)')
    .requiredOption('--at <HH:MM>', 'the time of day, 00:00-23:59')
    .option('--notify', 'also send a desktop notification each day')
    .addHelpText('after', w.examples('reframe cron install --at 21:30', 'reframe --db ~/journal.db cron install --at 07:45 --notify'))
    .action(w.action(async (ctx, opts) => (await import('./install')).runCronInstall(opts, ctx)));

  c.command('show')
    .description('Print the daily line from your crontab, if there is one')
    .option('--json', 'print {installed, at, notify, line} as JSON')
    .addHelpText('after', w.examples('reframe cron show', 'reframe cron show --json'))
    .action(w.action(async (ctx, opts) => (await import('./show')).runCronShow(opts, ctx)));

  c.command('remove')
    .description('Take the daily line out of your crontab (nothing else changes)')
    .addHelpText('after', w.examples('reframe cron remove'))
    .action(w.action(async (ctx, opts) => (await import('./remove')).runCronRemove(opts, ctx)));
}
