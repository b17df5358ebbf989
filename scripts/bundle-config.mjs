// The bundle's esbuild options, shared by scripts/build.mjs (which writes the bundle) and
// test/unit/hot-paths.test.ts (which reads esbuild's metafile of the same build to check what each hot
// command's start reaches). See build.mjs for why reframe is one CommonJS bundle.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** esbuild options for dist/bundle/reframe.cjs, for the project at `root`. */
export async function bundleOptions(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
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

  // Stand-ins for imports that cost startup time and that reframe never uses:
  // - commander loads node:child_process (~2.5 ms) at import, for executable subcommands; reframe has none.
  //   It gets the real module on first use instead.
  // - @inquirer/prompts brings its editor prompt (which opens $EDITOR) and with it iconv-lite and chardet,
  //   ~680 KB that every start would read; reframe asks only with input, select, checkbox and confirm.
  // - chalk asks supports-color about the terminal at import (loading node:tty, ~2 ms) for its default instance;
  //   reframe never uses that instance: render/theme.ts decides the level and makes its own (new Chalk({ level })).
  const STAND_INS = {
    'lazy-child-process': "let real;\nmodule.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });\n",
    'no-supports-color': 'export function createSupportsColor() { return false; }\nexport default { stdout: false, stderr: false };\n',
    'no-editor': "export default function editor() { throw new Error('the editor prompt is not part of reframe'); }\n",
  };
  const standIns = {
    name: 'startup-stand-ins',
    setup(b) {
      const from = (pkg, importer) => importer.includes(`${sep}node_modules${sep}${pkg}${sep}`);
      b.onResolve({ filter: /^node:child_process$/ }, (a) => (from('commander', a.importer) ? { path: 'lazy-child-process', namespace: 'stand-in' } : undefined));
      b.onResolve({ filter: /^#supports-color$/ }, (a) => (from('chalk', a.importer) ? { path: 'no-supports-color', namespace: 'stand-in' } : undefined));
      b.onResolve({ filter: /^@inquirer\/editor$/ }, (a) => (from('@inquirer/prompts', a.importer) ? { path: 'no-editor', namespace: 'stand-in' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (a) => ({ contents: STAND_INS[a.path], loader: 'js' }));
    },
  };

  return {
    absWorkingDir: root,
    plugins: [zodMiniAlone, standIns],
    entryPoints: ['src/main.ts'],
    outfile: 'dist/bundle/reframe.cjs',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // better-sqlite3-multiple-ciphers's JavaScript is bundled too (a dozen CommonJS files cost ~8 ms to load one by one);
    // its compiled addon stays in node_modules, found by scripts/sqlite-bindings.cjs.
    alias: { bindings: './scripts/sqlite-bindings.cjs' },
    // The OS keyring's native addon (@napi-rs/keyring, a platform package beside it) is loaded from node_modules by
    // the keyring helper only (src/journal/keyring-helper.ts), never by a command's own process.
    external: ['@napi-rs/keyring'],
    define: { __REFRAME_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__reframe_import_meta_url' },
    // src/library/data-dir.ts finds data/ from import.meta.url; in the CommonJS bundle that is its own file.
    banner: { js: "var __reframe_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    legalComments: 'none',
    // Smaller source is faster to read at every start (~2 ms per MB). Names are kept, so a stack trace
    // (REFRAME_DEBUG=1) still says which function it was in.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    logLevel: 'warning',
    // sqlite-bindings.cjs's require.resolve runs as written: the bundle gets a real require (bin/reframe).
    logOverride: { 'require-resolve-not-external': 'silent' },
    write: false,
  };
}
