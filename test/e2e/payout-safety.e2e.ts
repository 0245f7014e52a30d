import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFailed } from 'vitest';
import { failureReport, shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { activeAssignment, ok } from '../helpers/cases';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';

/**
 * Issue 13 end to end: compute with a chosen pay date → re-date the draft → attest as a second user,
 * ticking a changed account → the unit is late: re-date with a reason → export pain.001 → an export in
 * another format (payroll) is refused.
 */
const env = useE2E({
  prepare: async (harness) => {
    const inv = createRouter(harness.core, handlers);
    await ok(
      inv('payments.saveSettings', {
        payerName: 'Provköpings kommun',
        orgNumber: '212000-0000',
        bankProfile: 'seb',
        debtorClearing: '8327',
        debtorAccount: '1234567897',
        debtorBic: 'ESSESESS',
        initiatorId: '',
        debtorId: '',
        payoutChannel: 'pain001',
        bgcCustomerNumber: '',
        bgcBankgiro: '',
        payCodeArvode: '310',
        payCodeOmkostnad: '320',
        payCodeUtlagg: '330',
        paymentDayOfMonth: 25,
        twoPersonRule: true,
      }),
    );
    const { contactPersonId, assignmentId } = await activeAssignment(inv);
    await ok(inv('reports.submit', { assignmentId, month: '2026-10', meetingDates: ['2026-10-18'], hours: 3 }));
    await ok(inv('reports.approve', { assignmentId, month: '2026-10' }));
    // Anna's account is changed (e.g. after a phone call): the next payout flags it.
    const { values } = await ok<{ values: Record<string, unknown> }>(inv('cp.get', { id: contactPersonId }));
    await ok(
      inv('cp.update', { id: contactPersonId, values: { ...values, bankClearing: '5000', bankAccount: '1234560' } }),
    );
    await ok(
      inv('users.create', {
        username: 'atte',
        displayName: 'Atte Attestant',
        roles: ['attestant'],
        password: 'tillfälligt-lösen-1',
      }),
    );
  },
});

async function month(value: string) {
  await env.page.getByLabel('Månad', { exact: true }).fill(value);
}

describe('payout safety end to end', () => {
  it('compute with a pay date, re-date, attest with a changed-account tick, export, and refuse a second format', async () => {
    onTestFailed(() => failureReport(env.page, 'payout-safety'));
    const page = env.page;
    // Settings: the bank profile's own identifier fields with help text; Löner warns as legacy.
    await nav(page, 'Inställningar');
    await page.getByRole('tab', { name: 'Betalning' }).click();
    const settings = page.getByRole('form', { name: 'Betalningsinställningar' });
    await settings.getByLabel('SEB-kundnummer (Dbtr)').waitFor();
    await settings.getByText(/Tomt = organisationsnumret \+ 0004/).waitFor();
    await settings.getByRole('radio', { name: 'Bankgirot Löner (äldre format)' }).click({ force: true });
    await settings.getByText(/äldre format som flera banker har slutat ta emot/).waitFor();
    await settings.getByText(/banken genomför betalningen en bankdag före utbetalningsdagen/).scrollIntoViewIfNeeded();
    await shot(page, 'safety-00-settings');
    await settings.getByRole('radio', { name: 'Bankfil ISO 20022 (pain.001)' }).click({ force: true });

    await nav(page, 'Ersättning och utbetalning');
    await page.getByRole('tab', { name: 'Utbetalning' }).click();
    await month('2026-10');
    const payDate = page.getByLabel('Utbetalningsdag', { exact: true });
    await expect.poll(() => payDate.inputValue()).toBe('2026-11-25'); // the unit's 25th, a bank day
    await payDate.fill('2026-11-28');
    await page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    await page.getByText('2026-11-28 är inte en bankdag.').waitFor();
    // The refused date stays in the field for the officer to correct (no reload puts the default back).
    await page.getByRole('button', { name: 'Beräkna utbetalning' }).waitFor();
    expect(await payDate.inputValue()).toBe('2026-11-28');
    await payDate.fill('2026-11-24');
    await page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    const lines = page.getByRole('table', { name: 'Utbetalningsrader' });
    await lines.getByText('19800202-****').waitFor();
    await lines.getByText('Kontonummer ändrat sedan förra utbetalningen').waitFor();
    await page.getByText(/Utbetalningsdag 2026-11-24 \(banken genomför 2026-11-23/).waitFor();

    // Re-date the draft.
    await page.getByLabel('Ny utbetalningsdag').fill('2026-11-25');
    await page.getByRole('button', { name: 'Ändra dag' }).click();
    await page.getByText(/2026-11-24 → 2026-11-25 av Ada Admin \(Ändrad före attest\)/).waitFor();
    await shot(page, 'safety-01-draft');

    // The attestant logs in, sets an own password, must tick the changed account, then attests.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').fill('atte');
    await page.getByLabel('Lösenord').fill('tillfälligt-lösen-1');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('Tillfälligt lösenord').fill('tillfälligt-lösen-1');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('egen penna blått nio');
    await page.getByLabel('Upprepa nytt lösenord').fill('egen penna blått nio');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    await nav(page, 'Ersättning och utbetalning');
    await month('2026-10');
    await page.getByRole('button', { name: 'Attestera' }).click();
    await page
      .getByText(
        /Kontonummer ändrat sedan förra utbetalningen för Anna Provsson\. Kontrollera kontot och bocka i raden/,
      )
      .waitFor();
    await page.getByRole('checkbox', { name: /Kontot kontrollerat för Anna Provsson/ }).click({ force: true });
    await page.getByText('Kontrollerat av Atte Attestant').waitFor();
    await page.getByRole('button', { name: 'Attestera' }).click();
    await page.getByText(/Attesterad av Atte Attestant/).waitFor();
    await page.getByText('5000, 1234560').waitFor(); // the account as attested
    await shot(page, 'safety-02-attested');

    // The unit is late: the pay day has passed. Every export is refused until an attestant re-dates.
    env.harness.clock.set('2026-11-26T08:00:00Z');
    await page.getByRole('button', { name: 'Exportera fil' }).click();
    await page
      .getByText(/Utbetalningsdagen 2026-11-25 har redan passerat\. En attestant kan ange en ny utbetalningsdag/)
      .waitFor();
    await page.getByLabel('Ny utbetalningsdag').fill('2026-11-30');
    await page.getByLabel('Skäl till ny dag').fill('Filen hann inte till banken');
    await page.getByRole('button', { name: 'Ändra dag' }).click();
    await page.getByText(/2026-11-25 → 2026-11-30 av Atte Attestant \(Filen hann inte till banken\)/).waitFor();

    await page.getByRole('button', { name: 'Exportera fil' }).click();
    const saved = page.getByText(/^Sparad: /);
    await saved.waitFor();
    const xml = readFileSync((await saved.textContent())!.replace('Sparad: ', ''), 'utf8');
    expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<Id>50001234560</Id>');
    expect(xml).toContain('<ReqdExctnDt>2026-11-27</ReqdExctnDt>'); // SEB: the bank day before Monday the 30th
    expect(xml).toContain('<Id>21200000000004</Id>'); // SEB customer number (orgnr + 0004)

    // The same pay through payroll as well: refused.
    await page.getByRole('radio', { name: 'Lön: PAXml 2.0' }).click({ force: true });
    await page.getByRole('button', { name: 'Exportera fil' }).click();
    await page
      .getByText(
        /Utbetalningen är redan exporterad som Bankfil ISO 20022 \(pain\.001\)\. En export i ett annat format kan betala samma ersättning två gånger/,
      )
      .waitFor();
    await shot(page, 'safety-03-second-format-refused');
  });
});
