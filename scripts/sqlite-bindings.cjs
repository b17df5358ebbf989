// Stands in for the `bindings` package inside the bundle (scripts/build.mjs aliases it to this file).
// better-sqlite3-multiple-ciphers calls bindings('better_sqlite3.node') to load its compiled addon. The real package finds
// the addon from the file that calls it, which inside the bundle is dist/, not better-sqlite3-multiple-ciphers's folder,
// and it tries a dozen paths on every start. This looks in better-sqlite3-multiple-ciphers's own build folder, where npm
// (node-gyp or prebuild-install) puts it. Tests run from source and use the real package.
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

module.exports = function bindings(name) {
  const dir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const tried = [];
  for (const sub of ['Release', 'Debug']) {
    const file = join(dir, 'build', sub, name);
    if (existsSync(file)) return require(file);
    tried.push(file);
  }
  throw new Error(`Could not locate the bindings file. Tried:\n${tried.map((t) => ` → ${t}`).join('\n')}`);
};
