import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav, setLevelsA1mO2 } from '../harness/flows';
import { activeAssignment, ok } from '../helpers/cases';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';
import { pdfText } from '../helpers/pdf';
import { testPayment } from '../helpers/payment';

const env = useE2E({
  prepare: async (harness) => {
    // The usual active assignment (from 2026-10-16, no levels yet), payment settings, an attestant.
    const inv = createRouter(harness.core, handlers);
    await ok(inv('payments.saveSettings', testPayment({ bgcCustomerNumber: '', bgcBankgiro: '' })));
    await activeAssignment(inv, { levels: false });
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

describe('monthly report to bank file', () => {
  it('enters and approves a report, computes the payout, attests as a second user and exports a valid pain.001', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-payouts'));
    await setLevelsA1mO2(env.page, '2026-10', 'Anna Provsson');
    const reports = env.page.getByRole('table', { name: 'Månadsrapporter' });
    await reports.getByText('16 av 31').waitFor();

    await env.page.getByRole('button', { name: 'Rapport för Anna Provsson' }).click();
    const report = env.page.getByRole('form', { name: 'Månadsrapport' });
    await report.getByLabel('Träffar (datum)').fill('2026-10-18, 2026-10-25');
    await report.getByLabel('Timmar').fill('sex');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await report.getByText('Ange timmar som ett tal, t.ex. 6,5.').waitFor();
    await report.getByLabel('Timmar').fill('6,5');
    await report.getByLabel('Utlägg (kr)').fill('125,50');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await report.getByText('Ange vilka kvitton som lämnats in för utläggen.').waitFor();
    await report.getByLabel('Kvitton').fill('Biobiljetter, 1 kvitto');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await reports.getByText(/2 träffar, 6,5 tim, utlägg 125,50/).waitFor();
    await env.page.getByRole('button', { name: 'Godkänn rapport för Anna Provsson' }).click();
    await reports.getByText(/Godkänd av Ada Admin/).waitFor();
    await shot(env.page, 'pay-01-reports');

    await env.page.getByRole('tab', { name: 'Utbetalning' }).click();
    await month('2026-13');
    await env.page.getByText('Ange ÅÅÅÅ-MM.').waitFor();
    await month('2026-10');
    await env.page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    const lines = env.page.getByRole('table', { name: 'Utbetalningsrader' });
    // 509 kr arvode, 636 kr omkostnad, 125,50 kr utlägg, 152 kr skatt -> 1 118,50 kr netto.
    await lines.getByText('1\u00a0118,50\u00a0kr').first().waitFor();
    await expect(lines.getByText('509,00\u00a0kr').count()).resolves.toBeGreaterThan(0);
    await env.page.getByRole('button', { name: 'Attestera' }).click();
    await env.page.getByText(/Tvåpersonsregeln/).waitFor();
    await shot(env.page, 'pay-02-two-person-rule');

    // The attestant logs in (and first sets an own password).
    await env.page.getByRole('button', { name: 'Logga ut' }).click();
    await env.page.getByLabel('Användarnamn').fill('atte');
    await env.page.getByLabel('Lösenord').fill('tillfälligt-lösen-1');
    await env.page.getByRole('button', { name: 'Logga in' }).click();
    await env.page.getByLabel('Tillfälligt lösenord').fill('tillfälligt-lösen-1');
    await env.page.getByLabel('Nytt lösenord', { exact: true }).fill('egen penna blått nio');
    await env.page.getByLabel('Upprepa nytt lösenord').fill('egen penna blått nio');
    await env.page.getByRole('button', { name: 'Byt lösenord' }).click();
    await env.page.getByRole('heading', { name: 'Översikt' }).waitFor();
    expect(
      await env.page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('button', { name: 'Kontaktpersoner' })
        .count(),
    ).toBe(0);

    await nav(env.page, 'Ersättning och utbetalning');
    await month('2026-10');
    await env.page.getByRole('button', { name: 'Attestera' }).click();
    await env.page.getByText(/Attesterad av Atte Attestant/).waitFor();
    // A double-click exports once: the second click finds the button disabled while the first runs.
    await env.page.getByRole('button', { name: 'Exportera fil' }).dblclick();
    const saved = env.page.getByText(/^Sparad: /);
    await saved.waitFor();
    expect(await env.page.getByText(/Filen har redan exporterats/).count()).toBe(0);
    const path = (await saved.textContent())!.replace('Sparad: ', '');
    await shot(env.page, 'pay-03-exported');
    const xml = readFileSync(path, 'utf8');
    expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<CtrlSum>1118.50</CtrlSum>');
    expect(xml).toContain('<Nm>Anna Provsson</Nm>');

    // Exporting again asks for a reason and gives the same file.
    await env.page.getByRole('button', { name: 'Exportera fil' }).click();
    await env.page.getByText(/Filen har redan exporterats/).waitFor();
    await env.page.getByLabel(/Skäl till ny export/).fill('Banken bad om filen igen');
    await env.page.getByRole('button', { name: 'Exportera fil' }).click();
    await env.page.getByText(/Banken bad om filen igen/).waitFor();
    expect(readFileSync(path, 'utf8')).toBe(xml);

    await env.page.getByRole('button', { name: 'Attestlista (PDF)' }).click();
    const pdfSaved = env.page.getByText(/^Sparad: .*attestlista-2026-10-\d+\.pdf$/);
    await pdfSaved.waitFor();
    const text = pdfText(readFileSync((await pdfSaved.textContent())!.replace('Sparad: ', '')), 'pay-04-attestlista');
    expect(text).toContain('Anna Provsson');
    expect(text).toContain('Attesterad av Atte Attestant');
  });
});
