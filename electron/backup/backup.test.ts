import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { ok } from '../../test/helpers/cases';
import { workstationName } from '../audit/workstation';
import { installBackup } from './backup';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

async function ready() {
  const made = await makeReadyCore(join(t.dir, 'data'));
  const folder = join(t.dir, 'backups');
  mkdirSync(folder);
  await ok(made.invoke('backup.saveSettings', { folder, automatic: false, keepDays: 7 }));
  await ok(made.invoke('cp.create', cpInput({ firstName: 'Före', lastName: 'Kopiansson' })));
  return { ...made, folder };
}

const count = (made: Awaited<ReturnType<typeof ready>>) =>
  (made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n;

describe('encrypted backup and restore', () => {
  it('writes an encrypted, plaintext-free copy, and restores it with an admin password', async () => {
    const made = await ready();
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    expect(readdirSync(path).sort()).toEqual(['kontaktregistret.db', 'manifest.json', 'vault.json']);
    for (const f of readdirSync(path)) {
      const bytes = readFileSync(join(path, f));
      expect(bytes.includes(Buffer.from('Kopiansson')), f).toBe(false);
      expect(bytes.includes(Buffer.from(syntheticPnr('1985-04-12', 123))), f).toBe(false);
    }
    expect(readFileSync(join(path, 'kontaktregistret.db')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );

    await ok(
      made.invoke(
        'cp.create',
        cpInput({ firstName: 'Efter', lastName: 'Kopiansson', personnummer: syntheticPnr('1990-01-01', 5) }),
      ),
    );
    expect(count(made)).toBe(2);
    const preview = await ok<any>(made.invoke('backup.inspect', { path, password: ADMIN.password }));
    expect(preview).toMatchObject({ integrity: 'ok', auditOk: true, counts: { contact_persons: 1, users: 1 } });
    expect(await made.invoke('backup.inspect', { path, password: 'fel-lösenord-här' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });

    const { replacedTo } = await ok<{ replacedTo: string }>(
      made.invoke('backup.restore', { path, password: ADMIN.password }),
    );
    expect(made.core.status().state).toBe('loggedOut');
    expect(readdirSync(replacedTo)).toContain('kontaktregistret.db');
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(count(made)).toBe(1);
    expect((await ok<any>(made.invoke('audit.verify', {}))).ok).toBe(true);
  });

  it("keeps this machine's workstation id when the copy's key file names another workstation", async () => {
    const made = await ready();
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    const copied = (JSON.parse(readFileSync(join(path, 'vault.json'), 'utf8')) as { workstation?: string }).workstation;
    expect(copied).toMatch(/^[0-9a-f-]{36}$/);
    // This machine is another one than the one that made the copy.
    const here = 'c0ffee00-1111-4222-8333-444455556666';
    const file = made.core.vaultFile;
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), workstation: here }));
    await ok(made.invoke('backup.restore', { path, password: ADMIN.password }));
    expect((JSON.parse(readFileSync(file, 'utf8')) as { workstation?: string }).workstation).toBe(here);
    await made.core.login(ADMIN.username, ADMIN.password);
    const raw = made.core.serviceContext().raw;
    expect(raw.prepare("SELECT workstation FROM audit_log WHERE action = 'backup.restore'").get()).toEqual({
      workstation: workstationName(here),
    });
    expect((await ok<any>(made.invoke('audit.verify', {}))).ok).toBe(true);
  });

  it('restores with the recovery key; refuses a non-admin and a damaged copy', async () => {
    const made = await ready();
    await ok(
      made.invoke('users.create', {
        username: 'hanna',
        displayName: 'Hanna',
        roles: ['handlaggare'],
        password: 'vinterns-kaffe-77',
      }),
    );
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    expect(
      await made.core
        .inspectBackup(path, { username: 'hanna', password: 'vinterns-kaffe-77' })
        .catch((e: Error) => e.message),
    ).toMatch(/Bara en administratör/);
    expect((await made.core.inspectBackup(path, { recoveryKey: made.recoveryKey })).integrity).toBe('ok');

    const damaged = join(t.dir, 'damaged');
    mkdirSync(damaged);
    for (const f of readdirSync(path)) writeFileSync(join(damaged, f), readFileSync(join(path, f)));
    const db = readFileSync(join(damaged, 'kontaktregistret.db'));
    db[db.length - 100]! ^= 0xff;
    writeFileSync(join(damaged, 'kontaktregistret.db'), db);
    await expect(made.core.restoreBackup(damaged, { recoveryKey: made.recoveryKey })).rejects.toThrow(/skadad/);
    expect(made.core.status().state).toBe('unlocked'); // nothing changed

    await made.core.restoreBackup(path, { recoveryKey: made.recoveryKey });
    await made.core.login('hanna', 'vinterns-kaffe-77');
    expect(made.core.status().user?.username).toBe('hanna');
  });

  it('refuses a folder that does not exist; a restore whose copy fails leaves the live data untouched', async () => {
    const made = await ready();
    const before = await ok<any>(made.invoke('backup.getSettings', {}));
    expect(
      await made.invoke('backup.saveSettings', { folder: join(t.dir, 'finns-inte'), automatic: true, keepDays: 7 }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /Mappen finns inte/ } });
    expect(await ok(made.invoke('backup.getSettings', {}))).toEqual(before);

    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    const broken = join(t.dir, 'utan-nyckelfil');
    mkdirSync(broken);
    writeFileSync(join(broken, 'kontaktregistret.db'), readFileSync(join(path, 'kontaktregistret.db')));
    const dataDir = join(t.dir, 'data');
    const live = readFileSync(join(dataDir, 'vault.json'));
    expect(() => installBackup(broken, dataDir, new Date('2026-11-22T09:00:00Z'))).toThrow(
      /kunde inte kopieras till datamappen. Inget har ändrats/,
    );
    expect(readFileSync(join(dataDir, 'vault.json'))).toEqual(live);
    expect(readdirSync(dataDir).filter((f) => f.includes('återställs') || f.startsWith('ersatt-'))).toEqual([]);
    expect(count(made)).toBe(1);
  });

  it('makes one automatic backup on the first unlock of the day and rotates old ones', async () => {
    const made = await ready();
    await ok(made.invoke('backup.saveSettings', { folder: made.folder, automatic: true, keepDays: 2 }));
    const autos = async () => (await ok<any[]>(made.invoke('backup.list', {}))).filter((b) => b.kind === 'automatisk');
    await made.core.logout();
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(await autos()).toHaveLength(1);
    await made.core.lock();
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(await autos()).toHaveLength(1);
    made.clock.advance(86_400_000);
    await made.core.lock();
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(await autos()).toHaveLength(2);
    made.clock.advance(3 * 86_400_000);
    await made.core.lock();
    await made.core.login(ADMIN.username, ADMIN.password);
    const left = await autos();
    expect(left).toHaveLength(1); // the two older than two days are gone, today's is made
    expect(left[0].createdAt.slice(0, 10)).toBe(made.clock.now().toISOString().slice(0, 10));
  });
});
