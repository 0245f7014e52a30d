import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { nav, setupAndLogin } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { syntheticPnr } from '../helpers/people';
import { approvedCp } from '../helpers/cases';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';

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
  // Two approved contact persons in the queue (their recruitment has its own E2E test).
  const invoke = createRouter(harness.core, handlers);
  await approvedCp(invoke, { firstName: 'Anna', lastName: 'Provsson', personnummer: syntheticPnr('1980-02-02', 12), interests: ['fotboll'], area: 'Centrum' }, '2026-03-01');
  await approvedCp(invoke, { firstName: 'Bo', lastName: 'Testberg', personnummer: syntheticPnr('1975-03-03', 21), interests: ['fotboll', 'friluftsliv'], area: 'Centrum' }, '2026-06-01');
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

async function act(assignment: string, button: string, date: string, note = '') {
  await page.getByRole('button', { name: button, exact: true }).click();
  const form = page.getByRole('form', { name: button });
  await form.getByLabel(/^Datum/).fill(date);
  if (note) await form.getByLabel(/Skäl|Kommentar/).fill(note);
  await form.getByRole('button', { name: 'Bekräfta' }).click();
  await form.waitFor({ state: 'detached' });
  void assignment;
}

describe('client, decision, matching and assignment', () => {
  it('registers a client and a decision, ranks, offers, handles a decline, activates; the decision stops being unexecuted', async () => {
    onTestFailed(() => shot(page, 'FAILED-matching'));
    await nav(page, 'Brukare och beslut');
    await page.getByRole('button', { name: 'Ny brukare' }).click();
    await page.getByLabel('Förnamn').fill('Bruno');
    await page.getByLabel('Efternamn').fill('Brukarsson');
    await page.getByLabel('Personnummer').fill(syntheticPnr('2014-05-01', 246));
    await page.getByLabel('Område').fill('Centrum');
    await page.getByLabel('Intressen').fill('fotboll, friluftsliv');
    await page.getByLabel('Skola, arbete eller daglig verksamhet').fill('Centrumskolan');
    await page.getByRole('button', { name: 'Lägg till kontakt' }).click();
    await page.getByLabel('Namn', { exact: true }).fill('Vera Vårdnadsson');
    await page.getByRole('button', { name: 'Registrera brukare' }).click();
    await page.getByRole('heading', { name: /Bruno Brukarsson/ }).waitFor();

    await page.getByRole('button', { name: 'Nytt beslut' }).click();
    const form = page.getByRole('form', { name: 'Nytt beslut' });
    await form.getByText('LSS 9 § 4').click();
    await form.getByLabel('Beslutsdatum').fill('2026-07-01');
    await form.getByLabel('Gäller från').fill('2026-07-01');
    await form.getByLabel('Diarienummer').fill('SN 2026/123');
    await form.getByRole('button', { name: 'Spara beslut' }).click();
    await page.getByText(/Ej verkställt: 144 dagar sedan beslutet. Tremånadersgränsen är 2026-10-01./).waitFor();
    await shot(page, 'match-01-decision');

    // The unexecuted decision is on this quarter's IVO list.
    await nav(page, 'Rapporter');
    await page.getByRole('radio', { name: '4' }).click({ force: true });
    const ivo = page.getByRole('table', { name: 'IVO-rapport' });
    await ivo.getByText('Ej verkställt beslut').waitFor();
    expect(await ivo.getByRole('row').count()).toBe(2);
    await shot(page, 'match-02-ivo-before');

    await nav(page, 'Brukare och beslut');
    await page.getByRole('button', { name: 'Brukarsson, Bruno' }).click();
    await page.getByRole('button', { name: 'Hitta kontaktperson' }).click();
    const matches = page.getByRole('region', { name: 'Förslag på kontaktpersoner' });
    await matches.getByText('Gemensamma intressen: fotboll, friluftsliv.').waitFor();
    const names = await matches.locator('ol.matches > li strong').allTextContents();
    expect(names).toEqual(['Bo Testberg', 'Anna Provsson']);
    await shot(page, 'match-03-suggestions');

    // Offer Bo, who declines: back in the queue.
    await matches.getByRole('button', { name: 'Föreslå Bo Testberg' }).click();
    await page.getByText('Förslag', { exact: true }).waitFor();
    await act('Bo', 'Erbjud kontaktpersonen', '2026-11-02');
    await act('Bo', 'Kontaktpersonen tackar nej', '2026-11-05', 'Har inte tid i höst.');
    await page.getByText('Kontaktpersonen tackade nej', { exact: true }).waitFor();

    // Offer Anna, who accepts; both say yes after the meeting; start.
    await page.getByRole('button', { name: 'Hitta kontaktperson' }).click();
    await page.getByRole('region', { name: 'Förslag på kontaktpersoner' }).getByRole('button', { name: 'Föreslå Anna Provsson' }).click();
    await act('Anna', 'Erbjud kontaktpersonen', '2026-11-06');
    await act('Anna', 'Kontaktpersonen tackar ja', '2026-11-07');
    await act('Anna', 'Boka presentationsmöte', '2026-11-12');
    await act('Anna', 'Brukaren tackar ja', '2026-11-12');
    await act('Anna', 'Starta uppdraget', '2026-11-16');
    await page.getByText('Verkställt 2026-11-16').waitFor();
    await shot(page, 'match-04-active');

    // Bo is back in the queue with his original date; Anna is not.
    await nav(page, 'Kontaktpersoner');
    await page.getByRole('tab', { name: 'Kö' }).click();
    const queue = page.getByRole('table', { name: 'Kö' });
    await queue.getByText('Testberg, Bo').waitFor();
    expect(await queue.getByText('2026-06-01').count()).toBe(1);
    expect(await queue.getByText('Provsson, Anna').count()).toBe(0);

    // The decision is no longer "ej verkställt": this quarter it is reported once as executed late.
    await nav(page, 'Rapporter');
    await page.getByRole('radio', { name: '4' }).click({ force: true });
    await ivo.getByText('Verkställt efter mer än tre månader').waitFor();
    expect(await ivo.getByText('Ej verkställt beslut').count()).toBe(0);
    // Only the client's own answers count as offers to IVO, not the contact person's decline.
    expect(await ivo.getByText('2026-11-12 tackade ja').count()).toBe(1);
    expect(await ivo.getByText('tackade nej').count()).toBe(0);
    await page.getByRole('button', { name: 'Exportera individrapporter (CSV)' }).click();
    await page.getByText(/Sparad: .*ivo-ej-verkstallda-2026-K4\.csv/).waitFor();
    const csv = readFileSync(join(harness.exportDir, 'ivo-ej-verkstallda-2026-K4.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(/^20140501-T\d[02468]\d;kvinna;ja;LSS 9 § 4;2026-07-01;Verkställt efter mer än tre månader;;2026-10-01;2026-11-16;138;/);
    await shot(page, 'match-05-ivo-after');

    await nav(page, 'Översikt');
    await page.getByRole('heading', { name: 'Aktiva uppdrag', exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Nära tremånadersgränsen' }).count()).toBe(0);
    await shot(page, 'match-06-overview');
  });
});
