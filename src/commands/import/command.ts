// reframe import FILE: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireImport(w: Wiring): void {
  w.program.command('import')
    .description('Import records from a JSON array or JSON Lines file (all or nothing)')
    .argument('<file>', 'the file to read, or - for standard input')
    .option('--dry-run', 'check every record and say what would be added, without writing anything')
    .option('--json', 'print the summary as JSON')
    .option('--max-size <size>', 'read files up to this size (default 256M; 0 for no limit)')
    .addHelpText('after', w.examples(
      'reframe import journal.json',
      'reframe import other-laptop.jsonl --dry-run',
      'cat a.jsonl b.jsonl | reframe import -',
    ))
    .addHelpText('after', 'Records whose id is already in the journal are skipped (the journal\'s copy is kept), so importing a\nfile twice, or the exports of two computers, adds nothing twice. Records without an id get a new one.\nOne bad record rejects the whole file with its position and the field; nothing is written.\n')
    .action(w.action(async (ctx, opts, file) => (await import('./run')).runImport(file, opts, ctx)));
}
