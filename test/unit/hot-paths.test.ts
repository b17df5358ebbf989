// Start-up rules, checked rather than remembered: builds the bundle's module graph with esbuild's metafile (the
// same options as scripts/build.mjs) and fails when a hot command's start reaches a module it must not
// (scripts/hot-paths.mjs lists the rules). A failure names the chain of imports that got there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run';
// @ts-expect-error plain JavaScript modules of the build
import { bundleOptions } from '../../scripts/bundle-config.mjs';
// @ts-expect-error plain JavaScript modules of the build
import { HOT_PATHS, START } from '../../scripts/hot-paths.mjs';

type Rule = { from?: string[]; runs: string[]; onlySrc?: string[]; packages: string[] | 'none'; zodClassic?: boolean; dateFns?: 'none' | 'no-format'; notSrc?: string[] };

let inputs: Metafile['inputs'];
beforeAll(async () => {
  const r = await build({ ...(await bundleOptions(ROOT)), metafile: true, write: false });
  inputs = r.metafile!.inputs;
}, 60_000);

/** Every module reached from `starts` by static imports, with the module that first reached it. */
function reach(starts: string[]): Map<string, string | undefined> {
  const from = new Map<string, string | undefined>(starts.map((s) => [s, undefined]));
  const todo = [...starts];
  while (todo.length) {
    const f = todo.shift()!;
    for (const i of inputs[f]?.imports ?? []) {
      if (i.kind === 'dynamic-import' || !i.path || from.has(i.path)) continue;
      from.set(i.path, f);
      todo.push(i.path);
    }
  }
  return from;
}

const chain = (from: Map<string, string | undefined>, f: string) => {
  const out = [f];
  for (let p = from.get(f); p; p = from.get(p)) out.unshift(p);
  return out.join(' -> ');
};
const pkgOf = (f: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1];
const FORMATTERS = /\bformat\w*\b/;

describe('hot paths reach only what they need at start', () => {
  for (const [name, rule] of Object.entries(HOT_PATHS as Record<string, Rule>)) {
    it(name, () => {
      const from = reach(rule.from ?? (rule.runs.length ? [...START, ...rule.runs] : ['src/main.ts']));
      for (const r of rule.runs) expect(inputs[r], `${r} is in the bundle`).toBeDefined();
      const found: string[] = [];
      for (const f of from.keys()) {
        const pkg = pkgOf(f);
        if (rule.onlySrc && !pkg && !rule.onlySrc.includes(f)) found.push(chain(from, f));
        if (rule.notSrc?.includes(f)) found.push(chain(from, f));
        if (pkg && (rule.packages === 'none' || rule.packages.includes(pkg))) found.push(chain(from, f));
        if (rule.zodClassic === false && /node_modules\/zod\/(v4\/classic|index\.js)/.test(f)) found.push(chain(from, f));
        if (rule.dateFns === 'none' && pkg === 'date-fns') found.push(chain(from, f));
        if (rule.dateFns === 'no-format' && f.startsWith('src/')) {
          const text = readFileSync(join(ROOT, f), 'utf8');
          for (const m of text.matchAll(/import\s*{([^}]*)}\s*from\s*'date-fns'/g)) {
            if (FORMATTERS.test(m[1])) found.push(`${chain(from, f)} (imports date-fns' ${m[1].trim()})`);
          }
        }
      }
      expect([...new Set(found)].slice(0, 5)).toEqual([]);
    });
  }
});

describe('the module graph', () => {
  it('has no import cycle among our own modules (static imports, as the bundle runs them)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const i of inputs[f]?.imports ?? []) {
        if (i.kind !== 'dynamic-import' && i.path?.startsWith('src/')) visit(i.path, [...path, f]);
      }
      state.set(f, 'done');
    };
    for (const f of Object.keys(inputs)) if (f.startsWith('src/')) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
