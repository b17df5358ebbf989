// Bundles src/ into dist/ with esbuild: one entry, lazily loaded chunks per command.
// Runs from `npm install` (prepare) and before tests and benchmarks.
import { build } from 'esbuild';
import { rmSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
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
});
