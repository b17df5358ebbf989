import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests never see the real home: every spawned reframe gets temp folders (test/helpers/run.ts).
    env: { NO_COLOR: '1', REFRAME_DB: '/nonexistent/refuse-real-home.db' },
  },
});
