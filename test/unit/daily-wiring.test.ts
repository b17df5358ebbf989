// argv -> command and options for daily and cron, without running anything.
import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli';

async function parse(argv: string[]) {
  let seen: { command: string; opts: Record<string, unknown>; args: string[]; globals: Record<string, unknown> } | undefined;
  const program = buildProgram(() => { throw new Error('no context in wiring tests'); }, (c) => { seen = c as typeof seen; });
  await program.parseAsync(['node', 'reframe', ...argv]);
  return seen!;
}

describe('daily and cron wiring', () => {
  it.each([
    [['daily'], 'daily', {}],
    [['daily', '--json', '--notify'], 'daily', { json: true, notify: true }],
    [['cron', 'install', '--at', '21:30'], 'cron install', { at: '21:30' }],
    [['cron', 'install', '--at', '07:05', '--notify'], 'cron install', { at: '07:05', notify: true }],
    [['cron', 'show', '--json'], 'cron show', { json: true }],
    [['cron', 'remove'], 'cron remove', {}],
  ] as [string[], string, Record<string, unknown>][])('%j', async (argv, command, opts) => {
    const seen = await parse(argv);
    expect(seen.command).toBe(command);
    expect(seen.opts).toEqual(opts);
  });

  it('--db reaches cron install (it goes into the line)', async () => {
    expect((await parse(['--db', '/tmp/j.db', 'cron', 'install', '--at', '21:30'])).globals).toMatchObject({ db: '/tmp/j.db' });
  });

  it('cron install without --at is a commander error (exit 2)', async () => {
    await expect(parse(['cron', 'install'])).rejects.toBeInstanceOf(CommanderError);
  });
});
