import type { Page } from 'playwright-core';
import type { Harness } from './server';

export const E2E_ADMIN = { username: 'ada', displayName: 'Ada Admin', password: 'ett långt lösenord för henne', unitName: 'Kontaktpersonsenheten Provköping' };

/** Setup through the core (the setup UI has its own test), then log in through the UI. */
export async function setupAndLogin(page: Page, harness: Harness): Promise<void> {
  await harness.core.setup(E2E_ADMIN);
  await login(page, harness);
}

export async function login(page: Page, harness: Harness, username = E2E_ADMIN.username, password = E2E_ADMIN.password): Promise<void> {
  await page.goto(harness.url);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Översikt' }).waitFor();
}

export async function nav(page: Page, item: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: item, exact: true }).click();
}
