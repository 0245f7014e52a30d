import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { nav, setupAndLogin } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { syntheticPnr } from '../helpers/people';
import { approvedCp, clientInputOf, ok } from '../helpers/cases';
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
  const inv = createRouter(harness.core, handlers);
  const anna = await approvedCp(inv, { firstName: 'Anna', lastName: 'Provsson', personnummer: syntheticPnr('1980-02-02', 12) }, '2026-03-01');
  const { id: clientId } = await ok<{ id: number }>(inv('clients.create', clientInputOf()));
  const { id: decisionId } = await ok<{ id: number }>(inv('decisions.create', { clientId, legalBasis: 'LSS 9 § 4', decisionDate: '2026-09-01', validFrom: '2026-09-01', meetingsPerPeriod: 4, period: 'manad', hoursPerMonth: 8 }));
  const { id } = await ok<{ id: number }>(inv('assignments.propose', { decisionId, contactPersonId: anna }));
  for (const [action, date] of [['offer', '2026-09-10'], ['cpAccept', '2026-09-12'], ['bookMeeting', '2026-10-01'], ['clientAccept', '2026-10-01'], ['activate', '2026-10-16']] as const) await ok(inv('assignments.act', { id, action, date }));
  await ok(inv('assignments.setCompensation', { id, arvodeLevel: 'A1M', omkostnadLevel: 'O2' }));
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

async function previewOf(version: number): Promise<string> {
  const item = page.getByRole('list', { name: 'Avtalsversioner' }).getByRole('listitem').filter({ hasText: `Version ${version} ` });
  await item.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = page.getByTestId('preview');
  await preview.waitFor();
  const text = (await preview.textContent()) ?? '';
  await shot(page, `docs-preview-v${version}`);
  await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
  await preview.waitFor({ state: 'detached' });
  return text;
}

describe('agreement versions and print preview', () => {
  it('creates an agreement, previews it, changes the frequency to make version 2, and lists both', async () => {
    onTestFailed(() => shot(page, 'FAILED-documents'));
    await nav(page, 'Uppdrag');
    await page.getByRole('button', { name: 'Dokument för Anna Provsson och Bruno Brukarsson' }).click();
    const form = page.getByRole('form', { name: 'Avtal' });
    await form.getByLabel('Startdatum').fill('2026-10-16');
    await form.getByLabel('Mål för uppdraget').fill('Att Bruno får en aktiv fritid med fotboll och friluftsliv');
    await form.getByRole('button', { name: 'Skapa avtal' }).click();
    await page.getByText('Sparat som version 1.').waitFor();

    const v1 = await previewOf(1);
    expect(v1).toContain('Uppdragsavtal för kontaktperson');
    expect(v1).toContain('2 träffar per månad');
    expect(v1).toContain('987,00\u00a0kr');
    expect(v1).toContain('Kontaktpersonens exemplar');

    await form.getByLabel('Antal träffar').fill('4');
    await form.getByRole('button', { name: 'Spara ändringar (ny version)' }).click();
    await page.getByText('Sparat som version 2.').waitFor();
    const versions = page.getByRole('list', { name: 'Avtalsversioner' }).getByRole('listitem');
    await expect(versions.count()).resolves.toBe(2);
    expect(await versions.allTextContents()).toEqual([expect.stringMatching(/^Version 2 .*4 träffar per månad/), expect.stringMatching(/^Version 1 .*2 träffar per månad/)]);
    await shot(page, 'docs-versions');

    expect(await previewOf(2)).toContain('4 träffar per månad');
    expect(await previewOf(1)).toContain('2 träffar per månad');

    // A PDF of version 2 goes into the archive, not onto the disk.
    await versions.filter({ hasText: 'Version 2 ' }).getByRole('button', { name: 'Skapa PDF' }).click();
    await page.getByText('PDF skapad och sparad i dokumentarkivet.').waitFor();
    await page.getByRole('tab', { name: 'Arkiv' }).click();
    await page.getByRole('table', { name: 'Dokumentarkiv' }).getByText('Uppdragsavtal version 2').waitFor();

    await nav(page, 'Uppföljningar');
    await page.getByRole('table', { name: 'Uppföljningar' }).getByText('2027-04-16').waitFor();
    await shot(page, 'docs-followups');
  });
});
