// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { Role } from '../../../shared/roles';
import type { PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { payoutBatch } from '../../testing/fixtures';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { PayoutTab } from './PayoutTab';

// "Today" comes from session.status: 2026-11-22, so the tab opens on October 2026.
const TODAY = '2026-11-22';

async function setup(opts: { roles?: Role[]; list?: PayoutBatch[]; answers?: Answers } = {}) {
  const roles = opts.roles ?? ['handlaggare'];
  return renderWithKpr(<PayoutTab roles={roles} />, {
    today: TODAY,
    roles,
    answers: {
      'payouts.list': opts.list ?? [],
      'payouts.defaultPaymentDate': ({ month }) => ({ paymentDate: month === '2026-10' ? '2026-11-25' : '2026-12-23' }),
      ...opts.answers,
    },
  });
}

const payDate = () => screen.getByLabelText('Utbetalningsdag') as HTMLInputElement;

describe('PayoutTab (Utbetalning)', () => {
  it("opens on the month before today with the backend's default pay date", async () => {
    const { kpr } = await setup();
    expect((screen.getByLabelText('Månad') as HTMLInputElement).value).toBe('2026-10');
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    expect(kpr.inputs('payouts.list')).toEqual([{ month: '2026-10' }]);
    expect(kpr.inputs('payouts.defaultPaymentDate')).toEqual([{ month: '2026-10' }]);
    expect(screen.getByText('Ingen utbetalning för månaden ännu.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Beräkna utbetalning' })).toBeTruthy();
  });

  it("uses the draft's pay date when there is a draft, and offers to recompute", async () => {
    await setup({ list: [payoutBatch({ paymentDate: '2026-11-24', executionDate: '2026-11-24' })] });
    await waitFor(() => expect(payDate().value).toBe('2026-11-24'));
    expect(screen.getByRole('button', { name: 'Beräkna om' })).toBeTruthy();
  });

  it('follows another month typed in the month field', async () => {
    const { user, kpr } = await setup();
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    await fill(user, screen.getByLabelText('Månad'), '2026-11');
    await waitFor(() => expect(payDate().value).toBe('2026-12-23'));
    expect(kpr.inputs('payouts.list').at(-1)).toEqual({ month: '2026-11' });
  });

  it('computes with the typed pay date', async () => {
    const { user, kpr } = await setup({ answers: { 'payouts.create': { id: 3 } } });
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    await fill(user, payDate(), '2026-11-24');
    kpr.answer('payouts.list', [payoutBatch({ paymentDate: '2026-11-24', executionDate: '2026-11-24' })]);
    await user.click(screen.getByRole('button', { name: 'Beräkna utbetalning' }));
    expect(await screen.findByRole('region', { name: 'Utbetalning 3' })).toBeTruthy();
    expect(kpr.inputs('payouts.create')).toEqual([{ month: '2026-10', paymentDate: '2026-11-24' }]);
  });

  it('keeps the typed date when main refuses the compute, so it can be corrected', async () => {
    const { user, kpr } = await setup({
      answers: { 'payouts.create': refuse('RULE_VIOLATION', 'Utbetalningsdagen 2026-11-28 är ingen bankdag.') },
    });
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    await fill(user, payDate(), '2026-11-28');
    await user.click(screen.getByRole('button', { name: 'Beräkna utbetalning' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Utbetalningsdagen 2026-11-28 är ingen bankdag.');
    await settle(kpr);
    expect(payDate().value).toBe('2026-11-28');
  });

  it('shows "nothing differs" as information, not as an error', async () => {
    const { user } = await setup({
      list: [payoutBatch({ status: 'attesterad', attestedBy: 'Åsa', attestedAt: '2026-11-20T09:30:00.000Z' })],
      answers: { 'payouts.create': refuse('RULE_VIOLATION', 'Inga ändringar sedan attesten: ingen rättelse behövs.') },
    });
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    await user.click(screen.getByRole('button', { name: 'Beräkna utbetalning' }));
    expect(
      (await screen.findByText('Inga ändringar sedan attesten: ingen rättelse behövs.')).getAttribute('role'),
    ).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a malformed pay date in Swedish without calling main', async () => {
    const { user, kpr } = await setup();
    await waitFor(() => expect(payDate().value).toBe('2026-11-25'));
    await fill(user, payDate(), '2026-11-31');
    expect(payDate().getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Beräkna utbetalning' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ange utbetalningsdagen som ÅÅÅÅ-MM-DD.');
    expect(kpr.inputs('payouts.create')).toEqual([]);
  });

  it('gives an attestant without the handläggare role no compute controls', async () => {
    await setup({ roles: ['attestant'], list: [payoutBatch()] });
    expect(await screen.findByRole('region', { name: 'Utbetalning 3' })).toBeTruthy();
    expect(screen.queryByLabelText('Utbetalningsdag')).toBeNull();
    expect(screen.queryByRole('button', { name: /Beräkna/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Attestera' })).toBeTruthy();
  });
});
