import { inject } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../electron/db/schema';
import { openPostgres, type PgConnectionConfig } from '../../electron/db/postgres';
import { APP_ROLE, createAppDatabase, type PgTestServer } from './pg-cluster';

/** What the PostgreSQL test run's global setup hands to every test file. */
export interface PgTestEnv extends PgTestServer {
  appPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    kprPg: PgTestEnv;
  }
}

export function pgTestEnv(): PgTestEnv {
  const env = inject('kprPg');
  if (!env) throw new Error('A PostgreSQL test runs only in the PostgreSQL run: npm run test:pg');
  return env;
}

/** A fresh, empty database on the test server, owned by the least-privileged app role; `drop` removes it. */
export async function freshPgDatabase(): Promise<{ config: PgConnectionConfig; drop: () => Promise<void> }> {
  const env = pgTestEnv();
  const made = await createAppDatabase(env);
  const config: PgConnectionConfig = {
    host: env.host,
    port: env.port,
    database: made.name,
    user: APP_ROLE,
    password: env.appPassword,
    tls: 'off',
  };
  return { config, drop: made.drop };
}

/** A fresh, empty database's config, dropped when the test file is done: one line where a test needs a server. */
export async function emptyPgConfig(): Promise<PgConnectionConfig> {
  const { config, drop } = await freshPgDatabase();
  dropAfterFile(drop);
  return config;
}

/**
 * The admin's server form for `config` (TLS against the test server's own certificate), as the
 * move, setup and credential forms take it; `over` sets the fields a test varies, in one place.
 */
export function serverForm<O extends object = object>(config: PgConnectionConfig, over: O = {} as O) {
  return {
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ca: pgTestEnv().serverCertPem,
    ...over,
  };
}

/** In the PostgreSQL run, a core whose data folder is tempDir(LOCAL_PREFIX) stays on the local encrypted file. */
export const LOCAL_PREFIX = 'kpr-local-';

const afterFile: Array<() => Promise<void>> = [];

/** Runs `fn` when the test file is done (test/pg/setup.ts), latest first: cores close before their databases are dropped. */
export function dropAfterFile(fn: () => Promise<void>): void {
  afterFile.push(fn);
}

export async function runAfterFile(): Promise<void> {
  const errors: unknown[] = [];
  for (const fn of afterFile.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      errors.push(err);
    }
  }
  if (errors.length) throw new AggregateError(errors, 'PostgreSQL test cleanup failed');
}

/** A fresh database and a Kysely connected to it as the app role. */
export async function freshPgKysely(): Promise<{
  db: Kysely<DB>;
  config: PgConnectionConfig;
  cleanup: () => Promise<void>;
}> {
  const { config, drop } = await freshPgDatabase();
  const db = await openPostgres(config);
  return {
    db,
    config,
    cleanup: async () => {
      await db.destroy();
      await drop();
    },
  };
}
