import { cpSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChainDb } from '../../electron/audit/verify';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import type { CpDetail } from '../../shared/ipc/procedures/cp';

let t: ReturnType<typeof tempDir>;
let t2: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
  t2 = tempDir();
});
afterEach(() => {
  t.cleanup();
  t2.cleanup();
});

describe('two workstations on one server', () => {
  it('write at the same time without losing a row or breaking the audit chain', async () => {
    const a = await makeReadyCore(t.dir, { dialect: 'postgres' });
    // The second workstation: a copy of the first one's vault, its own process state and connection pool.
    cpSync(t.dir, t2.dir, { recursive: true });
    const b = makeCore(t2.dir, a.server);
    await b.core.login(ADMIN.username, ADMIN.password);

    const N = 12;
    const create = (inv: typeof a.invoke, i: number) =>
      ok(inv('cp.create', cpInput({ personnummer: syntheticPnr('1985-04-12', 200 + i), lastName: `Samtidig${i}` })));
    await Promise.all(Array.from({ length: N }, (_, i) => create(i % 2 ? b.invoke : a.invoke, i)));

    const { db } = a.core.serviceContext();
    const people = await db.selectFrom('contact_persons').select('last_name').execute();
    expect(people.map((p) => p.last_name).sort()).toEqual(Array.from({ length: N }, (_, i) => `Samtidig${i}`).sort());
    const chain = await verifyAuditChainDb(db);
    expect(chain).toMatchObject({ ok: true, firstBrokenId: null });
    const creates = await db.selectFrom('audit_log').select('id').where('action', '=', 'cp.create').execute();
    expect(creates).toHaveLength(N);
    await b.core.logout();
  });

  it('refuse the second of two edits from the same version of a record, and keep the first (no lost update)', async () => {
    const a = await makeReadyCore(t.dir, { dialect: 'postgres' });
    cpSync(t.dir, t2.dir, { recursive: true });
    const b = makeCore(t2.dir, a.server);
    await b.core.login(ADMIN.username, ADMIN.password);
    const input = cpInput({ personnummer: syntheticPnr('1985-04-12', 300), lastName: 'Delad' });
    const { id } = await ok<{ id: number }>(a.invoke('cp.create', input));

    // Both officers open the form, then both save.
    const seenByA = await ok<CpDetail>(a.invoke('cp.get', { id }));
    const seenByB = await ok<CpDetail>(b.invoke('cp.get', { id }));
    await ok(
      a.invoke('cp.update', { id, values: { ...input, phone: '070-100 00 01' }, expectedVersion: seenByA.version }),
    );
    expect(
      await b.invoke('cp.update', { id, values: { ...input, area: 'Söder' }, expectedVersion: seenByB.version }),
    ).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Någon annan har ändrat kontaktpersonen sedan du öppnade den – ladda om och gör ändringen igen.',
      },
    });
    const now = await ok<CpDetail>(b.invoke('cp.get', { id }));
    expect(now).toMatchObject({ version: 2, values: { phone: '070-100 00 01', area: input.area } });
    const updates = await a.core
      .serviceContext()
      .db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'cp.update')
      .execute();
    expect(updates).toHaveLength(1);
    await b.core.logout();
  });
});
