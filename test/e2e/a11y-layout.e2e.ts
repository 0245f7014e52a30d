import { describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { E2E_ADMIN, login, nav } from '../harness/flows';
import { axeScan, horizontalOverflow, type AxeFinding } from '../harness/axe';
import { seedDemo } from '../../electron/seed/demo';

/**
 * Every screen (and the dialogs that open on them) with the demo municipality, at the two laptop
 * sizes officers use: axe-core must report nothing, and the page must never scroll sideways.
 */
const env = useE2E({
  login: false,
  prepare: async (harness) => {
    await harness.core.setup(E2E_ADMIN);
    await harness.core.login(E2E_ADMIN.username, E2E_ADMIN.password);
    await seedDemo(harness.core.serviceContext(), { seed: 1 });
    await harness.core.logout();
  },
});

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

interface Problem {
  screen: string;
  viewport: string;
  overflow: number;
  axe: AxeFinding[];
}
const problems: Problem[] = [];
const checked: string[] = [];

async function check(page: Page, screen: string): Promise<void> {
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.waitForTimeout(150); // layout and charts settle after the resize
    const overflow = await horizontalOverflow(page);
    const axe = await axeScan(page);
    if (overflow > 0 || axe.length > 0) problems.push({ screen, viewport: `${vp.width}×${vp.height}`, overflow, axe });
  }
  checked.push(screen);
  await shot(
    page,
    `a11y-${checked.length.toString().padStart(2, '0')}-${screen.replace(/[^a-z0-9åäö]+/gi, '-').toLowerCase()}`,
  );
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
}

