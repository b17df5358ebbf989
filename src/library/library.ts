// The pattern library: built-in patterns and strategies from data/, plus the person's own patterns
// from $XDG_CONFIG_HOME/reframe/patterns.json. Validated with zod at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { UsageError, OperationError } from '../errors';
import { msg } from '../messages';
import { dataDir } from './data-dir';
import { describeZodIssue } from '../domain/validate';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case, like my-pattern' });

export const patternSchema = z.strictObject({
  id,
  name: text,
  group: z.enum(['thinking-error', 'closeness', 'defence', 'custom']),
  summary: text,
  description: text,
  examples: z.array(text).min(2, { error: 'needs at least 2 examples' }),
  questions: z.array(text).min(3, { error: 'needs at least 3 questions' }),
  reframe: text,
  cues: z.array(text).default([]),
});

export const strategySchema = z.strictObject({
  id,
  name: text,
  summary: text,
  description: text,
  steps: z.array(text).min(1),
  helpsWith: z.array(id).min(1),
});

const patternsFile = z.strictObject({ version: z.literal(1), patterns: z.array(patternSchema).min(1) });
const userPatternsFile = z.strictObject({ version: z.literal(1).optional(), patterns: z.array(patternSchema.extend({ group: patternSchema.shape.group.default('custom') })) });
const strategiesFile = z.strictObject({ version: z.literal(1), strategies: z.array(strategySchema).min(1) });

export type Pattern = z.output<typeof patternSchema>;
export type Strategy = z.output<typeof strategySchema>;

export const FIXED_IDS = [
  'all-or-nothing', 'overgeneralization', 'mental-filter', 'disqualifying-the-positive', 'mind-reading',
  'fortune-telling', 'catastrophizing', 'emotional-reasoning', 'should-statements', 'labeling',
  'personalization', 'blaming',
] as const;

export class Library {
  private byId: Map<string, Pattern>;
  constructor(readonly patterns: Pattern[], readonly strategies: Strategy[], readonly userFile?: string) {
    this.byId = new Map(patterns.map((p) => [p.id, p]));
  }
  get(id: string): Pattern | undefined {
    return this.byId.get(id);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  /** The name to show for an id; a pattern no longer in the library still shows, by its id. */
  nameOf(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }
  /** Throws a usage error for ids not in the library. */
  check(ids: string[]): void {
    for (const i of ids) if (!this.byId.has(i)) throw new UsageError(msg.errors.unknownDistortion(i), msg.errors.unknownDistortionHint);
  }
  /**
   * Strategies for the chosen patterns, best first. A strategy lists the patterns it helps with most
   * first, so a pattern early in its list weighs more (1, 1/2, 1/3, ...), summed over the chosen ones.
   */
  strategiesFor(ids: string[]): Strategy[] {
    const wanted = new Set(ids);
    return this.strategies
      .map((s, order) => ({ s, order, weight: s.helpsWith.reduce((w, h, i) => (wanted.has(h) ? w + 1 / (i + 1) : w), 0) }))
      .filter((x) => x.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.order - b.order)
      .map((x) => x.s);
  }
}

function readJson(file: string, optional: boolean): unknown | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OperationError(msg.errors.cantReadFile(file), msg.errors.libraryBrokenHint(file));
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    throw new UsageError(msg.errors.libraryBroken(file, 'it is not valid JSON'), msg.errors.libraryBrokenHint(file));
  }
}

function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UsageError(msg.errors.libraryBroken(file, describeZodIssue(issue, data)), msg.errors.libraryBrokenHint(file));
  }
  return r.data;
}

/** Where a person puts patterns of their own. */
export function userPatternsPath(configDir: string): string {
  return join(configDir, 'patterns.json');
}

export function loadLibrary(opts: { configDir?: string; dir?: string } = {}): Library {
  const dir = opts.dir ?? dataDir();
  const pFile = join(dir, 'patterns.json');
  const sFile = join(dir, 'strategies.json');
  const patterns = parseWith(patternsFile, readJson(pFile, false), pFile).patterns;
  const strategies = parseWith(strategiesFile, readJson(sFile, false), sFile).strategies;
  const ids = new Set<string>();
  for (const p of patterns) {
    if (ids.has(p.id)) throw new UsageError(msg.errors.libraryBroken(pFile, `the id "${p.id}" appears twice`), msg.errors.libraryBrokenHint(pFile));
    ids.add(p.id);
  }
  let userFile: string | undefined;
  if (opts.configDir) {
    const uFile = userPatternsPath(opts.configDir);
    const raw = readJson(uFile, true);
    if (raw !== undefined) {
      userFile = uFile;
      for (const p of parseWith(userPatternsFile, raw, uFile).patterns) {
        if (ids.has(p.id)) throw new UsageError(msg.errors.libraryBroken(uFile, `the id "${p.id}" is already taken; choose another`), msg.errors.libraryBrokenHint(uFile));
        ids.add(p.id);
        patterns.push(p);
      }
    }
  }
  for (const s of strategies) {
    for (const h of s.helpsWith) {
      if (!ids.has(h)) throw new UsageError(msg.errors.libraryBroken(sFile, `strategy "${s.id}" names an unknown pattern "${h}"`), msg.errors.libraryBrokenHint(sFile));
    }
  }
  return new Library(patterns, strategies, userFile);
}
