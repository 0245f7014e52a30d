import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shot } from '../harness/browser';
import { axeScan } from '../harness/axe';
import { startHarness, type Harness } from '../harness/server';
import { tempDir } from '../helpers/core';

let browser: Browser;
let harness: Harness;
let page: Page;
let t: ReturnType<typeof tempDir>;

beforeAll(async () => {
  t = tempDir('kpr-e2e-');
  harness = await startHarness({ dataDir: t.dir });
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  t?.cleanup();
});

describe('first start to auto-lock', () => {
  it('creates the admin, shows the recovery key, logs in, shows the dashboard, locks and unlocks', async () => {
    onTestFailed(() => shot(page, 'FAILED-foundation'));
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(harness.url);

    await page.getByRole('heading', { name: 'Välkommen till Kontaktregistret' }).waitFor();
    await shot(page, '01-setup');
    // The data source choice: the server's fields appear only for the shared server; the join form and back.
    await page.getByText('Delad PostgreSQL-server').click();
    await page.getByLabel('Serverns adress').waitFor();
    expect(await axeScan(page)).toEqual([]);
    await shot(page, '01b-setup-server');
    await page.getByText('Lokal krypterad databas').click();
    await page.getByLabel('Serverns adress').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Anslut till befintlig installation' }).click();
    await page.getByRole('heading', { name: 'Anslut till befintlig installation' }).waitFor();
    expect(await axeScan(page)).toEqual([]);
    await shot(page, '01c-setup-join');
    await page.getByRole('button', { name: 'Tillbaka' }).click();
    await page.getByRole('heading', { name: 'Välkommen till Kontaktregistret' }).waitFor();
    await page.getByLabel('Enhetens namn').fill('Kontaktpersonsenheten Provköping');
    await page.getByLabel('Ditt namn').fill('Ada Admin');
    await page.getByLabel('Användarnamn').fill('ada');
    await page.getByLabel('Lösenord', { exact: true }).fill('kort');
    await page.getByLabel('Upprepa lösenordet').fill('annat');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();
    await expect(page.getByText('Lösenordet ska ha minst 12 tecken.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Lösenorden är inte lika.').isVisible()).resolves.toBe(true);
    await shot(page, '02-setup-invalid');
    expect(harness.core.status().state).toBe('uninitialized');

    await page.getByLabel('Lösenord', { exact: true }).fill('ett långt lösenord för henne');
    await page.getByLabel('Upprepa lösenordet').fill('ett långt lösenord för henne');
    await page.getByRole('button', { name: 'Skapa administratör' }).click();

    const keyEl = page.getByTestId('recovery-key');
    await keyEl.waitFor();
    const recoveryKey = (await keyEl.textContent())!.trim();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await shot(page, '03-recovery-key');
    const cont = page.getByRole('button', { name: 'Fortsätt till inloggning' });
    expect(await cont.isDisabled()).toBe(true);
    await page.getByText('Jag har sparat återställningsnyckeln').click();
    await cont.click();

    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByLabel('Användarnamn').fill('ada');
    await page.getByLabel('Lösenord').fill('fel lösenord helt enkelt');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').getByText('Fel användarnamn eller lösenord.').waitFor();
    await shot(page, '04-login-wrong');
    await page.getByLabel('Lösenord').fill('ett långt lösenord för henne');
    await page.getByRole('button', { name: 'Logga in' }).click();

    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
    await expect(page.getByText('Inga ärenden ännu.').isVisible()).resolves.toBe(true);
    for (const item of [
      'Översikt',
      'Kontaktpersoner',
      'Brukare och beslut',
      'Uppdrag',
      'Uppföljningar',
      'Ersättning och utbetalning',
      'Rapporter',
      'Logg',
      'Inställningar',
    ]) {
      await expect(
        page
          .getByRole('navigation', { name: 'Huvudmeny' })
          .getByRole('button', { name: item, exact: true })
          .isVisible(),
      ).resolves.toBe(true);
    }
    await shot(page, '05-dashboard');

    // Idle for the configured 15 minutes: the core locks, the renderer shows the lock screen.
    const res = await fetch(`${harness.url}/__harness/advance?ms=${15 * 60_000}`, { method: 'POST' });
    expect(await res.json()).toEqual({ locked: true });
    await page.getByRole('heading', { name: 'Kontaktregistret är låst' }).waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Användarnamn').inputValue()).toBe('ada');
    await shot(page, '06-locked');
    expect(await page.evaluate(() => (globalThis as any).kpr.invoke('users.list', {}))).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });

    await page.getByLabel('Lösenord').fill('ett långt lösenord för henne');
    await page.getByRole('button', { name: 'Lås upp' }).click();
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();

    // The log shows what happened, and its chain verifies.
    await page.getByRole('button', { name: 'Logg', exact: true }).click();
    await page.getByRole('button', { name: 'Kontrollera loggkedjan' }).click();
    await page.getByText(/Loggkedjan är hel/).waitFor();
    await expect
      .poll(() => page.getByRole('cell', { name: 'session.login.failed' }).count(), { timeout: 10_000 })
      .toBe(1);
    await shot(page, '07-audit');

    expect(errors).toEqual([]);
  });
});
