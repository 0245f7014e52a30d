import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, tempDir } from '../../test/helpers/core';
import type { PgConnectionConfig } from '../db/postgres';
import { makeConnectionFile, vaultFromConnectionFile } from './connection-file';
import { TEST_SCRYPT } from './kdf';
import { Vault } from './vault';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-conn-')));
afterEach(() => t.cleanup());

const SERVER: PgConnectionConfig = {
  host: 'db.kommun.example',
  port: 5432,
  database: 'kontaktregistret',
  user: 'kpr_station_1',
  password: 'Hemligt-Databas-Lösen-91',
  tls: { ca: '-----BEGIN CERTIFICATE-----\nMIIBkTCB\n-----END CERTIFICATE-----\n', pinSha256: 'cd'.repeat(32) },
};
const ADMIN = { username: 'admin', password: 'korrekt-hast-batteri' };
const AT = '2026-11-22T09:00:00.000Z';

/** A server workstation's vault with a failed login behind it and an audit anchor. */
async function serverVault(dir = t.dir) {
  const vault = new Vault(join(dir, 'vault.json'), TEST_SCRYPT, () => new Date(AT));
  const { dataKey } = await vault.create(ADMIN.username, ADMIN.password, { config: SERVER, label: 'Servern' });
  await expect(vault.unlock(ADMIN.username, 'fel-lösenord-här')).rejects.toThrow();
  vault.setAuditAnchor({ id: 7, hash: 'ab'.repeat(32) }, dataKey);
  return { vault, dataKey };
}

describe('the connection file (anslutningsfil)', () => {
  it("carries the users' sealed keys and the sealed data source, no secret in plain text and no login history", async () => {
    const { vault } = await serverVault();
    const file = makeConnectionFile(vault.snapshot()!, AT);
    const text = JSON.stringify(file);
    for (const secret of [SERVER.user, SERVER.password, 'MIIBkTCB', 'cd'.repeat(32), ADMIN.username]) {
      expect(text.includes(secret), secret).toBe(false);
    }
    for (const key of ['failures', 'attempts', 'pendingFailures', 'previousKey', 'workstation']) {
      expect(key in file, key).toBe(false);
    }
    expect(file).toMatchObject({ format: 'kontaktregistret-anslutning', entries: [expect.any(Object)] });
  });

  it('becomes a vault with its own workstation id and clean counters, which opens with the same password', async () => {
    const { vault } = await serverVault();
    const data = vaultFromConnectionFile(JSON.stringify(makeConnectionFile(vault.snapshot()!, AT)));
    expect(data.workstation).not.toBe(vault.workstation());
    expect(data).toMatchObject({ failures: {}, attempts: 0, pendingFailures: [], previousKey: null });
    const other = tempDir('kpr-conn-');
    try {
      const joined = new Vault(join(other.dir, 'vault.json'), TEST_SCRYPT, () => new Date(AT));
      joined.install(data);
      const { dataKey } = await joined.unlock(ADMIN.username, ADMIN.password);
      expect(joined.serverConfig(dataKey)).toEqual(SERVER);
      expect(joined.auditAnchor(dataKey)).toEqual({ anchor: { id: 7, hash: 'ab'.repeat(32) }, authentic: true });
    } finally {
      other.cleanup();
    }
  });

  it('is refused for a local installation and during a rekey, in Swedish', async () => {
    const local = new Vault(join(t.dir, 'vault.json'), TEST_SCRYPT, () => new Date(AT));
    await local.create(ADMIN.username, ADMIN.password);
    expect(() => makeConnectionFile(local.snapshot()!, AT)).toThrow(/bara för en installation på en databasserver/);
    const other = tempDir('kpr-conn-');
    try {
      const { vault, dataKey } = await serverVault(other.dir);
      await vault.beginRekey(dataKey, randomBytes(32), { remove: [] });
      expect(() => makeConnectionFile(vault.snapshot()!, AT)).toThrow(/håller på att byta nyckel/);
    } finally {
      other.cleanup();
    }
  });
});

describe('joining an installation (session.join)', () => {
  it('refuses a file that is not a connection file, in Swedish, and writes nothing', async () => {
    const src = tempDir('kpr-conn-');
    const { vault } = await serverVault(src.dir);
    const good = makeConnectionFile(vault.snapshot()!, AT);
    src.cleanup();
    const { invoke } = makeCore(t.dir);
    const bad = [
      'inte json',
      JSON.stringify({ format: 'kontaktregistret-vault' }),
      JSON.stringify({ ...good, entries: [] }),
      JSON.stringify({ ...good, dataSource: { kind: 'local' } }),
    ];
    for (const content of bad) {
      expect(await invoke('session.join', { content })).toMatchObject({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringMatching(/^Filen är ingen anslutningsfil.*Inget har sparats/),
        },
      });
    }
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('writes the vault from a good file: logged out, on the server, and a second join is refused', async () => {
    const src = tempDir('kpr-conn-');
    try {
      const { vault } = await serverVault(src.dir);
      const content = JSON.stringify(makeConnectionFile(vault.snapshot()!, AT));
      const { invoke } = makeCore(t.dir);
      expect(await invoke('session.join', { content })).toMatchObject({
        ok: true,
        value: { state: 'loggedOut', dataSource: { kind: 'server', label: 'Servern' } },
      });
      const written = readFileSync(join(t.dir, 'vault.json'), 'utf8');
      expect(written.includes(SERVER.password)).toBe(false);
      expect(await invoke('session.join', { content })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_INITIALIZED' },
      });
    } finally {
      src.cleanup();
    }
  });
});
