import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../../test/helpers/core';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { ok } from '../../test/helpers/cases';
import { DatabaseKeyError, openEncryptedDatabase } from '../db/open';
import { rekeyHooks } from '../core/app-core';
import { Vault } from './vault';
import { TEST_SCRYPT } from './kdf';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir('kpr-revoke-')));
afterEach(() => {
  delete rekeyHooks.afterVault;
  delete rekeyHooks.afterDatabase;
  t.cleanup();
});

const HANNA = { username: 'hanna', password: 'vinterns-kaffe-77' };
const BO = { username: 'bo', password: 'blå-cykel-regnar-4' };

async function ready() {
  const dataDir = join(t.dir, 'data');
  const made = await makeReadyCore(dataDir);
  const folder = join(t.dir, 'backups');
  mkdirSync(folder);
  await ok(made.invoke('backup.saveSettings', { folder, automatic: false, keepDays: 7 }));
  const hanna = await ok<{ id: number }>(
    made.invoke('users.create', { ...HANNA, displayName: 'Hanna', roles: ['handlaggare'] }),
  );
  const bo = await ok<{ id: number }>(
    made.invoke('users.create', { ...BO, displayName: 'Bo', roles: ['handlaggare'] }),
  );
  await ok(made.invoke('cp.create', cpInput({ firstName: 'Före', lastName: 'Spärren' })));
  // A copy of the vault as it was (every backup carries one): what a leaver could have kept.
  const oldVault = join(t.dir, 'gammal-vault.json');
  copyFileSync(join(dataDir, 'vault.json'), oldVault);
  return { ...made, dataDir, folder, hannaId: hanna.id, boId: bo.id, oldVault };
}

/** What a revoked user can do with an old vault.json: unwrap the data key and try it on the live database. */
async function oldKeyOpensLive(
  oldVault: string,
  dbFile: string,
  cred: { username: string; password: string },
): Promise<boolean> {
  const { dataKey } = await new Vault(oldVault, TEST_SCRYPT, () => new Date(0)).unlockReadOnly(
    cred.username,
    cred.password,
  );
  try {
    openEncryptedDatabase(dbFile, dataKey, { readonly: true }).close();
    return true;
  } catch (err) {
    if (err instanceof DatabaseKeyError) return false;
    throw err;
  } finally {
    dataKey.fill(0);
  }
}

/** The deactivation every test here revokes with, written once; `invoke` of a restarted core when given. */
const deactivateHanna = (made: Awaited<ReturnType<typeof ready>>, invoke = made.invoke) =>
  invoke('users.update', { id: made.hannaId, displayName: 'Hanna', roles: ['handlaggare'], active: false });

