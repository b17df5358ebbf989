// Bundles src/ into dist/ with esbuild: one entry, lazily loaded chunks per command.
// Runs from `npm install` (prepare) and before tests and benchmarks.
// Chunks have content hashes and the entry is replaced atomically (write + rename), so a build
// never breaks a reframe that is running at the same moment (tests run builds side by side).
// `node scripts/build.mjs --report` also prints what each command loads before it runs (bytes, chunks).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const report = process.argv.includes('--report');

// zod/mini (src/zod-mini.ts: command options, the pattern library) is bundled on its own first, so it shares
// no files with full zod (records). esbuild splits by file: sharing zod's core files would make every
// command load the core that full zod needs (~160 KB, ~8 ms) where mini alone needs ~40 KB.
const zodMini = await build({
  absWorkingDir: root,
  entryPoints: ['src/zod-mini.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
const zodMiniAlone = {
  name: 'zod-mini-alone',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]zod-mini\.ts$/ }, () => ({ contents: zodMini.outputFiles[0].text, loader: 'js' }));
  },
};

// Stand-ins for two imports that cost startup time and that reframe never uses:
// - commander loads node:child_process (~2.5 ms) at import, for executable subcommands; reframe has none.
//   It gets the real module on first use instead.
// - chalk asks supports-color about the terminal at import (loading node:tty, ~2 ms) for its default instance;
//   reframe never uses that instance: render/theme.ts decides the level and makes its own (new Chalk({ level })).
const STAND_INS = {
  'lazy-child-process': "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
  'no-supports-color': 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };\n',
};
const standIns = {
  name: 'startup-stand-ins',
  setup(b) {
    const from = (pkg, importer) => importer.includes(`${sep}node_modules${sep}${pkg}${sep}`);
    b.onResolve({ filter: /^node:child_process$/ }, (a) => (from('commander', a.importer) ? { path: 'lazy-child-process', namespace: 'stand-in' } : undefined));
    b.onResolve({ filter: /^#supports-color$/ }, (a) => (from('chalk', a.importer) ? { path: 'no-supports-color', namespace: 'stand-in' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (a) => ({ contents: STAND_INS[a.path], loader: 'js' }));
  },
};

const result = await build({
  absWorkingDir: root,
  plugins: [zodMiniAlone, standIns],
  entryPoints: { reframe: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  // better-sqlite3's JavaScript is bundled too (a dozen CommonJS files cost ~8 ms to load one by one);
  // its compiled addon stays in node_modules, found by scripts/sqlite-bindings.cjs.
  alias: { bindings: './scripts/sqlite-bindings.cjs' },
  define: { __REFRAME_VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: report,
  write: false,
});

// CommonJS dependencies call require(); esbuild routes those calls through one helper (__require), which
// needs a real `require` where it is defined. Only that chunk gets one: making it costs ~1 ms per chunk.
const REQUIRE_SHIM = "import { createRequire as __reframeCreateRequire } from 'node:module'; const require = __reframeCreateRequire(import.meta.url);\n";
const withShim = (f) => (f.text.includes('typeof require') ? Buffer.concat([Buffer.from(REQUIRE_SHIM), Buffer.from(f.contents)]) : f.contents);

const entry = join(dist, 'reframe.mjs');
const fresh = new Set();
// Chunks first (new names never collide with files in use), the entry last.
const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
for (const f of files) {
  mkdirSync(dirname(f.path), { recursive: true });
  fresh.add(f.path);
  const tmp = `${f.path}.${process.pid}.tmp`;
  writeFileSync(tmp, withShim(f));
  renameSync(tmp, f.path);
}
// Old chunks: removed once nothing can still be loading them.
const chunks = join(dist, 'chunks');
for (const name of readdirSync(chunks)) {
  const p = join(chunks, name);
  try {
    if (!fresh.has(p) && Date.now() - statSync(p).mtimeMs > 10 * 60_000) unlinkSync(p);
  } catch { /* another build removed it */ }
}
if (process.env.REFRAME_BUILD_VERBOSE) console.log(`built ${files.length} files into ${relative(root, dist)}`);
if (report) printReport(result.metafile);

/** For each command: the chunks loaded before it runs (main, the CLI, the command's module, and their static imports). */
function printReport(meta) {
  const outs = meta.outputs;
  const names = Object.keys(outs);
  const closure = (start, seen = new Set()) => {
    if (!start || seen.has(start)) return seen;
    seen.add(start);
    for (const i of outs[start].imports) if (i.kind === 'import-statement' && !i.external) closure(i.path, seen);
    return seen;
  };
  const byEntry = (entry) => names.find((n) => outs[n].entryPoint === entry);
  const base = closure(byEntry('src/cli.ts'), closure(byEntry('src/main.ts')));
  const rows = names.filter((n) => outs[n].entryPoint?.startsWith('src/commands/')).map((n) => {
    const all = closure(n, new Set(base));
    const bytes = [...all].reduce((sum, o) => sum + outs[o].bytes, 0);
    const pkgs = new Map();
    for (const o of all) {
      for (const [input, v] of Object.entries(outs[o].inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = m ? m[1] : 'src';
        pkgs.set(key, (pkgs.get(key) ?? 0) + v.bytesInOutput);
      }
    }
    const top = [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}K`).join(', ');
    return { entry: outs[n].entryPoint.replace('src/commands/', ''), chunks: all.size, kb: bytes / 1024, top };
  });
  for (const r of rows.sort((a, b) => a.kb - b.kb)) {
    console.log(`${r.entry.padEnd(18)} ${String(r.chunks).padStart(3)} chunks ${r.kb.toFixed(0).padStart(6)} KB  ${r.top}`);
  }
}
