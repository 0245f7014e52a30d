import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { folderSink } from '../../electron/core/export-sink';
import type { DialectName } from '../../electron/db/dialect';
import type { PgConnectionConfig } from '../../electron/db/postgres';

export const ADMIN = {
  username: 'admin',
  displayName: 'Ada Admin',
  password: 'korrekt-hast-batteri',
  unitName: 'Testenheten',
};

export function tempDir(prefix = 'kpr-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-export`, { recursive: true, force: true });
    },
  };
}

/** A core over a fresh temp data folder, cheap KDF and a manual clock; on `server` when given (PostgreSQL). */
export function makeCore(dir: string, server?: PgConnectionConfig) {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const core = new AppCore({
    dataDir: dir,
    clock,
    kdf: TEST_SCRYPT,
    exportSink: folderSink(`${dir}-export`),
    ...(server ? { server } : {}),
  });
  const invoke = createRouter(core, handlers, () => {});
  return { core, clock, invoke };
}

/**
 * Setup done and the admin logged in. `dialect: 'postgres'` puts the core on a fresh database on the
 * PostgreSQL test server (only inside the PostgreSQL run, test/pg/vitest.pg.config.ts, which also
 * moves every other core of the suite there: test/pg/setup.ts).
 */
export async function makeReadyCore(dir: string, opts: { dialect?: DialectName } = {}) {
  let server: PgConnectionConfig | undefined;
  if (opts.dialect === 'postgres') {
    // Loaded only here: the browser and benchmark harnesses import this file outside Vitest.
    const pg = await import('./pg-db');
    const fresh = await pg.freshPgDatabase();
    server = fresh.config;
    pg.dropAfterFile(fresh.drop);
  }
  const made = makeCore(dir, server);
  const { recoveryKey } = await made.core.setup(ADMIN);
  await made.core.login(ADMIN.username, ADMIN.password);
  return { ...made, recoveryKey, server };
}
