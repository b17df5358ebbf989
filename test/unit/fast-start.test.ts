// src/fast-start.ts reads the everyday commands' command lines without commander. Whatever it reads must be what
// commander gives the command, option for option (the same opts, arguments and global options), or it must leave
// the line to commander. Checked on the lines people type and on thousands of generated ones, against commander
// itself through buildProgram's intercept (the wiring tests' way of seeing what a command would run with).
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli';
import { FAST, fastParse, type FastCall } from '../../src/fast-start';

type Seen = { command: string; opts: Record<string, unknown>; args: string[]; globals: Record<string, unknown> };

async function viaCommander(words: string[]): Promise<Seen | Error> {
  let seen: Seen | undefined;
  const program = buildProgram(() => { throw new Error('no context in wiring tests'); }, (c) => { seen = c as Seen; });
  try {
    await program.parseAsync(['node', 'reframe', ...words]);
  } catch (err) {
    return err as Error;
  }
  return seen ?? new Error('no command ran');
}

const fast = (words: string[]): FastCall | undefined => fastParse(['node', 'reframe', ...words]);

async function expectSame(words: string[]): Promise<void> {
  const mine = fast(words);
  if (!mine) return;
  const theirs = await viaCommander(words);
  expect(theirs, words.join(' ')).not.toBeInstanceOf(Error);
  expect(mine, JSON.stringify(words)).toEqual(theirs);
}

describe('the fast start reads', () => {
  const everyday: string[][] = [
    ['list'], ['list', '--limit', '20'], ['list', '--since', '7d', '--distortion', 'mind-reading', '--json'],
    ['list', '--search', 'guard down', '--limit=5'], ['list', '--tag', 'partner', '--json'],
    ['show', '01JD7X'], ['show', '01JD7X4Q', '--json'], ['show', '--json', '01JD7X'],
    ['stats'], ['stats', '--json'], ['stats', '--since', '30d', '--by', 'day'], ['stats', '--since=3m', '--json'],
    ['daily'], ['daily', '--json'], ['daily', '--notify'],
    ['new'], ['new', '--resume'], ['new', '--from-note', '01HX3Q'],
    ['new', '--situation', 'She went quiet at dinner', '--thought', "I'm not worthy of love", '--belief', '90', '--emotion', 'anxious:80', '--distortion', 'labeling'],
    ['new', '--situation', 's', '--thought', 't', '--emotion', 'a:1', '--emotion=b:2:3', '--tag', 'x', '--tag', 'y', '--other-thought', 'o', '--belief-after', '35', '--json'],
    ['new', '--input', 'record.json'], ['new', '--core-belief', '01JD8A', '--situation', 's', '--thought', 't'],
    ['--db', '/tmp/j.db', 'list'], ['--db=/tmp/j.db', 'stats', '--json'], ['list', '--db', '/tmp/j.db'],
    ['--no-color', 'list'], ['list', '--no-pager'], ['--passphrase-file', '/tmp/p', 'daily', '--json'],
  ];
  for (const words of everyday) {
    it(`reframe ${words.join(' ')}: as commander reads it`, async () => {
      expect(fast(words), 'read by the fast start').toBeDefined();
      await expectSame(words);
    });
  }
});

describe('the fast start leaves to commander', () => {
  const others: string[][] = [
    [], ['--help'], ['list', '--help'], ['list', '-h'], ['-V'], ['--version'], ['help', 'list'],
    ['list', '--limit'], ['list', '--limit', '5', '--limit', '6'], ['list', '--search', '--json'], ['list', '--limit', '-5'],
    ['list', 'extra'], ['list', '--json=1'], ['list', '--bogus'], ['list', '--', 'x'], ['list', '-'],
    ['show'], ['show', 'a', 'b'], ['show', '-x'], ['stats', '--by'], ['--json', 'list'], ['--db'],
    ['lsit'], ['new', '--input', '-'], ['new', '--situation', 's', '--situation', 't'], ['edit', '01JD7X'], ['export', '--format', 'md'], ['distortions', 'list'], ['list', '--color'], ['list', '--no-json'],
  ];
  for (const words of others) {
    it(`reframe ${words.join(' ')}`, () => expect(fast(words)).toBeUndefined());
  }
});

