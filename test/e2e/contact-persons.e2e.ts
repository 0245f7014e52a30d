import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { syntheticPnr } from '../helpers/people';

const env = useE2E();

async function register(first: string, last: string, pnr: string, children: boolean) {
  await nav(env.page, 'Kontaktpersoner');
  await env.page.getByRole('button', { name: 'Ny intresseanmälan' }).click();
  await env.page.getByLabel('Förnamn').fill(first);
  await env.page.getByLabel('Efternamn').fill(last);
  await env.page.getByLabel('Personnummer').fill(pnr);
  await env.page.getByLabel('Telefon').fill('070-123 45 67');
  await env.page.getByLabel('Område').fill('Centrum');
  await env.page.getByLabel('Gatuadress').fill('Provgatan 3');
  await env.page.getByLabel('Postnummer').fill('123 45');
  await env.page.getByLabel('Ort').fill('Provköping');
  await env.page.getByLabel('Språk').fill('svenska, arabiska');
  await env.page.getByLabel('Intressen').fill('fotboll, musik');
  if (children) await env.page.getByText('Kan ta uppdrag med barn').click();
  await env.page.getByLabel('Clearingnummer').fill('3300');
  await env.page.getByLabel('Kontonummer').fill(pnr.slice(2).replace('-', ''));
  await env.page.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
}

