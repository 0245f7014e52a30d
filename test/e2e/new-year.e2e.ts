import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { activeAssignment, ok } from '../helpers/cases';
import { createRouter, type Invoke } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';
import { testPayment } from '../helpers/payment';

let inv: Invoke;
let assignmentId: number;
const env = useE2E({
  prepare: async (harness) => {
    inv = createRouter(harness.core, handlers);
    await ok(inv('payments.saveSettings', testPayment({ twoPersonRule: false })));
    ({ assignmentId } = await activeAssignment(inv));
    harness.clock.set('2026-12-15T09:00:00Z');
  },
});

/** The backend's clock moved: reload so the renderer's "today" (session.status) follows at once. */
async function reloadAt(at: string) {
  env.harness.clock.set(at);
  await env.page.reload();
  await env.page.getByRole('heading', { name: 'Översikt' }).waitFor();
}

describe('the new year', () => {
  it('warns in December, adds next year\'s figures with "Ny årsnivå" and pays January with them', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-new-year'));
    await reloadAt('2026-12-15T09:00:00Z');
    const warning = env.page.getByRole('status', { name: 'Ersättningsnivåer' });
    await warning
      .getByText('Ersättningsnivåer för 2027 saknas – lägg in prisbasbeloppet när regeringen har fastställt det.')
      .waitFor();
    // Nothing has been paid yet: the payout chart says so instead of drawing empty axes.
    await env.page
      .locator('figure.chart')
      .filter({ hasText: 'Utbetalt per månad' })
      .getByText('Inga uppgifter för perioden ännu.')
      .waitFor();
    await shot(env.page, 'year-01-warning');

    await warning.getByRole('button', { name: 'Lägg in 2027 års nivåer' }).click();
    await expect
      .poll(() => env.page.evaluate<string | undefined>('document.activeElement?.textContent'))
      .toBe('Ersättningsnivåer');
    await env.page.getByRole('button', { name: 'Ny årsnivå' }).click();
    const form = env.page.getByRole('form', { name: 'Ny årsnivå' });
    await form.getByLabel('Prisbasbelopp (kr)').fill('60 000');
    // 59 200 × 20 % ÷ 12 = 986,67 → 987 kr; 60 000 × 20 % ÷ 12 = 1 000 kr: 13 kr more a month.
    const preview = form.getByRole('table', { name: 'Månadsbelopp före och efter' });
    const row = preview.getByRole('row', { name: /Arvode: Kategori 1, mellan \(20 %\)/ });
    await expect(row.getByRole('cell').allTextContents()).resolves.toEqual([
      'Arvode: Kategori 1, mellan (20 %)',
      '20 %',
      '987,00\u00a0kr',
      '1\u00a0000,00\u00a0kr',
      '13,00\u00a0kr',
    ]);
    await form.getByRole('button', { name: 'Spara 2027' }).click();
    await form.getByText(/Ange källan/).waitFor();
    await form.getByLabel('Källa').fill('SFS 2026:999 (testvärde)');
    await shot(env.page, 'year-02-new-year-form');
    await form.getByRole('button', { name: 'Spara 2027' }).click();
    await env.page.getByText('Nivåerna för 2027 är sparade.').waitFor();
    await expect(env.page.getByLabel('Prisbasbelopp 2027 (kr)').inputValue()).resolves.toBe('60\u00a0000,00');
    await nav(env.page, 'Översikt');
    await env.page.getByText('Kö', { exact: true }).waitFor();
    expect(await warning.count()).toBe(0);

    // February 2027: January's report is in; the payout screen opens on January by the backend's date.
    await reloadAt('2027-02-02T09:00:00Z');
    await ok(
      inv('reports.submit', {
        assignmentId,
        month: '2027-01',
        meetingDates: ['2027-01-10', '2027-01-24'],
        hours: 6,
        activities: 'Skridskor',
        expensesOre: 0,
      }),
    );
    await ok(inv('reports.approve', { assignmentId, month: '2027-01' }));
    await nav(env.page, 'Ersättning och utbetalning');
    await env.page.getByRole('tab', { name: 'Utbetalning' }).click();
    await expect(env.page.getByLabel('Månad', { exact: true }).inputValue()).resolves.toBe('2027-01');
    await env.page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    const lines = env.page.getByRole('table', { name: 'Utbetalningsrader' });
    // 2027 (60 000 kr): arvode 20 % → 1 000 kr, omkostnad 25 % → 1 250 kr, 30 % tax → 300 kr: 1 950 kr net.
    await lines.getByText('1\u00a0950,00\u00a0kr').first().waitFor();
    await expect(lines.getByText('1\u00a0000,00\u00a0kr').count()).resolves.toBeGreaterThan(0);
    await env.page.getByRole('button', { name: 'Attestera' }).click();
    await env.page.getByText(/Attesterad av Ada Admin/).waitFor();
    await env.page.getByRole('button', { name: 'Exportera fil' }).click();
    const saved = env.page.getByText(/^Sparad: /);
    await saved.waitFor();
    await shot(env.page, 'year-03-january-paid');
    const xml = readFileSync((await saved.textContent())!.replace('Sparad: ', ''), 'utf8');
    expect(await validateAgainstXsd(xml, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain('<ReqdExctnDt>2027-02-25</ReqdExctnDt>');
    expect(xml).toContain('<CtrlSum>1950.00</CtrlSum>');
  });
});
