import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeReadyCore, tempDir } from '../../test/helpers/core';
import { pgPoolConfig } from '../db/postgres';
import { cleanWorkstation, workstationLabel, workstationName } from './workstation';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const vaultOf = (core: { vaultFile: string }) =>
  JSON.parse(readFileSync(core.vaultFile, 'utf8')) as Record<string, unknown> & { workstation?: string };

describe('workstation name', () => {
  it('is the host name cut to 64 characters a host name may have, and the first 8 of the id', () => {
    expect(workstationLabel('KOMMUN-PC17.ad.example.se')).toBe('KOMMUN-PC17.ad.example.se');
    expect(workstationLabel('Min dator åäö\n')).toBe('Min-dator');
    expect(workstationLabel('x'.repeat(80))).toBe('x'.repeat(64));
    expect(workstationLabel('  ')).toBe('dator');
    expect(workstationName('1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d', 'PC17')).toBe('PC17 (1a2b3c4d)');
    expect(cleanWorkstation('')).toBeNull();
    expect(cleanWorkstation(' IT\tserver ')).toBe('IT server');
  });

  it('goes to PostgreSQL as a connection setting, spaces and backslashes escaped; none without a name', () => {
    const c = { host: '127.0.0.1', port: 5432, database: 'kpr', user: 'u', password: 'p', tls: 'off' as const };
    expect(pgPoolConfig(c, { workstation: 'PC 17\\a (1a2b3c4d)' }).options).toBe(
      '-c kontaktregistret.workstation=PC\\ 17\\\\a\\ (1a2b3c4d)',
    );
    expect(pgPoolConfig(c).options).toBeUndefined();
  });
});

describe('workstation id in the vault file', () => {
  it('is made at setup, kept across logins, and recorded on every audit row of this workstation', async () => {
    const { core } = await makeReadyCore(t.dir);
    const id = vaultOf(core).workstation;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const name = core.workstation();
    expect(name).toBe(`${workstationLabel()} (${id!.slice(0, 8)})`);
    await core.logout();
    await core.login(ADMIN.username, ADMIN.password);
    expect(vaultOf(core).workstation).toBe(id);
    const rows = core.serviceContext().raw.prepare('SELECT action, workstation FROM audit_log ORDER BY id').all();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows).toEqual(rows.map((r) => ({ ...(r as object), workstation: name })));
  });

  it('is made when an older vault file has none', async () => {
    const { core } = await makeReadyCore(t.dir);
    await core.logout();
    const { workstation: _old, ...older } = vaultOf(core);
    writeFileSync(core.vaultFile, JSON.stringify(older));
    await core.login(ADMIN.username, ADMIN.password);
    const made = vaultOf(core).workstation;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(made).not.toBe(_old);
    const last = core.serviceContext().raw.prepare('SELECT workstation FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ workstation: `${workstationLabel()} (${made!.slice(0, 8)})` });
  });
});
