// Makes the V8 code caches for one build of reframe (run by scripts/build.mjs; see there for why).
// Usage: node scripts/warm-cache.cjs BUILD_DIR OUT_DIR HOME COMMANDS_JSON
// Loads the build's chunks exactly as bin/reframe does, runs the given commands (an array of argument lists)
// against the throwaway journal HOME/journal.db with HOME as the home folder (never the real one; output goes
// nowhere), each once piped and once as if to a terminal, then writes what V8 compiled on the way, one
// OUT_DIR/<chunk>.cache per chunk that was loaded.
// "{id}" in an argument is the newest record's id, "{home}" the throwaway home.
// The cache holds compiled code only: no journal text, no paths of the person's.
//
// Start packs (bin/reframe's readPack), after that run, with the journal it made:
//   node scripts/warm-cache.cjs --pack-names BUILD_DIR HOME COMMANDS_JSON OUT_FILE
//     writes (JSON) the chunks the commands load, in the order they load them: a pack's contents
//     (REFRAME_WARM_TTY=0: only piped, =1: only as if to a terminal; both otherwise)
//   node scripts/warm-cache.cjs --pack-cache BUILD_DIR HOME COMMANDS_JSON PACK_JSON OUT_FILE
//     runs the commands from the pack ({ file, chunks }) and writes its code cache to OUT_FILE
'use strict';
const { readdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { chunkLoader, readPack } = require('../bin/reframe');

const mode = process.argv[2] === '--pack-names' || process.argv[2] === '--pack-cache' ? process.argv[2] : 'caches';
const [buildDir, out, home, commandsJson, packJson, packOut] = mode === 'caches'
  ? process.argv.slice(2)
  : mode === '--pack-names'
    ? [process.argv[3], undefined, process.argv[4], process.argv[5], undefined, process.argv[6]]
    : [process.argv[3], undefined, process.argv[4], process.argv[5], process.argv[6], process.argv[7]];
if (!buildDir || !home || !commandsJson || (mode === 'caches' ? !out : !packOut) || (mode === '--pack-cache' && !packJson)) {
  process.stderr.write('usage: node scripts/warm-cache.cjs BUILD_DIR OUT_DIR HOME COMMANDS_JSON\n'
    + '       node scripts/warm-cache.cjs --pack-names BUILD_DIR HOME COMMANDS_JSON OUT_FILE\n'
    + '       node scripts/warm-cache.cjs --pack-cache BUILD_DIR HOME COMMANDS_JSON PACK_JSON OUT_FILE\n');
  process.exit(2);
}
const commands = JSON.parse(commandsJson);
const db = join(home, 'journal.db');
const env = process.env;
for (const v of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'REFRAME_DB', 'REFRAME_DEBUG', 'FORCE_COLOR', 'NO_COLOR', 'PAGER', 'LESS']) delete env[v];
// Output as if to a terminal would go through the builder's pager, which could wait for a key: none here.
env.REFRAME_PAGER = 'cat';
env.HOME = home;
env.XDG_CONFIG_HOME = join(home, '.config');
env.XDG_DATA_HOME = join(home, '.local', 'share');
env.XDG_STATE_HOME = join(home, '.local', 'state');
env.TERM = 'xterm-256color';

function newestId() {
  try {
    const Database = require('better-sqlite3-multiple-ciphers');
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT id FROM records ORDER BY occurred_at DESC LIMIT 1').pluck().get() ?? 'none';
    } finally {
      conn.close();
    }
  } catch {
    return 'none';
  }
}

