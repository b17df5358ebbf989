// Output that can't be written (a full disk: /dev/full gives ENOSPC) is one plain line and exit 1, never a stack
// trace, and never the words being written. And list --search, piped, only counts the notes and check-ins that
// match on stderr: their words never go where logs collect.
import { closeSync, existsSync, openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, recordArgs, sandbox, BIN, type Sandbox } from '../helpers/run';
import { STACK } from '../helpers/faults';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

describe.skipIf(!existsSync('/dev/full'))('a full disk under stdout', () => {
  for (const args of [['list', '--json'], ['export', '--format', 'jsonl'], ['distortions', 'list', '--json']]) {
    it(args.join(' '), () => {
      expect(run(sb, recordArgs(['--thought', 'SECRET-WORDS-HERE'])).code).toBe(0);
      const fd = openSync('/dev/full', 'w');
      const r = spawnSync(BIN, args, { env: sb.env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^Couldn't write the output \(ENOSPC\)/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain('SECRET');
    });
  }
});

describe('list --search, piped', () => {
  it('counts the matching check-ins on stderr without their words', () => {
    const csv = 'full_date,date,weekday,time,mood,activities,note_title,note\n2024-02-02,February 2,Friday,12:30 pm,awful,,,Called my sister about SECRETNOTE\n';
    expect(run(sb, ['import', '-', '--from', 'daylio'], { input: csv }).code).toBe(0);
    const r = run(sb, ['list', '--search', 'sister']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 check-in matches too: reframe checkins --search "sister"');
    expect(r.stderr).not.toContain('SECRETNOTE');
  });
});
