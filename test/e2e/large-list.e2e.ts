import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
import { ARTIFACTS, shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { generate } from '../bench/generate';

const env = useE2E({
  prepare: async (harness) => {
    generate(harness.core.serviceContext().raw, { people: 10_000, clients: 0, reportsPerAssignment: 0, auditRows: 0 });
  },
});

describe('the 10 000-person list', () => {
  it('renders quickly, keeps only the visible rows in the DOM and scrolls to the end', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-large-list'));
    const t0 = performance.now(); // elapsed time, not a date
    await nav(env.page, 'Kontaktpersoner');
    await env.page.getByText('10000 träffar').waitFor({ timeout: 30_000 });
    const table = env.page.getByRole('table', { name: 'Kontaktpersoner' });
    await table.getByRole('button').first().waitFor();
    const firstRender = Math.round(performance.now() - t0);
    writeFileSync(
      join(ARTIFACTS, 'large-list-timing.txt'),
      `Time to first render of 10 000 contact persons: ${firstRender} ms\n`,
    );
    console.log(`Time to first render of the 10 000-person list: ${firstRender} ms`);
    const domRows = await table.locator('tbody tr:not([aria-hidden])').count();
    expect(domRows).toBeGreaterThan(5);
    expect(domRows).toBeLessThan(100);
    await shot(env.page, 'large-list-top');

    await env.page.getByTestId('virtual-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => table.locator('tr[aria-rowindex="10001"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await table.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(100);
    await shot(env.page, 'large-list-bottom');
  }, 120_000);
});
