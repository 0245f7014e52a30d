import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../../test/helpers/core';
import { ok } from '../../test/helpers/cases';
import * as kdf from '../vault/kdf';
import { Vault } from '../vault/vault';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-login-')));
afterEach(() => {
  vi.restoreAllMocks();
  t.cleanup();
});

const vaultJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
const editVault = (dir: string, fn: (v: any) => void) => {
  const v = vaultJson(dir);
  fn(v);
  writeFileSync(join(dir, 'vault.json'), JSON.stringify(v));
};

describe('login: counting, serialising, tampering, equal work', () => {
  it('32 parallel wrong guesses: one unlock at a time, the growing delay holds, and every checked guess is logged', async () => {
    const { core } = await makeReadyCore(t.dir);
    await core.logout();
    const results = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) => core.login(ADMIN.username, `fel-gissning-${i}-xx`)),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    const checked = codes.filter((c) => c === 'WRONG_CREDENTIALS').length;
    expect(checked).toBe(3); // the fourth waits 2 s, the rest get the delay too
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(29);
    const lookup = Object.keys(vaultJson(t.dir).failures)[0];
    expect(vaultJson(t.dir).failures[lookup!].count).toBe(3);
    expect(vaultJson(t.dir).pendingFailures).toHaveLength(3);
  });

  it('the failure is on disk before the KDF has finished (a killed or slow check still counts)', async () => {
    const file = join(t.dir, 'vault.json');
    const clock = () => new Date('2026-11-22T09:00:00Z');
    const v = new Vault(file, { N: 2 ** 14, r: 8, p: 1 }, clock);
    await v.create('admin', ADMIN.password);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const real = kdf.deriveKek;
    vi.spyOn(kdf, 'deriveKek').mockImplementation(async (...args) => {
      await gate;
      return real(...args);
    });
    const attempt = v.unlock('admin', 'fel-lösenord-123').catch((e: { code: string }) => e.code);
    await new Promise((r) => setTimeout(r, 20));
    expect(Object.values(vaultJson(t.dir).failures)).toEqual([{ count: 1, lastAt: '2026-11-22T09:00:00.000Z' }]);
    release();
    expect(await attempt).toBe('WRONG_CREDENTIALS');
  });

  it('a right password withdraws the provisional failure', async () => {
    const { core } = await makeReadyCore(t.dir);
    await core.logout();
    await expect(core.login(ADMIN.username, 'fel-lösenord-123')).rejects.toThrow();
    await core.login(ADMIN.username, ADMIN.password);
    expect(vaultJson(t.dir).failures).toEqual({});
    const rows = core
      .serviceContext()
      .raw.prepare("SELECT action FROM audit_log WHERE action LIKE 'session.login%' OR action = 'vault.tampered'")
      .all();
    expect(rows.map((r: any) => r.action)).toEqual(['session.login', 'session.login.failed', 'session.login']);
  });

  it('a deleted or malformed failure record fails closed; cleared failures are detected and logged at the next login', async () => {
    const { core } = await makeReadyCore(t.dir);
    await core.logout();
    for (let i = 0; i < 3; i++) await expect(core.login(ADMIN.username, `fel-lösenord-${i}-xx`)).rejects.toThrow();
    await expect(core.login(ADMIN.username, ADMIN.password)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });

    const saved = readFileSync(join(t.dir, 'vault.json'));
    editVault(t.dir, (v) => delete v.failures);
    await expect(core.login(ADMIN.username, ADMIN.password)).rejects.toThrow(/ändrats utanför programmet/);
    editVault(t.dir, (v) => (v.failures = { x: { count: -5, lastAt: 'igår' } }));
    await expect(core.login(ADMIN.username, ADMIN.password)).rejects.toThrow(/ändrats utanför programmet/);

    // Emptying the counters (and the queued failures) does clear the delay, but not silently.
    writeFileSync(join(t.dir, 'vault.json'), saved);
    editVault(t.dir, (v) => {
      v.failures = {};
      v.pendingFailures = [];
    });
    await core.login(ADMIN.username, ADMIN.password);
    const tamper = core
      .serviceContext()
      .raw.prepare("SELECT detail FROM audit_log WHERE action = 'vault.tampered'")
      .all() as Array<{ detail: string }>;
    expect(tamper).toHaveLength(1);
    expect(tamper[0]!.detail).toMatch(/3 misslyckade inloggningar har tagits bort/);
  });

  it("a deactivated account's attempt counts as a failure and is not mistaken for tampering", async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const bo = await ok<{ id: number }>(
      invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'blå-cykel-regnar-4',
      }),
    );
    core.serviceContext().raw.prepare('UPDATE users SET active = 0 WHERE id = ?').run(bo.id);
    await core.logout();
    await expect(core.login('bo', 'blå-cykel-regnar-4')).rejects.toThrow(/inaktiverat/);
    await core.login(ADMIN.username, ADMIN.password);
    const rows = core
      .serviceContext()
      .raw.prepare("SELECT action, entity_id FROM audit_log WHERE action IN ('session.login.failed', 'vault.tampered')")
      .all();
    expect(rows).toEqual([{ action: 'session.login.failed', entity_id: String(bo.id) }]);
  });

  it('an unknown username costs the same KDF work as a known one', async () => {
    const { core } = await makeReadyCore(t.dir);
    await core.logout();
    const spy = vi.spyOn(kdf, 'deriveKek');
    await expect(core.login(ADMIN.username, 'fel-lösenord-123')).rejects.toThrow(/Fel användarnamn eller lösenord/);
    const known = spy.mock.calls.map((c) => ({ N: c[2].N, r: c[2].r, p: c[2].p }));
    spy.mockClear();
    await expect(core.login('finns-inte', 'fel-lösenord-123')).rejects.toThrow(/Fel användarnamn eller lösenord/);
    const unknown = spy.mock.calls.map((c) => ({ N: c[2].N, r: c[2].r, p: c[2].p }));
    expect(known).toHaveLength(1);
    expect(unknown).toEqual(known);
  });
});

