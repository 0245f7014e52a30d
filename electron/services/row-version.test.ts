import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { activeAssignment, clientInputOf, ok } from '../../test/helpers/cases';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { contactPersonInput, type CpDetail } from '../../shared/ipc/procedures/cp';
import type { ClientDetail } from '../../shared/ipc/procedures/clients';
import type { AssignmentRow } from '../../shared/ipc/procedures/assignments';
import type { ReportRow } from '../../shared/ipc/procedures/reports';
import { getContactPerson } from './contact-persons/read';
import { updateContactPerson } from './contact-persons/records';

/**
 * Optimistic locking (migration 0010): two officers open the same record, both save; the second
 * save is refused in Swedish, writes nothing, and the first one's change stands. Runs on SQLite and
 * again on PostgreSQL (test/pg/vitest.pg.config.ts matches electron/services/**).
 */

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const stale = (what: string) =>
  `Någon annan har ändrat ${what} sedan du öppnade den – ladda om och gör ändringen igen.`;

type Made = Awaited<ReturnType<typeof makeReadyCore>>;
async function writesSoFar(made: Made) {
  const { db } = made.core.serviceContext();
  const count = async (table: 'audit_log' | 'cp_events' | 'payment_detail_changes') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    audit: await count('audit_log'),
    events: await count('cp_events'),
    changes: await count('payment_detail_changes'),
  };
}

describe('optimistic locking', () => {
  it('contact person, service level: the second of two saves from the same version is refused and the first change stands', async () => {
    const made = await makeReadyCore(t.dir);
    const input = contactPersonInput.parse(cpInput({ personnummer: syntheticPnr('1980-02-02', 31), lastName: 'U' }));
    const { id } = await ok<{ id: number }>(made.invoke('cp.create', input));
    const ctx = made.core.serviceContext();

    // Two officers open the form.
    const first = await getContactPerson(ctx, id);
    const second = await getContactPerson(ctx, id);
    expect(first.version).toBe(1);
    expect(second.version).toBe(1);

    await updateContactPerson(ctx, id, { ...input, phone: '070-111 11 11' }, first.version);
    const before = await writesSoFar(made);
    await expect(
      updateContactPerson(ctx, id, { ...input, phone: '070-222 22 22', bankClearing: '8327' }, second.version),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: stale('kontaktpersonen') });

    const now = await getContactPerson(ctx, id);
    expect(now.values.phone).toBe('070-111 11 11');
    expect(now.version).toBe(2);
    // The refusal wrote nothing; the read above adds its own audit line only.
    expect(await writesSoFar(made)).toEqual({ ...before, audit: before.audit + 1 });

    // Reloaded, the second officer's save goes through.
    await updateContactPerson(ctx, id, { ...input, phone: '070-222 22 22' }, now.version);
    expect((await getContactPerson(ctx, id)).values).toMatchObject({ phone: '070-222 22 22' });
  });

  it('contact person through the IPC router: cp.get gives the version, a stale cp.update is refused; no version means no check', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const input = cpInput({ personnummer: syntheticPnr('1980-02-02', 32), lastName: 'Router' });
    const { id } = await ok<{ id: number }>(inv('cp.create', input));
    const a = await ok<CpDetail>(inv('cp.get', { id }));
    const b = await ok<CpDetail>(inv('cp.get', { id }));

    await ok(inv('cp.update', { id, values: { ...input, lastName: 'Först' }, expectedVersion: a.version }));
    expect(await inv('cp.update', { id, values: { ...input, lastName: 'Sist' }, expectedVersion: b.version })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: stale('kontaktpersonen') },
    });
    const now = await ok<CpDetail>(inv('cp.get', { id }));
    expect([now.values.lastName, now.version]).toEqual(['Först', 2]);

    // An older caller without expectedVersion keeps working (and still moves the version on).
    await ok(inv('cp.update', { id, values: { ...input, lastName: 'Utan' } }));
    expect(await ok<CpDetail>(inv('cp.get', { id }))).toMatchObject({ version: 3, values: { lastName: 'Utan' } });
    expect(await inv('cp.update', { id, values: input, expectedVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('client, decision and assignment: a stale save is refused with the record named', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const { clientId, decisionId, assignmentId } = await activeAssignment(inv);

    const client = await ok<ClientDetail>(inv('clients.get', { id: clientId }));
    const values = clientInputOf();
    await ok(
      inv('clients.update', { id: clientId, values: { ...values, wishes: 'Först' }, expectedVersion: client.version }),
    );
    expect(
      await inv('clients.update', {
        id: clientId,
        values: { ...values, wishes: 'Sist' },
        expectedVersion: client.version,
      }),
    ).toEqual({ ok: false, error: { code: 'CONFLICT', message: stale('brukaren') } });
    const reloaded = await ok<ClientDetail>(inv('clients.get', { id: clientId }));
    expect([reloaded.values.wishes, reloaded.version]).toEqual(['Först', client.version + 1]);

    const decision = reloaded.decisions.find((d) => d.id === decisionId)!;
    const notes = { id: decisionId, delayReason: 'Först', interimSupport: '', expectedVersion: decision.version };
    await ok(inv('decisions.updateNotes', notes));
    expect(await inv('decisions.updateNotes', { ...notes, delayReason: 'Sist' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: stale('beslutet') },
    });
    expect(
      await inv('decisions.setLaw', {
        id: decisionId,
        law: 'LSS 1993:387',
        paragraph: '9 § 4',
        personkrets: '1',
        expectedVersion: decision.version,
      }),
    ).toEqual({ ok: false, error: { code: 'CONFLICT', message: stale('beslutet') } });
    const d = (await ok<ClientDetail>(inv('clients.get', { id: clientId }))).decisions.find((x) => x.id === decisionId);
    expect(d).toMatchObject({ delayReason: 'Först', version: decision.version + 1 });

    const [row] = await ok<AssignmentRow[]>(inv('assignments.list', { decisionId }));
    const levels = { id: assignmentId, arvodeLevel: 'A1L', omkostnadLevel: 'O1', expectedVersion: row!.version };
    await ok(inv('assignments.setCompensation', levels));
    expect(await inv('assignments.setCompensation', { ...levels, arvodeLevel: 'A2H' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: stale('uppdraget') },
    });
    const [after] = await ok<AssignmentRow[]>(inv('assignments.list', { decisionId }));
    expect(after).toMatchObject({ version: row!.version + 1 });
    // The levels form opens from the month's report list, which carries the same version.
    const [report] = await ok<ReportRow[]>(inv('reports.month', { month: '2026-10' }));
    expect(report).toMatchObject({ assignmentId, assignmentVersion: row!.version + 1 });
  });

  it('two saves racing from the same version: exactly one wins', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const input = cpInput({ personnummer: syntheticPnr('1980-02-02', 33) });
    const { id } = await ok<{ id: number }>(inv('cp.create', input));
    const results = await Promise.all(
      ['Ett', 'Två', 'Tre', 'Fyra'].map((lastName) =>
        inv('cp.update', { id, values: { ...input, lastName }, expectedVersion: 1 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: stale('kontaktpersonen') } });
    const winner = ['Ett', 'Två', 'Tre', 'Fyra'][results.findIndex((r) => r.ok)];
    expect(await ok<CpDetail>(inv('cp.get', { id }))).toMatchObject({ version: 2, values: { lastName: winner } });
  });
});
