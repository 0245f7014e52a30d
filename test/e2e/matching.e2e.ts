import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { syntheticPnr } from '../helpers/people';
import { approvedCp } from '../helpers/cases';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { pdfText } from '../helpers/pdf';

const env = useE2E({
  prepare: async (harness) => {
    // Two approved contact persons in the queue (their recruitment has its own E2E test).
    const invoke = createRouter(harness.core, handlers);
    await approvedCp(
      invoke,
      {
        firstName: 'Anna',
        lastName: 'Provsson',
        personnummer: syntheticPnr('1980-02-02', 12),
        interests: ['fotboll'],
        area: 'Centrum',
      },
      '2026-03-01',
    );
    await approvedCp(
      invoke,
      {
        firstName: 'Bo',
        lastName: 'Testberg',
        personnummer: syntheticPnr('1975-03-03', 21),
        interests: ['fotboll', 'friluftsliv'],
        area: 'Centrum',
      },
      '2026-06-01',
    );
  },
});

async function act(assignment: string, button: string, date: string, note = '') {
  await env.page.getByRole('button', { name: button, exact: true }).click();
  const form = env.page.getByRole('form', { name: button });
  await form.getByLabel(/^Datum/).fill(date);
  if (note) await form.getByLabel(/Skäl|Kommentar/).fill(note);
  await form.getByRole('button', { name: 'Bekräfta' }).click();
  // Irreversible steps (a decline, a withdrawal, the end) ask once more and say what they mean.
  if (['Kontaktpersonen tackar nej', 'Brukaren tackar nej', 'Återkalla', 'Avsluta uppdraget'].includes(button)) {
    await env.page
      .getByRole('alertdialog', { name: `${button}?` })
      .getByRole('button', { name: button })
      .click();
  }
  await form.waitFor({ state: 'detached' });
  void assignment;
}

