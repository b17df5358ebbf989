// reframe backup FILE: wiring (flags, help, examples). The work is in ./run.ts, loaded only when the command runs.
import { Option } from 'commander';
import type { Wiring } from '../kit';
import { msg } from '../../messages';

export function wireBackup(w: Wiring): void {
  w.program.command('backup')
    .description('Copy the journal safely, even while it is in use; or put a copy back with --restore')
    .argument('[file]', 'where to write the backup')
    .option('--force', 'replace FILE if it already exists')
    .option('--restore <file>', 'replace the journal with this backup (the current journal is kept beside it)')
    .addOption(new Option('-y, --yes', 'with --restore: do not ask (needed without a terminal)'))
    .option('--backup-passphrase-file <path>', msg.cipher.backupPassphraseFileHelp)
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', w.examples(
      'reframe backup ~/backups/reframe-$(date +%F).db',
      'reframe backup --restore ~/backups/reframe-2026-11-22.db',
      'reframe --db ~/backups/reframe-2026-11-22.db list',
      'reframe backup --restore old.db --backup-passphrase-file ~/.config/reframe/old-passphrase',
    ))
    .addHelpText('after', 'A backup is one self-contained SQLite file, readable by you only. `--restore` checks that the file is\na Reframe journal, keeps your current journal beside it (journal.db.before-restore-DATE.bak), then swaps\nthe contents in one step, even while another reframe is running. To merge a backup\'s records into the\njournal instead of replacing it: reframe --db FILE export --format jsonl | reframe import -\n' +
      'An encrypted journal\'s backup is encrypted with its passphrase. Restoring keeps an encrypted journal encrypted\nunder its own passphrase; an encrypted backup restored into a plain journal makes it encrypted, with the\nbackup\'s passphrase. A backup made under an older passphrase: give it with --backup-passphrase-file, or type\nit when asked.\n')
    .action(w.action(async (ctx, opts, file) => (await import('./run')).runBackup(file, opts, ctx)));
}
