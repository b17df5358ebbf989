// reframe export: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import { Option } from 'commander';
import type { Wiring } from '../kit';

export function wireExport(w: Wiring): void {
  w.filterFlags(w.program.command('export'), 'only the newest N records (still written oldest first)')
    .description('Export records as markdown, JSON, JSON Lines or CSV (oldest first)')
    .addOption(new Option('--format <format>', 'md (one readable document), json (an array), jsonl (one record per line) or csv').default('md'))
    .option('--out <path>', 'write to this file (0600, replaced whole) instead of standard output; with --split, a folder')
    .option('--split', 'markdown only: one file per record, with YAML front matter, into the folder --out names')
    .option('--encrypt', 'write an age file (age-encryption.org/v1) locked with a passphrase: the journal\'s passphrase file, or a new one asked twice')
    .option('--bom', 'csv only: start with a byte-order mark, so Excel reads accents and emoji right')
    .addHelpText('after', w.examples(
      'reframe export --since 30d --out for-my-therapist.md',
      'reframe export --split --out ~/notes/reframe',
      'reframe export --format json --out journal.json',
      'reframe export --format csv --tag work --out work.csv',
      'reframe export --encrypt --format json --out journal.json.age',
      'reframe export --format jsonl | ssh laptop reframe import -',
    ))
    .action(w.action(async (ctx, opts) => (await import('./run')).runExport(opts, ctx)));
}
