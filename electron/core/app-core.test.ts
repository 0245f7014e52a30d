import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../../test/helpers/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('AppCore session lifecycle', () => {
  it('first start creates the admin; the vault file holds no personal data', async () => {
    const { core } = makeCore(t.dir);
    expect(core.status().state).toBe('uninitialized');
    const { recoveryKey } = await core.setup(ADMIN);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(core.status().state).toBe('loggedOut');
    const vaultText = readFileSync(join(t.dir, 'vault.json'), 'utf8');
    for (const secret of [ADMIN.username, ADMIN.displayName, ADMIN.password, ADMIN.unitName, recoveryKey]) {
      expect(vaultText).not.toContain(secret);
    }
    await expect(core.setup(ADMIN)).rejects.toThrow(/redan installerat/);
  });

  it('logs in, locks, unlocks and logs out, zeroing the key', async () => {
    const { core } = await makeReadyCore(t.dir);
    const s = core.requireSession();
    expect(s.user.roles).toEqual(['admin', 'handlaggare', 'attestant']);
    const key = s.dataKey;
    await core.lock();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(core.status()).toMatchObject({ state: 'locked', lockedUsername: 'admin' });
    expect(() => core.requireSession()).toThrow(/inte inloggad/);
    await core.login(ADMIN.username, ADMIN.password);
    expect(core.status().state).toBe('unlocked');
    await core.logout();
    expect(core.status()).toMatchObject({ state: 'loggedOut', lockedUsername: null });
  });

  it('refuses a wrong password with a growing delay and logs the failures at next login', async () => {
    const { core, clock } = makeCore(t.dir);
    await core.setup(ADMIN);
    for (let i = 0; i < 3; i++)
      await expect(core.login('admin', 'fel-lösenord-här')).rejects.toThrow('Fel användarnamn eller lösenord.');
    // After three failures: wait 2 s, even with the right password.
    await expect(core.login('admin', ADMIN.password)).rejects.toThrow(/Vänta 2 sekunder/);
    clock.advance(2000);
    await expect(core.login('admin', 'fel-igen-fel-igen')).rejects.toThrow('Fel användarnamn eller lösenord.');
    await expect(core.login('admin', ADMIN.password)).rejects.toThrow(/Vänta 4 sekunder/);
    await expect(core.login('okänd', 'vad-som-helst-1')).rejects.toThrow('Fel användarnamn eller lösenord.');
    clock.advance(4000);
    await core.login('admin', ADMIN.password);
    const rows = await core
      .serviceContext()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'session.login.failed')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.entity_id === '1')).toHaveLength(4);
    expect(rows.filter((r) => r.detail === 'okänt användarnamn')).toHaveLength(1);
    // The counter is reset after a success.
    await core.logout();
    await expect(core.login('admin', 'fel-lösenord-här')).rejects.toThrow('Fel användarnamn eller lösenord.');
    await core.login('admin', ADMIN.password);
  });

  it('locks itself after the idle time', async () => {
    const { core, clock } = await makeReadyCore(t.dir);
    clock.advance(14 * 60_000);
    expect(await core.checkIdle()).toBe(false);
    core.touch();
    clock.advance(14 * 60_000);
    expect(await core.checkIdle()).toBe(false);
    clock.advance(60_000);
    expect(await core.checkIdle()).toBe(true);
    expect(core.status().state).toBe('locked');
  });

  it('recovers a forgotten password with the recovery key', async () => {
    const { core, recoveryKey } = await makeReadyCore(t.dir);
    await core.logout();
    await expect(core.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', 'admin', 'nytt-lösenord-123')).rejects.toThrow(
      /stämmer inte/,
    );
    await core.recover(recoveryKey.toLowerCase().replace(/-/g, ' '), 'admin', 'nytt-lösenord-123');
    expect(core.status().state).toBe('unlocked');
    await core.logout();
    await expect(core.login('admin', ADMIN.password)).rejects.toThrow('Fel användarnamn eller lösenord.');
    await core.login('admin', 'nytt-lösenord-123');
  });
});
