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
      value: { state: 'unlocked' },
    });
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
