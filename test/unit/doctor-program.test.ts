// doctor checks reframe's own files (data/) against their schemas, since the everyday commands read them
// unchecked: a damaged install is found there, never silently used.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { programFiles } from '../../src/commands/doctor/run';
import { dataDir } from '../../src/library/data-dir';

const root = mkdtempSync(join(tmpdir(), 'reframe-doctor-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A copy of data/ with one file changed. */
function damaged(file: string, change: (text: string) => string): string {
  const dir = join(root, `copy-${n++}`);
  cpSync(dataDir(), dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe("doctor: reframe's own files", () => {
  it('are whole as shipped', () => {
    expect(programFiles()).toMatchObject({ check: 'program', status: 'ok' });
  });

  it.each([
    ['a prompt with an empty text (daily would read it unchecked)', 'prompts.json', (t: string) => t.replace(/"text": "[^"]*"/, '"text": ""'), /prompts\.json/],
    ['patterns.json cut short', 'patterns.json', (t: string) => t.slice(0, 200), /patterns\.json/],
    ['a pattern renamed without its names file', 'patterns.json', (t: string) => t.replace('"name": "All-or-nothing thinking"', '"name": "Black-and-white thinking"'), /pattern-names\.json/],
    ['a names file of the wrong shape', 'pattern-names.json', () => '{"version":1,"names":[]}', /pattern-names\.json/],
  ])('finds %s: a problem, naming the file, with how to mend it', (_name, file, change, names) => {
    const f = programFiles(damaged(file, change));
    expect(f.status).toBe('problem');
    expect(f.message).toMatch(names);
    expect(f.fix).toMatch(/Reinstall reframe/);
  });
});
