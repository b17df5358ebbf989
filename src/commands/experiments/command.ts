// reframe experiments add | list | show | done | ideas: behavioural experiments (Mind Over Mood's worksheet),
// each testing a belief or a record's hot thought. Each subcommand's work is in its own file here.
import type { Wiring } from '../kit';

export function wireExperiments(w: Wiring): void {
  const e = w.program.command('experiments')
    .description('Behavioural experiments: test a belief with a small step, and see what really happens')
    .addHelpText('after', w.examples('reframe experiments list --due', 'reframe experiments ideas --belief 01JD8A'));

  e.command('add')
    .description('Plan an experiment; prints its id')
    .option('--belief <id>', 'the belief it tests (`reframe beliefs list`)')
    .option('--record <id>', 'the record whose hot thought it tests')
    .option('--plan <text>', 'what you will do, where and when')
    .option('--prediction <text>', 'what you fear will happen')
    .option('--prediction-belief <n>', 'how strongly you expect it, 0-100')
    .option('--due <date>', 'the day to do it: 2026-12-08, today, tomorrow, 3d')
    .option('--problems <text>', 'what might get in the way')
    .option('--coping <text>', 'how you could deal with that')
    .option('--json', 'print the saved experiment as JSON')
    .addHelpText('after', w.examples(
      'reframe experiments add --belief 01JD8A --plan "Tell Sam one thing about my week" --prediction "He will look bored" --prediction-belief 70 --due tomorrow',
      'reframe experiments ideas --belief 01JD8A',
    ))
    .action(w.action(async (ctx, opts) => (await import('./add')).runExperimentsAdd(opts, ctx)));

  e.command('list')
    .description('Your experiments, by the day they are due')
    .option('--due', 'only those due today or overdue, not yet done')
    .option('--json', 'print the experiments as JSON')
    .addHelpText('after', w.examples('reframe experiments list', 'reframe experiments list --due --json'))
    .action(w.action(async (ctx, opts) => (await import('./list')).runExperimentsList(opts, ctx)));

  e.command('show')
    .description('One experiment in full')
    .argument('<id>', 'the experiment id, or its first 6+ characters')
    .option('--json', 'print the experiment as JSON')
    .addHelpText('after', w.examples('reframe experiments show 01JD9B', 'reframe experiments show 01JD9B --json'))
    .action(w.action(async (ctx, opts, id) => (await import('./show')).runExperimentsShow(id, opts, ctx)));

  e.command('done')
    .description('Say how it went: what happened, and how far the feared prediction came true')
    .argument('<id>', 'the experiment id, or its first 6+ characters')
    .option('--outcome <text>', 'what actually happened')
    .option('--came-true <n>', 'how far the feared prediction came true, 0-100')
    .option('--learned <text>', 'what you learned')
    .option('--conviction <n>', 'how much you believe the belief it tested now, 0-100 (a new rating of the belief)')
    .option('--json', 'print the experiment as JSON')
    .addHelpText('after', w.examples('reframe experiments done 01JD9B --outcome "He asked questions and told me about his week" --came-true 10 --learned "Sharing a little was fine" --conviction 60'))
    .action(w.action(async (ctx, opts, id) => (await import('./done')).runExperimentsDone(id, opts, ctx)));

  e.command('ideas')
    .description('Graded steps towards closeness, easiest first, as ideas for an experiment')
    .option('--belief <id>', 'ideas for the patterns of the records linked to this belief')
    .option('--record <id>', 'ideas for the patterns of this record')
    .option('--json', 'print the ideas as JSON')
    .addHelpText('after', w.examples('reframe experiments ideas', 'reframe experiments ideas --record 01JD7X --json'))
    .action(w.action(async (ctx, opts) => (await import('./ideas')).runExperimentsIdeas(opts, ctx)));
}
