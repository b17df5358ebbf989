// reframe safety-plan [edit]: the group's wiring. `reframe safety-plan` shows the plan (show.ts); `edit` writes
// it step by step or from JSON (edit.ts). Each is loaded only when it runs.
import type { Command } from 'commander';
import type { Wiring } from '../kit';

export function wireSafetyPlan(w: Wiring): void {
  const c = w.program.command('safety-plan')
    .description('Your personal safety plan: what helps, and who to reach, when things get very hard')
    .option('--json', 'print the plan as JSON (null when there is none)')
    .addHelpText('after', w.examples('reframe safety-plan', 'reframe safety-plan edit', 'reframe safety-plan --json > plan.json',
      'reframe safety-plan edit --input plan.json')
      + '\nSeven steps (Stanley and Brown): warning signs; things I can do on my own; people and places that help me\n'
      + 'feel better; people I can ask for help, with their numbers; professionals and crisis lines I would call;\n'
      + 'making my surroundings safer; my reasons for living. It is kept in your journal, and exported and imported\n'
      + 'with your records. When the words of a record suggest you may be in danger, the note shows its people and\n'
      + 'crisis lines first.\n')
    .action(w.action(async (ctx, opts) => (await import('./show')).runSafetyPlanShow(opts, ctx)));

  c.command('edit')
    .description('Write or change your safety plan, step by step (Enter keeps what is there)')
    .option('--input <file>', 'take the plan as JSON from FILE (- for standard input) instead of asking')
    .option('--json', 'print the saved plan as JSON')
    .addHelpText('after', w.examples('reframe safety-plan edit', 'reframe safety-plan edit --input plan.json',
      `echo '{"askForHelp": ["Sam 07700 900123"], "reasonsForLiving": ["my sister"]}' | reframe safety-plan edit --input -`)
      + '\nWithout a terminal it needs --input. Steps left out of the JSON are empty; every run replaces the whole plan.\n')
    // `safety-plan` has --json too, and commander gives it to the parent when it comes after `edit`: take it from there.
    .action((opts: Record<string, unknown>, cmd: Command) => w.action(async (ctx, o) => (await import('./edit')).runSafetyPlanEdit(o, ctx))(
      { ...opts, ...(cmd.parent?.opts().json ? { json: true } : {}) }, cmd));
}
