// daily, and cron install | show | remove.
import type { Wiring } from '../cli';

export function wireDaily(w: Wiring): void {
  w.program.command('daily')
    .description("Today's reflection prompt and your streak; in a terminal, a short check-in")
    .option('--json', 'print the prompt, streak and yesterday in numbers as JSON (never asks anything)')
    .option('--notify', 'also show the prompt as a desktop notification (notify-send)')
    .addHelpText('after', w.examples('reframe daily', 'reframe daily --json | jq -r .prompt.text', 'reframe daily --notify </dev/null')
      + '\nWithout a terminal (cron, a pipe) it prints and exits at once; it never waits for input.\n')
    .action(w.action(async (ctx, opts) => (await import('../commands/daily')).runDaily(opts, ctx)));
}

export function wireCron(w: Wiring): void {
  const c = w.program.command('cron')
    .description('Have cron run `reframe daily` every day: one line in your crontab, managed for you')
    .addHelpText('after', w.examples('reframe cron install --at 21:30', 'reframe cron install --at 08:00 --notify', 'reframe cron show', 'reframe cron remove'));

  c.command('install')
    .description('Add the daily line to your crontab, or change its time (your other lines stay as they are)')
    .requiredOption('--at <HH:MM>', 'the time of day, 00:00-23:59')
    .option('--notify', 'also send a desktop notification each day')
    .addHelpText('after', w.examples('reframe cron install --at 21:30', 'reframe --db ~/journal.db cron install --at 07:45 --notify'))
    .action(w.action(async (ctx, opts) => (await import('../commands/cron')).runCronInstall(opts, ctx)));

  c.command('show')
    .description('Print the daily line from your crontab, if there is one')
    .option('--json', 'print {installed, at, notify, line} as JSON')
    .addHelpText('after', w.examples('reframe cron show', 'reframe cron show --json'))
    .action(w.action(async (ctx, opts) => (await import('../commands/cron')).runCronShow(opts, ctx)));

  c.command('remove')
    .description('Take the daily line out of your crontab (nothing else changes)')
    .addHelpText('after', w.examples('reframe cron remove'))
    .action(w.action(async (ctx, opts) => (await import('../commands/cron')).runCronRemove(opts, ctx)));
}
