import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { afterAll, vi } from 'vitest';
import type { CoreOptions } from '../../electron/core/app-core';
import type { PgConnectionConfig } from '../../electron/db/postgres';
import { APP_ROLE } from '../helpers/pg-cluster';
import { dropAfterFile, LOCAL_PREFIX, pgTestEnv, runAfterFile } from '../helpers/pg-db';
import { psql, usePsqlRaw } from '../helpers/pg-raw';

/**
 * The PostgreSQL run builds every AppCore of the suite on the test server: a core made without a
 * `server` gets one database per data folder (a second core on the same folder, e.g. after a
 * restart, finds the same data), created synchronously as the constructor is. The tests' direct
 * checks through serviceContext().raw go to that database (test/helpers/pg-raw.ts).
 */
const byDataDir = new Map<string, PgConnectionConfig>();

function serverFor(dataDir: string): PgConnectionConfig {
  const known = byDataDir.get(dataDir);
  if (known) return known;
  const env = pgTestEnv();
  const name = `kpr_c_${randomBytes(6).toString('hex')}`;
  const admin = {
    host: env.host,
    port: env.port,
    user: env.adminUser,
    password: env.adminPassword,
    database: 'postgres',
  };
  psql(admin, `CREATE DATABASE ${name} OWNER ${APP_ROLE} TEMPLATE template0 ENCODING 'UTF8'`);
  psql(admin, `REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
  dropAfterFile(async () => void psql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const config: PgConnectionConfig = {
    host: env.host,
    port: env.port,
    database: name,
    user: APP_ROLE,
    password: env.appPassword,
    tls: 'off',
  };
  byDataDir.set(dataDir, config);
  return config;
}

vi.mock('../../electron/core/app-core', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../electron/core/app-core')>();
  class ServerAppCore extends mod.AppCore {
    public constructor(opts: CoreOptions) {
      // A data folder named kpr-local-… keeps its core on the local file (the copy-to-server test's source).
      if (!opts.server && basename(opts.dataDir).startsWith(LOCAL_PREFIX)) {
        super(opts);
        return;
      }
      const server = opts.server ?? serverFor(opts.dataDir);
      super({ ...opts, server });
      usePsqlRaw(this, server);
      const close = () => this.close().catch(() => this.close());
      dropAfterFile(close);
    }
  }
  return { ...mod, AppCore: ServerAppCore };
});

// Every core a test file built is closed, and its databases dropped, when the file ends.
afterAll(runAfterFile);
