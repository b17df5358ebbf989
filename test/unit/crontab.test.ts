// The crontab line: quoting that survives cron's % rule and /bin/sh, and edits that leave every other
// line of the person's table exactly as it was.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MARKER, cronLine, cronQuote, describeLine, formatAt, isOurs, ourLines, parseAt, withLine, withoutLine,
} from '../../src/cron/crontab';
import { UsageError } from '../../src/errors';
import { cronCommand } from '../helpers/cron';

/** What sh gives a program for one quoted word, after cron's own processing of the line. */
function throughCronAndSh(quoted: string): string {
  const { command, stdin } = cronCommand(`printf '%s' ${quoted}`.replace(/%s/, '\\%s'));
  expect(stdin).toBe('');
  const r = spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('cronQuote', () => {
  it.each([
    '/usr/bin/node',
    '/home/ana/My Journal/journal.db',
    "/home/o'brien/.local/state/reframe/daily.log",
    '/tmp/100%/done',
    '/tmp/a\\%b',
    '/tmp/ends-with-backslash\\',
    '/tmp/$HOME `id` "x" ; # * ~ !',
    '/tmp/100%%',
    '/tmp/ünï cødé 🌙',
  ])('%s reaches the program unchanged', (s) => {
    expect(throughCronAndSh(cronQuote(s))).toBe(s);
  });

  it('never leaves a % that cron would turn into a newline', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('%', '\\', "'", '"', ' ', '$', '`', 'a', '/', '#', ';', '\t', 'é'), maxLength: 24 }), (s) => {
      expect(cronCommand(cronQuote(s)).stdin).toBe('');
    }));
  });

  it('round-trips any text through cron and sh', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('%', '\\', "'", '"', ' ', '$', '`', 'a', '/', '#', ';', 'é', '*'), maxLength: 16 }), (s) => {
      expect(throughCronAndSh(cronQuote(s))).toBe(s);
    }), { numRuns: 60 });
  });

  it('refuses a line break, which no crontab line can hold', () => {
    expect(() => cronQuote('/tmp/a\nb')).toThrow(UsageError);
    expect(() => cronQuote('/tmp/a\rb')).toThrow(UsageError);
  });
});

describe('parseAt', () => {
  it.each([['21:30', 21, 30], ['00:00', 0, 0], ['23:59', 23, 59], ['7:05', 7, 5], [' 08:15 ', 8, 15]])('%s', (v, h, m) => {
    expect(parseAt(v)).toEqual({ hour: h, minute: m });
  });
  it.each(['24:00', '7:5', 'abc', '12:60', '', '1230', '12:30:00', '-1:00', '12h30', '９:30'])('refuses %j with a usage error', (v) => {
    expect(() => parseAt(v)).toThrow(UsageError);
  });
  it('formats back', () => expect(formatAt({ hour: 7, minute: 5 })).toBe('07:05'));
});

const job = { at: { hour: 21, minute: 30 }, node: '/usr/bin/node', bin: '/opt/reframe/bin/reframe', log: '/home/ana/.local/state/reframe/daily.log', notify: false };

describe('cronLine', () => {
  it('has the time, absolute paths, the log and the marker', () => {
    expect(cronLine(job)).toBe(`30 21 * * * '/usr/bin/node' '/opt/reframe/bin/reframe' daily >> '/home/ana/.local/state/reframe/daily.log' 2>&1 ${MARKER}`);
    expect(cronLine({ ...job, db: '/home/ana/j.db', notify: true })).toBe(
      `30 21 * * * '/usr/bin/node' '/opt/reframe/bin/reframe' --db '/home/ana/j.db' daily --notify >> '/home/ana/.local/state/reframe/daily.log' 2>&1 ${MARKER}`);
  });
  it('is recognised as ours, and describes itself', () => {
    const l = cronLine({ ...job, notify: true });
    expect(isOurs(l)).toBe(true);
    expect(describeLine(l)).toEqual({ at: { hour: 21, minute: 30 }, notify: true });
    expect(describeLine(cronLine(job))).toEqual({ at: { hour: 21, minute: 30 }, notify: false });
  });
  it('commented-out lines and other people\'s lines are not ours', () => {
    expect(isOurs(`# ${cronLine(job)}`)).toBe(false);
    expect(isOurs('0 3 * * * /usr/local/bin/backup')).toBe(false);
    expect(isOurs(`0 3 * * * echo ${MARKER}-old`)).toBe(false);
    expect(isOurs(MARKER)).toBe(false);
  });
});

describe('editing the table', () => {
  const others = [
    'MAILTO="ana@example.com"',
    'SHELL=/bin/bash',
    '# m h dom mon dow command',
    '0 3 * * * /usr/local/bin/backup --quiet 50\\% >/dev/null 2>&1',
    '',
    '@reboot  echo hi   ',
    '*/5 * * * * echo "reframe-daily is mentioned here but not ours"',
  ].join('\n') + '\n';
  const line = cronLine(job);

  it('adds one line at the end of an empty or existing table', () => {
    expect(withLine('', line)).toEqual({ table: line + '\n', change: 'added' });
    const r = withLine(others, line);
    expect(r.change).toBe('added');
    expect(r.table).toBe(others + line + '\n');
  });

  it('installing twice changes nothing', () => {
    const once = withLine(others, line).table;
    expect(withLine(once, line)).toEqual({ table: once, change: 'unchanged' });
  });

  it('a new time replaces the line where it was, and nothing else moves', () => {
    const table = `A=1\n${line}\n0 3 * * * backup\n`;
    const later = cronLine({ ...job, at: { hour: 7, minute: 5 } });
    expect(withLine(table, later)).toEqual({ table: `A=1\n${later}\n0 3 * * * backup\n`, change: 'replaced' });
  });

  it('two copies of our line (a hand-edited table) become one', () => {
    const table = `${line}\nA=1\n${line}\n`;
    expect(withLine(table, line)).toEqual({ table: `${line}\nA=1\n`, change: 'replaced' });
    expect(ourLines(`${line}\nA=1\n${line}\n`)).toHaveLength(2);
  });

  it('removing gives back the exact bytes from before', () => {
    const installed = withLine(others, line).table;
    expect(withoutLine(installed)).toEqual({ table: others, removed: 1 });
    expect(withoutLine(others)).toEqual({ table: others, removed: 0 });
    expect(withoutLine(line + '\n')).toEqual({ table: '', removed: 1 });
  });

  it('a table with CRLF line ends keeps them', () => {
    const crlf = 'A=1\r\n0 3 * * * backup\r\n';
    const installed = withLine(crlf, line).table;
    expect(installed).toBe(crlf + line + '\n');
    expect(withoutLine(installed).table).toBe(crlf);
  });
});
