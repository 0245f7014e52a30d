import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { startHarness, type Harness } from '../harness/server';
import { E2E_ADMIN, login } from '../harness/flows';
import { tempDir } from '../helpers/core';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { seedDemo } from '../../electron/seed/demo';

let browser: Browser;
let harness: Harness;
let page: Page;
let t: ReturnType<typeof tempDir>;

beforeAll(async () => {
  t = tempDir('kpr-e2e-');
  harness = await startHarness({ dataDir: t.dir, kdf: TEST_SCRYPT, start: '2026-11-22T09:00:00Z' });
  browser = await launchBrowser();
  page = await newPage(browser);
  await harness.core.setup(E2E_ADMIN);
  await harness.core.login(E2E_ADMIN.username, E2E_ADMIN.password);
  await seedDemo(harness.core.serviceContext(), { seed: 1 });
  await harness.core.logout();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

describe('overview with the demo municipality', () => {
  it('shows the counts, the deadline list and four charts', async () => {
    onTestFailed(() => shot(page, 'FAILED-overview'));
    await login(page, harness);
    const charts = page.locator('figure.chart');
    await expect.poll(() => charts.count(), { timeout: 15_000 }).toBe(4);
    await expect.poll(() => page.locator('figure.chart .recharts-wrapper > svg').count(), { timeout: 15_000 }).toBe(4);
    expect(await page.getByRole('heading', { name: 'Kö och väntetid' }).isVisible()).toBe(true);
    await shot(page, 'overview-demo');
  });
});
