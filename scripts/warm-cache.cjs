// Makes the V8 code caches for one build of reframe (run by scripts/build.mjs; see there for why).
// Usage: node scripts/warm-cache.cjs BUILD_DIR OUT_DIR HOME COMMANDS_JSON
// Loads the build's chunks exactly as bin/reframe does, runs the given commands (an array of argument lists)
// against the throwaway journal HOME/journal.db with HOME as the home folder (never the real one; output goes
// nowhere), each once piped and once as if to a terminal, then writes what V8 compiled on the way, one
// OUT_DIR/<chunk>.cache per chunk that was loaded.
// "{id}" in an argument is the newest record's id, "{home}" the throwaway home.
// The cache holds compiled code only: no journal text, no paths of the person's.
'use strict';
const { readdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { chunkLoader } = require('../bin/reframe');

const [buildDir, out, home, commandsJson] = process.argv.slice(2);
if (!buildDir || !out || !home || !commandsJson) {
  process.stderr.write('usage: node scripts/warm-cache.cjs BUILD_DIR OUT_DIR HOME COMMANDS_JSON\n');
  process.exit(2);
}
const commands = JSON.parse(commandsJson);
const db = join(home, 'journal.db');
const env = process.env;
for (const v of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'REFRAME_DB', 'REFRAME_DEBUG', 'FORCE_COLOR', 'NO_COLOR']) delete env[v];
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
  const loader = chunkLoader(resolve(buildDir), { encoding: 'latin1' });
  const exports = loader.load('reframe.cjs');
  for (const tty of [false, true]) {
    // As if to a terminal: the decorated output (colour, tables, charts) has code of its own.
    process.stdout.isTTY = tty;
    process.stdout.columns = 100;
    for (const args of commands) {
      // Outcomes don't matter here, only the code they compile.
      await exports.main([process.argv[0], entry, '--db', db, ...fill(args)]).catch(() => {});
    }
  }
  // Every chunk no command above ran (the guided flows need a terminal; sync, import workers, the keyring helper)
  // is loaded too, so its top-level code is in a cache: a first guided `new` then parses none of its chunks.
  // Loading runs only module bodies (definitions); one that can't load here is left to compile at its first use.
  for (const name of readdirSync(resolve(buildDir)).filter((f) => /^c-[A-Za-z0-9_-]+\.cjs$/.test(f)).sort()) {
    try { loader.load(name); } catch { /* compiled at its first use instead */ }
  }
  for (const { name, script } of loader.loaded) writeFileSync(join(out, name.replace(/\.cjs$/, '.cache')), script.createCachedData(), { mode: 0o644 });
}

main().then(
  () => { process.exitCode = 0; },
  (err) => { process.stderr.write(`warm-cache: ${err && err.message}\n`); process.exitCode = 1; },
);
