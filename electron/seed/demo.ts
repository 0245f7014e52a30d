import type { ServiceContext } from '../core/session';
import { addDays, toLocalIsoDate } from '../../shared/dates';
import { createContactPerson } from '../services/contact-persons/records';
import { addInterview, addReference, addRegisterCheck, setConsent } from '../services/contact-persons/assessment';
import { transitionContactPerson } from '../services/contact-persons/status';
import { contactPersonInput } from '../../shared/ipc/procedures/cp';
import {
  AREAS,
  DISABILITIES,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  INTERESTS,
  LANGUAGES,
  STREETS,
  SURNAMES,
  syntheticPersonnummer,
} from './names';
import { rng, type Rng } from './random';
import { seedDemoCases } from './demo-cases';
import { seedDemoPayouts } from './demo-payouts';
import { seedDemoLegal } from './demo-legal';
import { readSettings } from '../services/settings';

type Stage = 'intresseanmalan' | 'intervju_bokad' | 'utredning_pagar' | 'godkand' | 'ej_godkand' | 'vilande';

/** How far each of the 60 demo contact persons has come. */
const STAGES: Array<[Stage, number]> = [
  ['intresseanmalan', 8],
  ['intervju_bokad', 5],
  ['utredning_pagar', 6],
  ['godkand', 33],
  ['ej_godkand', 5],
  ['vilande', 3],
];

function personValues(r: Rng, serial: number) {
  const gender = r.chance(0.6) ? 'kvinna' : 'man';
  const first = r.pick(gender === 'kvinna' ? FIRST_NAMES_F : FIRST_NAMES_M);
  const children = r.chance(0.55);
  const personnummer = syntheticPersonnummer(r, r.int(1955, 2003), gender, serial);
  return contactPersonInput.parse({
    personnummer,
    firstName: first,
    lastName: r.pick(SURNAMES),
    street: `${r.pick(STREETS)} ${r.int(1, 60)}`,
    postalCode: `${r.int(100, 999)} ${r.int(10, 99)}`,
    city: 'Provköping',
    phone: `07${r.int(0, 9)}-${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    email: `${first.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o')}.${serial}@example.se`,
    // Nordea personkonto: clearing 3300 and the personnummer as account, valid and synthetic.
    bankClearing: '3300',
    bankAccount: personnummer.slice(2),
    taxMode: r.pick(['side_income_30', 'side_income_30', 'table', 'percentage'] as const),
    taxTable: 32,
    taxColumn: 1,
    taxPercent: 25,
    languages: ['svenska', ...r.some(LANGUAGES.slice(1), r.int(0, 2))],
    interests: r.some(INTERESTS, r.int(2, 5)),
    area: r.pick(AREAS),
    workplace: r.chance(0.3) ? `${r.pick(['Skola', 'Förskola', 'Daglig verksamhet', 'Butik'])} ${r.pick(AREAS)}` : '',
    hasCar: r.chance(0.5),
    hasPets: r.chance(0.3),
    smoker: r.chance(0.1),
    prefersChildren: children,
    prefersAdults: !children || r.chance(0.4),
    disabilityKinds: r.some(DISABILITIES, r.int(0, 3)),
    availability: r.pick(['Vardagkvällar', 'Helger', 'Dagtid', 'Flexibelt']),
    speciallyQualified: r.chance(0.15),
    protectedIdentity: serial % 29 === 7,
  });
}

async function assess(
  ctx: ServiceContext,
  r: Rng,
  id: number,
  start: string,
  stage: Stage,
  prefersChildren: boolean,
): Promise<void> {
  const d = (n: number) => addDays(start, n);
  const step = (to: Stage | 'intervju_bokad' | 'utredning_pagar', date: string, note = '') =>
    transitionContactPerson(ctx, { id, to, date, note });
  if (stage === 'intresseanmalan') return;
  if (stage === 'ej_godkand' && r.chance(0.5))
    return step('ej_godkand', d(3), 'Kunde inte åta sig regelbundna träffar.');
  await step('intervju_bokad', d(2));
  if (stage === 'intervju_bokad') return;
  await addInterview(ctx, {
    id,
    date: d(7),
    interviewer: ctx.actor.displayName,
    notes: 'Intervju genomförd. Motiverad och har tid.',
  });
  await setConsent(ctx, { id, date: d(7) });
  await addReference(ctx, {
    id,
    name: `${r.pick(FIRST_NAMES_F)} Referensson`,
    phone: `070-${r.int(100, 999)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    relation: 'Tidigare arbetsgivare',
    notes: 'Gott omdöme.',
    contactedDate: d(9),
  });
  await step('utredning_pagar', d(7));
  if (stage === 'utredning_pagar') return;
  await addRegisterCheck(ctx, {
    id,
    register: 'socialtjanstens_register',
    extractDate: d(10),
    shownDate: d(10),
    outcome: 'inga_anteckningar',
    assessmentNote: '',
  });
  if (prefersChildren)
    await addRegisterCheck(ctx, {
      id,
      register: 'belastningsregistret',
      extractDate: d(8),
      shownDate: d(12),
      outcome: 'inga_anteckningar',
      assessmentNote: '',
    });
  if (stage === 'ej_godkand') return step('ej_godkand', d(14), 'Bedömdes inte lämplig efter referenstagning.');
  await step('godkand', d(14));
  if (stage === 'vilande') await step('vilande', d(30), 'Tar paus under föräldraledighet.');
}

/** Creates the synthetic municipality through the ordinary services (so all rules and audit apply). */
export async function seedDemo(ctx: ServiceContext, opts: { seed: number }): Promise<Record<string, number>> {
  const r = rng(opts.seed);
  const today = toLocalIsoDate(ctx.now());
  let serial = 0;
  let created = 0;
  for (const [stage, count] of STAGES) {
    for (let i = 0; i < count; i++) {
      const values = personValues(r, serial++);
      const start = addDays(
        today,
        -r.int(stage === 'godkand' || stage === 'vilande' ? 60 : 20, stage === 'godkand' ? 400 : 59),
      );
      const { id } = await createContactPerson(ctx, values);
      await assess(ctx, r, id, start, stage, values.prefersChildren);
      created++;
    }
  }
  const cases = await seedDemoCases(ctx, r, serial, (await readSettings(ctx.db)).legalBases);
  const payouts = await seedDemoPayouts(ctx, r);
  // After the payouts, so the earlier demo data (and its random draws) stay as they were.
  const legal = await seedDemoLegal(ctx, r, serial + 100);
  return { kontaktpersoner: created, ...cases, ...payouts, ...legal };
}
