import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The second workstation: a copy of the first one's vault, without its workstation id (it makes its own). */
function joinCopy(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const file = join(to, 'vault.json');
  const { workstation: _first, ...vault } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify(vault));
}

describe('two workstations on one server', () => {
  it('write at the same time without losing a row or breaking the audit chain', async () => {
    const a = await makeReadyCore(t.dir, { dialect: 'postgres' });
    // The second workstation: a copy of the first one's vault, its own process state and connection pool.
    joinCopy(t.dir, t2.dir);
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
    const creates = await db
      .selectFrom('audit_log')
      .select(['entity_id', 'workstation'])
      .where('action', '=', 'cp.create')
      .execute();
    expect(creates).toHaveLength(N);
    // Each core's rows name its own workstation, though both wrote through one chain at the same time.
    const [wa, wb] = [a.core.workstation(), b.core.workstation()];
    expect(wa).toMatch(/^[A-Za-z0-9._-]{1,64} \([0-9a-f]{8}\)$/);
    expect(wb).not.toBe(wa);
    const ids = await db.selectFrom('contact_persons').select(['id', 'last_name']).execute();
    const writer = new Map(ids.map((p) => [String(p.id), Number(p.last_name.slice('Samtidig'.length)) % 2 ? wb : wa]));
    for (const c of creates) expect(c.workstation, `contact person ${c.entity_id}`).toBe(writer.get(c.entity_id!));
    await b.core.logout();
  });

  it('refuse the second of two edits from the same version of a record, and keep the first (no lost update)', async () => {
    const a = await makeReadyCore(t.dir, { dialect: 'postgres' });
    joinCopy(t.dir, t2.dir);
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
