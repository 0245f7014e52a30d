import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { nav, setupAndLogin } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { syntheticPnr } from '../helpers/people';
import { TEST_SCRYPT } from '../../electron/vault/kdf';

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
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

async function register(first: string, last: string, pnr: string, children: boolean) {
  await nav(page, 'Kontaktpersoner');
  await page.getByRole('button', { name: 'Ny intresseanmälan' }).click();
  await page.getByLabel('Förnamn').fill(first);
  await page.getByLabel('Efternamn').fill(last);
  await page.getByLabel('Personnummer').fill(pnr);
  await page.getByLabel('Telefon').fill('070-123 45 67');
  await page.getByLabel('Område').fill('Centrum');
  await page.getByLabel('Gatuadress').fill('Provgatan 3');
  await page.getByLabel('Postnummer').fill('123 45');
  await page.getByLabel('Ort').fill('Provköping');
  await page.getByLabel('Språk').fill('svenska, arabiska');
  await page.getByLabel('Intressen').fill('fotboll, musik');
  if (children) await page.getByText('Kan ta uppdrag med barn').click();
  await page.getByLabel('Clearingnummer').fill('3300');
  await page.getByLabel('Kontonummer').fill(pnr.slice(2).replace('-', ''));
  await page.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
}

async function changeStatus(button: string, date: string, note = '') {
  await page.getByRole('button', { name: button, exact: true }).click();
  const form = page.getByRole('form', { name: /Ändra status till/ });
  await form.getByLabel('Datum').fill(date);
  if (note) await form.getByLabel(/Skäl|Kommentar/).fill(note);
  await form.getByRole('button', { name: 'Bekräfta' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('contact person recruitment', () => {
  it('registers, assesses, approves and finds the person in the queue; rejects another with a reason', async () => {
    onTestFailed(() => shot(page, 'FAILED-cp'));
    // Bad input: Swedish message, nothing saved.
    await register('Kim', 'Provsson', '19850412-1231', true);
    await page.getByText('Personnumrets kontrollsiffra stämmer inte.').waitFor();
    await shot(page, 'cp-01-invalid-pnr');
    expect((harness.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as { n: number }).n).toBe(0);

    const pnr = syntheticPnr('1985-04-12', 123);
    await page.getByLabel('Personnummer').fill(pnr);
    await page.getByLabel('Kontonummer').fill(pnr.slice(2));
    await page.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
    await page.getByRole('heading', { name: /Kim Provsson/ }).waitFor();
    await expect(page.getByRole('heading', { name: /Kim Provsson/ }).textContent()).resolves.toContain('Intresseanmälan');

    // An illegal jump is not offered; the allowed next step is.
    expect(await page.getByRole('button', { name: 'Godkänn', exact: true }).count()).toBe(0);
    await changeStatus('Boka intervju', '2026-11-02');

    const interview = page.getByRole('form', { name: 'Ny intervju' });
    await interview.getByLabel('Intervjudatum').fill('2026-11-05');
    await interview.getByLabel('Intervjuare').fill('Ada Admin');
    await interview.getByLabel('Anteckningar från intervjun').fill('Stabil, har tid varannan vecka.');
    await interview.getByRole('button', { name: 'Spara intervju' }).click();
    await page.getByText('Stabil, har tid varannan vecka.').first().waitFor();

    const ref = page.getByRole('form', { name: 'Ny referens' });
    await ref.getByLabel('Referensens namn').fill('Refera Refsson');
    await ref.getByLabel('Referensens telefon').fill('070-111 22 33');
    await ref.getByLabel('Relation').fill('Tidigare chef');
    await ref.getByRole('button', { name: 'Spara referens' }).click();
    await page.getByText('Refera Refsson', { exact: true }).waitFor();

    const consent = page.getByRole('form', { name: 'Samtycke' });
    await consent.getByLabel('Datum för samtycke').fill('2026-11-05');
    await consent.getByRole('button', { name: 'Registrera samtycke' }).click();
    await page.getByText('Samtycke lämnat 2026-11-05.').waitFor();

    await changeStatus('Starta utredning', '2026-11-06');
    await page.getByText('Kontroll i socialtjänstens register saknas.').waitFor();

    const check = page.getByRole('form', { name: 'Ny registerkontroll' });
    await check.getByText('Socialtjänstens register').click();
    await check.getByLabel('Utdragets datum').fill('2026-11-07');
    await check.getByLabel('Visades den').fill('2026-11-07');
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await page.getByRole('table', { name: 'Registerkontroller' }).getByText('Socialtjänstens register').waitFor();
    await check.getByText('Polisens belastningsregister').click();
    await check.getByLabel('Utdragets datum').fill('2026-11-01');
    await check.getByLabel('Visades den').fill('2026-11-10');
    await check.getByText('Anteckningar', { exact: true }).click();
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await check.getByText('Skriv en bedömning när utdraget har anteckningar.').waitFor();
    await check.getByText('Inga anteckningar', { exact: true }).click();
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await page.getByRole('table', { name: 'Registerkontroller' }).getByText('2027-11-01').waitFor();
    await shot(page, 'cp-02-assessment');

    await changeStatus('Godkänn', '2026-11-12');
    await page.getByRole('heading', { name: /Kim Provsson.*Godkänd \(i kö\)/ }).waitFor();
    await page.getByText('2026-11-12 (10 dagar)').waitFor();
    await shot(page, 'cp-03-approved');

    // The queue, filtered on children and a language.
    await page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await page.getByRole('tab', { name: 'Kö' }).click();
    await page.getByText('Barn', { exact: true }).click();
    await page.getByLabel('Språk').fill('arabiska');
    const queue = page.getByRole('table', { name: 'Kö' });
    await queue.getByText('Provsson, Kim').waitFor();
    await expect(queue.getByText('10 dagar').isVisible()).resolves.toBe(true);
    await shot(page, 'cp-04-queue');

    // Another applicant is not approved; the reason is required and kept on the timeline.
    await register('Robin', 'Testberg', syntheticPnr('1990-06-15', 456), false);
    await page.getByRole('heading', { name: /Robin Testberg/ }).waitFor();
    await page.getByRole('button', { name: 'Godkänn inte', exact: true }).click();
    const reject = page.getByRole('form', { name: /Ändra status till/ });
    await reject.getByRole('button', { name: 'Bekräfta' }).click();
    await reject.getByText('Ange skälet till att personen inte godkänns.').waitFor();
    await reject.getByLabel('Skäl').fill('Kan inte åta sig regelbundna träffar.');
    await reject.getByRole('button', { name: 'Bekräfta' }).click();
    await page.getByRole('list', { name: 'Tidslinje' }).getByText(/Ej godkänd – Kan inte åta sig regelbundna träffar/).waitFor();
    await shot(page, 'cp-05-rejected');

    // Search by personnummer finds Robin, masked in the list.
    await page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await page.getByLabel('Sök kontaktperson').fill('19900615');
    await page.getByRole('button', { name: 'Testberg, Robin' }).waitFor();
    await expect(page.getByText('19900615-****').isVisible()).resolves.toBe(true);
    expect(await page.getByRole('table').getByText('Provsson, Kim').count()).toBe(0);
    await shot(page, 'cp-06-search');
  });
});
