import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../../test/helpers/core';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function counts(core: import('../core/app-core').AppCore) {
  const db = core.serviceContext().db;
  const users = await db
    .selectFrom('users')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { users: users.n, audit: audit.n };
}

describe('IPC router', () => {
  it('refuses an unknown procedure', async () => {
    const { invoke } = makeCore(t.dir);
    expect(await invoke('db.exec', { sql: 'DROP TABLE users' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(await invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('refuses bad input with Swedish field messages and writes nothing', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const before = await counts(core);
    const r = await invoke('users.create', { username: 'x', displayName: '', roles: [], password: 'kort' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.fields).toMatchObject({
        username: expect.stringMatching(/2–32 tecken/),
        displayName: 'Ange namn.',
        roles: 'Välj minst en roll.',
        password: expect.stringMatching(/minst 12 tecken/),
      });
    }
    const wrongType = await invoke('users.create', { username: 42 });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) expect(wrongType.error.message).toMatch(/Uppgifterna är inte giltiga/);
    expect(await counts(core)).toEqual(before);
  });

  it('refuses a call without the role and writes nothing', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const created = await invoke('users.create', {
      username: 'hanna',
      displayName: 'Hanna Handläggare',
      roles: ['handlaggare'],
      password: 'vinterns-kaffe-77',
    });
    expect(created.ok).toBe(true);
    await invoke('session.logout', {});
    expect((await invoke('session.login', { username: 'hanna', password: 'vinterns-kaffe-77' })).ok).toBe(true);
    expect(
      (
        await invoke('session.changePassword', {
          currentPassword: 'vinterns-kaffe-77',
          newPassword: 'hannas-nya-fras-är-lång',
        })
      ).ok,
    ).toBe(false); // contains the username
    expect(
      (
        await invoke('session.changePassword', {
          currentPassword: 'vinterns-kaffe-77',
          newPassword: 'sommarens-egen-fras-9',
        })
      ).ok,
    ).toBe(true);
    const before = await counts(core);
    for (const [name, input] of [
      ['users.create', { username: 'mallory', displayName: 'M', roles: ['admin'], password: 'ormen-lurar-i-gräset-3' }],
      ['users.list', {}],
      ['settings.update', { unitName: 'X', idleLockMinutes: 5 }],
      ['audit.list', {}],
    ] as const) {
      expect(await invoke(name, input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Du har inte behörighet för den här åtgärden.' },
      });
    }
    expect(await counts(core)).toEqual(before);
  });

  it('refuses session procedures when nobody is logged in', async () => {
    const { invoke } = makeCore(t.dir);
    await invoke('session.setup', ADMIN);
    expect(await invoke('users.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    expect(await invoke('settings.get', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('admin creates a user, resets the password; the user must change it', async () => {
    const { invoke } = await makeReadyCore(t.dir);
    const c = await invoke('users.create', {
      username: 'Attila',
      displayName: 'Attila Attestant',
      roles: ['attestant'],
      password: 'forsta-losenordet',
    });
    expect(c).toMatchObject({ ok: true, value: { username: 'attila', mustChangePassword: true } });
    const id = c.ok ? (c.value as { id: number }).id : 0;
    expect((await invoke('users.resetPassword', { id, newPassword: 'andra-losenordet' })).ok).toBe(true);
    await invoke('session.logout', {});
    expect(await invoke('session.login', { username: 'attila', password: 'forsta-losenordet' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    const login = await invoke('session.login', { username: 'attila', password: 'andra-losenordet' });
    expect(login).toMatchObject({ ok: true, value: { user: { mustChangePassword: true, roles: ['attestant'] } } });
    expect(
      await invoke('session.changePassword', { currentPassword: 'fel', newPassword: 'tredje-losenordet' }),
    ).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
    expect(
      (
        await invoke('session.changePassword', {
          currentPassword: 'andra-losenordet',
          newPassword: 'tredje-losenordet',
        })
      ).ok,
    ).toBe(true);
    await invoke('session.logout', {});
    expect(await invoke('session.login', { username: 'attila', password: 'tredje-losenordet' })).toMatchObject({
      ok: true,
      value: { user: { mustChangePassword: false } },
    });
  });

  it('a deactivated user cannot log in, and the last admin cannot be removed', async () => {
    const { invoke } = await makeReadyCore(t.dir);
    expect(
      await invoke('users.update', { id: 1, displayName: 'Ada', roles: ['handlaggare'], active: true }),
    ).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    const c = await invoke('users.create', {
      username: 'ulla',
      displayName: 'Ulla',
      roles: ['handlaggare'],
      password: 'ugglan-ser-i-mörkret-5',
    });
    const id = c.ok ? (c.value as { id: number }).id : 0;
    expect((await invoke('users.update', { id, displayName: 'Ulla', roles: ['handlaggare'], active: false })).ok).toBe(
      true,
    );
    await invoke('session.logout', {});
    expect(await invoke('session.login', { username: 'ulla', password: 'ugglan-ser-i-mörkret-5' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
  });
});