describe('every screen: axe-core finds nothing and nothing scrolls sideways', () => {
  it('walks the app with the demo data', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-a11y'));
    const page = env.page;
    await page.setViewportSize(VIEWPORTS[0]!);
    await page.goto(env.harness.url);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await check(page, 'Logga in');
    await login(page, env.harness);
    await expect
      .poll(() => page.locator('figure.chart .recharts-wrapper > svg, figure.chart .chart-empty').count(), {
        timeout: 15_000,
      })
      .toBe(4);
    await check(page, 'Översikt');
    // No backup folder in the demo: Översikt says so; client names near the deadline are links; axes read ÅÅÅÅ-MM.
    await page
      .getByRole('status', { name: 'Säkerhetskopiering' })
      .getByText('Ingen mapp för säkerhetskopior är vald')
      .waitFor();
    expect(
      await page.getByRole('table', { name: 'Nära tremånadersgränsen' }).getByRole('button').count(),
    ).toBeGreaterThan(0);
    const ticks = await page.locator('figure.chart svg text').allTextContents();
    expect(ticks.some((t) => /^\d{4}-\d{2}$/.test(t))).toBe(true);
    expect(ticks.some((t) => /^\d{2}\/\d{2}$/.test(t))).toBe(false);

    await nav(page, 'Kontaktpersoner');
    await page.getByRole('table', { name: 'Kontaktpersoner' }).getByRole('button').first().waitFor();
    await check(page, 'Kontaktpersoner');
    // Status filter and sort; the export holds exactly the rows shown.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Godkänd (i kö)' });
    await expect.poll(async () => (await page.locator('#search-help').textContent())?.trim()).toMatch(/^\d+ träffar$/);
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Kontaktpersoner' }).getByText('Intresseanmälan', { exact: true }).count(),
      )
      .toBe(0);
    const shown = Number((await page.locator('#search-help').textContent())!.match(/^(\d+)/)![1]);
    await page.getByRole('button', { name: 'Namn', exact: false }).first().click();
    await page.getByRole('button', { name: 'Namn', exact: false }).first().click();
    expect(await page.getByRole('columnheader', { name: /Namn/ }).getAttribute('aria-sort')).toBe('descending');
    const firstTwo = await page
      .getByRole('table', { name: 'Kontaktpersoner' })
      .locator('tbody tr:not([aria-hidden]) td:first-child')
      .allTextContents();
    expect(firstTwo.slice(0, 5)).toEqual([...firstTwo.slice(0, 5)].sort((a, b) => b.localeCompare(a, 'sv')));
    await page.getByRole('button', { name: 'Exportera till Excel' }).click();
    await page.getByText(new RegExp(`Sparad: .*kontaktpersoner\\.xlsx \\(${shown} rader\\)`)).waitFor();
    await check(page, 'Kontaktpersoner filtrerade');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Alla' });
    await tab(page, 'Kö');
    await page.getByRole('table').first().waitFor();
    await check(page, 'Kontaktpersoner kö');
    await tab(page, 'Import');
    await check(page, 'Kontaktpersoner import');
    await tab(page, 'Alla');
    await page.getByRole('table', { name: 'Kontaktpersoner' }).locator('tbody').getByRole('button').first().click();
    await page.getByRole('button', { name: '← Tillbaka till listan' }).waitFor();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    await check(page, 'Kontaktperson');
    await page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await page.getByRole('button', { name: 'Ny intresseanmälan' }).click();
    await page.getByRole('heading', { name: 'Ny intresseanmälan' }).waitFor();
    await check(page, 'Ny intresseanmälan');
    await page.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check(page, 'Ny intresseanmälan med fel');
    await page.getByRole('button', { name: 'Avbryt' }).click();

    await nav(page, 'Brukare och beslut');
    await page.getByText('Bara de som väntar på verkställighet').click();
    await page.getByRole('table', { name: 'Brukare' }).locator('tbody').getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Beslut', exact: true }).waitFor();
    await check(page, 'Brukare');
    const find = page.getByRole('button', { name: 'Hitta kontaktperson' }).first();
    if (await find.count()) {
      await find.click();
      await page.getByRole('region', { name: 'Förslag på kontaktpersoner' }).getByRole('listitem').first().waitFor();
      await check(page, 'Matchning');
    }
    await page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await page.getByRole('table', { name: 'Brukare' }).waitFor();
    await check(page, 'Brukarlista');
    // Client import sits with the clients, the kind already chosen.
    await page.getByRole('button', { name: 'Importera brukare' }).click();
    await page.getByRole('heading', { name: 'Importera brukare' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Brukare' }).isChecked()).toBe(true);
    await check(page, 'Importera brukare');
    await page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await page.getByRole('table', { name: 'Brukare' }).waitFor();

    await nav(page, 'Uppdrag');
    const assignments = page.getByRole('table', { name: 'Uppdrag' });
    await assignments.getByRole('row').nth(1).waitFor();
    await check(page, 'Uppdrag');
    // Search: every row left names the person searched for.
    const someone = ((await assignments.locator('tbody tr td:nth-child(2)').first().textContent()) ?? '')
      .replace(/f\. .*$/, '')
      .trim();
    await page.getByLabel('Sök uppdrag').fill(someone);
    const words = someone.split(' ');
    await expect
      .poll(async () => {
        const texts = await assignments.locator('tbody tr').allTextContents();
        return texts.length > 0 && texts.length < 10 && texts.every((t) => words.every((w) => t.includes(w)));
      })
      .toBe(true);
    await page.getByLabel('Sök uppdrag').fill('');
    // The last row's documents open in view, above the table.
    await page
      .getByRole('button', { name: /^Dokument för / })
      .last()
      .click();
    await page.getByRole('tab', { name: 'Genomförandeplan' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Avtal' }).isVisible()).toBe(true);
    const box = await page.getByRole('tab', { name: 'Avtal' }).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(768);
    await check(page, 'Uppdrag dokument');

    await nav(page, 'Uppföljningar');
    await page.getByRole('table', { name: 'Uppföljningar' }).waitFor();
    await check(page, 'Uppföljningar');
    // The follow-up form opens on its own full-width row with focus in its date; Escape closes it.
    await page
      .getByRole('button', { name: /^Registrera uppföljning / })
      .first()
      .click();
    const record = page.getByRole('form', { name: 'Registrera uppföljning' });
    await record.waitFor();
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as any).document.activeElement?.closest('.field')?.querySelector('label')?.textContent,
        ),
      )
      .toBe('Datum');
    expect((await record.getByLabel('Datum').boundingBox())!.width).toBeGreaterThan(150);
    await check(page, 'Uppföljning registreras');
    await page.keyboard.press('Escape');
    await record.waitFor({ state: 'detached' });

    // Quick search from anywhere (Ctrl+K): masked personnummer beside each name; opens the record.
    await page.keyboard.press('Control+k');
    const quick = page.getByRole('dialog', { name: 'Sök person' });
    await quick.getByLabel('Namn eller personnummer').fill(someone.split(' ')[1] ?? someone);
    await quick.getByRole('region', { name: 'Kontaktpersoner' }).getByRole('listitem').first().waitFor();
    expect(await quick.getByRole('listitem').first().textContent()).toMatch(/\d{8}-\*{4}/);
    await check(page, 'Snabbsök');
    await quick.getByRole('region', { name: 'Kontaktpersoner' }).getByRole('button').first().click();
    await page.getByRole('heading', { name: 'Tidslinje' }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('button', { name: 'Kontaktpersoner' })
        .getAttribute('aria-current'),
    ).toBe('page');

    await nav(page, 'Ersättning och utbetalning');
    await page.getByRole('table', { name: 'Månadsrapporter' }).waitFor();
    await check(page, 'Månadsrapporter');
    await tab(page, 'Utbetalning');
    await page.waitForTimeout(500);
    await check(page, 'Utbetalning');
    await tab(page, 'Årssammanställning');
    await page.waitForTimeout(500);
    await check(page, 'Årssammanställning');

    await nav(page, 'Rapporter');
    await page.waitForTimeout(500);
    await check(page, 'Rapporter');

    await nav(page, 'Logg');
    await page.getByRole('table').first().waitFor();
    await check(page, 'Logg');

    await nav(page, 'Inställningar');
    await page.getByLabel('Enhetens namn').waitFor();
    await page.waitForTimeout(500);
    await check(page, 'Inställningar');
    for (const section of [
      'Användare',
      'Ersättningsnivåer',
      'Betalning',
      'Dokument och avtalsmall',
      'Säkerhetskopiering',
      'Gallring',
      'Databas',
    ]) {
      await tab(page, section);
      await page.waitForTimeout(200);
      // One section at a time, with one save button.
      expect(
        await page.locator('.tab-panel:not([data-inert])').getByRole('heading', { level: 2 }).first().textContent(),
      ).toBe(section);
      await check(page, `Inställningar ${section}`);
    }

    await page.getByRole('button', { name: new RegExp(E2E_ADMIN.displayName) }).click();
    await page.getByRole('heading', { name: 'Mitt konto' }).waitFor();
    await check(page, 'Mitt konto');

    await page.getByRole('button', { name: 'Lås', exact: true }).click();
    await page.getByRole('heading', { name: 'Kontaktregistret är låst' }).waitFor();
    await check(page, 'Låst');

    expect(checked.length).toBeGreaterThanOrEqual(28);
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
  });
});
