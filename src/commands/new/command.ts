// reframe new: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import { recordFlags, type Action, type Wiring } from '../kit';

/** What `reframe new` runs, however its command line was read (src/fast-start.ts reads it without commander). */
export const newAction: Action = async (ctx, opts) => (await import('./run')).runNew(opts, ctx);

export function wireNew(w: Wiring): void {
  recordFlags(w, w.program.command('new'))
    .description('Write a new thought record (guided, in a terminal)')
    .option('--resume', 'continue the draft you left with Ctrl-C')
    .option('--from-note <id>', 'start the guided record from a note (reframe notes list): its text becomes the situation')
    .option('--core-belief <id>', 'link the record to a belief you keep (`reframe beliefs list`)')
    .addHelpText('after', w.examples(
      'reframe new',
      'reframe new --resume',
      'reframe new --from-note 01HX3Q',
      'reframe new --situation "She went quiet at dinner" --thought "I\'m not worthy of love" --belief 90 --emotion anxious:80 --distortion labeling',
      'reframe new --input record.json',
      'reframe new --situation "She went quiet" --thought "She\'ll leave" --emotion anxious:70 --core-belief 01JD8A',
    ))
    .action(w.action(newAction));
}
