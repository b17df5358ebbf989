import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow fault tests run on their own: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests never see the real home: every spawned reframe gets temp folders (test/helpers/run.ts).
    env: { NO_COLOR: '1', REFRAME_DB: '/nonexistent/refuse-real-home.db' },
  },
});
