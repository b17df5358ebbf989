// reframe completion SHELL (the script to source) and the hidden `reframe __complete WORDS...` that script calls
// at each Tab, as gh and cobra do: the program itself knows its commands, flags, pattern ids and the journal's
// tags, feelings and ids, so the scripts stay a few lines per shell and never go stale.
// Why not a library: tabtab/@pnpm/tabtab install into rc files themselves, omelette is unmaintained, and
// @bomb.sh/tab (which knows commander) is still 0.0.x; a callback protocol of two lines per shell was smaller.
import type { Wiring } from '../kit';
import { msg } from '../../messages';

export function wireCompletion(w: Wiring): void {
  w.program.command('completion')
    .description('Print the shell completion script for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', msg.shell.completionHelp + '\n' + w.examples('reframe completion bash', 'reframe completion zsh', 'reframe completion fish'))
    .action(w.action(async (ctx, _opts, shell) => (await import('./run')).runCompletion(shell, ctx)));

  w.program.command('__complete', { hidden: true })
    .description('What to offer at a Tab (used by the completion scripts)')
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .action(w.action(async (ctx, _opts, words) => (await import('./run')).runComplete(w.program, words as unknown as string[] ?? [], ctx)));
}
