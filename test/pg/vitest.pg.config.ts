import { defineConfig } from 'vitest/config';

/**
 * The PostgreSQL run (`npm run test:pg`, in .ci/run): a throwaway cluster (global-setup.ts), the
 * PostgreSQL tests, and the service and integration tests again with every AppCore on the server
 * (setup.ts). It fails, never skips, when PostgreSQL is missing; `npm test` leaves it out.
 */
const SERVER_TESTS = [
  'test/pg/**/*.pg.test.ts',
  'electron/core/app-core.test.ts',
  'electron/core/lock-countdown.test.ts',
  'electron/core/login-security.test.ts',
  'electron/exports/xlsx-lists.test.ts',
  'electron/exports/xlsx-view.test.ts',
  'electron/import/hostile.test.ts',
  'electron/import/import.test.ts',
  'electron/ipc/router.test.ts',
  'electron/services/**/*.test.ts',
  'test/unit/demo-ivo.test.ts',
  'test/unit/demo-legal.test.ts',
];

/**
 * Not run on the server, because what they test exists only for the local encrypted file: encrypted
 * file backups and restore (backup/backup, audit/rewrite: backup manifests as chain anchors), the
 * SQLite rekey and its crash safety (vault/revocation, unit/rekey-crash), file modes and the plaintext
 * scan of the data folder (core/low-findings, unit/plaintext-scan), and the SQLite-only SQL of
 * audit/verify (its chain checks are repeated on the server in test/pg/core.pg.test.ts). The IPC fuzz
 * test (unit/ipc-fuzz) fingerprints the database with sqlite_master and total_changes(), so it needs
 * a PostgreSQL fingerprint before it can run here; unit/first-start injects its failure through the
 * local WAL file (the server's twin: a refused account creates nothing, test/pg/core.pg.test.ts). The CLI
 * tests start their own processes on local files; the migration tests have twins in test/pg.
 */

export default defineConfig({
  test: {
    root: '.',
    include: process.env.KPR_PG_PROBE ? process.env.KPR_PG_PROBE.split(',') : SERVER_TESTS,
    environment: 'node',
    pool: 'forks',
    globalSetup: ['test/pg/global-setup.ts'],
    setupFiles: ['test/pg/setup.ts'],
    // Lets a test tell which run it is in.
    env: { KPR_TEST_DIALECT: 'pg' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
