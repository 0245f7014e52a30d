import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../test/helpers/cases';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { verifyAuditChainDb } from '../audit/verify';
import { dialectOf } from '../db/dialect';
import { clearRotation, markRotationNeeded, pendingRotation, ROTATION_SETTING } from './credential-rotation';

/** The pending "change the database password" flag (server mode), its logic on the local dialect. */
let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const HANNA = { username: 'hanna', displayName: 'Hanna H', roles: ['handlaggare'], password: 'Sommar-Regn-2026' };

describe('credential rotation after a deactivation', () => {
  it('is asked for by a deactivation on a server only (locally the rekeyed file is all there is)', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const { db } = core.serviceContext();
    const server = dialectOf(db) === 'postgres'; // the PostgreSQL run (test/pg/vitest.pg.config.ts) repeats this file
    const { id } = await ok<{ id: number }>(invoke('users.create', HANNA));
    const saved = await ok<{ recoveryKey: string | null; rotateDatabasePassword: boolean }>(
      invoke('users.update', { id, displayName: HANNA.displayName, roles: HANNA.roles, active: false }),
    );
    expect(saved.recoveryKey).toEqual(expect.any(String));
    expect(saved.rotateDatabasePassword).toBe(server);
    expect(await pendingRotation(db)).toEqual(server ? { since: '2026-11-22T09:00:00.000Z', username: 'hanna' } : null);
    // A change of name or roles is no revocation.
    await ok(invoke('users.update', { id, displayName: 'Hanna', roles: HANNA.roles, active: false }));
    expect((await pendingRotation(db))?.username ?? null).toBe(server ? 'hanna' : null);
  });

  it('names the newest deactivation; a save clears only the one it was shown for; each step is logged', async () => {
    const { core, clock } = await makeReadyCore(t.dir);
    const ctx = core.serviceContext();
    await ctx.db.transaction().execute((trx) => markRotationNeeded(ctx, trx, 'hanna'));
    const first = await pendingRotation(ctx.db);
    expect(first).toEqual({ since: '2026-11-22T09:00:00.000Z', username: 'hanna' });
    clock.advance(60_000);
    await ctx.db.transaction().execute((trx) => markRotationNeeded(ctx, trx, 'olle'));
    // Credentials saved by an admin who saw only the first warning: Olle's deactivation still needs a new password.
    expect(await clearRotation(ctx, first!)).toBe(false);
    const second = await pendingRotation(ctx.db);
    expect(second).toEqual({ since: '2026-11-22T09:01:00.000Z', username: 'olle' });
    expect(await clearRotation(ctx, second!)).toBe(true);
    expect(await pendingRotation(ctx.db)).toBeNull();
    expect(await ctx.db.selectFrom('settings').select('key').where('key', '=', ROTATION_SETTING).execute()).toEqual([]);
    const log = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_type', '=', 'datasource')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      {
        action: 'datasource.credentials.rotation_needed',
        detail: 'databaskontots lösenord måste bytas efter inaktiveringen av hanna',
      },
      {
        action: 'datasource.credentials.rotation_needed',
        detail: 'databaskontots lösenord måste bytas efter inaktiveringen av olle',
      },
      {
        action: 'datasource.credentials.rotated',
        detail: 'nytt lösenord för databaskontot sparat efter inaktiveringen av olle',
      },
    ]);
    expect(await verifyAuditChainDb(ctx.db)).toMatchObject({ ok: true });
  });
});
