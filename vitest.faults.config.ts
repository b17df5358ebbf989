// The slow fault-injection tests (kill -9 loops, concurrent writers): `npm run test:faults`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time: most of the suite is waiting on spawned reframes, so two cores run two files
    // (one at a time took 3m45s on 2 busy cores; see test/faults/README.md for the figures).
    maxWorkers: 2,
    fileParallelism: true,
    passWithNoTests: false,
    env: { NO_COLOR: '1', REFRAME_DB: '/nonexistent/refuse-real-home.db' },
  },
});
