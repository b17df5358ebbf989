// The start-up rules in one list: the commands that get a V8 code cache of their own (scripts/build.mjs warms
// each with the examples its own `--help` shows, so the flags are never written out twice), and what the
// hottest paths must never load at start. test/unit/hot-paths.test.ts checks these rules against esbuild's
// metafile of the real bundle; docs/ARCHITECTURE.md explains them.
//
// "Load at start" means: reached from src/main.ts, src/cli.ts, src/runtime.ts and the command's run function by
// static imports (an `await import()` inside a function is lazy: it loads only when that line runs).

/** Commands with a code cache of their own (bin/reframe picks one by the command word; '' is the default). */
export const CACHED = ['version', 'new', 'list', 'show', 'stats', 'daily', 'distortions', 'export'];

/**
 * Start packs (bin/reframe, scripts/build.mjs): per command word, the command lines whose chunks go into its pack
 * for output to a pipe or a file (`pipe`), and into its pack for a terminal (`tty`, made as if to one; a guided
 * flow up to its first question). A pack holds what every one of its lines loads; the plain everyday forms: what a
 * person types, what cron and scripts run, what the bench times. A chunk a pack doesn't hold still loads from its
 * own file when a run needs it.
 */
export const PACKS = {
  list: { pipe: [['list'], ['list', '--limit', '20']], tty: [['list']] },
  show: { pipe: [['show', '{id}']], tty: [['show', '{id}']] },
  stats: { pipe: [['stats'], ['stats', '--json'], ['stats', '--since', '30d']], tty: [['stats']] },
  daily: { pipe: [['daily'], ['daily', '--json']], tty: [['daily']] },
  // The guided record, up to its first question (scripts/warm-cache.cjs untilFirstQuestion).
  new: { tty: [{ guided: ['new'] }] },
};

/** The safety detector's weights. */
export const DETECTOR = 'src/domain/safety/model-weights.ts';

/** Packages that cost start-up time and that no everyday read needs. */
const HEAVY = ['yaml', '@inquirer/prompts', 'csv-stringify', 'cli-progress', 'asciichart'];

/**
 * Per hot path: the run functions it starts (none for --version), and what it must not reach.
 * - packages: npm packages, by name
 * - zodClassic: full zod (records use it; command options use src/zod-mini.ts, ~15 ms cheaper)
 * - dateFns: 'none' (no date-fns at all) or 'no-format' (no src module on the path imports date-fns' formatters)
 * - notSrc: modules of ours it must not reach (the safety detector: 0.8 MB of code, needed only where text is typed
 *   or imported, and loaded there before the first answer)
 */
export const HOT_PATHS = {
  // main.ts writes standard output and error itself when they are pipes or files (src/io/std-output.ts: node:fs).
  '--version': { runs: [], onlySrc: ['src/main.ts', 'src/version.ts', 'src/import/worker.ts', 'src/io/std-output.ts', 'node:fs'], packages: 'none' },
  list: { runs: ['src/commands/list/run.ts'], packages: [...HEAVY, 'ulid'], zodClassic: false, dateFns: 'none', notSrc: [DETECTOR] },
  stats: { runs: ['src/commands/stats/run.ts'], packages: [...HEAVY, 'ulid'], zodClassic: false, dateFns: 'no-format', notSrc: [DETECTOR] },
  daily: { runs: ['src/commands/daily/run.ts'], packages: [...HEAVY, 'ulid'], zodClassic: false, notSrc: [DETECTOR] },
  // The guided record loads the detector while its first question waits for an answer (src/flows/soon.ts).
  new: { runs: ['src/commands/new/run.ts'], packages: ['yaml', 'csv-stringify', 'cli-progress', 'asciichart'], notSrc: [DETECTOR], zodClassic: false },
  // An encrypted journal's key derivation starts before the rest of the program loads (src/main.ts): what starts
  // it reaches nothing but Node's own modules (from: where the reach starts instead of the command's start).
  'key derivation': { from: ['src/journal/key-ahead.ts'], runs: [], onlySrc: ['src/journal/key-ahead.ts', 'src/journal/key-file.ts', 'src/global-options.ts', 'node:crypto', 'node:fs', 'node:os', 'node:path'], packages: 'none' },
};

/** The modules every command's start goes through before its run function. */
export const START = ['src/main.ts', 'src/fast-start.ts', 'src/cli.ts', 'src/runtime.ts'];