describe('revocation: deactivation and admin resets rekey the database', () => {
  it("a deactivated user's old password and an old vault.json no longer open the live database; the others keep working", async () => {
    const made = await ready();
    expect(await oldKeyOpensLive(made.oldVault, made.core.databaseFile, HANNA)).toBe(true); // the finding, before deactivation
    const updated = await ok<{ recoveryKey: string | null; active: boolean }>(deactivateHanna(made));
    expect(updated.active).toBe(false);
    expect(updated.recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    // Edits after the deactivation are out of reach of the old key too.
    await ok(
      made.invoke(
        'cp.create',
        cpInput({ firstName: 'Efter', lastName: 'Spärren', personnummer: syntheticPnr('1990-01-01', 5) }),
      ),
    );
    await made.core.logout();
    expect(await oldKeyOpensLive(made.oldVault, made.core.databaseFile, HANNA)).toBe(false);
    await expect(made.core.login(HANNA.username, HANNA.password)).rejects.toThrow(/Fel användarnamn eller lösenord/);
    // Bo was re-wrapped without anyone knowing his password.
    await made.core.login(BO.username, BO.password);
    expect(made.core.status().user?.username).toBe('bo');
    await made.core.logout();
    // The old recovery key is dead, the new one works.
    await expect(made.core.recover(made.recoveryKey, ADMIN.username, 'nytt-långt-lösenord-77')).rejects.toThrow(
      /Återställningsnyckeln stämmer inte/,
    );
    await made.core.recover(updated.recoveryKey!, ADMIN.username, 'nytt-långt-lösenord-77');
    const audit = made.core
      .serviceContext()
      .raw.prepare("SELECT action FROM audit_log WHERE action = 'key.rotate'")
      .all();
    expect(audit).toHaveLength(1);
  });

  it('an admin password reset rekeys: the old password (in an old vault copy) opens nothing, the temporary one does', async () => {
    const made = await ready();
    const r = await ok<{ recoveryKey: string }>(
      made.invoke('users.resetPassword', { id: made.hannaId, newPassword: 'tillfälligt-Grönt-äpple-3' }),
    );
    expect(r.recoveryKey).not.toBe(made.recoveryKey);
    await made.core.logout();
    expect(await oldKeyOpensLive(made.oldVault, made.core.databaseFile, HANNA)).toBe(false);
    await expect(made.core.login(HANNA.username, HANNA.password)).rejects.toThrow(/Fel användarnamn/);
    await made.core.login(HANNA.username, 'tillfälligt-Grönt-äpple-3');
    expect(made.core.status().user).toMatchObject({ username: 'hanna', mustChangePassword: true });
  });

  it('backups made before a rekey are listed as carrying the old key; restoring one does not bring a revoked user back, and the restore is logged in the restored database', async () => {
    const made = await ready();
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    expect((await ok<Array<{ oldKey: boolean }>>(made.invoke('backup.list', {})))[0]!.oldKey).toBe(false);
    await ok(deactivateHanna(made));
    expect((await ok<Array<{ oldKey: boolean }>>(made.invoke('backup.list', {})))[0]!.oldKey).toBe(true);

    const restored = await ok<{ replacedTo: string; recoveryKey: string }>(
      made.invoke('backup.restore', { path, password: ADMIN.password }),
    );
    expect(restored.recoveryKey).toMatch(/^[0-9A-Z]{4}-/);
    // Hanna is active in the copy, but she holds no key today: she stays out.
    await expect(made.core.login(HANNA.username, HANNA.password)).rejects.toThrow();
    // And the copy's old key (which she knew) does not open the restored live database.
    expect(await oldKeyOpensLive(made.oldVault, made.core.databaseFile, HANNA)).toBe(false);
    await made.core.login(ADMIN.username, ADMIN.password);
    const raw = made.core.serviceContext().raw;
    expect(raw.prepare('SELECT active FROM users WHERE id = ?').get(made.hannaId)).toEqual({ active: 0 });
    const last = raw.prepare("SELECT action, detail FROM audit_log WHERE action = 'backup.restore'").get() as {
      detail: string;
    };
    expect(last.detail).toMatch(/återställd från kopia/);
    expect((await ok<{ ok: boolean }>(made.invoke('audit.verify', {}))).ok).toBe(true);
    await made.core.logout();
    await made.core.login(BO.username, BO.password);
  });

  it('replaced files (old keys, old users) are removed when the restore is confirmed, or after 14 days', async () => {
    const made = await ready();
    const { path } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    await ok(made.invoke('backup.restore', { path, password: ADMIN.password }));
    await made.core.login(ADMIN.username, ADMIN.password);
    const replaced = () => readdirSync(made.dataDir).filter((n) => n.startsWith('ersatt-'));
    expect(replaced()).toHaveLength(1);
    made.clock.advance(60_000);
    await ok(made.invoke('backup.restore', { path, password: ADMIN.password }));
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(replaced()).toHaveLength(2);
    expect(await ok<{ removed: string[] }>(made.invoke('backup.confirmRestore', {}))).toMatchObject({
      removed: expect.arrayContaining(replaced()),
    });
    expect(replaced()).toHaveLength(0);

    await ok(made.invoke('backup.restore', { path, password: ADMIN.password }));
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(replaced()).toHaveLength(1);
    await made.core.logout();
    made.clock.advance(13 * 86_400_000);
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(replaced()).toHaveLength(1);
    await made.core.logout();
    made.clock.advance(2 * 86_400_000);
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(replaced()).toHaveLength(0);
  });
});

describe('a rekey is crash-safe', () => {
  for (const step of ['afterVault', 'afterDatabase'] as const) {
    it(`a crash ${step === 'afterVault' ? 'after the new vault is written, before the database is rekeyed' : 'after the database is rekeyed, before the old key is dropped'} loses nothing and the next login finishes the rekey`, async () => {
      const made = await ready();
      rekeyHooks[step] = () => {
        throw new Error('simulated crash');
      };
      expect(await deactivateHanna(made)).toMatchObject({ ok: false });
      delete rekeyHooks[step];
      const vault = JSON.parse(readFileSync(join(made.dataDir, 'vault.json'), 'utf8'));
      expect(vault.previousKey).toBeTruthy(); // both keys kept until the rekey commits
      // "Restart": a new core on the same folder.
      const again = makeCore(made.dataDir);
      await again.core.login(ADMIN.username, ADMIN.password);
      expect(
        (again.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n,
      ).toBe(1);
      expect(JSON.parse(readFileSync(join(made.dataDir, 'vault.json'), 'utf8')).previousKey).toBeNull();
      expect(existsSync(`${again.core.databaseFile}-journal`)).toBe(false);
      await again.core.logout();
      expect(await oldKeyOpensLive(made.oldVault, again.core.databaseFile, HANNA)).toBe(false);
      await again.core.login(BO.username, BO.password);
      await again.core.logout();
      // The admin repeats the deactivation (the database write never happened) and it completes.
      await again.core.login(ADMIN.username, ADMIN.password);
      const r = await ok<{ active: boolean }>(deactivateHanna(made, again.invoke));
      expect(r.active).toBe(false);
    });
  }

  it('the copy taken aside holds every commit made while the vault step ran, and no other connection can open the file meanwhile', async () => {
    const made = await ready();
    const file = made.core.databaseFile;
    const oldKey = Buffer.from(made.core.serviceContext().dataKey);
    const vault = (made.core as unknown as { vault: { beginRekey: (...a: unknown[]) => Promise<unknown> } }).vault;
    const begin = vault.beginRekey.bind(vault);
    let otherOpen = '';
    vault.beginRekey = async (...a: unknown[]) => {
      // Another window's call lands while the new vault is being made (a password KDF for a reset).
      await ok(
        made.invoke(
          'cp.create',
          cpInput({ firstName: 'Under', lastName: 'Nyckelbytet', personnummer: syntheticPnr('1970-03-03', 7) }),
        ),
      );
      // The CLI on the same folder cannot get in (it would switch the file back to WAL).
      try {
        openEncryptedDatabase(file, oldKey).close();
        otherOpen = 'opened';
      } catch (err) {
        otherOpen = String(err);
      }
      return begin(...a);
    };
    rekeyHooks.afterDatabase = () => {
      throw new Error('simulated crash');
    };
    expect(await deactivateHanna(made)).toMatchObject({ ok: false });
    expect(otherOpen).toMatch(/locked/);
    // The copy aside is what a kill in the middle of the rewrite would be redone from: it has the new row.
    const copy = join(t.dir, 'kopia.db');
    copyFileSync(`${file}.fore-nyckelbyte`, copy);
    const raw = openEncryptedDatabase(copy, oldKey, { readonly: true });
    expect((raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n).toBe(2);
    raw.close();
    oldKey.fill(0);
  });
});
