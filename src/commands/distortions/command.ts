// reframe distortions list | show | suggest: the group's wiring. Each subcommand's work is in its own file
// here (list.ts, show.ts, suggest.ts), loaded only when that subcommand runs.
import type { Wiring } from '../kit';

export function wireDistortions(w: Wiring): void {
  const d = w.program.command('distortions')
    .description('The library of thinking patterns: what they are and the questions to ask')
    .addHelpText('after', w.examples('reframe distortions list', 'reframe distortions show mind-reading', 'reframe distortions suggest "She must think I\'m boring"'));

  d.command('list')
    .description('List every pattern in the library')
    .option('--json', 'print the patterns as JSON')
    .addHelpText('after', w.examples('reframe distortions list', 'reframe distortions list --json | jq -r ".[].id"'))
    .action(w.action(async (ctx, opts) => (await import('./list')).runDistortionsList(opts, ctx)));

  d.command('show')
    .description('Explain one pattern: examples, questions to ask, how to reframe it')
    .argument('<id>', 'the pattern id, e.g. mind-reading')
    .option('--json', 'print the pattern as JSON')
    .addHelpText('after', w.examples('reframe distortions show mind-reading', 'reframe distortions show unworthy-of-love --json'))
    .action(w.action(async (ctx, opts, id) => (await import('./show')).runDistortionsShow(id, opts, ctx)));

  d.command('suggest')
    .description('Which patterns a thought most likely shows, and the words that show it')
    .argument('[text...]', 'the thought, in quotes or as several words; - reads it from standard input')
    .option('--json', 'print the suggestions as JSON (an empty array when none fits)')
    .option('--limit <n>', 'at most this many suggestions (default 3)')
    .option('--no-history', 'leave out what you chose for similar thoughts in your journal')
    .addHelpText('after', w.examples(
      'reframe distortions suggest "She must think I\'m boring"',
      'reframe distortions suggest I always mess everything up --json',
      'echo "If I open up, they\'ll leave" | reframe distortions suggest - --limit 5',
    ))
    .action(w.action(async (ctx, opts, text) => (await import('./suggest')).runDistortionsSuggest(text, opts, ctx)));
}
