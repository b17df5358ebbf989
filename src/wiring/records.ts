// new, list, show, edit, delete.
import { Option } from 'commander';
import type { Wiring } from '../cli';

/** The record flags that `new` and `edit` share. */
function recordFlags(w: Wiring, cmd: import('commander').Command) {
  return cmd
    .option('--situation <text>', 'what happened: where, when, who')
    .option('--thought <text>', 'the hot thought, the one that hurts most')
    .option('--belief <n>', 'how much you believe the thought, 0-100')
    .option('--emotion <name:before[:after]>', 'a feeling and its strength 0-100, e.g. anxious:80 or anxious:80:40 (repeatable)', w.collect)
    .option('--other-thought <text>', 'another thought that came up (repeatable)', w.collect)
    .option('--distortion <id>', 'a thinking pattern from `reframe distortions list` (repeatable)', w.collect)
    .option('--for <text>', 'evidence that supports the thought (repeatable)', w.collect)
    .option('--against <text>', "evidence that doesn't fit the thought (repeatable)", w.collect)
    .option('--reframe <text>', 'a balanced thought')
    .option('--reframe-belief <n>', 'how much you believe the balanced thought, 0-100')
    .option('--belief-after <n>', 'belief in the hot thought after working through it, 0-100')
    .option('--plan <text>', 'a small next step')
    .option('--tag <tag>', 'a tag to find it later (repeatable)', w.collect)
    .option('--at <datetime>', 'when it happened: "2026-11-22 19:05", "yesterday 21:00", "19:05" (default: now)')
    .option('--input <file>', 'read the record as JSON from a file (- for stdin)')
    .option('--json', 'print the saved record as JSON');
}

export function wireRecords(w: Wiring): void {
  const { program } = w;

  recordFlags(w, program.command('new'))
    .description('Write a new thought record (guided, in a terminal)')
    .option('--resume', 'continue the draft you left with Ctrl-C')
    .addHelpText('after', w.examples(
      'reframe new',
      'reframe new --resume',
      'reframe new --situation "She went quiet at dinner" --thought "I\'m not worthy of love" --belief 90 --emotion anxious:80 --distortion labeling',
      'reframe new --input record.json',
    ))
    .action(w.action(async (ctx, opts) => (await import('../commands/new')).runNew(opts, ctx)));

  w.filterFlags(program.command('list'))
    .description('List records, newest first')
    .option('--json', 'print the records as a JSON array')
    .addHelpText('after', w.examples(
      'reframe list',
      'reframe list --since 7d --distortion mind-reading',
      'reframe list --search "guard down" --limit 5',
      'reframe list --tag partner --json | jq length',
    ))
    .action(w.action(async (ctx, opts) => (await import('../commands/list')).runList(opts, ctx)));

  program.command('show')
    .description('Show one record in full')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .option('--json', 'print the record as JSON')
    .addHelpText('after', w.examples('reframe show 01JD7X', 'reframe show 01JD7X4Q --json'))
    .action(w.action(async (ctx, opts, id) => (await import('../commands/show')).runShow(id, opts, ctx)));

  recordFlags(w, program.command('edit'))
    .description('Change a record: re-rate it later, add a balanced thought, fix a detail')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .option('--resume', 'continue an edit you left with Ctrl-C')
    .addHelpText('after', w.examples(
      'reframe edit 01JD7X',
      'reframe edit 01JD7X --belief-after 35 --emotion anxious:80:40',
      'reframe edit 01JD7X --reframe "One quiet evening is not a verdict" --reframe-belief 70',
    ))
    .addHelpText('after', '\nWith flags, list flags (--tag, --distortion, --for, --against, --other-thought) replace that list;\n--emotion NAME:BEFORE:AFTER changes that feeling or adds it, and NAME::AFTER re-rates it.\n')
    .action(w.action(async (ctx, opts, id) => (await import('../commands/edit')).runEdit(id, opts, ctx)));

  program.command('delete')
    .description('Delete a record')
    .argument('<id>', 'the record id, or its first 6+ characters')
    .addOption(new Option('-y, --yes', 'do not ask (needed without a terminal)'))
    .option('--json', 'print the deleted record as JSON')
    .addHelpText('after', w.examples('reframe delete 01JD7X', 'reframe delete 01JD7X4Q --yes'))
    .action(w.action(async (ctx, opts, id) => (await import('../commands/delete')).runDelete(id, opts, ctx)));
}
