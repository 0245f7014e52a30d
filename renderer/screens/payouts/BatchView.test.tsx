// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { LEGACY_WARNING, type PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import type { Role } from '../../../shared/roles';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { attestedBatch, payoutBatch, payoutExport, payoutLine } from '../../testing/fixtures';
import { fill, renderWithKpr, settle } from '../../testing/render';
import { BatchView } from './BatchView';

const ok = { ok: true } as const;

async function setup(batch: PayoutBatch, roles: Role[], answers: Answers = {}) {
  const onChanged = vi.fn();
  const r = await renderWithKpr(<BatchView batch={batch} roles={roles} onChanged={onChanged} />, { roles, answers });
  return { ...r, onChanged };
}

describe('BatchView: a draft', () => {
  it('lets an attestant attest, once, even on a double-click', async () => {
    let answer: (v: typeof ok) => void = () => {};
    const { user, kpr, onChanged } = await setup(payoutBatch(), ['attestant'], {
      'payouts.attest': () => new Promise((resolve) => (answer = resolve)),
    });
    const attest = screen.getByRole('button', { name: 'Attestera' });
    await user.dblClick(attest);
    expect(attest.hasAttribute('disabled') || attest.getAttribute('aria-disabled') === 'true').toBe(true);
    answer(ok);
    await settle(kpr);
    expect(kpr.inputs('payouts.attest')).toEqual([{ batchId: 3 }]);
    expect(onChanged).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Ta bort utkastet' })).toBeNull();
  });

  it('gives a handläggare no attest button, but the draft can be deleted', async () => {
    const { user, kpr, onChanged } = await setup(payoutBatch(), ['handlaggare'], { 'payouts.deleteDraft': ok });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Utkast');
    expect(screen.queryByRole('button', { name: 'Attestera' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ta bort utkastet' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(kpr.inputs('payouts.deleteDraft')).toEqual([{ batchId: 3 }]);
  });

  it('shows a refused attest (two-person rule) and reports no change', async () => {
    const { user, onChanged } = await setup(payoutBatch(), ['attestant', 'handlaggare'], {
      'payouts.attest': refuse(
        'RULE_VIOLATION',
        'Du har godkänt månadsrapporter för månaden och får inte attestera utbetalningen.',
      ),
    });
    await user.click(screen.getByRole('button', { name: 'Attestera' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Du har godkänt månadsrapporter för månaden och får inte attestera utbetalningen.',
    );
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('shows lines and totals in kronor with decimal comma', async () => {
    const lines = [
      payoutLine(),
      payoutLine({ id: 2, name: 'Bo Berg', personnummerMasked: '19850315-****', arvodeOre: 100_000, netOre: 90_000 }),
    ];
    await setup(payoutBatch({ lines }), ['handlaggare']);
    const table = screen.getByRole('table', { name: 'Utbetalningsrader' });
    const total = within(table).getByRole('rowheader', { name: 'Summa' }).closest('tr')!;
    expect(total.textContent).toContain('2\u00a0500,00\u00a0kr');
    expect(within(table).getByText('19850315-****')).toBeTruthy();
  });

  it('asks the attestant to tick a changed account; others see that it is not checked', async () => {
    const line = payoutLine({ accountChanged: true, accountChangeNote: 'Ändrat 2026-11-02 av Test Testsson' });
    const { user, kpr } = await setup(payoutBatch({ lines: [line] }), ['attestant'], {
      'payouts.checkAccountChange': ok,
    });
    expect(screen.getByText('Kontonummer ändrat sedan förra utbetalningen')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Kontot kontrollerat för Anna Andersson 19800202-****' }));
    await vi.waitFor(() => expect(kpr.inputs('payouts.checkAccountChange')).toEqual([{ lineId: 1, checked: true }]));
  });

  it('does not let a handläggare tick a changed account', async () => {
    const line = payoutLine({ accountChanged: true, accountChangeNote: 'Ändrat 2026-11-02' });
    await setup(payoutBatch({ lines: [line] }), ['handlaggare']);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('Ej kontrollerat')).toBeTruthy();
  });

  it('takes the table tax in kronor and refuses text', async () => {
    const line = payoutLine({ taxOre: null, netOre: null, taxMode: 'table' });
    const { user, kpr, onChanged } = await setup(payoutBatch({ lines: [line] }), ['handlaggare'], {
      'payouts.setTableTax': ok,
    });
    const tax = screen.getByRole('textbox', { name: 'Skatt enligt tabell (kr)' });
    await fill(user, tax, 'mycket');
    await user.click(screen.getByRole('button', { name: 'Spara skatt' }));
    expect(await screen.findByText('Ange skatten i kronor.')).toBeTruthy();
    expect(kpr.inputs('payouts.setTableTax')).toEqual([]);
    await fill(user, tax, '1 234,50');
    await user.click(screen.getByRole('button', { name: 'Spara skatt' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(kpr.inputs('payouts.setTableTax')).toEqual([{ lineId: 1, taxOre: 123_450 }]);
  });

  it("moves a draft's pay date without asking for a reason", async () => {
    const { user, kpr } = await setup(payoutBatch(), ['handlaggare'], { 'payouts.redate': ok });
    const group = screen.getByRole('form', { name: 'Ändra utbetalningsdag' });
    expect(within(group).queryByLabelText('Skäl till ny dag')).toBeNull();
    await fill(user, within(group).getByLabelText('Ny utbetalningsdag'), '2026-11-24');
    await user.click(within(group).getByRole('button', { name: 'Ändra dag' }));
    await vi.waitFor(() =>
      expect(kpr.inputs('payouts.redate')).toEqual([{ batchId: 3, paymentDate: '2026-11-24', reason: '' }]),
    );
  });

  it("puts main's refusal of a new pay date on the date field and changes nothing", async () => {
    const { user, kpr, onChanged } = await setup(payoutBatch(), ['handlaggare'], {
      'payouts.redate': refuse('RULE_VIOLATION', '2026-11-28 är inte en bankdag.', {
        paymentDate: 'Inte en bankdag.',
      }),
    });
    const form = screen.getByRole('form', { name: 'Ändra utbetalningsdag' });
    const date = within(form).getByLabelText('Ny utbetalningsdag');
    await fill(user, date, '2026-11-28');
    await user.click(within(form).getByRole('button', { name: 'Ändra dag' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('2026-11-28 är inte en bankdag.');
    expect(within(form).getByText('Inte en bankdag.')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(date);
    await settle(kpr);
    expect(onChanged).not.toHaveBeenCalled();
    expect((date as HTMLInputElement).value).toBe('2026-11-28');
  });

  it('refuses a malformed pay date on its field without calling main', async () => {
    const { user, kpr } = await setup(payoutBatch(), ['handlaggare']);
    const form = screen.getByRole('form', { name: 'Ändra utbetalningsdag' });
    await fill(user, within(form).getByLabelText('Ny utbetalningsdag'), '28/11');
    await user.click(within(form).getByRole('button', { name: 'Ändra dag' }));
    expect(await within(form).findByText('Ange ett giltigt datum (ÅÅÅÅ-MM-DD).')).toBeTruthy();
    await settle(kpr);
    expect(kpr.inputs('payouts.redate')).toEqual([]);
  });

  it("shows main's refusal of the table tax beside the field", async () => {
    const line = payoutLine({ taxOre: null, netOre: null, taxMode: 'table' });
    const { user, onChanged } = await setup(payoutBatch({ lines: [line] }), ['handlaggare'], {
      'payouts.setTableTax': refuse('RULE_VIOLATION', 'Utbetalningen är attesterad och kan inte ändras.'),
    });
    await fill(user, screen.getByRole('textbox', { name: 'Skatt enligt tabell (kr)' }), '1 000');
    await user.click(screen.getByRole('button', { name: 'Spara skatt' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Utbetalningen är attesterad och kan inte ändras.');
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('BatchView: an attested batch', () => {
  it('offers no attest, and warns when the legacy Löner format is chosen', async () => {
    const { user, kpr } = await setup(attestedBatch(), ['attestant'], {
      'payouts.export': { savedTo: '/hem/utbetalning-2026-10.txt', fileName: 'utbetalning-2026-10.txt', warning: null },
    });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toContain('Attesterad av Åsa Attestant');
    expect(screen.queryByRole('button', { name: 'Attestera' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Bankfil ISO 20022 (pain.001) (enhetens betalsätt)' })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.queryByText(LEGACY_WARNING)).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Bankgirot Löner (äldre format)' }));
    expect(screen.getByText(LEGACY_WARNING)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Exportera fil' }));
    expect((await screen.findByRole('status')).textContent).toBe('Sparad: /hem/utbetalning-2026-10.txt');
    expect(kpr.inputs('payouts.export')).toEqual([{ batchId: 3, format: 'bgc-lon', reason: '' }]);
  });

  it('asks for a reason to re-date it, and only an attestant may while no file is out', async () => {
    const { user, kpr } = await setup(attestedBatch(), ['attestant'], { 'payouts.redate': ok });
    const group = screen.getByRole('form', { name: 'Ändra utbetalningsdag' });
    await fill(user, within(group).getByLabelText('Ny utbetalningsdag'), '2026-11-24');
    await fill(user, within(group).getByLabelText('Skäl till ny dag'), 'Banken stängd');
    await user.click(within(group).getByRole('button', { name: 'Ändra dag' }));
    await vi.waitFor(() =>
      expect(kpr.inputs('payouts.redate')).toEqual([
        { batchId: 3, paymentDate: '2026-11-24', reason: 'Banken stängd' },
      ]),
    );
  });

  it('gives a handläggare no re-date of an attested batch', async () => {
    await setup(attestedBatch(), ['handlaggare']);
    expect(screen.queryByRole('form', { name: 'Ändra utbetalningsdag' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Exportera fil' })).toBeTruthy();
  });

  it('wants a reason for a second export of the same format, and lets an attestant void it', async () => {
    const exports = [payoutExport({ msgId: 'KPR-202610-3-ABCDEFGHIJ' })];
    const { user, kpr } = await setup(attestedBatch({ exports }), ['attestant'], { 'payouts.voidExport': ok });
    expect(screen.getByLabelText('Skäl till ny export (samma fil, samma meddelande-id)')).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Exporter' })).getByText(/meddelande-id KPR-202610-3-ABCDEFGHIJ/),
    ).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Ändra utbetalningsdag' })).toBeNull();
    const voiding = screen.getByRole('form', { name: 'Makulera export' });
    await fill(user, within(voiding).getByLabelText('Skäl till makulering'), 'Fel konto hos banken');
    await user.click(within(voiding).getByRole('button', { name: 'Makulera exporten' }));
    await vi.waitFor(() =>
      expect(kpr.inputs('payouts.voidExport')).toEqual([{ batchId: 3, reason: 'Fel konto hos banken' }]),
    );
  });

  it('does not offer a handläggare to void an export', async () => {
    await setup(attestedBatch({ exports: [payoutExport()] }), ['handlaggare']);
    expect(screen.queryByRole('form', { name: 'Makulera export' })).toBeNull();
  });

  it('asks for a reason before voiding an export, on the reason field', async () => {
    const { user, kpr, onChanged } = await setup(attestedBatch({ exports: [payoutExport()] }), ['attestant']);
    const voiding = screen.getByRole('form', { name: 'Makulera export' });
    await user.click(within(voiding).getByRole('button', { name: 'Makulera exporten' }));
    expect(await within(voiding).findByText('Ange skälet till makuleringen.')).toBeTruthy();
    expect(within(voiding).getByLabelText('Skäl till makulering').getAttribute('aria-invalid')).toBe('true');
    await settle(kpr);
    expect(kpr.inputs('payouts.voidExport')).toEqual([]);
    expect(onChanged).not.toHaveBeenCalled();
  });
});