async function main() {
  // The entry runs main() once as it loads, with the argv it finds: the version, which prints and returns.
  const fill = (args) => args.map((a) => a.replace('{id}', newestId()).replace('{home}', home));
  const entry = join(resolve(buildDir), 'reframe.cjs');
  process.argv = [process.argv[0], entry, '--version'];
  const pack = mode === '--pack-cache' ? readPack(resolve(buildDir), JSON.parse(packJson), { encoding: 'latin1' }) : undefined;
  if (mode === '--pack-cache' && !pack) throw new Error('the pack does not load');
  const loader = chunkLoader(resolve(buildDir), { encoding: 'latin1', packed: pack && pack.packed });
  const exports = loader.load('reframe.cjs');
  // A pack is made for one kind of output (build.mjs: REFRAME_WARM_TTY 0 for pipes and files, 1 for a terminal).
  const ttys = process.env.REFRAME_WARM_TTY === '0' ? [false] : process.env.REFRAME_WARM_TTY === '1' ? [true] : [false, true];
  for (const tty of ttys) {
    // As if to a terminal: the decorated output (colour, tables, charts) has code of its own.
    process.stdout.isTTY = tty;
    process.stdout.columns = 100;
    for (const args of commands) {
      // Outcomes don't matter here, only the code they compile.
      if (Array.isArray(args)) await exports.main([process.argv[0], entry, '--db', db, ...fill(args)]).catch(() => {});
    }
  }
  // A guided flow (`{ "guided": ["new"] }`, start packs only), last: as a person at a terminal sees it, up to its
  // first question, which then waits for an answer that never comes (the process ends below).
  // Its pack holds what loaded until the question was drawn, not what loads while it waits (soon.ts).
  const guided = commands.find((c) => !Array.isArray(c) && Array.isArray(c.guided));
  let drawnWith;
  if (guided && ttys.includes(true)) {
    await untilFirstQuestion(() => exports.main([process.argv[0], entry, '--db', db, ...fill(guided.guided)]), () => {
      drawnWith = loader.loaded.map((c) => c.name);
    });
  }
  if (mode === '--pack-names') {
    writeFileSync(packOut, JSON.stringify(drawnWith ?? loader.loaded.map((c) => c.name)), { mode: 0o644 });
    if (guided) process.exit(0);
    return;
  }
  if (mode === '--pack-cache') {
    writeFileSync(packOut, pack.script.createCachedData(), { mode: 0o644 });
    if (guided) process.exit(0);
    return;
  }
  // Every chunk no command above ran (the guided flows need a terminal; sync, import workers, the keyring helper)
  // is loaded too, so its top-level code is in a cache: a first guided `new` then parses none of its chunks.
  // Loading runs only module bodies (definitions); one that can't load here is left to compile at its first use.
  for (const name of readdirSync(resolve(buildDir)).filter((f) => /^c-[A-Za-z0-9_-]+\.cjs$/.test(f)).sort()) {
    try { loader.load(name); } catch { /* compiled at its first use instead */ }
  }
  for (const { name, script } of loader.loaded) writeFileSync(join(out, name.replace(/\.cjs$/, '.cache')), script.createCachedData(), { mode: 0o644 });
}

/**
 * Runs `start` as if in a terminal (standard input and output both one, raw mode a no-op, what is drawn kept
 * nowhere) until the screen has something on it and half a second more has passed: the flow's first question is
 * then showing, waiting. `onDraw` is told of every write to the screen. Resolves then; the flow never finishes.
 */
function untilFirstQuestion(start, onDraw) {
  process.stdin.isTTY = true;
  process.stdin.setRawMode = () => process.stdin;
  process.stdout.isTTY = true;
  process.stdout.columns = 100;
  process.stdout.rows = 40;
  let drawn = false;
  process.stdout.write = () => {
    drawn = true;
    onDraw();
    return true;
  };
  start().catch(() => {});
  return new Promise((resolve, reject) => {
    const since = Date.now();
    const poll = setInterval(() => {
      if (drawn) {
        clearInterval(poll);
        setTimeout(resolve, 500);
      } else if (Date.now() - since > 20_000) {
        clearInterval(poll);
        reject(new Error('the guided flow showed nothing in 20 s'));
      }
    }, 20);
  });
}

main().then(
  () => { process.exitCode = 0; },
  // Ended at once: a guided flow left waiting would keep the process alive.
  (err) => { process.stderr.write(`warm-cache: ${err && err.message}\n`); process.exit(1); },
);
