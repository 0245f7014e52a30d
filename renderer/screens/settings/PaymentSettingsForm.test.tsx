// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { LEGACY_WARNING } from '../../../shared/ipc/procedures/payouts';
import type { PaymentSettings } from '../../../shared/ipc/procedures/payments';
import { refuse, type Answers } from '../../testing/fake-kpr';
import { fill, renderWithKpr } from '../../testing/render';
import { PaymentSettingsForm } from './PaymentSettingsForm';

const SETTINGS: PaymentSettings = {
  payerName: 'Testkommunen',
  orgNumber: '212000-0001',
  bankProfile: 'swedbank',
  debtorClearing: '8327',
  debtorAccount: '1234567',
  debtorBic: 'SWEDSESS',
  initiatorId: 'SIGNER1',
  debtorId: 'AVTAL22',
  payoutChannel: 'pain001',
  bgcCustomerNumber: '',
  bgcBankgiro: '',
  payCodeArvode: '110',
  payCodeOmkostnad: '120',
  payCodeUtlagg: '130',
  paymentDayOfMonth: 25,
  twoPersonRule: true,
};

async function setup(answers: Answers = {}) {
  const r = await renderWithKpr(<PaymentSettingsForm />, {
    roles: ['admin'],
    answers: { 'payments.getSettings': SETTINGS, 'payments.saveSettings': { ok: true }, ...answers },
  });
  await screen.findByDisplayValue('Testkommunen');
  return r;
}

const value = (label: string | RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('PaymentSettingsForm (Betalning)', () => {
  it("shows the saved settings with the bank profile's own field names", async () => {
    await setup();
    expect(value('Organisationsnummer')).toBe('212000-0001');
    expect(value('Signer-ID (InitgPty)')).toBe('SIGNER1');
    expect(value('Produktavtals-ID (Dbtr)')).toBe('AVTAL22');
    expect(value('Utbetalningsdag i månaden efter')).toBe('25');
    expect(screen.getByRole('radio', { name: 'Swedbank' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: /Tvåpersonsregel/ })).toHaveProperty('checked', true);
    expect(screen.getByText(/Swedbank: betalarens konto som BBAN/).textContent).toContain(
      'genomförs på utbetalningsdagen',
    );
  });

  it('renames the id fields and explains the execution day when another bank is chosen', async () => {
    const { user } = await setup();
    await user.click(screen.getByRole('radio', { name: 'Nordea' }));
    expect(screen.queryByLabelText('Produktavtals-ID (Dbtr)')).toBeNull();
    expect(value('Avtalsnummer (Dbtr)')).toBe('AVTAL22');
    expect(screen.getByText('Nordeas avtalsnummer (CCM). Tomt = 9999999999.')).toBeTruthy();
    const note = screen.getByText(/Nordea: betalarens konto som IBAN/).textContent;
    expect(note).toContain('banken genomför betalningen en bankdag före utbetalningsdagen');

    await user.click(screen.getByRole('radio', { name: 'Annan bank (IBAN, endast A–Z)' }));
    expect(screen.getByText(/mottagarnas konton som IBAN/).textContent).toContain('namn med endast A–Z');
  });

  it('warns about the legacy Bankgirot Löner channel only while it is chosen', async () => {
    const { user } = await setup();
    expect(screen.queryByText(LEGACY_WARNING)).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Bankgirot Löner (äldre format)' }));
    expect(screen.getByText(LEGACY_WARNING)).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Lön: PAXml 2.0' }));
    expect(screen.queryByText(LEGACY_WARNING)).toBeNull();
  });

  it('saves the whole form with the changes and says so', async () => {
    const { user, kpr } = await setup();
    await user.click(screen.getByRole('radio', { name: 'SEB (ISO Lön)' }));
    await fill(user, screen.getByLabelText('SEB-kundnummer (Dbtr)'), '');
    await fill(user, screen.getByLabelText('Löneart arvode'), '115');
    await user.click(screen.getByRole('checkbox', { name: /Tvåpersonsregel/ }));
    await user.click(screen.getByRole('button', { name: 'Spara betalningsinställningar' }));

    expect((await screen.findByRole('status')).textContent).toBe('Betalningsinställningarna är sparade.');
    expect(kpr.inputs('payments.saveSettings')).toEqual([
      { ...SETTINGS, bankProfile: 'seb', debtorId: '', payCodeArvode: '115', twoPersonRule: false },
    ]);
  });

  it('refuses a malformed BIC and clearing number in Swedish and saves nothing', async () => {
    const { user, kpr } = await setup();
    await fill(user, screen.getByLabelText('Bankens BIC'), 'SWED');
    await fill(user, screen.getByLabelText('Clearingnummer (betalarens konto)'), '83');
    await user.click(screen.getByRole('button', { name: 'Spara betalningsinställningar' }));
    expect(await screen.findByText('BIC ska ha 8 eller 11 tecken, t.ex. SWEDSESS.')).toBeTruthy();
    expect(screen.getByText('Clearingnumret ska ha 4 eller 5 siffror.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    expect(kpr.inputs('payments.saveSettings')).toEqual([]);
  });

  it("shows main's refusal and no success message", async () => {
    const { user } = await setup({
      'payments.saveSettings': refuse('RULE_VIOLATION', 'Betalsättet kan inte bytas medan en export är aktiv.'),
    });
    await user.click(screen.getByRole('button', { name: 'Spara betalningsinställningar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Betalsättet kan inte bytas medan en export är aktiv.');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});
