// reframe sync [init DIR | status | auto on|off | dismiss ID]: the group's wiring (issue 22). `reframe sync` itself
// exchanges changes (run.ts); each subcommand's work is in its own file here, loaded only when it runs.
import type { Command } from 'commander';
import type { Wiring } from '../kit';

export function wireSync(w: Wiring): void {
  const c = w.program.command('sync')
    .description('Sync this journal with your other computers through a folder you already sync (Syncthing, Dropbox, git)')
    .option('--auto', 'quietly, for hooks and cron: a missing folder is a warning, never a failure')
    .option('--json', 'print what was sent and received as JSON')
    .addHelpText('after', w.examples('reframe sync init ~/Sync/reframe', 'reframe sync', 'reframe sync status', 'reframe sync auto on')
      + '\nEach computer writes only its own change files under DIR/reframe-sync/v1/devices/<device>/, so the sync app never\n'
      + 'sees two writers. The newest change wins; when two computers changed the same thing apart, the other version is\n'
      + 'kept and `reframe sync status` and `reframe show` say so. The journal file itself never goes into the folder.\n')
    .action(w.action(async (ctx, opts) => (await import('./run')).runSync(opts, ctx)));

  c.command('init')
    .description('Tie this journal to a folder that your sync app carries between your computers')
    .argument('<dir>', 'the folder (made if missing, inside a folder that is there)')
    .option('--auto', 'also sync by itself after each save and before showing records')
    .addHelpText('after', w.examples('reframe sync init ~/Sync/reframe', 'reframe sync init ~/Dropbox/reframe --auto',
      'reframe sync init ~/notes-repo/reframe'))
    .action((dir: string, opts: Record<string, unknown>, cmd: Command) => w.action(async (ctx, o, d) => (await import('./init')).runSyncInit(d, o, ctx))(
      dir, { ...opts, ...(cmd.parent?.opts().auto ? { auto: true } : {}) }, cmd));

  c.command('status')
    .description('What was sent and received, and when; changes waiting; versions kept from changes made apart')
    .option('--json', 'print the status as JSON')
    .addHelpText('after', w.examples('reframe sync status', 'reframe sync status --json'))
    .action((opts: Record<string, unknown>, cmd: Command) => w.action(async (ctx, o) => (await import('./status')).runSyncStatus(o, ctx))(
      { ...opts, ...(cmd.parent?.opts().json ? { json: true } : {}) }, cmd));

  c.command('auto')
    .description('Sync by itself after each save and before showing records (on), or only when asked (off)')
    .argument('<on|off>', 'on or off')
    .addHelpText('after', w.examples('reframe sync auto on', 'reframe sync auto off'))
    .action(w.action(async (ctx, _o, v) => (await import('./status')).runSyncAuto(v, ctx)));

  c.command('dismiss')
    .description('Set aside the versions kept for a record (or belief, experiment...) once you have looked at them')
    .argument('<id>', 'the id, or a unique prefix of 6+ characters for a record')
    .addHelpText('after', w.examples('reframe sync dismiss 01JD7X4Q'))
    .action(w.action(async (ctx, _o, id) => (await import('./status')).runSyncDismiss(id, ctx)));
}
