import type { Page } from 'playwright-core';
import type { Harness } from './server';

export const E2E_ADMIN = {
  username: 'ada',
  displayName: 'Ada Admin',
  password: 'ett långt lösenord för henne',
  unitName: 'Kontaktpersonsenheten Provköping',
};

/** Setup through the core (the setup UI has its own test), then log in through the UI. */
export async function setupAndLogin(page: Page, harness: Harness): Promise<void> {
  await harness.core.setup(E2E_ADMIN);
  await login(page, harness);
}

export async function login(
  page: Page,
  harness: Harness,
  username = E2E_ADMIN.username,
  password = E2E_ADMIN.password,
): Promise<void> {
  await page.goto(harness.url);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Översikt' }).waitFor();
}

export async function nav(page: Page, item: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: item, exact: true }).click();
}

/** Ersättning → Månadsrapporter: gives the person the levels A1M / O2 (20 % arvode, 25 % omkostnad) for `month`. */
export async function setLevelsA1mO2(page: Page, month: string, person: string): Promise<void> {
  await nav(page, 'Ersättning och utbetalning');
  await page.getByLabel('Månad', { exact: true }).fill(month);
  const reports = page.getByRole('table', { name: 'Månadsrapporter' });
  await page.getByRole('button', { name: `Nivåer för ${person}` }).click();
  const levels = page.getByRole('form', { name: 'Ersättningsnivå' });
  await levels.getByText('Kategori 1, mellan (20 %)').click();
  await levels.getByText('Nivå 2 (25 %)').click();
  await levels.getByRole('button', { name: 'Spara nivåer' }).click();
  await reports.getByText('A1M / O2').waitFor();
}
