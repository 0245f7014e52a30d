import { describe, expect, it } from 'vitest';
import { createFakeKpr, refuse } from './fake-kpr';

// The fake stands in for main's router in every renderer test: it must refuse what main refuses.
describe('fake window.kpr.invoke', () => {
  it('answers from the table and records what was sent', async () => {
    const kpr = createFakeKpr({ 'payouts.defaultPaymentDate': ({ month }) => ({ paymentDate: `${month}-25` }) }, [
      'handlaggare',
    ]);
    expect(await kpr.invoke('payouts.defaultPaymentDate', { month: '2026-10' })).toEqual({
      ok: true,
      value: { paymentDate: '2026-10-25' },
    });
    expect(kpr.inputs('payouts.defaultPaymentDate')).toEqual([{ month: '2026-10' }]);
    expect(kpr.problems).toEqual([]);
  });

  it('refuses a procedure the roles do not allow, like main', async () => {
    const kpr = createFakeKpr({ 'payouts.attest': { ok: true } }, ['handlaggare']);
    const r = await kpr.invoke('payouts.attest', { batchId: 1 });
    expect(r).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Du har inte behörighet för den här åtgärden.' },
    });
  });

  it('refuses input the contract refuses, with the Swedish field message', async () => {
    const kpr = createFakeKpr({ 'assignments.setCompensation': { ok: true } }, ['handlaggare']);
    const r = await kpr.invoke('assignments.setCompensation', { id: 5, arvodeLevel: 'A1L', omkostnadLevel: '' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Uppgifterna är inte giltiga: Välj omkostnadsnivå.',
        fields: { omkostnadLevel: 'Välj omkostnadsnivå.' },
      },
    });
  });

  it("returns a refusal in the contract's error shape", async () => {
    const kpr = createFakeKpr(
      { 'payouts.attest': refuse('RULE_VIOLATION', 'Redan attesterad.', { batchId: 'Attesterad.' }) },
      ['attestant'],
    );
    expect(await kpr.invoke('payouts.attest', { batchId: 1 })).toEqual({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: 'Redan attesterad.', fields: { batchId: 'Attesterad.' } },
    });
  });

  it('notes a call without an answer and an answer that breaks the output schema', async () => {
    const kpr = createFakeKpr({ 'payouts.create': { id: 'tre' } as never }, ['handlaggare']);
    expect((await kpr.invoke('payouts.list', { month: '2026-10' })).ok).toBe(false);
    expect((await kpr.invoke('payouts.create', { month: '2026-10' })).ok).toBe(false);
    expect(kpr.problems).toHaveLength(2);
    expect(kpr.problems[0]).toContain('No answer for payouts.list');
    expect(kpr.problems[1]).toContain('Answer for payouts.create breaks the output schema');
  });
});
