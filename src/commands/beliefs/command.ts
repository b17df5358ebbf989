// reframe beliefs add | list | show | rate | evidence: core beliefs and rules followed over time, with their
// conviction and Padesky's positive data log. Each subcommand's work is in its own file here.
import type { Wiring } from '../kit';

export function wireBeliefs(w: Wiring): void {
  const b = w.program.command('beliefs')
    .description('Core beliefs you are working on: how much you believe them over time, and what doesn\'t fit')
    .addHelpText('after', w.examples('reframe beliefs add "I\'m not worthy of love" --conviction 85', 'reframe beliefs list', 'reframe beliefs show 01JD8A'));

  b.command('add')
    .description('Keep a belief to follow; prints its id')
    .argument('<text>', 'the belief, in your words')
    .option('--conviction <n>', 'how much you believe it now, 0-100')
    .option('--kind <kind>', 'core (about you, others, the world) or rule (if ... then ...)', 'core')
    .option('--alternative <text>', 'a kinder, more balanced belief to grow instead')
    .option('--alternative-conviction <n>', 'how much you believe the alternative now, 0-100')
    .option('--at <datetime>', 'when you rated it (default: now)')
    .option('--json', 'print the saved belief as JSON')
    .addHelpText('after', w.examples(
      'reframe beliefs add "I\'m not worthy of love" --conviction 85',
      'reframe beliefs add "If I open up, I\'ll be hurt" --kind rule --conviction 70 --alternative "Opening up a little at a time is safe enough" --alternative-conviction 20',
    ))
    .action(w.action(async (ctx, opts, text) => (await import('./add')).runBeliefsAdd(text, opts, ctx)));

  b.command('list')
    .description('Every belief you keep, with its first and latest conviction')
    .option('--json', 'print the beliefs as JSON')
    .addHelpText('after', w.examples('reframe beliefs list', 'reframe beliefs list --json | jq -r ".[].id"'))
    .action(w.action(async (ctx, opts) => (await import('./list')).runBeliefsList(opts, ctx)));

  b.command('show')
    .description('One belief: conviction over time, the positive data log, linked records and experiments')
    .argument('<id>', 'the belief id, or its first 6+ characters')
    .option('--json', 'print the belief as JSON')
    .addHelpText('after', w.examples('reframe beliefs show 01JD8A', 'reframe beliefs show 01JD8A --json'))
    .action(w.action(async (ctx, opts, id) => (await import('./show')).runBeliefsShow(id, opts, ctx)));

  b.command('rate')
    .description('Rate how much you believe it now (earlier ratings are kept)')
    .argument('<id>', 'the belief id, or its first 6+ characters')
    .option('--conviction <n>', 'how much you believe it now, 0-100')
    .option('--alternative-conviction <n>', 'how much you believe the alternative now, 0-100')
    .option('--at <datetime>', 'when (default: now)')
    .option('--json', 'print the belief as JSON')
    .addHelpText('after', w.examples('reframe beliefs rate 01JD8A --conviction 60', 'reframe beliefs rate 01JD8A --conviction 55 --alternative-conviction 40 --at yesterday'))
    .action(w.action(async (ctx, opts, id) => (await import('./rate')).runBeliefsRate(id, opts, ctx)));

  b.command('evidence')
    .description('Add to the positive data log: a small, dated thing that doesn\'t fit the old belief')
    .argument('<id>', 'the belief id, or its first 6+ characters')
    .argument('<text>', 'what happened')
    .option('--at <datetime>', 'when it happened (default: now)')
    .option('--json', 'print the belief as JSON')
    .addHelpText('after', w.examples('reframe beliefs evidence 01JD8A "Sam asked how my interview went"', 'reframe beliefs evidence 01JD8A "She laughed at my joke" --at yesterday'))
    .action(w.action(async (ctx, opts, id, text) => (await import('./evidence')).runBeliefsEvidence(id, text, opts, ctx)));
}
