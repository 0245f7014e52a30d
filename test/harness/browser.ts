import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--lang=sv-SE',
    ],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page error]', err.message));
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** What failureReport reads from an <input> in the page (this file compiles without the DOM lib). */
type InputLike = { value: string; labels: ArrayLike<{ innerText: string }> | null };

/** On a failed test: a screenshot, and the visible messages printed to the log (CI keeps only the log). */
export async function failureReport(page: Page, name: string): Promise<void> {
  await shot(page, `FAILED-${name}`);
  const alerts = await page
    .getByRole('alert')
    .allInnerTexts()
    .catch(() => []);
  const status = await page
    .getByRole('status')
    .allInnerTexts()
    .catch(() => []);
  const fields = await page
    .locator('input')
    .evaluateAll((els) =>
      els.map((e) => {
        const i = e as unknown as InputLike;
        return `${i.labels?.[0]?.innerText ?? '?'}=${i.value}`;
      }),
    )
    .catch(() => []);
  console.error(
    `[${name}] url=${page.url()}\nalerts: ${JSON.stringify(alerts)}\nstatus: ${JSON.stringify(status)}\ninputs: ${JSON.stringify(fields)}`,
  );
}
