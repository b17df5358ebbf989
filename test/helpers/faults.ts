// Shared by the fault, privacy and hostile-input tests: a journal holding a record with a sentinel string in
// every text field, and the list of commands those tests drive. A new command is one line in COMMANDS
// (and, if it writes files, one in FILE_MAKERS).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { run, type RunResult, type Sandbox } from './run';
import { msg } from '../../src/messages';

/** Put in every text field; no error, warning or log may ever show it. */
export const SENTINEL = 'ZEBRA-SENTINEL-4711';
const LOWER = SENTINEL.toLowerCase();

/** A record in the contract's JSON form (no id: the program makes one) with the sentinel everywhere text goes. */
export function sentinelRecord(): Record<string, unknown> {
  return {
    occurredAt: '2026-11-20T19:05:00.000Z',
    situation: `Dinner; ${SENTINEL} situation`,
    emotions: [{ name: LOWER, before: 80, after: 40 }, { name: 'anxious', before: 70 }],
    thought: `${SENTINEL} thought`,
    beliefBefore: 90,
    otherThoughts: [`${SENTINEL} other`],
    distortions: ['mind-reading'],
    evidenceFor: [`${SENTINEL} for`],
    evidenceAgainst: [`${SENTINEL} against`],
    answers: [{ question: `${SENTINEL} question?`, answer: `${SENTINEL} answer` }],
    reframe: `${SENTINEL} reframe`,
    reframeBelief: 70,
    beliefAfter: 35,
    actionPlan: `${SENTINEL} plan`,
    tags: [LOWER],
  };
}

/** `reframe new` flags with the sentinel in every text field. */
export function sentinelFlags(): string[] {
  return [
    '--situation', `${SENTINEL} situation`, '--thought', `${SENTINEL} thought`, '--belief', '90',
    '--emotion', `${LOWER}:80:40`, '--emotion', 'anxious:70', '--other-thought', `${SENTINEL} other`,
    '--for', `${SENTINEL} for`, '--against', `${SENTINEL} against`, '--reframe', `${SENTINEL} reframe`,
    '--reframe-belief', '70', '--belief-after', '35', '--plan', `${SENTINEL} plan`, '--tag', LOWER,
  ];
}

export interface World {
  sb: Sandbox;
  /** The id of the sentinel record in the journal. */
  id: string;
  /** A path in the sandbox (not created). */
  path(name: string): string;
  files: {
    /** One record, JSON form, sentinel everywhere. */
    record: string;
    /** The same as a JSON array of records (import). */
    records: string;
  };
}

/** A journal at sb.db holding the sentinel record (and a draft holding the sentinel), plus input files. */
export function makeWorld(sb: Sandbox): World {
  const files = { record: join(sb.dir, 'record.json'), records: join(sb.dir, 'records.json') };
  const rec = sentinelRecord();
  writeFileSync(files.record, JSON.stringify(rec));
  writeFileSync(files.records, JSON.stringify([{ ...rec, id: '01JD7X4Q9V6M2W8K3T5R0YH1ZC', createdAt: '2026-11-20T20:00:00.000Z' }]));
  const r = run(sb, ['new', '--input', files.record]);
  if (r.code !== 0) throw new Error(`could not make the world: ${r.stderr}`);
  mkdirSync(join(sb.dir, 'out'), { recursive: true });
  return { sb, id: r.stdout.trim(), path: (name) => join(sb.dir, 'out', name), files };
}

export interface CommandCase {
  name: string;
  /** argv after `reframe`. */
  args: (w: World) => string[];
  /** It opens the journal: with a damaged journal it must exit 1. */
  journal: boolean;
  /** It writes to the journal: with the journal locked past the timeout it must exit 1. */
  writes: boolean;
  /** It makes the journal when there is none (so a place where none can be made must fail it). */
  creates?: boolean;
  /** It reports what it finds on stdout, with a one-line summary on stderr (doctor). */
  reports?: boolean;
  /** Standard input to give it (default: none). */
  input?: (w: World) => string;
}

