import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { nav, setupAndLogin } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { generate } from '../bench/generate';

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
  generate(harness.core.serviceContext().raw, { people: 10_000, clients: 0, reportsPerAssignment: 0, auditRows: 0 });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

describe('the 10 000-person list', () => {
  it('renders quickly, keeps only the visible rows in the DOM and scrolls to the end', async () => {
    onTestFailed(() => shot(page, 'FAILED-large-list'));
    const t0 = Date.now();
    await nav(page, 'Kontaktpersoner');
    await page.getByText('10000 träffar').waitFor({ timeout: 30_000 });
    const table = page.getByRole('table', { name: 'Kontaktpersoner' });
    await table.getByRole('button').first().waitFor();
    const firstRender = Date.now() - t0;
    writeFileSync(join(ARTIFACTS, 'large-list-timing.txt'), `Time to first render of 10 000 contact persons: ${firstRender} ms\n`);
    console.log(`Time to first render of the 10 000-person list: ${firstRender} ms`);
    const domRows = await table.locator('tbody tr:not([aria-hidden])').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(100);
    await shot(page, 'large-list-top');

    await page.getByTestId('virtual-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => table.locator('tr[aria-rowindex="10001"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await table.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(100);
    await shot(page, 'large-list-bottom');
  }, 120_000);
});
