// argv -> command and options, without running anything (gh's runF pattern).
import { describe, expect, it } from 'vitest';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli';

async function parse(argv: string[]) {
  let seen: { command: string; opts: Record<string, unknown>; args: string[]; globals: Record<string, unknown> } | undefined;
  const program = buildProgram(() => { throw new Error('no context in wiring tests'); }, (c) => { seen = c as typeof seen; });
  await program.parseAsync(['node', 'reframe', ...argv]);
  return seen!;
}

describe('wiring', () => {
  const table: [string[], string, Record<string, unknown>, string[]][] = [
    [['new', '--situation', 's', '--thought', 't', '--belief', '90', '--emotion', 'a:1', '--emotion', 'b:2:3', '--tag', 'x', '--tag', 'y'], 'new',
      { situation: 's', thought: 't', belief: '90', emotion: ['a:1', 'b:2:3'], tag: ['x', 'y'] }, []],
    [['new', '--resume'], 'new', { resume: true }, []],
    [['list', '--since', '7d', '--distortion', 'mind-reading', '--limit', '5', '--json'], 'list', { since: '7d', distortion: 'mind-reading', limit: '5', json: true }, []],
    [['show', '01JD7X', '--json'], 'show', { json: true }, ['01JD7X']],
    [['edit', '01JD7X', '--belief-after', '35', '--emotion', 'anxious::40'], 'edit', { beliefAfter: '35', emotion: ['anxious::40'] }, ['01JD7X']],
    [['delete', '01JD7X', '-y'], 'delete', { yes: true }, ['01JD7X']],
    [['distortions', 'show', 'labeling'], 'distortions show', {}, ['labeling']],
    [['export', '--since', '7d', '--tag', 'work', '--search', 'guard', '--limit', '3', '--format', 'csv'], 'export',
      { since: '7d', tag: 'work', search: 'guard', limit: '3', format: 'csv' }, []],
  ];
  for (const [argv, command, opts, args] of table) {
    it(argv.join(' '), async () => {
      const seen = await parse(argv);
      expect(seen.command).toBe(command);
      expect(seen.opts).toMatchObject(opts);
      expect(seen.args).toEqual(args);
    });
  }

  it('global --db and --no-color reach every command', async () => {
    const seen = await parse(['--db', '/tmp/x.db', '--no-color', 'list']);
    expect(seen.globals).toMatchObject({ db: '/tmp/x.db', color: false });
  });

  it('unknown options are commander errors (main turns them into exit 2)', async () => {
    await expect(parse(['list', '--nope'])).rejects.toBeInstanceOf(CommanderError);
  });
});
