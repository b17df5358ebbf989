// reframe encrypt / decrypt / passphrase: wiring. The work is in ./run.ts, loaded only when a command runs.
import type { Wiring } from '../kit';
import { msg } from '../../messages';
import type { PassphraseOptions } from './run';

export function wireEncrypt(w: Wiring): void {
  w.program.command('encrypt')
    .description(msg.cipher.encryptHelp)
    .addHelpText('after', w.examples(
      'reframe encrypt',
      'REFRAME_PASSPHRASE_FILE=~/.config/reframe/passphrase reframe encrypt',
    ))
    .addHelpText('after', 'The new passphrase is asked twice on a terminal, or read from --passphrase-file or $REFRAME_PASSPHRASE_FILE\n(the first line of a file only you can read). Run it before your first record to start a journal encrypted.\nA forgotten passphrase cannot be recovered.\n')
    .action(w.action(async (ctx) => (await import('./run')).runEncrypt(ctx)));
  w.program.command('decrypt')
    .description(msg.cipher.decryptHelp)
    .action(w.action(async (ctx) => (await import('./run')).runDecrypt(ctx)));
  w.program.command('passphrase')
    .description(msg.cipher.passphraseHelp)
    .option('--new-passphrase-file <path>', msg.cipher.newPassphraseFileHelp)
    .option('--remember', msg.cipher.rememberHelp)
    .option('--forget', msg.cipher.forgetHelp)
    .addHelpText('after', w.examples(
      'reframe passphrase',
      'reframe --passphrase-file old.txt passphrase --new-passphrase-file new.txt',
      'reframe passphrase --remember',
      'reframe passphrase --forget',
    ))
    .addHelpText('after', 'With --remember, the keyring is used after --passphrase-file and $REFRAME_PASSPHRASE_FILE and before the prompt,\nonly for this journal, and only where it answers at once: cron and ssh sessions without a desktop bus skip it.\n')
    .action(w.action(async (ctx, opts) => (await import('./run')).runPassphrase(opts as PassphraseOptions, ctx)));
}
