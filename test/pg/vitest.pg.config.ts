import { defineConfig } from 'vitest/config';

/**
 * The PostgreSQL run: a throwaway cluster (test/pg/global-setup.ts) and the tests below with
 * KPR_TEST_DIALECT=pg, so test/helpers/core.ts builds every core on the server. It fails, never
 * skips, when PostgreSQL is missing; `npm test` leaves it out, `.ci/run` runs it (npm run test:pg).
 */
export default defineConfig({
  test: {
    root: '.',
    include: process.env.KPR_PG_PROBE ? process.env.KPR_PG_PROBE.split(',') : ['test/pg/**/*.pg.test.ts'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/pg/global-setup.ts'],
    setupFiles: ['test/pg/setup.ts'],
    env: { KPR_TEST_DIALECT: 'pg' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