describe('passwords: strength and username rule in the core, temporary passwords enforced by the router', () => {
  it('refuses weak passwords and the username on every path (setup, create, reset, change, recover)', async () => {
    const fresh = makeCore(join(t.dir, 'ny'));
    await expect(fresh.core.setup({ ...ADMIN, password: 'a' })).rejects.toThrow(/minst 12 tecken/);
    await expect(fresh.core.setup({ ...ADMIN, password: 'aaaaaaaaaaaa' })).rejects.toThrow(/för lätt att gissa/);
    await expect(fresh.core.setup({ ...ADMIN, username: 'cecilia', password: 'cecilia12345' })).rejects.toThrow(
      /användarnamnet/,
    );
    expect(fresh.core.status().state).toBe('uninitialized');

    const { core, invoke, recoveryKey } = await makeReadyCore(t.dir);
    expect(
      await invoke('users.create', {
        username: 'cecilia',
        displayName: 'Cecilia',
        roles: ['handlaggare'],
        password: 'cecilia12345',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: /användarnamnet/ },
    });
    expect(
      await invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'aaaaaaaaaaaa',
      }),
    ).toMatchObject({ ok: false, error: { message: /för lätt/ } });
    const bo = await ok<{ id: number }>(
      invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'blå-cykel-regnar-4',
      }),
    );
    expect(await invoke('users.resetPassword', { id: bo.id, newPassword: 'sommar123456' })).toMatchObject({
      ok: false,
      error: { message: /för lätt/ },
    });
    expect(
      await invoke('session.changePassword', { currentPassword: ADMIN.password, newPassword: 'admin-admin-admin' }),
    ).toMatchObject({ ok: false, error: { message: /användarnamnet/ } });
    await core.logout();
    await expect(core.recover(recoveryKey, 'admin', '111111111111')).rejects.toThrow(/för lätt/);
  });

  it('with a temporary password only change-password, logout and status work', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    await ok(
      invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'blå-cykel-regnar-4',
      }),
    );
    await core.logout();
    await core.login('bo', 'blå-cykel-regnar-4');
    expect(await invoke('cp.search', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: /tillfälliga lösenord/ },
    });
    expect(await invoke('clients.get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke('session.status', {})).toMatchObject({ ok: true });
    await ok(
      invoke('session.changePassword', {
        currentPassword: 'blå-cykel-regnar-4',
        newPassword: 'grön-traktor-sjunger-8',
      }),
    );
    expect(await invoke('cp.search', {})).toMatchObject({ ok: true });
  });

  it('roles and the active flag are checked on every call, not cached for the session', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const bo = await ok<{ id: number }>(
      invoke('users.create', {
        username: 'bo',
        displayName: 'Bo',
        roles: ['handlaggare'],
        password: 'blå-cykel-regnar-4',
      }),
    );
    await core.logout();
    await core.login('bo', 'blå-cykel-regnar-4');
    await ok(
      invoke('session.changePassword', {
        currentPassword: 'blå-cykel-regnar-4',
        newPassword: 'grön-traktor-sjunger-8',
      }),
    );
    expect(await invoke('cp.search', {})).toMatchObject({ ok: true });
    const raw = core.serviceContext().raw;
    // Another admin (another workstation on the same data) takes the role away.
    raw.prepare('UPDATE users SET roles = ? WHERE id = ?').run(JSON.stringify(['attestant']), bo.id);
    expect(await invoke('cp.search', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    raw.prepare('UPDATE users SET active = 0 WHERE id = ?').run(bo.id);
    expect(await invoke('payouts.list', { month: '2026-11' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
    expect(core.status().state).toBe('loggedOut');
  });

  it('the idle lock is at most 60 minutes', async () => {
    const { core, invoke, clock } = await makeReadyCore(t.dir);
    const s = await ok<any>(invoke('settings.get', {}));
    expect(await invoke('settings.update', { ...s, idleLockMinutes: 240 })).toMatchObject({
      ok: false,
      error: { message: /högst 60 minuter/ },
    });
    // An old stored value above the maximum is read as the maximum.
    core.serviceContext().raw.prepare("UPDATE settings SET value = '240' WHERE key = 'idleLockMinutes'").run();
    await core.lock();
    await core.login(ADMIN.username, ADMIN.password);
    clock.advance(61 * 60_000);
    expect(await core.checkIdle()).toBe(true);
  });
});

describe('a version-1 vault (before key pairs)', () => {
  it('still unlocks, is upgraded to a key pair at the login, and its unsigned audit anchor is signed once', async () => {
    const { seal } = await import('../vault/aead');
    const { core, invoke, recoveryKey } = await makeReadyCore(t.dir);
    await core.lock();
    const dataKey = core.vault.unlockWithRecoveryKey(recoveryKey);
    const v = vaultJson(t.dir);
    const e = v.entries[0];
    const kek = await kdf.deriveKek(ADMIN.password, Buffer.from(e.kdf.salt, 'base64'), e.kdf);
    v.version = 1;
    v.entries = [{ id: e.id, lookup: e.lookup, kdf: e.kdf, key: seal(kek, dataKey, `entry:${e.id}`) }];
    delete v.keyId;
    delete v.auditAnchor.mac;
    writeFileSync(join(t.dir, 'vault.json'), JSON.stringify(v));
    await core.login(ADMIN.username, ADMIN.password);
    const after = vaultJson(t.dir);
    expect(after.entries[0]).toMatchObject({ id: e.id, publicKey: expect.any(String), wrapped: expect.any(Object) });
    expect(after.auditAnchor.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(await ok(invoke('audit.verify', {}))).toMatchObject({ ok: true });
    await core.logout();
    await core.login(ADMIN.username, ADMIN.password);
  });
});