/**
 * Every command, run against healthy, damaged and locked journals by test/e2e/damaged.test.ts and
 * test/e2e/privacy.test.ts. Add a command here in one line.
 */
export const COMMANDS: CommandCase[] = [
  { name: 'new (flags)', journal: true, writes: true, creates: true, args: () => ['new', ...sentinelFlags()] },
  { name: 'new --input', journal: true, writes: true, creates: true, args: (w) => ['new', '--input', w.files.record] },
  { name: 'new --input -', journal: true, writes: true, creates: true, args: () => ['new', '--input', '-'], input: () => JSON.stringify(sentinelRecord()) },
  { name: 'list', journal: true, writes: false, args: () => ['list'] },
  { name: 'list --json --search', journal: true, writes: false, args: () => ['list', '--json', '--search', 'zebra'] },
  { name: 'show', journal: true, writes: false, args: (w) => ['show', w.id] },
  { name: 'edit', journal: true, writes: true, args: (w) => ['edit', w.id, '--belief-after', '20', '--reframe', `${SENTINEL} new reframe`] },
  { name: 'delete', journal: true, writes: true, args: (w) => ['delete', w.id, '--yes'] },
  { name: 'distortions list', journal: false, writes: false, args: () => ['distortions', 'list'] },
  { name: 'distortions suggest', journal: false, writes: false, args: () => ['distortions', 'suggest', '--no-history', `She must think I'm boring ${SENTINEL}`] },
  { name: 'doctor', journal: true, writes: false, reports: true, args: () => ['doctor'] },
  { name: 'daily', journal: true, writes: false, args: () => ['daily'] },
  { name: 'stats', journal: true, writes: false, args: () => ['stats', '--json'] },
  { name: 'export', journal: true, writes: false, args: (w) => ['export', '--format', 'json', '--out', w.path(`export-${Math.random().toString(36).slice(2)}.json`)] },
  { name: 'import', journal: true, writes: true, creates: true, args: (w) => ['import', w.files.records] },
  { name: 'backup', journal: true, writes: false, args: (w) => ['backup', w.path(`backup-${Math.random().toString(36).slice(2)}.db`)] },
  { name: 'sync init', journal: true, writes: true, creates: true, args: (w) => ['sync', 'init', w.path(`sync-${Math.random().toString(36).slice(2)}`)] },
];

export interface FileMaker {
  name: string;
  args: (w: World) => string[];
  /** The files (or folders) it makes, each to be readable by its owner only. */
  outputs: (w: World) => string[];
}

/** Commands that write files of their own: under any umask, each must be 0600 (folders 0700). */
export const FILE_MAKERS: FileMaker[] = [
  { name: 'backup', args: (w) => ['backup', w.path('copy.db')], outputs: (w) => [w.path('copy.db')] },
  { name: 'export --out', args: (w) => ['export', '--format', 'json', '--out', w.path('all.json')], outputs: (w) => [w.path('all.json')] },
  { name: 'export --split', args: (w) => ['export', '--split', '--out', w.path('notes')], outputs: (w) => [w.path('notes')] },
];

/** A stack trace, or an error class name, on stderr. */
export const STACK = /^\s+at .+:\d+:\d+\)?\s*$|node:internal|\b[A-Z][a-zA-Z]*Error: /m;

/** Exit 0, 1 or 2 only; no stack, no unexpected error; the sentinel nowhere on stderr. */
export function expectCalm(r: RunResult, what: string): void {
  expect(r.signal, `${what}: killed by a signal`).toBeNull();
  expect([0, 1, 2], `${what}: exit ${r.code}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, `${what}: stack trace`).not.toMatch(STACK);
  // The catch-all for errors nobody expected: a crash in disguise.
  expect(r.stderr, `${what}: an unexpected error`).not.toContain(msg.errors.unexpected);
  expect(r.stderr.toLowerCase(), `${what}: the record's text on stderr`).not.toContain(LOWER);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
