// reframe distortions suggest, end to end: the real binary, a temp journal, piped stdin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { run, sandbox, type Sandbox } from '../helpers/run';

let sb: Sandbox;
beforeEach(() => { sb = sandbox(); });
afterEach(() => sb.cleanup());

describe('reframe distortions suggest', () => {
  it('prints the contract\'s JSON, best first, and exits 0', () => {
    const r = run(sb, ['distortions', 'suggest', "She must think I'm boring", '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list[0]).toMatchObject({ id: 'mind-reading', name: 'Mind reading' });
    expect(list[0].because).toContain("She must think I'm boring");
    expect(existsSync(sb.db)).toBe(false);
  });

  it('an empty array for a neutral sentence', () => {
    const r = run(sb, ['distortions', 'suggest', 'I', 'bought', 'milk', 'on', 'the', 'way', 'home', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('reads the thought from standard input with -', () => {
    const r = run(sb, ['distortions', 'suggest', '-'], { input: "I can't trust anyone after what happened\n" });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0].split('\t')[0]).toBe('mistrust-after-betrayal');
  });

  it('no thought is a usage error (exit 2) that names what to do, and never waits for input', () => {
    const r = run(sb, ['distortions', 'suggest']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Give the thought/);
    const bad = run(sb, ['distortions', 'suggest', 'I am a failure', '--limit', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit/);
  });
});
