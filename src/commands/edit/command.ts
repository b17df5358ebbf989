// reframe edit ID: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import { recordFlags, type Wiring } from '../kit';

export function wireEdit(w: Wiring): void {
  recordFlags(w, w.program.command('edit'))
    .description('Change a record: re-rate it later, add a balanced thought, fix a detail')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .option('--resume', 'continue an edit you left with Ctrl-C')
    .addHelpText('after', w.examples(
      'reframe edit 01JD7X',
      'reframe edit 01JD7X --belief-after 35 --emotion anxious:80:40',
      'reframe edit 01JD7X --reframe "One quiet evening is not a verdict" --reframe-belief 70',
    ))
    .addHelpText('after', '\nWith flags, list flags (--tag, --distortion, --for, --against, --other-thought) replace that list;\n--emotion NAME:BEFORE:AFTER changes that feeling or adds it, and NAME::AFTER re-rates it.\n')
    .action(w.action(async (ctx, opts, id) => (await import('./run')).runEdit(id, opts, ctx)));
}