describe('the fast start and commander agree', () => {
  it('on each command\'s options as its wiring defines them', () => {
    const full = buildProgram(() => { throw new Error('no context'); });
    const globals = full.options.map((o) => o.long);
    expect(globals.sort()).toEqual(['--db', '--no-color', '--no-pager', '--passphrase-file', '--version'].sort());
    for (const [name, shape] of Object.entries(FAST)) {
      const cmd = full.commands.find((c) => c.name() === name)!;
      // An option with a parser of its own collects its values (w.collect); the others keep the last one.
      const valued = cmd.options.filter((o) => o.required && !o.parseArg).map((o) => o.long!.slice(2));
      const collect = cmd.options.filter((o) => o.required && o.parseArg).map((o) => o.long!.slice(2));
      const flags = cmd.options.filter((o) => !o.required && !o.optional && o.long !== '--help').map((o) => o.long!.slice(2));
      // (commander reads `<name:before[:after]>` as both required and optional: required wins.)
      expect(cmd.options.every((o) => !o.variadic && !o.negate && (o.required || !o.optional)), name).toBe(true);
      expect([...shape.valued].sort(), name).toEqual(valued.sort());
      expect([...(shape.collect ?? [])].sort(), name).toEqual(collect.sort());
      expect([...shape.flags].sort(), name).toEqual(flags.sort());
      expect(shape.args, name).toBe(cmd.registeredArguments.length);
    }
  });

  it('on every generated command line the fast start reads (and it reads many of them)', async () => {
    // A small seeded generator: words drawn from the commands, every option of theirs and the globals, in both
    // spellings, values of every awkward kind, stray words and the tokens commander treats specially.
    let seed = 20261207;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pick = <T>(xs: T[]): T => xs[rand(xs.length)];
    const values = ['7d', '2026-01-01', '5', '-5', '', 'a b', '--json', '-', 'x=y', 'day', '01JD7X', 'mind-reading', '--', '=', 'é'];
    const names = [...new Set([...Object.values(FAST).flatMap((s) => [...s.valued, ...(s.collect ?? []), ...s.flags]), 'db', 'passphrase-file', 'no-color', 'no-pager', 'bogus', 'help', 'version', 'color', 'format'])];
    const commands = [...Object.keys(FAST), 'edit', 'export', 'lsit', 'help'];
    let read = 0;
    const lines = 4000;
    for (let n = 0; n < lines; n++) {
      const words: string[] = [];
      const before = rand(3);
      for (let k = 0; k < before; k++) {
        if (rand(2)) words.push(`--${pick(['db', 'passphrase-file'])}`, pick(values));
        else words.push(`--${pick(['no-color', 'no-pager'])}`);
      }
      const command = rand(10) > 0 ? pick(commands) : undefined;
      if (command) words.push(command);
      // Mostly the command's own options, so that many lines are ones the fast start reads.
      const own = command && Object.hasOwn(FAST, command) ? [...FAST[command].valued, ...(FAST[command].collect ?? []), ...FAST[command].flags] : names;
      const name = () => pick(rand(10) < 7 ? own : names);
      const after = rand(5);
      const isFlag = (n: string) => n.startsWith('no-') || Object.values(FAST).some((s) => s.flags.includes(n));
      for (let k = 0; k < after; k++) {
        const r = rand(20);
        const n = name();
        // Mostly as the option is meant to be given (a flag alone, a value after the others), sometimes not.
        if (r < 13) words.push(`--${n}`, ...(isFlag(n) === (rand(10) > 0) ? [] : [pick(values)]));
        else if (r < 16) words.push(`--${n}=${pick(values)}`);
        else if (r < 18) words.push(pick(['01JD7X', 'abc', 'x']));
        else words.push(pick(['-h', '-V', '--', '-x', '-']));
      }
      if (fast(words)) read++;
      await expectSame(words);
    }
    expect(read).toBeGreaterThan(lines / 10);
  }, 120_000);
});
