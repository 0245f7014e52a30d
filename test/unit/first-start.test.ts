import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, makeCore, tempDir } from '../helpers/core';
import * as migrations from '../../electron/db/migrate';

const dirs: Array<{ cleanup: () => void }> = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) d.cleanup();
});

describe('first start is all-or-nothing', () => {
  it('a failure after the vault is written removes what setup created, says so, and a retry works', async () => {
    const t = tempDir();
    dirs.push(t);
    const { core, invoke } = makeCore(t.dir);
    // Injected failure: the database's WAL file cannot be created (a folder is in its way), so
    // opening the new database fails after vault.json has been written.
    const wal = join(t.dir, 'kontaktregistret.db-wal');
    mkdirSync(wal);
    const r = await invoke('session.setup', ADMIN);
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Installationen kunde inte slutföras.*Inget har sparats/),
      },
    });
    // Only what was there before remains (the folder in the way was not setup's to remove).
    expect(readdirSync(t.dir)).toEqual(['kontaktregistret.db-wal']);
    expect(await invoke('session.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
    rmSync(wal, { recursive: true });
    expect(await invoke('session.setup', ADMIN)).toMatchObject({ ok: true });
    expect(await invoke('session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', dataSource: { kind: 'local', label: null } },
    });
    expect(core.dialect).toBe('sqlite');
    await core.close();
  });

  it('a failing migration also leaves nothing behind', async () => {
    const t = tempDir();
    dirs.push(t);
    const { invoke } = makeCore(t.dir);
    vi.spyOn(migrations, 'migrate').mockRejectedValueOnce(new Error('disk full'));
    const r = await invoke('session.setup', ADMIN);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Inget har sparats/) } });
    expect(readdirSync(t.dir)).toEqual([]);
    expect(existsSync(join(t.dir, 'vault.json'))).toBe(false);
    expect(await invoke('session.setup', ADMIN)).toMatchObject({ ok: true });
  });
});

describe('a shared server chosen at first start', () => {
  const server = {
    kind: 'server' as const,
    host: 'db.kommun.example',
    port: 5432,
    database: 'kontaktregistret',
    user: 'kpr_station_1',
    password: 'it-gav-detta-lösen',
  };

  it("refuses an unreadable certificate and a malformed fingerprint on the form's fields, and creates nothing", async () => {
    const t = tempDir();
    dirs.push(t);
    const { invoke } = makeCore(t.dir);
    const badCa = await invoke('session.setup', { ...ADMIN, dataSource: { ...server, ca: 'inte ett certifikat' } });
    expect(badCa).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'dataSource.ca': expect.stringMatching(/^Certifikatet går inte att läsa/) },
      },
    });
    const badPin = await invoke('session.setup', { ...ADMIN, dataSource: { ...server, pinSha256: 'AB:CD' } });
    expect(badPin).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'dataSource.pinSha256': 'Certifikatets fingeravtryck ska vara 64 hexadecimala tecken (SHA-256).' },
      },
    });
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('says in Swedish when the server does not answer, and leaves the folder uninstalled', async () => {
    const t = tempDir();
    dirs.push(t);
    const { invoke } = makeCore(t.dir);
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const r = await invoke('session.setup', { ...ADMIN, dataSource: { ...server, host: '127.0.0.1', port: 1 } });
    expect(r).toMatchObject({
      ok: false,
      error: { message: 'Databasservern svarar inte. Kontrollera adress och port, eller kontakta IT.' },
    });
    expect(readdirSync(t.dir)).toEqual([]);
    expect(await invoke('session.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
  });
});
