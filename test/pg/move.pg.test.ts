import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLiveAudit } from '../../electron/audit/anchors';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import { emptyPgConfig, LOCAL_PREFIX, serverForm } from '../helpers/pg-db';
import type { PgConnectionConfig } from '../../electron/db/postgres';

// A kpr-local-… folder keeps its core on the local file (test/pg/setup.ts): the workstation before the move.
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir(LOCAL_PREFIX)));
afterEach(() => t.cleanup());

/** The admin's form for a server: by name, TLS against the test server's own certificate. */
const form = (c: PgConnectionConfig) => serverForm(c, { label: 'Kommunens server', host: 'localhost' });

describe('the move of a local database to the server (admin)', () => {
  it('copies, verifies, then switches the workstation to the server; the local file is kept read-only', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    expect(core.dialect).toBe('sqlite');
    const { id } = await ok<{ id: number }>(
      invoke('cp.create', cpInput({ personnummer: syntheticPnr('1985-04-12', 510), lastName: 'Flyttad' })),
    );
    const local = core.databaseFile;
    const server = await emptyPgConfig();
    const moving = invoke('dataSource.moveToServer', form(server));
    // A save during the copy would not reach the server: it is refused until the move is done.
    expect(
      await invoke('cp.create', cpInput({ personnummer: syntheticPnr('1985-04-12', 511), lastName: 'Underväg' })),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Databasen flyttas till databasservern just nu. Vänta tills flytten är klar; inget har sparats.',
      },
    });
    const r = await ok<{ tables: number; rows: number; auditRows: number; keptAs: string }>(moving);
    expect(r.auditRows).toBeGreaterThanOrEqual(3); // setup, login, cp.create, the move itself
    expect(core.status()).toMatchObject({
      state: 'loggedOut',
      dataSource: { kind: 'server', label: 'Kommunens server' },
    });
    expect(existsSync(local)).toBe(false);
    expect(statSync(r.keptAs).mode & 0o777).toBe(0o400);
    expect(r.keptAs).toMatch(/kontaktregistret-flyttad-till-server-2026-11-22\.db$/);

    const again = makeCore(t.dir);
    await again.core.login(ADMIN.username, ADMIN.password);
    const ctx = again.core.serviceContext();
    expect(ctx.dialect).toBe('postgres');
    const cp = await ctx.db.selectFrom('contact_persons').select('last_name').where('id', '=', id).executeTakeFirst();
    expect(cp?.last_name).toBe('Flyttad');
    expect(await verifyLiveAudit(ctx, again.core.vault)).toMatchObject({ ok: true, firstBrokenId: null });
    const actions = (await ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map(
      (a) => a.action,
    );
    expect(actions).toContain('datasource.move');
    await again.core.logout();
  });

  it('a server that already has data is refused: the workstation stays on its local database and says why', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    // An installation already on the server (another unit's first start).
    const server = await emptyPgConfig();
    const other = tempDir(LOCAL_PREFIX);
    try {
      await makeCore(other.dir).core.setup({ ...ADMIN, server: { config: server } });
    } finally {
      other.cleanup();
    }
    const r = await invoke('dataSource.moveToServer', form(server));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message:
          'Flytten till databasservern misslyckades: Databasservern har redan data. Flytten görs bara till en tom databas. Datorn fortsätter med den lokala databasen.',
      },
    });
    expect(core.requireSession().dialect).toBe('sqlite');
    expect(core.vault.dataSource()).toEqual({ kind: 'local' });
    expect(existsSync(core.databaseFile)).toBe(true);
    const last = core
      .requireSession()
      .raw.prepare('SELECT action, detail FROM audit_log ORDER BY id DESC LIMIT 2')
      .all();
    expect(last).toEqual([
      {
        action: 'datasource.move.failed',
        detail: 'Databasservern har redan data. Flytten görs bara till en tom databas.',
      },
      { action: 'datasource.move', detail: 'flyttas till Kommunens server' },
    ]);
    await core.logout();
  });

  it('a server that refuses the account stops the move before anything is written', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const server = await emptyPgConfig();
    const before = core.requireSession().raw.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect(await invoke('dataSource.moveToServer', { ...form(server), password: 'fel' })).toMatchObject({
      ok: false,
      error: { message: 'Databasservern godtog inte kontot eller lösenordet. Kontakta IT.' },
    });
    expect(core.requireSession().raw.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
    expect(core.vault.dataSource()).toEqual({ kind: 'local' });
    await core.logout();
  });
});
