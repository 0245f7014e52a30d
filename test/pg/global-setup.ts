import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { ensureAppRole, startPgCluster } from '../helpers/pg-cluster';
import type { PgTestEnv } from '../helpers/pg-db';

/** One throwaway cluster per run; every test file makes its own databases in it. Missing PostgreSQL fails the run. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPgCluster();
  const appPassword = randomBytes(18).toString('base64url');
  try {
    await ensureAppRole(cluster, appPassword);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  const env: PgTestEnv = {
    host: cluster.host,
    port: cluster.port,
    adminUser: cluster.adminUser,
    adminPassword: cluster.adminPassword,
    serverCertPem: cluster.serverCertPem,
    appPassword,
  };
  project.provide('kprPg', env);
  return () => cluster.stop();
}
