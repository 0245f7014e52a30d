import { readFileSync } from 'node:fs';
import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav, setLevelsA1mO2 } from '../harness/flows';
import { syntheticPnr } from '../helpers/people';
import { approvedCp, ok } from '../helpers/cases';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { testPayment } from '../helpers/payment';

const env = useE2E({
  prepare: async (harness) => {
    // An approved contact person for adults and the unit's payment settings (one-person attest).
    const inv = createRouter(harness.core, handlers);
    await ok(inv('payments.saveSettings', testPayment({ twoPersonRule: false })));
    const pnr = syntheticPnr('1980-02-02', 12);
    await approvedCp(
      inv,
      {
        firstName: 'Anna',
        lastName: 'Provsson',
        personnummer: pnr,
        bankClearing: '3300',
        bankAccount: pnr.slice(2),
        prefersAdults: true,
        area: 'Centrum',
      },
      '2026-03-01',
    );
  },
});

async function act(button: string, date: string) {
  await env.page.getByRole('button', { name: button, exact: true }).click();
  const form = env.page.getByRole('form', { name: button });
  await form.getByLabel(/^Datum/).fill(date);
  await form.getByRole('button', { name: 'Bekräfta' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('insats utan individuell behovsprövning (SoL 2025:400)', () => {
  it('registers a participant with a code, age group and area, gives them a contact person and pays the contact person', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-participant'));
    await nav(env.page, 'Brukare och beslut');
    await env.page.getByRole('button', { name: 'Ny deltagare utan behovsprövning' }).click();
    const form = env.page.getByRole('form', { name: 'Ny deltagare utan behovsprövning' });
    await form.getByLabel('Förnamn eller kod').fill('Sam');
    await form.getByLabel('Område').fill('Centrum');
    await form.getByLabel('Från').fill('2025-06-30');
    await form.getByRole('button', { name: 'Registrera deltagare' }).click();
    await form.getByText('Välj åldersgrupp.').waitFor();
    await form.getByText('Vuxen (18–64 år)').click();
    await form.getByRole('button', { name: 'Registrera deltagare' }).click();
    await form
      .getByText('Insatser utan individuell behovsprövning finns från 2025-07-01 (socialtjänstlagen 2025:400).')
      .waitFor();
    await form.getByLabel('Från').fill('2026-09-01');
    await form.getByRole('button', { name: 'Registrera deltagare' }).click();
    await env.page.getByRole('heading', { name: /Sam/ }).waitFor();
    await env.page.getByText('Inga identitetsuppgifter', { exact: false }).waitFor();
    expect(await env.page.getByText('Personnummer', { exact: true }).count()).toBe(0);
    expect(await env.page.getByText(/Tremånadersgränsen/).count()).toBe(0);
    await shot(env.page, 'participant-01-registered');

    await env.page.getByRole('button', { name: 'Hitta kontaktperson' }).click();
    await env.page
      .getByRole('region', { name: 'Förslag på kontaktpersoner' })
      .getByRole('button', { name: 'Föreslå Anna Provsson' })
      .click();
    await act('Erbjud kontaktpersonen', '2026-09-05');
    await act('Kontaktpersonen tackar ja', '2026-09-06');
    await act('Boka presentationsmöte', '2026-09-20');
    await act('Brukaren tackar ja', '2026-09-20');
    await act('Starta uppdraget', '2026-10-01');
    await env.page.getByText('Verkställt 2026-10-01').waitFor();

    await setLevelsA1mO2(env.page, '2026-10', 'Anna Provsson');
    const reports = env.page.getByRole('table', { name: 'Månadsrapporter' });
    await env.page.getByRole('button', { name: 'Rapport för Anna Provsson' }).click();
    const report = env.page.getByRole('form', { name: 'Månadsrapport' });
    await report.getByLabel('Träffar (datum)').fill('2026-10-08, 2026-10-22');
    await report.getByLabel('Timmar').fill('6');
    await report.getByRole('button', { name: 'Spara rapport' }).click();
    await reports.getByText(/2 träffar, 6 tim/).waitFor();
    await env.page.getByRole('button', { name: 'Godkänn rapport för Anna Provsson' }).click();
    await reports.getByText(/Godkänd av Ada Admin/).waitFor();

    await env.page.getByRole('tab', { name: 'Utbetalning' }).click();
    await env.page.getByLabel('Månad', { exact: true }).fill('2026-10');
    await env.page.getByRole('button', { name: 'Beräkna utbetalning' }).click();
    const lines = env.page.getByRole('table', { name: 'Utbetalningsrader' });
    await lines.getByText('Anna Provsson').first().waitFor();
    await env.page.getByRole('button', { name: 'Attestera' }).click();
    await env.page.getByText(/Attesterad av Ada Admin/).waitFor();
    await env.page.getByRole('button', { name: 'Exportera fil' }).click();
    const saved = env.page.getByText(/^Sparad: /);
    await saved.waitFor();
    const xml = readFileSync((await saved.textContent())!.replace('Sparad: ', ''), 'utf8');
    expect(xml).toContain('<Nm>Anna Provsson</Nm>');
    await shot(env.page, 'participant-02-paid');

    // Not in the IVO report; counted apart on Översikt.
    await nav(env.page, 'Rapporter');
    await env.page.getByRole('radio', { name: '4' }).click({ force: true });
    await env.page.getByText(/: 0 att rapportera/).waitFor();
    await nav(env.page, 'Översikt');
    await env.page
      .getByText('Utan individuell behovsprövning (räknas för sig): 1 deltagare, 1 med pågående uppdrag.')
      .waitFor();
  });
});
