// The pattern library: built-in patterns and strategies from data/, plus the person's own patterns
// from $XDG_CONFIG_HOME/reframe/patterns.json. Validated with zod at load (zod/mini: list, stats and others
// load the library on every start, and the full API would take longer than the rest of the command).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from '../zod-mini';
import { UsageError, OperationError } from '../errors';
import { closest } from '../input/closest';
import { msg } from '../messages';
import { dataDir } from './data-dir';
import { describeZodIssue } from '../domain/validate';

/**
 * The levels a pattern can be at, as a CBT therapist teaches them: a thinking error in one thought, an if-then rule or
 * assumption lived by, a core belief about oneself, or a defence against feeling something.
 */
export const KINDS = ['thinking-error', 'rule', 'core-belief', 'defence'] as const;
export type PatternKind = (typeof KINDS)[number];

/** The schemas, built on first use: a command that never shows a pattern name does not pay for them. */
function makeSchemas() {
  const text = z.string().check(z.trim(), z.minLength(1));
  const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be kebab-case, like my-pattern' }));

  const pattern = z.strictObject({
    id,
    name: text,
    group: z.enum(['thinking-error', 'closeness', 'defence', 'custom']),
    /** What level of thinking it is (see KINDS): a pattern in a thought, a rule lived by, a core belief, a defence. */
    kind: z.enum(KINDS),
    summary: text,
    description: text,
    examples: z.array(text).check(z.minLength(2, { error: 'needs at least 2 examples' })),
    questions: z.array(text).check(z.minLength(3, { error: 'needs at least 3 questions' })),
    reframe: text,
    cues: z._default(z.array(text), []),
  });

  const strategy = z.strictObject({
    id,
    name: text,
    summary: text,
    description: text,
    steps: z.array(text).check(z.minLength(1)),
    helpsWith: z.array(id).check(z.minLength(1)),
    /** Every guided thought record is this strategy (cognitive restructuring): not offered at the end of one. */
    inEveryRecord: z.optional(z.boolean()),
  });

  return {
    pattern,
    strategy,
    patternsFile: z.strictObject({
      version: z.literal(1),
      patterns: z.array(pattern).check(z.minLength(1)),
      // Named word sets the cues may use as `@name` (see src/domain/suggest.ts).
      lexicon: z._default(z.record(id, z.array(text)), {}),
    }),
    userPatternsFile: z.strictObject({
      version: z.optional(z.literal(1)),
      patterns: z.array(z.extend(pattern, { group: z._default(pattern.shape.group, 'custom'), kind: z._default(pattern.shape.kind, 'thinking-error') })),
    }),
    strategiesFile: z.strictObject({ version: z.literal(1), strategies: z.array(strategy).check(z.minLength(1)) }),
  };
}

type Schemas = ReturnType<typeof makeSchemas>;
let built: Schemas | undefined;
const schemas = (): Schemas => (built ??= makeSchemas());

export type Pattern = z.output<Schemas['pattern']>;
export type Strategy = z.output<Schemas['strategy']>;

export const FIXED_IDS = [
  'all-or-nothing', 'overgeneralization', 'mental-filter', 'disqualifying-the-positive', 'mind-reading',
  'fortune-telling', 'catastrophizing', 'emotional-reasoning', 'should-statements', 'labeling',
  'personalization', 'blaming',
] as const;

/** Named word sets for the cues (`@name`): catastrophe words, self-label nouns, absolutes... */
export type Lexicon = Record<string, string[]>;

export class Library {
  private byId: Map<string, Pattern>;
  constructor(
    readonly patterns: Pattern[],
    readonly strategies: Strategy[],
    readonly userFile?: string,
    /** The built-in word sets; a person's own cues may use them too. */
    readonly lexicon: Lexicon = {},
  ) {
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
    for (const i of ids) if (!this.byId.has(i)) throw this.unknown(i);
  }
  /** The usage error for an id not in the library, with the nearest id when it looks like a slip. */
  unknown(id: string): UsageError {
    const near = closest(id, [...this.byId.keys()]);
    return new UsageError(msg.errors.unknownDistortion(id), (near ? msg.shell.didYouMean(`"${near}"`) + '\n' : '') + msg.errors.unknownDistortionHint);
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
  /** Strategies to offer at the end of a thought record: as strategiesFor, less those the record has just done. */
  strategiesToOffer(ids: string[]): Strategy[] {
    return this.strategiesFor(ids).filter((s) => !s.inEveryRecord);
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

function parseWith<T extends z.ZodMiniType>(schema: T, data: unknown, file: string): z.output<T> {
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

/**
 * Patterns' names by id, for output that shows only names (`daily`, `stats`): the program's own from
 * data/pattern-names.json (written from patterns.json by scripts/pattern-names.mjs; the tests hold the two
 * together), ~1 KB to read instead of the whole library's ~157 KB. When the person has patterns of their own,
 * or the names file can't be read, the whole library (`full`), as before. An id no one knows shows as itself.
 */
export function patternNamer(configDir: string | undefined, full: () => Library, dir = dataDir()): (id: string) => string {
  let names: Record<string, string> | undefined;
  if (!configDir || !existsSync(userPatternsPath(configDir))) {
    try {
      const file = JSON.parse(readFileSync(join(dir, 'pattern-names.json'), 'utf8')) as { version?: unknown; names?: unknown };
      const given = file.names as Record<string, unknown> | null | undefined;
      if (file.version === 1 && typeof given === 'object' && given !== null && !Array.isArray(given) && Object.values(given).every((n) => typeof n === 'string')) {
        names = given as Record<string, string>;
      }
    } catch { /* the whole library below says what is wrong, if anything is */ }
  }
  if (names) {
    const known = names;
    return (id) => (Object.hasOwn(known, id) && typeof known[id] === 'string' ? known[id] : id);
  }
  const lib = full();
  return (id) => lib.nameOf(id);
}

export interface LoadOptions {
  /** Where the person's own patterns.json may be. */
  configDir?: string;
  /** The built-in library's folder (default: data/ beside the program). */
  dir?: string;
  /**
   * Check the built-in files against the schema (default). The program itself passes false: those files ship
   * with it and are checked by the tests, which also require them to be stored exactly as parsing would
   * leave them (test/unit/library.test.ts), so skipping the check changes nothing but the ~5 ms it takes.
   * The person's own file is always checked.
   */
  checkBuiltIn?: boolean;
}

export function loadLibrary(opts: LoadOptions = {}): Library {
  const dir = opts.dir ?? dataDir();
  const pFile = join(dir, 'patterns.json');
  const sFile = join(dir, 'strategies.json');
  const check = opts.checkBuiltIn !== false;
  const patternsData = readJson(pFile, false);
  const strategiesData = readJson(sFile, false);
  const { patterns, lexicon } = check
    ? parseWith(schemas().patternsFile, patternsData, pFile)
    : (patternsData as { patterns: Pattern[]; lexicon: Lexicon });
  const strategies = check ? parseWith(schemas().strategiesFile, strategiesData, sFile).strategies : (strategiesData as { strategies: Strategy[] }).strategies;
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
      for (const p of parseWith(schemas().userPatternsFile, raw, uFile).patterns) {
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
  return new Library(patterns, strategies, userFile, lexicon);
}
