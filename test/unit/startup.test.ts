// Start-up shortcuts must not change behaviour: `reframe list` wires only list (src/cli.ts, WIRING_OF), and
// each command wired alone is the same command, help and all, as in the full program.
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { WIRING_OF } from '../../src/commands/index';
import { buildProgram, commandName } from '../../src/cli';

const noContext = () => { throw new Error('no context in wiring tests'); };

describe('commandName', () => {
  const cases: [string[], string | undefined][] = [
    [['list', '--limit', '20'], 'list'],
    [['--db', '/tmp/list', 'stats', '--json'], 'stats'],
    [['--db=/tmp/x.db', '--no-color', 'distortions', 'suggest', 'x'], 'distortions'],
    [['--help'], undefined],
    [['--version'], undefined],
    [['--bogus', 'list'], undefined],
    [['--db'], undefined],
    [[], undefined],
    [['help', 'list'], 'help'],
    [['lsit'], 'lsit'],
  ];
  for (const [args, name] of cases) {
    it(`reframe ${args.join(' ')} -> ${name}`, () => expect(commandName(['node', 'reframe', ...args])).toBe(name));
  }
});

describe('wiring only what a command line needs', () => {
  const full = buildProgram(noContext);
  const names = full.commands.map((c) => c.name());
  const describeCommand = (c: Command): unknown => ({
    help: c.helpInformation(),
    options: c.options.map((o) => o.flags),
    subcommands: c.commands.map(describeCommand),
  });

  it('wires every command for help, typos and "help"', () => {
    for (const only of [undefined, 'help', 'lsit']) {
      expect(buildProgram(noContext, undefined, only).commands.map((c) => c.name())).toEqual(names);
    }
  });

  for (const name of names) {
    it(`${name}: the same command as in the full program`, () => {
      const program = buildProgram(noContext, undefined, name);
      const mine = program.commands.find((c) => c.name() === name);
      expect(mine).toBeDefined();
      expect(describeCommand(mine!)).toEqual(describeCommand(full.commands.find((c) => c.name() === name)!));
    });
  }

  it('wires only the command named', () => {
    expect(buildProgram(noContext, undefined, 'list').commands.map((c) => c.name())).toEqual(['list']);
    expect(buildProgram(noContext, undefined, 'stats').commands.map((c) => c.name())).toEqual(['stats']);
  });

  it('knows which wiring adds each command: every name the program has, and only those', () => {
    expect(Object.keys(WIRING_OF).sort()).toEqual([...names].sort());
    for (const name of names) {
      const alone = new Command('reframe');
      const w = { program: alone, action: () => async () => {}, collect: (v: string, p: string[] = []) => [...p, v], examples: () => '', filterFlags: (c: Command) => c };
      WIRING_OF[name](w);
      expect(alone.commands.map((c) => c.name()), name).toContain(name);
    }
  });
});
