// export, import, backup: moving the journal in and out.
import { Option } from 'commander';
import type { Wiring } from '../cli';

export function wireTransfer(w: Wiring): void {
  const { program } = w;

  w.filterFlags(program.command('export'), 'only the newest N records (still written oldest first)')
    .description('Export records as markdown, JSON, JSON Lines or CSV (oldest first)')
    .addOption(new Option('--format <format>', 'md (one readable document), json (an array), jsonl (one record per line) or csv').default('md'))
    .option('--out <path>', 'write to this file (0600, replaced whole) instead of standard output; with --split, a folder')
    .option('--split', 'markdown only: one file per record, with YAML front matter, into the folder --out names')
    .option('--bom', 'csv only: start with a byte-order mark, so Excel reads accents and emoji right')
    .addHelpText('after', w.examples(
      'reframe export --since 30d --out for-my-therapist.md',
      'reframe export --split --out ~/notes/reframe',
      'reframe export --format json --out journal.json',
      'reframe export --format csv --tag work --out work.csv',
      'reframe export --format jsonl | ssh laptop reframe import -',
    ))
    .action(w.action(async (ctx, opts) => (await import('../commands/export')).runExport(opts, ctx)));

  program.command('import')
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
    .action(w.action(async (ctx, opts, file) => (await import('../commands/import')).runImport(file, opts, ctx)));

  program.command('backup')
    .description('Copy the journal safely, even while it is in use; or put a copy back with --restore')
    .argument('[file]', 'where to write the backup')
    .option('--force', 'replace FILE if it already exists')
    .option('--restore <file>', 'replace the journal with this backup (the current journal is kept beside it)')
    .addOption(new Option('-y, --yes', 'with --restore: do not ask (needed without a terminal)'))
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', w.examples(
      'reframe backup ~/backups/reframe-$(date +%F).db',
      'reframe backup --restore ~/backups/reframe-2026-11-22.db',
      'reframe --db ~/backups/reframe-2026-11-22.db list',
    ))
    .addHelpText('after', 'A backup is one self-contained SQLite file, readable by you only. `--restore` checks that the file is\na Reframe journal, keeps your current journal beside it (journal.db.before-restore-DATE.bak), then swaps\nthe contents in one step, even while another reframe is running. To merge a backup\'s records into the\njournal instead of replacing it: reframe --db FILE export --format jsonl | reframe import -\n')
    .action(w.action(async (ctx, opts, file) => (await import('../commands/backup')).runBackup(file, opts, ctx)));
}
