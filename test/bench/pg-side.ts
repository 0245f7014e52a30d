import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { AppCore } from '../../electron/core/app-core';
import type { Clock } from '../../electron/core/clock';
import type { ServiceContext } from '../../electron/core/session';
import { copyLocalToServer } from '../../electron/db/copy-to-server';
import { openPostgres, type PgConnectionConfig } from '../../electron/db/postgres';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { APP_ROLE, createAppDatabase, ensureAppRole, findPgBin, startPgCluster } from '../helpers/pg-cluster';

/**
 * The benchmark's PostgreSQL column: a throwaway cluster on a loopback port (test/helpers/pg-cluster.ts,
 * with PostgreSQL's default durability, unlike the tests' cluster), the app's least-privileged role,
 * TLS verified against the server's certificate as a workstation connects, and the same generated
 * municipality copied from the local file by the app's own one-way move (copyLocalToServer). A second
 * core logs in on the server with a copy of the local vault, like a joined workstation.
 */
export interface PgSide {
  ctx: () => ServiceContext;
  /** "PostgreSQL 15.8, loopback, TLS": what the column measured. */
  server: string;
  copyMs: number;
  close: () => Promise<void>;
}

export async function startPgSide(opts: {
  root: string;
  localDataDir: string;
  local: ServiceContext;
  clock: Clock;
  username: string;
  password: string;
}): Promise<PgSide | { skipped: string }> {
  if (!findPgBin())
    return {
      skipped:
        'PostgreSQL not found (initdb/pg_ctl): apt-get install postgresql, or point KPR_PG_BIN at its bin folder',
    };
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  try {
    cluster = await startPgCluster({ durable: true });
  } catch (err) {
    return { skipped: `the PostgreSQL cluster did not start: ${(err as Error).message.split('\n')[0] ?? ''}` };
  }
  let core: AppCore | null = null;
  try {
    const appPassword = randomBytes(18).toString('base64url');
    await ensureAppRole(cluster, appPassword);
    const made = await createAppDatabase(cluster, 'kpr_bench');
    const config: PgConnectionConfig = {
      host: cluster.host,
      port: cluster.port,
      database: made.name,
      user: APP_ROLE,
      password: appPassword,
      tls: { ca: cluster.serverCertPem },
    };
    const target = await openPostgres(config);
    let copyMs: number;
    let version: string;
    try {
      const t0 = performance.now();
      await copyLocalToServer(opts.local.raw, target);
      copyMs = performance.now() - t0;
      // Fresh statistics, as autovacuum would have them on a server in use.
      await sql`ANALYZE`.execute(target);
      version =
        (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(target)).rows[0]?.v ?? '?';
    } finally {
      await target.destroy();
    }
    const dataDir = join(opts.root, 'data-pg');
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(opts.localDataDir, 'vault.json'), join(dataDir, 'vault.json'));
    const serverCore = new AppCore({ dataDir, clock: opts.clock, kdf: TEST_SCRYPT, server: config });
    core = serverCore;
    await serverCore.login(opts.username, opts.password);
    return {
      ctx: () => serverCore.serviceContext(),
      server: `PostgreSQL ${version}, loopback, TLS, default durability`,
      copyMs,
      close: async () => {
        try {
          await serverCore.close();
        } finally {
          cluster.stop();
        }
      },
    };
  } catch (err) {
    // PostgreSQL is there and runs: a failure from here on is the app's, and must show.
    await core?.close().catch(() => {});
    cluster.stop();
    throw err;
  }
}
