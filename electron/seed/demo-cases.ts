import type { ServiceContext } from '../core/session';
import { addDays, toLocalIsoDate } from '../../shared/dates';
import { clientInput } from '../../shared/ipc/procedures/clients';
import { decisionInput } from '../../shared/ipc/procedures/decisions';
import { createClient } from '../services/clients/records';
import { createDecision, endDecision } from '../services/clients/decisions';
import { suggestMatches } from '../services/assignments/matching';
import { actOnAssignment, proposeAssignment } from '../services/assignments/flow';
import {
  AREAS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  INTERESTS,
  LANGUAGES,
  STREETS,
  SURNAMES,
  syntheticPersonnummer,
} from './names';
import type { Rng } from './random';
import { PERSONKRETSAR } from '../../shared/legal/laws';

/** What happens to each demo client's decision. */
type Fate = 'waiting' | 'active' | 'active_late' | 'ended_interrupted' | 'declined_then_waiting' | 'ended_unexecuted';
const FATES: Array<[Fate, number]> = [
  ['waiting', 14],
  ['active', 18],
  ['active_late', 6],
  ['ended_interrupted', 4],
  ['declined_then_waiting', 5],
  ['ended_unexecuted', 3],
];

export async function runAssignment(
  ctx: ServiceContext,
  decisionId: number,
  steps: Array<[Parameters<typeof actOnAssignment>[1]['action'], string, string?]>,
  pickIndex = 0,
): Promise<number | null> {
  const candidates = (await suggestMatches(ctx, decisionId)).filter(
    (m) => m.excluded.length === 0 && m.conflicts.length === 0,
  );
  const cp = candidates[pickIndex] ?? candidates[0];
  if (!cp) return null;
  const { id } = await proposeAssignment(ctx, {
    decisionId,
    contactPersonId: cp.contactPersonId,
    conflictOverride: '',
  });
  for (const [action, date, note] of steps)
    await actOnAssignment(ctx, { id, action, date, note: note ?? '', decisionContinues: true });
  return id;
}

/** 50 clients with decisions and assignments in every state the IVO rule cares about. */
export async function seedDemoCases(
  ctx: ServiceContext,
  r: Rng,
  serialStart: number,
  legalBases: string[],
): Promise<Record<string, number>> {
  const today = toLocalIsoDate(ctx.now());
  let serial = serialStart;
  let clients = 0;
  let assignments = 0;
  for (const [fate, count] of FATES) {
    for (let i = 0; i < count; i++) {
      const gender = r.chance(0.5) ? 'kvinna' : 'man';
      const child = r.chance(0.45);
      const personnummer = syntheticPersonnummer(r, child ? r.int(2010, 2019) : r.int(1960, 2005), gender, serial++);
      const { id: clientId } = await createClient(
        ctx,
        clientInput.parse({
          personnummer,
          firstName: r.pick(gender === 'kvinna' ? FIRST_NAMES_F : FIRST_NAMES_M),
          lastName: r.pick(SURNAMES),
          street: `${r.pick(STREETS)} ${r.int(61, 120)}`,
          postalCode: `${r.int(100, 999)} ${r.int(10, 99)}`,
          city: 'Provköping',
          area: r.pick(AREAS),
          workplace: child ? `${r.pick(AREAS)}skolan` : r.chance(0.5) ? 'Daglig verksamhet Verkstan' : '',
          languages: ['svenska', ...(r.chance(0.25) ? [r.pick(LANGUAGES.slice(1))] : [])],
          interests: r.some(INTERESTS, r.int(1, 4)),
          wishes: r.pick(['Vill gå på fotboll', 'Vill komma ut i naturen', 'Vill ha någon att fika med', '']),
          preferredGender: r.pick(['', '', 'man', 'kvinna'] as const),
          protectedIdentity: serial % 23 === 3,
          connections: child
            ? [{ role: 'vardnadshavare', name: `${r.pick(FIRST_NAMES_F)} Vårdnadsson`, phone: '070-100 00 00' }]
            : r.chance(0.3)
              ? [{ role: 'god_man', name: 'Gode Mannsson', phone: '070-200 00 00' }]
              : [],
        }),
      );
      clients++;
      const ageDays = fate === 'waiting' ? r.int(10, 200) : fate === 'active' ? r.int(60, 500) : r.int(150, 400);
      const decisionDate = addDays(today, -ageDays);
      const { id: decisionId } = await createDecision(
        ctx,
        decisionInput.parse({
          clientId,
          legalBasis: r.pick(legalBases),
          personkrets: PERSONKRETSAR[serial % 3],
          decisionDate,
          diarienummer: `SN ${decisionDate.slice(0, 4)}/${100 + serial}`,
          validFrom: decisionDate,
          meetingsPerPeriod: r.pick([2, 4]),
          period: 'manad',
          hoursPerMonth: r.pick([6, 8, 12]),
        }),
      );
      const d = (n: number) => addDays(decisionDate, n);
      let id: number | null = null;
      if (fate === 'active')
        id = await runAssignment(ctx, decisionId, [
          ['offer', d(10)],
          ['cpAccept', d(14)],
          ['bookMeeting', d(20)],
          ['clientAccept', d(20)],
          ['activate', d(r.int(25, 55))],
        ]);
      if (fate === 'active_late')
        id = await runAssignment(ctx, decisionId, [
          ['offer', d(30)],
          ['cpAccept', d(40)],
          ['bookMeeting', d(60)],
          ['clientAccept', d(60)],
          ['activate', d(r.int(100, 140))],
        ]);
      if (fate === 'ended_interrupted')
        id = await runAssignment(ctx, decisionId, [
          ['offer', d(5)],
          ['cpAccept', d(7)],
          ['bookMeeting', d(10)],
          ['clientAccept', d(10)],
          ['activate', d(20)],
          ['end', d(r.int(40, 60)), 'Kontaktpersonen flyttade'],
        ]);
      if (fate === 'declined_then_waiting')
        id = await runAssignment(
          ctx,
          decisionId,
          [
            ['offer', d(5)],
            ['cpAccept', d(6)],
            ['bookMeeting', d(8)],
            ['clientDecline', d(8), 'Brukaren ville inte träffa fler'],
          ],
          1,
        );
      if (fate === 'ended_unexecuted') {
        await endDecision(ctx, { id: decisionId, date: d(r.int(95, 130)), reason: 'Brukaren flyttade från kommunen' });
      }
      if (id) assignments++;
    }
  }
  return { brukare: clients, uppdrag: assignments };
}
