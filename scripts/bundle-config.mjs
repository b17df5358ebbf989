// The bundle's esbuild options, shared by scripts/build.mjs (which writes the bundle) and
// test/unit/hot-paths.test.ts (which reads esbuild's metafile of the same build to check what each hot
// command's start reaches), and the step that turns esbuild's chunks into CommonJS. See build.mjs for why.
import { build, transform } from 'esbuild';
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
    // The entry, and modules that become chunks of their own although every command's code reaches them (see
    // SPLIT_POINTS).
    entryPoints: [{ in: 'src/main.ts', out: 'reframe' }, ...SPLIT_POINTS.map((p) => ({ in: p, out: `c-${p.replace(/^.*\//, '').replace(/\.ts$/, '')}` }))],
    // Split at every `await import()`: each command's code, and each package only some commands use, lands in a
    // chunk of its own, so a start reads and compiles only the chunks its command reaches (`list`: ~30 chunks,
    // ~0.4 MB of 2.4 MB). esbuild splits only ES modules; toCommonJS() below turns each chunk into a CommonJS
    // file, since Node 20 caches compiled code only for scripts (see build.mjs).
    format: 'esm',
    splitting: true,
    outdir: 'dist/bundle/out',
    entryNames: '[name]',
    chunkNames: 'c-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    // better-sqlite3-multiple-ciphers's JavaScript is bundled too (a dozen CommonJS files cost ~8 ms to load one by one);
    // its compiled addon stays in node_modules, found by scripts/sqlite-bindings.cjs.
    alias: { bindings: './scripts/sqlite-bindings.cjs' },
    // The OS keyring's native addon (@napi-rs/keyring, a platform package beside it) is loaded from node_modules by
    // the keyring helper only (src/journal/keyring-helper.ts), never by a command's own process.
    external: ['@napi-rs/keyring'],
    // src/library/data-dir.ts finds data/ from import.meta.url; in a CommonJS chunk that is the chunk's own file
    // (toCommonJS defines it in the chunks that use it).
    define: { __REFRAME_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': META_URL },
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

// Files every command's code imports but few commands use: the schema's steps, SQL an open needs only to upgrade
// a journal (src/journal/open.ts reads the version from schema-version.ts). esbuild puts a file in the chunk of the
// entries that reach it, so as an extra entry it lands in a chunk of its own, which the chunks that import it
// load at the first name they read (toCommonJS below): no everyday start reads it (~32 KB). The extra entry also
// gets a file that only re-exports that chunk; nothing loads it.
const SPLIT_POINTS = ['src/journal/migrations.ts'];

const META_URL = '__reframe_import_meta_url';
const CHUNK_REF = /(["'])\.\/(c-[A-Za-z0-9_-]+)\.js\1/g;
// Node's own modules that cost start-up time to load (crypto ~3 ms; child_process brings net, dgram, streams) and
// that many chunks import for one function. A chunk's top-level require would load them whenever the chunk loads;
// in the chunk they are a stand-in that loads the module at its first use instead (fs and path are loaded by Node
// itself before any code runs, so they are left as they are).
const LAZY_IDS = 'crypto|child_process|tty|os|net|stream|zlib|worker_threads|readline|url|util|events|string_decoder|perf_hooks|v8|vm|dns|http|https|timers\/promises|stream\/promises|fs\/promises';
const LAZY_BUILTINS = new RegExp(`__toESM\\(require\\("node:(?:${LAZY_IDS})"\\)(?:,\\s*1)?\\)|require\\("node:(?:${LAZY_IDS})"\\)`, 'g');
const LAZY_HELPER = 'var __rfLazy=(f)=>{let m;const g=()=>m??=f();return new Proxy({},{get:(_,k)=>g()[k],has:(_,k)=>k in g(),ownKeys:()=>Reflect.ownKeys(g()),getOwnPropertyDescriptor:(_,k)=>{const d=Reflect.getOwnPropertyDescriptor(g(),k);if(d)d.configurable=true;return d}})};';

// A chunk's static import of another chunk, as esbuild's CommonJS output writes it (see toCommonJS).
const LAZY_CHUNK_IMPORT = /\b(import_c_[A-Za-z0-9_$]+)=require\("\.\/(c-[A-Za-z0-9_-]+)\.cjs"\)/g;

// Each chunk is written already wrapped in CommonJS's module function, inside a call that runs it when Node's own
// require loads the file and only gives the function back while bin/reframe's loader evaluates it (it sets
// globalThis.__reframeChunk for that moment, before any of the chunk's own code runs): so
// bin/reframe compiles the file's text as it is, without making a second copy of it with a wrapper around it
// (~0.4 MB less to allocate and collect at every start of `list`).
const WRAP_START = '(function(f){return globalThis.__reframeChunk===1?f:f.call(exports,exports,require,module,__filename,__dirname)})(function(exports,require,module,__filename,__dirname){';
const WRAP_END = '\n})';

/**
 * esbuild's split ES module output as CommonJS files: [{ name, code }], names ending in .cjs (reframe.cjs is the
 * entry). Each chunk's imports of another chunk become require('./c-....cjs') (dynamic ones inside a resolved
 * promise, which is when an `await import()` would load it): bin/reframe's loader runs those through a code cache,
 * and Node's own require (a worker thread, the keyring helper) reads the same files as plain CommonJS.
 */
export async function toCommonJS(outputFiles) {
  const out = [];
  for (const f of outputFiles) {
    const name = f.path.replace(/^.*[\\/]/, '').replace(/\.js$/, '.cjs');
    const t = await transform(f.text, { format: 'cjs', platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, charset: 'ascii', logLevel: 'warning' });
    let code = t.code
      .replace(/\bimport\((["'])(\.\/c-[A-Za-z0-9_-]+\.js|@napi-rs\/keyring)\1\)/g, (_, q, id) => `Promise.resolve().then(()=>require(${q}${id}${q}))`)
      .replace(CHUNK_REF, (_, q, c) => `${q}./${c}.cjs${q}`);
    const dynamic = /\bimport\(/.exec(code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'));
    if (dynamic) throw new Error(`build: ${name} keeps a dynamic import() that bin/reframe's loader can't run: make it an import of a module in src/`);
    code = code.replace(LAZY_BUILTINS, (all) => `__rfLazy(()=>${all})`);
    // Another chunk this one imports from is loaded when one of its names is first used, not when this chunk
    // loads: `list` reaches 34 chunks by imports and uses names from 25 (not the sync commands, not the run code
    // the wiring of other commands imports). esbuild writes each such import as `import_c_X=require("./c-X.cjs")`
    // and reads names as `import_c_X.name`; the stand-in also puts the real exports in that variable at the first
    // read, so every later read is a plain property read.
    code = code.replace(LAZY_CHUNK_IMPORT, (_, v, c) => `${v}=__rfLazy(()=>${v}=require("./${c}.cjs"))`);
    if (code.includes('__rfLazy(')) code = LAZY_HELPER + code;
    // Worked out at its first use (a URL costs ~0.5 ms; `list` never asks for one).
    if (code.includes(META_URL)) code = `var ${META_URL}_;` + code.replaceAll(META_URL, `(${META_URL}_??=require('node:url').pathToFileURL(__filename).href)`);
    out.push({ name, code: WRAP_START + code + WRAP_END });
  }
  return out;
}
