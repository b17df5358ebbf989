// export / import / backup: argv -> options without running anything, and the progress bar's rules.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli';
import { Progress } from '../../src/io/transfer';

async function parse(argv: string[]) {
  let seen: { command: string; opts: Record<string, unknown>; args: string[] } | undefined;
  const program = buildProgram(() => { throw new Error('no context in wiring tests'); }, (c) => { seen = c; });
  await program.parseAsync(['node', 'reframe', ...argv]);
  return seen!;
}

describe('transfer wiring', () => {
  it.each([
    [['export'], 'export', { format: 'md' }, []],
    [['export', '--format', 'csv', '--out', 'x.csv', '--bom', '--tag', 'work', '--since', '7d', '--limit', '3'], 'export',
      { format: 'csv', out: 'x.csv', bom: true, tag: 'work', since: '7d', limit: '3' }, []],
    [['export', '--split', '--out', 'vault', '--search', 'guard down'], 'export', { split: true, out: 'vault', search: 'guard down' }, []],
    [['import', '-', '--dry-run', '--json'], 'import', { dryRun: true, json: true }, ['-']],
    [['backup', 'b.db', '--force'], 'backup', { force: true }, ['b.db']],
    [['backup', '--restore', 'b.db', '-y'], 'backup', { restore: 'b.db', yes: true }, [undefined]],
  ] as [string[], string, Record<string, unknown>, (string | undefined)[]][])('%j', async (argv, command, opts, args) => {
    const seen = await parse(argv);
    expect(seen.command).toBe(command);
    expect(seen.opts).toMatchObject(opts);
    expect(seen.args).toEqual(args);
  });
});

class FakeTerminal {
  text = '';
  isTTY = true;
  columns = 80;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

describe('progress bar', () => {
  it('stays hidden for the first second, then shows on a terminal, and clears itself when done', () => {
    let now = 0;
    const term = new FakeTerminal();
    const p = new Progress(term, true, 'Importing', 100, () => now);
    p.tick(10);
    now = 999;
    p.tick(20);
    expect(term.text).toBe('');
    expect(p.shown).toBe(false);
    now = 1001;
    p.tick(30);
    expect(p.shown).toBe(true);
    expect(term.text).toContain('Importing [');
    expect(term.text).toContain('30%');
    p.stop();
    expect(p.shown).toBe(false);
  });

  it('never shows when not enabled (not a terminal, or stdout is the terminal)', () => {
    let now = 0;
    const term = new FakeTerminal();
    const p = new Progress(term, false, 'Exporting', 10, () => now);
    now = 5000;
    p.tick(5);
    p.stop();
    expect(term.text).toBe('');
  });
});
