import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLiveAudit } from '../../electron/audit/anchors';
import { verifyAuditChainDb } from '../../electron/audit/verify';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { freshPgDatabase } from '../helpers/pg-db';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('the app core on a shared PostgreSQL server', () => {
  it('in this run, a core made the ordinary way is on the server (test/pg/setup.ts)', async () => {
    const { core } = makeCore(t.dir);
    expect(core.dialect).toBe('postgres');
    await core.setup(ADMIN);
    await core.login(ADMIN.username, ADMIN.password);
    expect(core.requireSession().dialect).toBe('postgres');
    expect(existsSync(core.databaseFile)).toBe(false); // no local database file was made
  });

  it('sets up, logs in and out, and keeps a hash chain that verifies like the local one', async () => {
    const { core } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    expect(core.dialect).toBe('postgres');
    const ctx = core.serviceContext();
    expect(ctx.dialect).toBe('postgres');
    await core.lock();
    await core.login(ADMIN.username, ADMIN.password);
    const r = await verifyLiveAudit(core.serviceContext(), core.vault);
    expect(r).toMatchObject({ ok: true, firstBrokenId: null });
    expect(r.checked).toBeGreaterThanOrEqual(4); // setup, login, lock, login
    const actions = await core.serviceContext().db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['system.setup', 'session.login', 'session.lock', 'session.login']);
  });

  it('finds an edited audit row on the server (the table owner dropped the trigger to do it)', async () => {
    const { core } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const { db } = core.serviceContext();
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log SET detail = 'ändrad' WHERE id = 1`.execute(db);
    expect(await verifyAuditChainDb(db)).toMatchObject({
      ok: false,
      firstBrokenId: 1,
      reason: 'Rad 1 har ändrats efter att den skrevs.',
    });
  });

  it('refuses what only the local encrypted file has, in Swedish, and changes nothing', async () => {
    const { core, invoke } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const before = await core.serviceContext().db.selectFrom('audit_log').select('id').execute();
    const res = await invoke('backup.create', {});
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(
          /^Säkerhetskopiering till fil: Det här finns bara med den lokala krypterade databasen/,
        ),
      },
    });
    await expect(core.inspectBackup(t.dir, { recoveryKey: 'x' })).rejects.toThrow(
      /bara med den lokala krypterade databasen/,
    );
    expect(() => core.requireSession().raw.prepare('SELECT 1')).toThrow(/bara med den lokala krypterade databasen/);
    expect(await core.serviceContext().db.selectFrom('audit_log').select('id').execute()).toEqual(before);
  });

  it('a second workstation cannot install over an existing server installation', async () => {
    const { config } = await freshPgDatabase();
    const first = makeCore(t.dir, config);
    await first.core.setup(ADMIN);
    const other = tempDir();
    try {
      const second = makeCore(other.dir, config);
      await expect(second.core.setup({ ...ADMIN, username: 'annan' })).rejects.toThrow(
        'Databasservern har redan en installation av Kontaktregistret. Inget har ändrats på servern.',
      );
      expect(second.core.status().state).toBe('uninitialized'); // its half-made vault is gone again
    } finally {
      other.cleanup();
    }
  });

  it('says in Swedish when the server refuses the account, and creates nothing', async () => {
    const { config } = await freshPgDatabase();
    const { core } = makeCore(t.dir, { ...config, password: 'fel-lösenord' });
    await expect(core.setup(ADMIN)).rejects.toThrow('Databasservern godtog inte kontot eller lösenordet. Kontakta IT.');
    expect(core.status().state).toBe('uninitialized');
  });
});
