// reframe import FILE: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import type { Wiring } from '../kit';

export function wireImport(w: Wiring): void {
  w.program.command('import')
    .description('Import records from Reframe\'s JSON, or from FreeCBT, cbt-toolkit-app, jrnl, Day One or Daylio (all or nothing)')
    .argument('<file>', 'the file to read, or - for standard input')
    .option('--dry-run', 'check every record and say what would be added, without writing anything')
    .option('--json', 'print the summary as JSON')
    .option('--from <app>', 'read the file as this app\'s export: freecbt, cbt-toolkit, jrnl, dayone, daylio or reframe (found by its content otherwise)')
    .option('--mood-map <label=N,...>', 'Daylio: the 0-100 mood for each of your mood words (defaults: rad=100,good=75,meh=50,bad=25,awful=0)')
    .option('--max-size <size>', 'read files up to this size (default 256M; 0 for no limit)')
    .addHelpText('after', w.examples(
      'reframe import journal.json',
      'reframe import other-laptop.jsonl --dry-run',
      'cat a.jsonl b.jsonl | reframe import -',
      'reframe import freecbt-backup.txt --dry-run',
      'reframe import "Day One export.zip"',
      'reframe import daylio_export.csv --mood-map "great=90,ok=55"',
      'jrnl --format json | reframe import - --from jrnl',
    ))
    .addHelpText('after', 'Records whose id is already in the journal are skipped (the journal\'s copy is kept), so importing a\nfile twice, or the exports of two computers, adds nothing twice. Records without an id get a new one.\nOne bad record rejects the whole file with its position and the field; nothing is written.\n')
    .action(w.action(async (ctx, opts, file) => (await import('./run')).runImport(file, opts, ctx)));
}
