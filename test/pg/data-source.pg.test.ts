import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { changeCredentials } from '../../electron/services/data-source';
import { emptyPgConfig, LOCAL_PREFIX, pgTestEnv, serverForm } from '../helpers/pg-db';
import type { PgConnectionConfig } from '../../electron/db/postgres';

// Data folders named kpr-local-… get no server from test/pg/setup.ts: these cores find it in their vault.
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir(LOCAL_PREFIX)));
afterEach(() => t.cleanup());

const HANNA = { username: 'hanna', password: 'vinterns-kaffe-77' };

describe('the server chosen at setup, sealed in the vault', () => {
  it('a restarted core finds the server in its vault: status says so before login, and login opens it', async () => {
    // TLS against the test server's own certificate, by name, as a workstation would connect.
    const config: PgConnectionConfig = {
      ...(await emptyPgConfig()),
      host: 'localhost',
      tls: { ca: pgTestEnv().serverCertPem },
    };
    const first = makeCore(t.dir);
    expect(first.core.dialect).toBe('sqlite'); // nothing chosen yet
    await first.core.setup({ ...ADMIN, server: { config, label: 'Kommunens databasserver' } });
    await first.core.close();

    const { core } = makeCore(t.dir);
    expect(core.dialect).toBe('postgres');
    expect(core.status()).toMatchObject({
      state: 'loggedOut',
      dataSource: { kind: 'server', label: 'Kommunens databasserver' },
    });
    await core.login(ADMIN.username, ADMIN.password);
    expect(core.requireSession().dialect).toBe('postgres');
    expect(existsSync(core.databaseFile)).toBe(false);
    const vault = readFileSync(core.vaultFile, 'utf8');
    expect(vault.includes(config.password)).toBe(false);
    expect(vault.includes('BEGIN CERTIFICATE')).toBe(false);
    await core.logout();
  });

  it('a revocation on the server re-seals the credentials under the new key: the remaining users still connect', async () => {
    const config = await emptyPgConfig();
    const { core, invoke } = makeCore(t.dir);
    await core.setup({ ...ADMIN, server: { config } });
    await core.login(ADMIN.username, ADMIN.password);
    const keyBefore = core.vault.keyId();
    const hanna = await ok<{ id: number }>(
      invoke('users.create', { ...HANNA, displayName: 'Hanna', roles: ['handlaggare'] }),
    );
    await ok(invoke('users.update', { id: hanna.id, displayName: 'Hanna', roles: ['handlaggare'], active: false }));
    expect(core.vault.keyId()).not.toBe(keyBefore);
    await core.logout();

    const again = makeCore(t.dir);
    await again.core.login(ADMIN.username, ADMIN.password);
    expect(again.core.requireSession().dialect).toBe('postgres');
    await again.core.logout();
  });

  it('session.setup takes the server from the first-start form; a second installation on it is refused with the way to join', async () => {
    const config = await emptyPgConfig();
    const form = serverForm(config, { kind: 'server' as const, host: 'localhost' });
    const { invoke, core } = makeCore(t.dir);
    expect(await invoke('session.setup', { ...ADMIN, dataSource: form })).toMatchObject({ ok: true });
    expect(core.status().dataSource).toEqual({
      kind: 'server',
      label: `${config.database} på localhost:${config.port}`,
    });
    const other = tempDir(LOCAL_PREFIX);
    try {
      const second = makeCore(other.dir);
      const r = await second.invoke('session.setup', { ...ADMIN, dataSource: form });
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining('Anslut till befintlig installation'),
        },
      });
      expect(second.core.status().state).toBe('uninitialized');
    } finally {
      other.cleanup();
    }
  });

  it('a recovery with the recovery key also unseals the server and connects', async () => {
    const config = await emptyPgConfig();
    const { core } = makeCore(t.dir);
    const { recoveryKey } = await core.setup({ ...ADMIN, server: { config } });
    const again = makeCore(t.dir);
    const status = await again.core.recover(recoveryKey, ADMIN.username, 'ett-nytt-långt-lösenord');
    expect(status).toMatchObject({ state: 'unlocked', dataSource: { kind: 'server' } });
    expect(again.core.requireSession().dialect).toBe('postgres');
    await again.core.logout();
    await again.core.login(ADMIN.username, 'ett-nytt-långt-lösenord');
    expect(again.core.requireSession().dialect).toBe('postgres');
    await again.core.logout();
  });

  it('with a wrong password for the server nothing is created, and the data folder stays uninstalled', async () => {
    const config = await emptyPgConfig();
    const { core } = makeCore(t.dir);
    await expect(core.setup({ ...ADMIN, server: { config: { ...config, password: 'fel' } } })).rejects.toThrow(
      'Databasservern godtog inte kontot eller lösenordet. Kontakta IT.',
    );
    expect(core.status().state).toBe('uninitialized');
    expect(existsSync(core.vaultFile)).toBe(false);
  });

  it('a lock while new credentials are being tried stops the change: nothing is sealed under the dropped key', async () => {
    const config = await emptyPgConfig();
    const { core } = makeCore(t.dir);
    await core.setup({ ...ADMIN, server: { config } });
    await core.login(ADMIN.username, ADMIN.password);
    const changing = changeCredentials(core, { config, label: 'Ny etikett' });
    await core.lock();
    await expect(changing).rejects.toThrow(
      'Sessionen låstes eller avslutades medan servern kontrollerades. Inget har ändrats; logga in och försök igen.',
    );
    const again = makeCore(t.dir);
    await again.core.login(ADMIN.username, ADMIN.password);
    expect(again.core.requireSession().dialect).toBe('postgres');
    expect(again.core.vault.dataSource()).not.toMatchObject({ label: 'Ny etikett' });
    await again.core.logout();
  });
});
