import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { E2E_ADMIN, nav, setupAndLogin } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { syntheticPnr } from '../helpers/people';
import { approvedCp, clientInputOf, ok } from '../helpers/cases';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';
import { pdfText } from '../helpers/pdf';

let browser: Browser;
let harness: Harness;
let page: Page;
let t: ReturnType<typeof tempDir>;

beforeAll(async () => {
  t = tempDir('kpr-e2e-');
  harness = await startHarness({ dataDir: t.dir, kdf: TEST_SCRYPT, start: '2026-11-22T09:00:00Z' });
  browser = await launchBrowser();
  page = await newPage(browser);
  await setupAndLogin(page, harness);
  // An active assignment from 2026-10-16 (the matching flow has its own E2E test), payment settings, an attestant.
  const inv = createRouter(harness.core, handlers);
  await ok(inv('payments.saveSettings', { payerName: 'Provköpings kommun', orgNumber: '212000-0000', bankProfile: 'swedbank', debtorClearing: '8327', debtorAccount: '1234567897', debtorBic: 'SWEDSESS', initiatorId: '', bgcCustomerNumber: '', bgcBankgiro: '', payCodeArvode: '310', payCodeOmkostnad: '320', payCodeUtlagg: '330', paymentDayOfMonth: 25, twoPersonRule: true }));
  const pnr = syntheticPnr('1980-02-02', 12);
  const anna = await approvedCp(inv, { firstName: 'Anna', lastName: 'Provsson', personnummer: pnr, bankClearing: '3300', bankAccount: pnr.slice(2) }, '2026-03-01');
  const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf()));
  const { id: decisionId } = await ok<{ id: number }>(inv('decisions.create', { clientId, legalBasis: 'LSS 9 § 4', decisionDate: '2026-09-01', validFrom: '2026-09-01', meetingsPerPeriod: 4, period: 'manad', hoursPerMonth: 8 }));
  const { id } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: anna }));
  for (const [action, date] of [['offer', '2026-09-10'], ['cpAccept', '2026-09-12'], ['bookMeeting', '2026-10-01'], ['clientAccept', '2026-10-01'], ['activate', '2026-10-16']] as const) await ok(inv('assignments.act', { id, action, date }));
  await ok(inv('users.create', { username: 'atte', displayName: 'Atte Attestant', roles: ['attestant'], password: 'tillfälligt-lösen-1' }));
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

async function month(value: string) {
  await page.getByLabel('Månad', { exact: true }).fill(value);
}

describe('monthly report to bank file', () => {
  it('enters and approves a report, computes the payout, attests as a second user and exports a valid pain.001', async () => {
    onTestFailed(() => shot(page, 'FAILED-payouts'));
    await nav(page, 'Ersättning och utbetalning');
    await month('2026-10');
    const reports = page.getByRole('table', { name: 'Månadsrapporter' });
    await reports.getByText('16 av 31').waitFor();
    await page.getByRole('button', { name: 'Nivåer för Anna Provsson' }).click();
    const levels = page.getByRole('form', { name: 'Ersättningsnivå' });
    await levels.getByText('Kategori 1, mellan (20 %)').click();
    await levels.getByText('Nivå 2 (25 %)').click();
    await levels.getByRole('button', { name: 'Spara nivåer' }).click();
    await reports.getByText('A1M / O2').waitFor();

    await page.getByRole('button', { name: 'Rapport för Anna Provsson' }).click();
    const report = page.getByRole('form', { name: 'Månadsrapport' });
    await report.getByLabel('Träffar (datum)').fill('2026-10-18, 2026-10-25');
    await report.getByLabel('Timmar').fill('6,5');
    await report.getByLabel('Utlägg (kr)').fill('125,50');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await report.getByText('Ange vilka kvitton som lämnats in för utläggen.').waitFor();
    await report.getByLabel('Kvitton').fill('Biobiljetter, 1 kvitto');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await reports.getByText(/2 träffar, 6,5 tim, utlägg 125,50/).waitFor();
    await page.getByRole('button', { name: 'Godkänn rapport för Anna Provsson' }).click();
    await reports.getByText(/Godkänd av Ada Admin/).waitFor();
    await shot(page, 'pay-01-reports');

    await page.getByRole('tab', { name: 'Utbetalning' }).click();
    await month('2026-10');
    await page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    const lines = page.getByRole('table', { name: 'Utbetalningsrader' });
    // 509 kr arvode, 636 kr omkostnad, 125,50 kr utlägg, 152 kr skatt -> 1 118,50 kr netto.
    await lines.getByText('1\u00a0118,50\u00a0kr').first().waitFor();
    await expect(lines.getByText('509,00\u00a0kr').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Attestera' }).click();
    await page.getByText(/Tvåpersonsregeln/).waitFor();
    await shot(page, 'pay-02-two-person-rule');

    // The attestant logs in (and first sets an own password).
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByLabel('Användarnamn').fill('atte');
    await page.getByLabel('Lösenord').fill('tillfälligt-lösen-1');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByLabel('Tillfälligt lösenord').fill('tillfälligt-lösen-1');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('attestantens eget lösen');
    await page.getByLabel('Upprepa nytt lösenord').fill('attestantens eget lösen');
    await page.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Kontaktpersoner' }).count()).toBe(0);

    await nav(page, 'Ersättning och utbetalning');
    await month('2026-10');
    await page.getByRole('button', { name: 'Attestera' }).click();
    await page.getByText(/Attesterad av Atte Attestant/).waitFor();
    await page.getByRole('button', { name: 'Exportera fil' }).click();
    const saved = page.getByText(/^Sparad: /);
    await saved.waitFor();
    const path = (await saved.textContent())!.replace('Sparad: ', '');
    await shot(page, 'pay-03-exported');
    const xml = readFileSync(path, 'utf8');
    expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<CtrlSum>1118.50</CtrlSum>');
    expect(xml).toContain('<Nm>Anna Provsson</Nm>');

    // Exporting again asks for a reason and gives the same file.
    await page.getByRole('button', { name: 'Exportera fil' }).click();
    await page.getByText(/Filen har redan exporterats/).waitFor();
    await page.getByLabel(/Skäl till ny export/).fill('Banken bad om filen igen');
    await page.getByRole('button', { name: 'Exportera fil' }).click();
    await page.getByText(/Banken bad om filen igen/).waitFor();
    expect(readFileSync(path, 'utf8')).toBe(xml);

    await page.getByRole('button', { name: 'Attestlista (PDF)' }).click();
    const pdfSaved = page.getByText(/^Sparad: .*attestlista-2026-10-\d+\.pdf$/);
    await pdfSaved.waitFor();
    const text = pdfText(readFileSync((await pdfSaved.textContent())!.replace('Sparad: ', '')), 'pay-04-attestlista');
    expect(text).toContain('Anna Provsson');
    expect(text).toContain('Attesterad av Atte Attestant');
    void E2E_ADMIN;
  });
});
