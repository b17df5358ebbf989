// The daily state file's name and writing: one file per journal path, private, whole or absent.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyStatePath, readDailyState, writeDailyState, type DailyState } from '../../src/journal/daily-state';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'reframe-state-')); dirs.push(d); return d; };

const state: DailyState = {
  version: 1, updatedAt: '2026-12-06T20:00:00.000Z', records: 3, practiceDays: ['2026-12-05', '2026-12-06'],
  recordsByDay: { '2026-12-06': 2 }, lastCheckinDay: null, due: [{ kind: 'experiment', due: '2026-12-07' }],
};

describe('daily state file', () => {
  it('is named from the journal\'s absolute path: the same journal one file, two journals two', () => {
    const a = dailyStatePath('/s/reframe', '/home/ana/j.db');
    expect(a).toMatch(/^\/s\/reframe\/daily\/[0-9a-f]{16}\.json$/);
    expect(dailyStatePath('/s/reframe', '/home/ana/x/../j.db')).toBe(a);
    expect(dailyStatePath('/s/reframe', '/home/ana/k.db')).not.toBe(a);
  });

  it('is written 0600 in a 0700 folder, with no temp file left, and reads back', () => {
    const p = dailyStatePath(join(tmp(), 'reframe'), '/j.db');
    writeDailyState(p, state);
    writeDailyState(p, { ...state, records: 4 });
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(statSync(join(p, '..')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(p, '..'))).toHaveLength(1);
    expect(readDailyState(p)?.records).toBe(4);
  });

  it('another version or a broken file reads as none', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.json'), JSON.stringify({ ...state, version: 2 }));
    writeFileSync(join(d, 'b.json'), '{"version": 1, "prac');
    expect(readDailyState(join(d, 'a.json'))).toBeUndefined();
    expect(readDailyState(join(d, 'b.json'))).toBeUndefined();
    expect(readDailyState(join(d, 'missing.json'))).toBeUndefined();
  });
});
