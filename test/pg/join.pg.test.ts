import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import { APP_ROLE } from '../helpers/pg-cluster';
import { emptyPgConfig, LOCAL_PREFIX, pgTestEnv, serverForm } from '../helpers/pg-db';
import { psql } from '../helpers/pg-raw';

// kpr-local-… folders get no server from test/pg/setup.ts: these workstations find it in their vaults.
let a: ReturnType<typeof tempDir>;
let b: ReturnType<typeof tempDir>;
beforeEach(() => {
  a = tempDir(LOCAL_PREFIX);
  b = tempDir(LOCAL_PREFIX);
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

/** Workstation A installed on a fresh server, its admin logged in. */
async function firstWorkstation() {
  const config = await emptyPgConfig();
  const first = makeCore(a.dir);
  await first.core.setup({ ...ADMIN, server: { config, label: 'Kommunens server' } });
  return { ...first, config };
}

describe('a second workstation joins with a connection file', () => {
  it('exports through the sink (logged), joins, logs in on the same server; failures and counters stay per workstation', async () => {
    const A = await firstWorkstation();
    // A mistyped password on A: queued on A, written to the shared log by A at its next login.
    await expect(A.core.login(ADMIN.username, 'fel-lösenord-här')).rejects.toThrow('Fel användarnamn eller lösenord.');
    await A.core.login(ADMIN.username, ADMIN.password);
    const exported = await ok<{ savedTo: string }>(A.invoke('dataSource.exportConnectionFile', {}));
    const content = readFileSync(exported.savedTo, 'utf8');
    expect(content.includes(A.config.password)).toBe(false);

    const B = makeCore(b.dir);
    expect(await ok(B.invoke('session.join', { content }))).toMatchObject({
      state: 'loggedOut',
      dataSource: { kind: 'server', label: 'Kommunens server' },
    });
    await B.core.login(ADMIN.username, ADMIN.password);
    expect(B.core.requireSession().dialect).toBe('postgres');
    const { id } = await ok<{ id: number }>(
      B.invoke('cp.create', cpInput({ personnummer: syntheticPnr('1985-04-12', 410), lastName: 'Frånstation' })),
    );
    const seen = await A.core
      .serviceContext()
      .db.selectFrom('contact_persons')
      .select('last_name')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(seen?.last_name).toBe('Frånstation');

    const actions = (
      await A.core.serviceContext().db.selectFrom('audit_log').select(['action']).orderBy('id').execute()
    ).map((r) => r.action);
    expect(actions.filter((x) => x === 'session.login.failed')).toHaveLength(1); // not again from B's copy
    expect(actions).toContain('datasource.connectionfile.export');
    expect(actions).not.toContain('vault.tampered'); // B's own attempt counter, not A's
    await B.core.logout();
    await A.core.logout();
  });

  it('the admin gives the joined workstation its own database account; the next login connects with it', async () => {
    const A = await firstWorkstation();
    await A.core.login(ADMIN.username, ADMIN.password);
    const { savedTo } = await ok<{ savedTo: string }>(A.invoke('dataSource.exportConnectionFile', {}));
    await A.core.logout();
    const B = makeCore(b.dir);
    await ok(B.invoke('session.join', { content: readFileSync(savedTo, 'utf8') }));
    await B.core.login(ADMIN.username, ADMIN.password);

    // IT's service account for workstation B: a member of the app's role, nothing more.
    const env = pgTestEnv();
    const station = `kpr_station_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('base64url');
    const admin = {
      host: env.host,
      port: env.port,
      user: env.adminUser,
      password: env.adminPassword,
      database: 'postgres',
    };
    psql(admin, `CREATE ROLE ${station} LOGIN PASSWORD '${password}' IN ROLE ${APP_ROLE}`);
    const fields = serverForm(A.config, { label: 'Kommunens server', user: station, password });
    // A wrong password is tried first and refused; nothing changes.
    expect(await B.invoke('dataSource.changeCredentials', { ...fields, password: 'fel' })).toMatchObject({
      ok: false,
      error: { message: 'Databasservern godtog inte kontot eller lösenordet. Kontakta IT.' },
    });
    await ok(B.invoke('dataSource.changeCredentials', { ...fields, host: 'localhost' }));
    expect(await ok(B.invoke('dataSource.get', {}))).toEqual({
      kind: 'server',
      label: 'Kommunens server',
      host: 'localhost',
      port: A.config.port,
      database: A.config.database,
      user: station,
      tls: 'ca',
      pinned: false,
      rotationPending: null,
    });
    const detail = await B.core
      .serviceContext()
      .db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'datasource.credentials.change')
      .executeTakeFirstOrThrow();
    expect(detail.detail).not.toContain(password);
    expect(detail.detail).not.toContain(station);
    expect(readFileSync(B.core.vaultFile, 'utf8')).not.toContain(password);
    await B.core.logout();
    await B.core.login(ADMIN.username, ADMIN.password);
    const who = await sql<{ u: string }>`SELECT current_user AS u`.execute(B.core.serviceContext().db);
    expect(who.rows[0]?.u).toBe(station);
    expect(await ok<{ message: string }>(B.invoke('dataSource.test', {}))).toEqual({
      message: expect.stringMatching(/^Anslutningen fungerar: PostgreSQL [\d.]+.*, krypterad \(TLS\)\.$/),
    });
    await B.core.logout();
  });

  it('new credentials pointing at a database without this installation are refused, and the vault keeps the old ones', async () => {
    const A = await firstWorkstation();
    await A.core.login(ADMIN.username, ADMIN.password);
    const other = await emptyPgConfig();
    const before = readFileSync(A.core.vaultFile, 'utf8');
    const r = await A.invoke('dataSource.changeCredentials', serverForm(other));
    expect(r).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Servern har inte den här installationen/) },
    });
    expect(readFileSync(A.core.vaultFile, 'utf8')).toBe(before);
    await A.core.logout();
  });
});
