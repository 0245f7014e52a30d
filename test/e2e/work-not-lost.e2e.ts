import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { E2E_ADMIN, nav } from '../harness/flows';
import { axeScan } from '../harness/axe';
import { activeAssignment, ok } from '../helpers/cases';
import { cpInput, syntheticPnr } from '../helpers/people';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';

/**
 * What keeps an officer's work: the unsaved-changes guard, the warning before the idle lock,
 * back to the same screen after unlocking, focus and Escape in inline forms, and the
 * confirmation dialogs before irreversible steps (each dialog scanned by axe-core).
 */
const env = useE2E({
  prepare: async (harness) => {
    const inv = createRouter(harness.core, handlers);
    await activeAssignment(inv);
    // An applicant turned down a year and a half ago: gallring would remove the record.
    harness.clock.set('2025-05-20T09:00:00Z');
    const { id } = await ok<{ id: number }>(
      inv(
        'cp.create',
        cpInput({ firstName: 'Avslagen', lastName: 'Gallringsson', personnummer: syntheticPnr('1970-01-01', 11) }),
      ),
    );
    await ok(inv('cp.transition', { id, to: 'ej_godkand', date: '2025-05-20', note: 'Ej lämplig.' }));
    harness.clock.set('2026-11-22T09:00:00Z');
    harness.core.touch();
  },
});

const advance = async (ms: number) =>
  (await (await fetch(`${env.harness.url}/__harness/advance?ms=${ms}`, { method: 'POST' })).json()) as {
    locked: boolean;
  };

describe('no lost work', () => {
  it('asks before leaving an edited form, warns a minute before the lock, and unlocks to the same screen', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-work-not-lost'));
    const page = env.page;
    await nav(page, 'Kontaktpersoner');
    await page.getByRole('button', { name: 'Ny intresseanmälan' }).click();
    await page.getByLabel('Förnamn').fill('Halvfärdig');

    // Leaving through the sidebar asks first; "Stanna kvar" keeps what was typed.
    await nav(page, 'Uppdrag');
    const dialog = page.getByRole('alertdialog', { name: 'Lämna utan att spara?' });
    await dialog.getByText('Ändringarna i ”Ny intresseanmälan” är inte sparade').waitFor();
    expect(await axeScan(page)).toEqual([]);
    await shot(page, 'work-01-unsaved-guard');
    await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
    expect(await page.getByLabel('Förnamn').inputValue()).toBe('Halvfärdig');
    expect(await page.getByRole('heading', { name: 'Ny intresseanmälan' }).isVisible()).toBe(true);

    // 14 min 10 s idle: the warning shows within a poll, and a key press cancels it.
    expect(await advance(14 * 60_000 + 10_000)).toEqual({ locked: false });
    const warning = page.getByTestId('lock-warning');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toMatch(/Låses om (4\d|50) s/);
    expect(await axeScan(page)).toEqual([]);
    await shot(page, 'work-02-lock-warning');
    await page.keyboard.press('Shift');
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
    expect(env.harness.core.status().lockInSeconds).toBe(15 * 60);

    // The lock comes after 15 idle minutes; the half-typed form does not survive it, the screen does.
    expect(await advance(15 * 60_000)).toEqual({ locked: true });
    await page.getByRole('heading', { name: 'Kontaktregistret är låst' }).waitFor({ timeout: 15_000 });
    await page.getByLabel('Lösenord').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Lås upp' }).click();
    await page.getByRole('heading', { name: 'Kontaktpersoner', exact: true }).waitFor();
    expect(
      await page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('button', { name: 'Kontaktpersoner' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await page.getByText('Halvfärdig').count()).toBe(0);
    // Nothing unsaved remains: moving on does not ask.
    await nav(page, 'Uppdrag');
    await page.getByRole('heading', { name: 'Uppdrag', exact: true }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('moves focus into an inline form, back on Escape, and confirms ending an assignment with what it means', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-work-not-lost-2'));
    const page = env.page;
    const open = page.getByRole('button', { name: 'Avsluta uppdraget' });
    await open.click();
    const form = page.getByRole('form', { name: 'Avsluta uppdraget' });
    await form.waitFor();
    expect(
      await page.evaluate(
        () => (globalThis as any).document.activeElement?.closest('.field')?.querySelector('label')?.textContent,
      ),
    ).toBe('Datum');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.textContent))
      .toBe('Avsluta uppdraget');

    // A date in the wrong format: focus goes to that field.
    await open.click();
    await form.getByLabel('Datum').fill('22/11');
    await form.getByLabel('Skäl').fill('Anna flyttar');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('aria-invalid')))
      .toBe('true');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.value)).toBe('22/11');

    await form.getByLabel('Datum').fill('2026-11-20');
    await form.getByRole('button', { name: 'Bekräfta' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Avsluta uppdraget?' });
    await confirm
      .getByText('Uppdraget Anna Provsson – Bruno Brukarsson avslutas 2026-11-20. Beslutet gäller fortfarande')
      .waitFor();
    expect(await axeScan(page)).toEqual([]);
    await shot(page, 'work-03-confirm-end');
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await confirm.waitFor({ state: 'detached' });
    const list = await ok<any[]>(createRouter(env.harness.core, handlers)('assignments.list', { statuses: [] }));
    expect(list[0].status).toBe('aktivt');
  });

  it('lists what gallring removes, by kind and count, before anything goes', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-work-not-lost-3'));
    const page = env.page;
    // The half-filled "Avsluta uppdraget" form from the previous test: leave it on purpose.
    await nav(page, 'Inställningar');
    await page
      .getByRole('alertdialog', { name: 'Lämna utan att spara?' })
      .getByRole('button', { name: 'Lämna utan att spara' })
      .click();
    await page.getByRole('tab', { name: 'Gallring' }).click();
    const run = page.getByRole('button', { name: 'Gallra nu (1)' });
    await run.click();
    const dialog = page.getByRole('alertdialog', { name: 'Gallra nu?' });
    const items = dialog.getByRole('list', { name: 'Det som tas bort' }).getByRole('listitem');
    expect(await items.allTextContents()).toEqual(['Sökande som inte godkändes: 1 (före 2025-11-22)']);
    expect(await axeScan(page)).toEqual([]);
    await shot(page, 'work-04-confirm-gallring');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    const cps = async () =>
      (
        await ok<{ total: number }>(
          createRouter(env.harness.core, handlers)('cp.search', { query: 'Gallringsson', limit: 10 }),
        )
      ).total;
    expect(await cps()).toBe(1);
    await run.click();
    await dialog.getByRole('button', { name: 'Ta bort 1 post' }).click();
    await page.getByText('Gallrat: 1 post.').waitFor();
    expect(await cps()).toBe(0);
  });
});
