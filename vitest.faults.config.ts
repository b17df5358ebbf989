// The slow fault-injection tests (kill -9 loops, concurrent writers): `npm run test:faults`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    passWithNoTests: false,
    env: { NO_COLOR: '1', REFRAME_DB: '/nonexistent/refuse-real-home.db' },
  },
});
