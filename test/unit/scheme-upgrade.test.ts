import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectScheme } from '../../electron/db/cipher';
import { schemeUpgradeHooks } from '../../electron/db/scheme-upgrade';
import { ADMIN, makeReadyCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import { leftovers, readWithScheme, toSqlcipher4 } from '../helpers/legacy-scheme';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => {
  delete schemeUpgradeHooks.afterSnapshot;
  t.cleanup();
});

type Made = Awaited<ReturnType<typeof makeReadyCore>>;
const cps = (made: Made) =>
  (made.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n;
const actions = (made: Made, like: string) =>
  made.core
    .serviceContext()
    .raw.prepare('SELECT action, detail FROM audit_log WHERE action LIKE ? ORDER BY id')
    .all(like) as Array<{ action: string; detail: string }>;

describe('an installation written in SQLCipher 4 by an earlier version', () => {
  it('keeps working when the rewrite fails, is rewritten in AEGIS-256 at the next login, and its old backups still restore', async () => {
    const data = join(t.dir, 'data');
    const db = join(data, 'kontaktregistret.db');
    const made = await makeReadyCore(data);
    const backups = join(t.dir, 'backups');
    mkdirSync(backups);
    await ok(made.invoke('backup.saveSettings', { folder: backups, automatic: false, keepDays: 7 }));
    await ok(made.invoke('cp.create', cpInput({ firstName: 'Före', lastName: 'Formatsson' })));
    const key = Buffer.from(made.core.serviceContext().dataKey);
    await made.core.logout();
    toSqlcipher4(db, key);
    expect(detectScheme(db)).toBe('sqlcipher-4');

    // A rewrite that fails (here: right after the copy aside) changes nothing and does not stop the login.
    schemeUpgradeHooks.afterSnapshot = () => {
      throw new Error('disken är full (test)');
    };
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(detectScheme(db)).toBe('sqlcipher-4');
    expect(leftovers(data)).toEqual([]);
    expect(cps(made)).toBe(1);
    expect(actions(made, 'database.scheme%')).toEqual([
      {
        action: 'database.scheme.upgrade.failed',
        detail: 'databasfilen är kvar i SQLCipher 4; omskrivningen misslyckades: disken är full (test)',
      },
    ]);
    // A backup made now is a SQLCipher 4 file, like those an earlier version made.
    const { path: oldBackup } = await ok<{ path: string }>(made.invoke('backup.create', {}));
    expect(detectScheme(join(oldBackup, 'kontaktregistret.db'))).toBe('sqlcipher-4');
    await ok(
      made.invoke(
        'cp.create',
        cpInput({ firstName: 'Efter', lastName: 'Formatsson', personnummer: syntheticPnr('1990-01-01', 5) }),
      ),
    );
    await made.core.logout();

    delete schemeUpgradeHooks.afterSnapshot;
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(detectScheme(db)).toBe('aegis-256');
    expect(readWithScheme(db, key, 'aegis-256')).toBeGreaterThan(0);
    expect(() => readWithScheme(db, key, 'sqlcipher-4')).toThrow(/not a database/);
    expect(leftovers(data)).toEqual([]);
    expect(cps(made)).toBe(2);
    expect(made.core.serviceContext().raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(made.core.serviceContext().raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(actions(made, 'database.scheme%').map((a) => a.action)).toEqual([
      'database.scheme.upgrade.failed',
      'database.scheme.upgraded',
    ]);
    expect(await ok(made.invoke('audit.verify', {}))).toMatchObject({ ok: true });
    // Once rewritten, a login does nothing more to the file.
    await made.core.logout();
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(actions(made, 'database.scheme%')).toHaveLength(2);

    // The SQLCipher 4 backup inspects and restores; the restore's rekey writes AEGIS-256.
    expect(await ok(made.invoke('backup.inspect', { path: oldBackup, password: ADMIN.password }))).toMatchObject({
      integrity: 'ok',
      auditOk: true,
      counts: { contact_persons: 1 },
    });
    await ok(made.invoke('backup.restore', { path: oldBackup, password: ADMIN.password }));
    await made.core.login(ADMIN.username, ADMIN.password);
    expect(cps(made)).toBe(1);
    expect(detectScheme(db)).toBe('aegis-256');
    expect(existsSync(`${db}-journal`)).toBe(false);
    await made.core.close();
    key.fill(0);
  });
});