describe('client, decision, matching and assignment', () => {
  it('registers a client and a decision, ranks, offers, handles a decline, activates; the decision stops being unexecuted', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-matching'));
    await nav(env.page, 'Brukare och beslut');
    await env.page.getByRole('button', { name: 'Ny brukare' }).click();
    await env.page.getByLabel('Förnamn').fill('Bruno');
    await env.page.getByLabel('Efternamn').fill('Brukarsson');
    await env.page.getByLabel('Personnummer').fill(syntheticPnr('2014-05-01', 246));
    await env.page.getByLabel('Område').fill('Centrum');
    await env.page.getByLabel('Intressen').fill('fotboll, friluftsliv');
    await env.page.getByLabel('Skola, arbete eller daglig verksamhet').fill('Centrumskolan');
    await env.page.getByRole('button', { name: 'Lägg till kontakt' }).click();
    await env.page.getByLabel('Namn', { exact: true }).fill('Vera Vårdnadsson');
    await env.page.getByRole('button', { name: 'Registrera brukare' }).click();
    await env.page.getByRole('heading', { name: /Bruno Brukarsson/ }).waitFor();

    await env.page.getByRole('button', { name: 'Nytt beslut' }).click();
    const form = env.page.getByRole('form', { name: 'Nytt beslut' });
    await form.getByText('LSS 9 § 4').click();
    // Personkrets is required for an LSS decision (Socialstyrelsen's LSS register); saving without it is refused.
    await form.getByRole('button', { name: 'Spara beslut' }).click();
    await form
      .getByText(/Ange personkrets/)
      .first()
      .waitFor();
    await form.getByText('Personkrets 1', { exact: true }).click();
    await form.getByLabel('Beslutsdatum').fill('2026-07-01');
    await form.getByLabel('Gäller från').fill('2026-07-01');
    await form.getByLabel('Diarienummer').fill('SN 2026/123');
    await form.getByRole('button', { name: 'Spara beslut' }).click();
    await env.page.getByText(/Ej verkställt: 144 dagar sedan beslutet. Tremånadersgränsen är 2026-10-01./).waitFor();
    await shot(env.page, 'match-01-decision');

    // The unexecuted decision is on this quarter's IVO list.
    await nav(env.page, 'Rapporter');
    await env.page.getByRole('radio', { name: '4' }).click({ force: true });
    const ivo = env.page.getByRole('table', { name: 'IVO-rapport' });
    await ivo.getByText('Ej verkställt beslut').waitFor();
    expect(await ivo.getByRole('row').count()).toBe(2);
    await shot(env.page, 'match-02-ivo-before');

    await nav(env.page, 'Brukare och beslut');
    await env.page.getByRole('button', { name: 'Brukarsson, Bruno' }).click();
    await env.page.getByRole('button', { name: 'Hitta kontaktperson' }).click();
    const matches = env.page.getByRole('region', { name: 'Förslag på kontaktpersoner' });
    await matches.getByText('Gemensamma intressen: fotboll, friluftsliv.').waitFor();
    const names = await matches.locator('ol.matches > li strong').allTextContents();
    expect(names).toEqual(['Bo Testberg', 'Anna Provsson']);
    await shot(env.page, 'match-03-suggestions');

    // Offer Bo, who declines: back in the queue.
    await matches.getByRole('button', { name: 'Föreslå Bo Testberg' }).click();
    await env.page.getByText('Förslag', { exact: true }).waitFor();
    await act('Bo', 'Erbjud kontaktpersonen', '2026-11-02');
    await act('Bo', 'Kontaktpersonen tackar nej', '2026-11-05', 'Har inte tid i höst.');
    await env.page.getByText('Kontaktpersonen tackade nej', { exact: true }).waitFor();

    // Offer Anna, who accepts; both say yes after the meeting; start.
    await env.page.getByRole('button', { name: 'Hitta kontaktperson' }).click();
    await env.page
      .getByRole('region', { name: 'Förslag på kontaktpersoner' })
      .getByRole('button', { name: 'Föreslå Anna Provsson' })
      .click();
    await act('Anna', 'Erbjud kontaktpersonen', '2026-11-06');
    await act('Anna', 'Kontaktpersonen tackar ja', '2026-11-07');
    await act('Anna', 'Boka presentationsmöte', '2026-11-12');
    await act('Anna', 'Brukaren tackar ja', '2026-11-12');
    await act('Anna', 'Starta uppdraget', '2026-11-16');
    await env.page.getByText('Verkställt 2026-11-16').waitFor();
    await shot(env.page, 'match-04-active');

    // Bo is back in the queue with his original date; Anna is not.
    await nav(env.page, 'Kontaktpersoner');
    await env.page.getByRole('tab', { name: 'Kö' }).click();
    const queue = env.page.getByRole('table', { name: 'Kö' });
    await queue.getByText('Testberg, Bo').waitFor();
    expect(await queue.getByText('2026-06-01').count()).toBe(1);
    expect(await queue.getByText('Provsson, Anna').count()).toBe(0);

    // The decision is no longer "ej verkställt": this quarter it is reported once as executed late.
    await nav(env.page, 'Rapporter');
    await env.page.getByRole('radio', { name: '4' }).click({ force: true });
    await ivo.getByText('Verkställt efter mer än tre månader').waitFor();
    expect(await ivo.getByText('Ej verkställt beslut').count()).toBe(0);
    // Only the client's own answers count as offers to IVO, not the contact person's decline.
    expect(await ivo.getByText('2026-11-12 tackade ja').count()).toBe(1);
    expect(await ivo.getByText('tackade nej').count()).toBe(0);
    await env.page.getByRole('button', { name: 'Exportera individrapporter (CSV)' }).click();
    await env.page.getByText(/Sparad: .*ivo-ej-verkstallda-2026-K4\.csv/).waitFor();
    const csv = readFileSync(join(env.harness.exportDir, 'ivo-ej-verkstallda-2026-K4.csv'), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(
      /^20140501-T\d[02468]\d;kvinna;ja;LSS 9 § 4;2026-07-01;Verkställt efter mer än tre månader;;2026-10-01;2026-11-16;138;/,
    );
    await env.page.getByRole('button', { name: 'Rapport med sammanställning (PDF)' }).click();
    await env.page.getByText(/Sparad: .*ivo-ej-verkstallda-2026-K4\.pdf/).waitFor();
    const pdf = pdfText(
      readFileSync(join(env.harness.exportDir, 'ivo-ej-verkstallda-2026-K4.pdf')),
      'match-ivo-report',
      { layout: false },
    ).replace(/\s+/g, ' ');
    expect(pdf).toContain('Ej verkställda beslut och avbrott');
    expect(pdf).toMatch(/20140501-T\d{3}/);
    expect(pdf).not.toContain('Brukarsson');
    await shot(env.page, 'match-05-ivo-after');

    await nav(env.page, 'Översikt');
    await env.page.getByRole('heading', { name: 'Aktiva uppdrag', exact: true }).waitFor();
    expect(await env.page.getByRole('table', { name: 'Nära tremånadersgränsen' }).count()).toBe(0);
    await shot(env.page, 'match-06-overview');
  });
});
