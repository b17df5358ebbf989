// Bundles src/ into dist/ with esbuild: one entry, lazily loaded chunks per command.
// Runs from `npm install` (prepare) and before tests and benchmarks.
// Chunks have content hashes and the entry is replaced atomically (write + rename), so a build
// never breaks a reframe that is running at the same moment (tests run builds side by side).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const result = await build({
  absWorkingDir: root,
  entryPoints: { reframe: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  external: ['better-sqlite3'],
  define: { __REFRAME_VERSION__: JSON.stringify(pkg.version) },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __reframeCreateRequire } from 'node:module'; const require = __reframeCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});

const entry = join(dist, 'reframe.mjs');
const fresh = new Set();
// Chunks first (new names never collide with files in use), the entry last.
const files = [...result.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
for (const f of files) {
  mkdirSync(dirname(f.path), { recursive: true });
  fresh.add(f.path);
  const tmp = `${f.path}.${process.pid}.tmp`;
  writeFileSync(tmp, f.contents);
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
