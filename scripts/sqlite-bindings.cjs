// Stands in for the `bindings` package inside the bundle (scripts/build.mjs aliases it to this file).
// better-sqlite3-multiple-ciphers calls bindings('better_sqlite3.node') to load its compiled addon. The real package finds
// the addon from the file that calls it, which inside the bundle is dist/, not better-sqlite3-multiple-ciphers's folder,
// and it tries a dozen paths on every start. This looks in better-sqlite3-multiple-ciphers's own build folder, where npm
// (node-gyp or prebuild-install) puts it. Tests run from source and use the real package.
'use strict';
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

module.exports = function bindings(name) {
  const tried = [];
  // First where npm puts it for reframe itself, found from this chunk's own folder (dist/bundle/<build>/ in a clone
  // or an installed package): no package.json to read (resolving the package name costs ~4 ms of a start).
  // Then wherever Node resolves the package from here (a hoisted install).
  const own = join(__dirname, '..', '..', '..', 'node_modules', 'better-sqlite3-multiple-ciphers');
  const look = (dir) => {
    for (const sub of ['Release', 'Debug']) {
      const file = join(dir, 'build', sub, name);
      if (existsSync(file)) return file;
      tried.push(file);
    }
    return undefined;
  };
  let found = look(own);
  if (!found) {
    try {
      found = look(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')));
    } catch { /* not resolvable from here either: said below */ }
  }
  if (found) return require(found);
  throw new Error(`Could not locate the bindings file. Tried:\n${tried.map((t) => ` → ${t}`).join('\n')}`);
};
