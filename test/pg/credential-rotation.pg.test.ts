import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChainDb } from '../../electron/audit/verify';
import type { DataSourceInfo } from '../../shared/ipc/server-fields';
import { ok } from '../helpers/cases';
import { makeReadyCore, tempDir } from '../helpers/core';
import { APP_ROLE } from '../helpers/pg-cluster';
import { pgTestEnv, serverForm } from '../helpers/pg-db';
import { psql } from '../helpers/pg-raw';

/**
 * A deactivation on a server re-keys this workstation's vault only; the database account's
 * credentials stay sealed under the old key elsewhere. So the app asks for a new database password,
 * visible to every workstation (the database's settings), until changed credentials are saved.
 */
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('deactivation on a shared server', () => {
  it('asks for a new database password until changed credentials are saved; saving the same ones does not count', async () => {
    const { core, invoke, server, clock } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const app = server!;
    const env = pgTestEnv();
    const info = () => ok<Extract<DataSourceInfo, { kind: 'server' }>>(invoke('dataSource.get', {}));
    expect((await info()).rotationPending).toBeNull();

    const { id } = await ok<{ id: number }>(
      invoke('users.create', {
        username: 'hanna',
        displayName: 'Hanna H',
        roles: ['handlaggare'],
        password: 'Sommar-Regn-2026',
      }),
    );
    clock.advance(3_600_000);
    const saved = await ok<{ rotateDatabasePassword: boolean }>(
      invoke('users.update', { id, displayName: 'Hanna H', roles: ['handlaggare'], active: false }),
    );
    expect(saved.rotateDatabasePassword).toBe(true);
    const due = { since: '2026-11-22T10:00:00.000Z', username: 'hanna' };
    expect((await info()).rotationPending).toEqual(due);
    // In the database, where every workstation reads it.
    expect(psql(app, "SELECT value FROM settings WHERE key = 'server.credentials_rotation'").trim()).toBe(
      JSON.stringify(due),
    );

    const fields = serverForm(app, { label: 'Kommunens server' });
    // The same account and password again: the old password still opens it, so the warning stays.
    await ok(invoke('dataSource.changeCredentials', fields));
    expect((await info()).rotationPending).toEqual(due);

    const superuser = {
      host: env.host,
      port: env.port,
      user: env.adminUser,
      password: env.adminPassword,
      database: 'postgres',
    };
    // A new account IT forgot to give the app's rights: said as such, and nothing changes.
    const bare = `kpr_station_${randomBytes(4).toString('hex')}`;
    const barePassword = randomBytes(12).toString('base64url');
    psql(superuser, `CREATE ROLE ${bare} LOGIN PASSWORD '${barePassword}'`);
    expect(
      await invoke('dataSource.changeCredentials', { ...fields, user: bare, password: barePassword }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Databaskontot saknar rättigheter i databasen\./) },
    });
    expect((await info()).rotationPending).toEqual(due);
    // Allowed to connect, but not to read the app's tables: the same answer, not "another installation".
    psql({ ...superuser, database: app.database }, `GRANT CONNECT ON DATABASE ${app.database} TO ${bare}`);
    expect(
      await invoke('dataSource.changeCredentials', { ...fields, user: bare, password: barePassword }),
    ).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(/^Databaskontot saknar rättigheter i databasen\. .* Inget har ändrats\.$/),
      },
    });
    expect((await info()).rotationPending).toEqual(due);

    // IT's new account (or new password) for this workstation: the rotation is done.
    const station = `kpr_station_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('base64url');
    psql(superuser, `CREATE ROLE ${station} LOGIN PASSWORD '${password}' IN ROLE ${APP_ROLE}`);
    await ok(invoke('dataSource.changeCredentials', { ...fields, user: station, password }));
    expect((await info()).rotationPending).toBeNull();

    const { db } = core.serviceContext();
    const log = await db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'datasource')
      .orderBy('id')
      .execute();
    expect(log.map((r) => r.action)).toEqual([
      'datasource.credentials.rotation_needed',
      'datasource.credentials.change',
      'datasource.credentials.change',
      'datasource.credentials.rotated',
    ]);
    expect(await verifyAuditChainDb(db)).toMatchObject({ ok: true });
    await core.logout();
  });
});
