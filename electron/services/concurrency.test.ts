import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { activeAssignment, assessedCp, clientInputOf, ok } from '../../test/helpers/cases';
import { cpInput, syntheticPnr } from '../../test/helpers/people';
import { testPayment } from '../../test/helpers/payment';
import type { PayoutBatch } from '../../shared/ipc/procedures/payouts';

/**
 * Calls that race each other through the router (quick double clicks, two officers at once). Kysely's
 * API is async, so without the check inside the write's transaction every call passed the check
 * before any of them wrote. Clock: 2026-11-22.
 */

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('concurrent writes', () => {
  it('ten payouts.create for one month at once leave one draft batch', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await ok(inv('payments.saveSettings', testPayment()));
    const { assignmentId } = await activeAssignment(inv);
    await ok(inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: ['2026-10-20'], hours: 2 }));
    await ok(inv('reports.approve', { assignmentId, month: '2026-10' }));

    const results = await Promise.all(Array.from({ length: 10 }, () => inv('payouts.create', { month: '2026-10' })));
    // The first creates the draft; the others find it and recompute that same draft.
    const ids = results.map((r) => (r.ok ? (r.value as { id: number }).id : r.error.message));
    expect(new Set(ids).size).toBe(1);
    expect(typeof ids[0]).toBe('number');
    const batches = await ok<PayoutBatch[]>(inv('payouts.list', { month: '2026-10' }));
    expect(batches.map((b) => [b.status, b.lines.length])).toEqual([['utkast', 1]]);
  });

  it('ten registrations of one personnummer at once make one contact person; the rest are refused in Swedish', async () => {
    const made = await makeReadyCore(t.dir);
    const pnr = syntheticPnr('1980-02-02', 57);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        made.invoke('cp.create', cpInput({ personnummer: pnr, firstName: `Namn${i}` })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(9);
    for (const r of refused) {
      expect(r).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: 'Det finns redan en kontaktperson med det personnumret.',
          fields: { personnummer: expect.any(String) },
        },
      });
    }
    const list = await ok<{ rows: unknown[] }>(made.invoke('cp.search', {}));
    expect(list.rows).toHaveLength(1);
  });

  it('two officers deciding one application at once: one decision stands, the other is refused in Swedish', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    const id = await assessedCp(inv, { personnummer: syntheticPnr('1980-02-02', 65) });

    const [approve, reject] = await Promise.all([
      inv('cp.transition', { id, to: 'godkand', date: '2026-11-20' }),
      inv('cp.transition', { id, to: 'ej_godkand', date: '2026-11-20', note: 'Kan inte åta sig uppdrag.' }),
    ]);
    expect([approve.ok, reject.ok].filter(Boolean)).toHaveLength(1);
    const refused = [approve, reject].find((r) => !r.ok);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(/^Det går inte att ändra status från "(Godkänd \(i kö\)|Ej godkänd)"/),
      },
    });
    const detail = await ok<{ status: string; events: Array<{ kind: string; toStatus: string | null }> }>(
      inv('cp.get', { id }),
    );
    const decisions = detail.events.filter(
      (e) => e.kind === 'status' && (e.toStatus === 'godkand' || e.toStatus === 'ej_godkand'),
    );
    expect(decisions).toHaveLength(1);
    expect(detail.status).toBe(decisions[0]?.toStatus);
  });

  it('two clients with one personnummer at once: one is registered, the other refused in Swedish', async () => {
    const made = await makeReadyCore(t.dir);
    const input = clientInputOf({ personnummer: syntheticPnr('2013-03-03', 41) });
    const [a, b] = await Promise.all([
      made.invoke('clients.create', input),
      made.invoke('clients.create', { ...input, firstName: 'Annan' }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({
      error: { code: 'CONFLICT', message: 'Det finns redan en brukare med det personnumret.' },
    });
  });
});