async function changeStatus(button: string, date: string, note = '') {
  await env.page.getByRole('button', { name: button, exact: true }).click();
  const form = env.page.getByRole('form', { name: /Ändra status till/ });
  await form.getByLabel('Datum').fill(date);
  if (note) await form.getByLabel(/Skäl|Kommentar/).fill(note);
  await form.getByRole('button', { name: 'Bekräfta' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('contact person recruitment', () => {
  it('registers, assesses, approves and finds the person in the queue; rejects another with a reason', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-cp'));
    // Bad input: Swedish message, nothing saved.
    await register('Kim', 'Provsson', '19850412-1231', true);
    await env.page.getByText('Personnumrets kontrollsiffra stämmer inte.').waitFor();
    await shot(env.page, 'cp-01-invalid-pnr');
    expect(
      (
        env.harness.core.serviceContext().raw.prepare('SELECT count(*) AS n FROM contact_persons').get() as {
          n: number;
        }
      ).n,
    ).toBe(0);

    const pnr = syntheticPnr('1985-04-12', 123);
    await env.page.getByLabel('Personnummer').fill(pnr);
    await env.page.getByLabel('Kontonummer').fill(pnr.slice(2));
    await env.page.getByRole('button', { name: 'Registrera intresseanmälan' }).click();
    await env.page.getByRole('heading', { name: /Kim Provsson/ }).waitFor();
    await expect(env.page.getByRole('heading', { name: /Kim Provsson/ }).textContent()).resolves.toContain(
      'Intresseanmälan',
    );

    // An illegal jump is not offered; the allowed next step is.
    expect(await env.page.getByRole('button', { name: 'Godkänn', exact: true }).count()).toBe(0);
    await changeStatus('Boka intervju', '2026-11-02');

    const interview = env.page.getByRole('form', { name: 'Ny intervju' });
    await interview.getByLabel('Intervjudatum').fill('2026-11-05');
    await interview.getByLabel('Intervjuare').fill('Ada Admin');
    await interview.getByLabel('Anteckningar från intervjun').fill('Stabil, har tid varannan vecka.');
    await interview.getByRole('button', { name: 'Spara intervju' }).click();
    await env.page.getByText('Stabil, har tid varannan vecka.').first().waitFor();

    const ref = env.page.getByRole('form', { name: 'Ny referens' });
    await ref.getByLabel('Referensens namn').fill('Refera Refsson');
    await ref.getByLabel('Referensens telefon').fill('070-111 22 33');
    await ref.getByLabel('Relation').fill('Tidigare chef');
    await ref.getByRole('button', { name: 'Spara referens' }).click();
    await env.page.getByText('Refera Refsson', { exact: true }).waitFor();

    const consent = env.page.getByRole('form', { name: 'Samtycke' });
    await consent.getByLabel('Datum för samtycke').fill('2026-11-05');
    await consent.getByRole('button', { name: 'Registrera samtycke' }).click();
    await env.page.getByText('Samtycke lämnat 2026-11-05.').waitFor();

    await changeStatus('Starta utredning', '2026-11-06');
    await env.page.getByText('Kontroll i socialtjänstens register saknas.').waitFor();

    const check = env.page.getByRole('form', { name: 'Ny registerkontroll' });
    await check.getByText('Socialtjänstens register').click();
    await check.getByLabel('Utdragets datum').fill('2026-11-07');
    await check.getByLabel('Visades den').fill('2026-11-07');
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await env.page.getByRole('table', { name: 'Registerkontroller' }).getByText('Socialtjänstens register').waitFor();
    await check.getByText('Polisens belastningsregister').click();
    await check.getByLabel('Utdragets datum').fill('2026-11-01');
    await check.getByLabel('Visades den').fill('2026-11-10');
    await check.getByText('Anteckningar', { exact: true }).click();
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await check.getByText('Skriv en bedömning när utdraget har anteckningar.').waitFor();
    await check.getByText('Inga anteckningar', { exact: true }).click();
    await check.getByRole('button', { name: 'Spara registerkontroll' }).click();
    await env.page.getByRole('table', { name: 'Registerkontroller' }).getByText('2027-11-01').waitFor();
    await shot(env.page, 'cp-02-assessment');

    await changeStatus('Godkänn', '2026-11-12');
    await env.page.getByRole('heading', { name: /Kim Provsson.*Godkänd \(i kö\)/ }).waitFor();
    await env.page.getByText('2026-11-12 (10 dagar)').waitFor();
    await shot(env.page, 'cp-03-approved');

    // The queue, filtered on children and a language.
    await env.page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await env.page.getByRole('tab', { name: 'Kö' }).click();
    // The filter's radio (the queue's own "Barn" cells may already be on screen).
    await env.page.getByRole('radiogroup', { name: 'Uppdrag med' }).getByText('Barn', { exact: true }).click();
    await env.page.getByLabel('Språk').fill('arabiska');
    const queue = env.page.getByRole('table', { name: 'Kö' });
    await queue.getByText('Provsson, Kim').waitFor();
    await expect(queue.getByText('10 dagar').isVisible()).resolves.toBe(true);
    await shot(env.page, 'cp-04-queue');

    // Another applicant is not approved; the reason is required and kept on the timeline.
    await register('Robin', 'Testberg', syntheticPnr('1990-06-15', 456), false);
    await env.page.getByRole('heading', { name: /Robin Testberg/ }).waitFor();
    await env.page.getByRole('button', { name: 'Godkänn inte', exact: true }).click();
    const reject = env.page.getByRole('form', { name: /Ändra status till/ });
    await reject.getByRole('button', { name: 'Bekräfta' }).click();
    await reject.getByText('Ange skälet till att personen inte godkänns.').waitFor();
    await reject.getByLabel('Skäl').fill('Kan inte åta sig regelbundna träffar.');
    await reject.getByRole('button', { name: 'Bekräfta' }).click();
    await env.page
      .getByRole('list', { name: 'Tidslinje' })
      .getByText(/Ej godkänd – Kan inte åta sig regelbundna träffar/)
      .waitFor();
    await shot(env.page, 'cp-05-rejected');

    // Search by personnummer finds Robin, masked in the list.
    await env.page.getByRole('button', { name: '← Tillbaka till listan' }).click();
    await env.page.getByLabel('Sök kontaktperson').fill('19900615');
    await env.page.getByRole('button', { name: 'Testberg, Robin' }).waitFor();
    await expect(env.page.getByText('19900615-****').isVisible()).resolves.toBe(true);
    expect(await env.page.getByRole('table').getByText('Provsson, Kim').count()).toBe(0);
    await shot(env.page, 'cp-06-search');
  });
});
