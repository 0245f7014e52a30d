import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/core';
import type { PgConnectionConfig } from '../db/postgres';
import { BROKEN_DATA_SOURCE, openDataSource, sealDataSource } from './data-source';
import { TEST_SCRYPT } from './kdf';
import { Vault } from './vault';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-ds-')));
afterEach(() => t.cleanup());

const CA =
  '-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHBfpegPjMCMA0GCSqGSIb3DQEBCwUAMBQxEjAQBgNVBAMMCWxv\n-----END CERTIFICATE-----\n';
const SERVER: PgConnectionConfig = {
  host: 'db.kommun.example',
  port: 5432,
  database: 'kontaktregistret',
  user: 'kpr_station_7',
  password: 'Hemligt-Databas-Lösen-91',
  tls: { ca: CA, pinSha256: 'ab'.repeat(32), servername: 'db-intern.kommun.example' },
};
const ADMIN = { username: 'admin', password: 'korrekt-hast-batteri' };

function newVault(file = join(t.dir, 'vault.json')): Vault {
  return new Vault(file, TEST_SCRYPT, () => new Date('2026-11-22T09:00:00Z'));
}

describe('the data source sealed in the vault', () => {
  it('keeps host, port, database and label readable and account, password and TLS trust sealed', async () => {
    const vault = newVault();
    const { dataKey } = await vault.create(ADMIN.username, ADMIN.password, {
      config: SERVER,
      label: 'Kommunens server',
    });
    expect(vault.dataSource()).toMatchObject({
      kind: 'server',
      host: 'db.kommun.example',
      port: 5432,
      database: 'kontaktregistret',
      label: 'Kommunens server',
    });
    expect(vault.workstation()).toMatch(/^[0-9a-f-]{36}$/);
    expect(vault.serverConfig(dataKey)).toEqual(SERVER);
    const text = readFileSync(vault.path, 'utf8');
    for (const secret of [SERVER.user, SERVER.password, 'MIIBkTCB', 'ab'.repeat(32), 'db-intern']) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });

  it('is local when absent, and a local vault has no workstation id', async () => {
    const vault = newVault();
    const { dataKey } = await vault.create(ADMIN.username, ADMIN.password);
    expect(vault.dataSource()).toEqual({ kind: 'local' });
    expect(vault.serverConfig(dataKey)).toBeNull();
    expect(vault.workstation()).toBeNull();
  });

  it('refuses, in Swedish, a record whose plain host was edited (the password must not go to another server) or another key', () => {
    const key = randomBytes(32);
    const sealed = sealDataSource(key, SERVER);
    expect(openDataSource(key, sealed)).toEqual(SERVER);
    expect(() => openDataSource(key, { ...sealed, host: 'angripare.example' })).toThrow(BROKEN_DATA_SOURCE);
    expect(() => openDataSource(key, { ...sealed, label: 'Annan' })).toThrow(BROKEN_DATA_SOURCE);
    expect(() => openDataSource(randomBytes(32), sealed)).toThrow(BROKEN_DATA_SOURCE);
  });

  it('an edited vault.json is refused at unsealing, not silently used', async () => {
    const vault = newVault();
    const { dataKey } = await vault.create(ADMIN.username, ADMIN.password, { config: SERVER });
    const json = JSON.parse(readFileSync(vault.path, 'utf8')) as { dataSource: { port: number } };
    json.dataSource.port = 6543;
    writeFileSync(vault.path, JSON.stringify(json));
    expect(() => vault.serverConfig(dataKey)).toThrow(BROKEN_DATA_SOURCE);
  });

  it('a rekey (revocation) re-seals the data source under the new key; the old key no longer opens it', async () => {
    const vault = newVault();
    const { dataKey } = await vault.create(ADMIN.username, ADMIN.password, { config: SERVER, label: 'Servern' });
    const newKey = randomBytes(32);
    await vault.beginRekey(dataKey, newKey, { remove: [] });
    vault.finishRekey();
    expect(vault.serverConfig(newKey)).toEqual(SERVER);
    expect(() => vault.serverConfig(dataKey)).toThrow(BROKEN_DATA_SOURCE);
    expect(vault.dataSource()).toMatchObject({ kind: 'server', label: 'Servern' });
    const { dataKey: unlocked } = await vault.unlock(ADMIN.username, ADMIN.password);
    expect(vault.serverConfig(unlocked)).toEqual(SERVER);
  });

  it('setServer seals new credentials (a rotated password) and keeps the workstation id', async () => {
    const vault = newVault();
    const { dataKey } = await vault.create(ADMIN.username, ADMIN.password, { config: SERVER });
    const id = vault.workstation();
    vault.setServer(dataKey, { ...SERVER, password: 'Nytt-Roterat-Lösen-2027' }, 'Ny etikett');
    expect(vault.serverConfig(dataKey)?.password).toBe('Nytt-Roterat-Lösen-2027');
    expect(vault.workstation()).toBe(id);
    expect(readFileSync(vault.path, 'utf8')).not.toContain('Nytt-Roterat');
  });
});
