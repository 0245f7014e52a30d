import { defineConfig } from 'vitest/config';

/** Slow checks run by .ci/run after npm test (minutes each on two cores). */
export default defineConfig({
  test: {
    root: '.',
    include: ['test/large/**/*.large.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
