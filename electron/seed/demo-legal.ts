import type { ServiceContext } from '../core/session';
import { toLocalIsoDate } from '../../shared/dates';
import { clientInput } from '../../shared/ipc/procedures/clients';
import { decisionInput } from '../../shared/ipc/procedures/decisions';
import { participantInput } from '../../shared/ipc/procedures/participants';
import { createClient } from '../services/clients/records';
import { createDecision } from '../services/clients/decisions';
import { createParticipant } from '../services/legal/participants';
import { runAssignment } from './demo-cases';
import { AREAS, FIRST_NAMES_F, FIRST_NAMES_M, STREETS, SURNAMES, syntheticPersonnummer } from './names';
import type { Rng } from './random';

/**
 * LSS and SoL clients on both sides of 2025-07-01 (SoL 2001:453 before, SoL 2025:400 from it), so the law per
 * decision, the LSS register and the IVO report show both laws; and a participant without needs assessment.
 * Fixed dates; a step later than the seed's today is left out.
 */
const CASES: Array<{
  basis: 'LSS 9 § 4' | 'SoL (bistånd, kontaktperson)';
  personkrets: '1' | '2' | '3' | null;
  decision: string;
  start: string;
  end?: string;
}> = [
  { basis: 'LSS 9 § 4', personkrets: '1', decision: '2025-03-10', start: '2025-04-01' },
  { basis: 'SoL (bistånd, kontaktperson)', personkrets: null, decision: '2025-05-20', start: '2025-06-15' },
  { basis: 'SoL (bistånd, kontaktperson)', personkrets: null, decision: '2025-07-01', start: '2025-08-15' },
  { basis: 'LSS 9 § 4', personkrets: '3', decision: '2025-06-30', start: '2025-09-01', end: '2026-05-31' },
  { basis: 'LSS 9 § 4', personkrets: '2', decision: '2025-08-20', start: '2025-10-06' },
];

export async function seedDemoLegal(ctx: ServiceContext, r: Rng, serialStart: number): Promise<Record<string, number>> {
  const today = toLocalIsoDate(ctx.now());
  let serial = serialStart;
  let clients = 0;
  for (const c of CASES) {
    if (c.decision > today) continue;
    const gender = r.chance(0.5) ? 'kvinna' : 'man';
    const { id: clientId } = await createClient(
      ctx,
      clientInput.parse({
        personnummer: syntheticPersonnummer(r, r.int(1965, 2004), gender, serial++),
        firstName: r.pick(gender === 'kvinna' ? FIRST_NAMES_F : FIRST_NAMES_M),
        lastName: r.pick(SURNAMES),
        street: `${r.pick(STREETS)} ${r.int(121, 140)}`,
        postalCode: `${r.int(100, 999)} ${r.int(10, 99)}`,
        city: 'Provköping',
        area: r.pick(AREAS),
        languages: ['svenska'],
      }),
    );
    clients++;
    const { id: decisionId } = await createDecision(
      ctx,
      decisionInput.parse({
        clientId,
        legalBasis: c.basis,
        personkrets: c.personkrets,
        decisionDate: c.decision,
        validFrom: c.decision,
        meetingsPerPeriod: 2,
        period: 'manad',
        hoursPerMonth: 8,
      }),
    );
    if (c.start > today) continue;
    const steps: Parameters<typeof runAssignment>[2] = [
      ['offer', c.decision],
      ['cpAccept', c.decision],
      ['bookMeeting', c.start],
      ['clientAccept', c.start],
      ['activate', c.start],
    ];
    if (c.end && c.end <= today) steps.push(['end', c.end, 'Kontaktpersonen flyttade']);
    await runAssignment(ctx, decisionId, steps);
  }
  let participants = 0;
  if (today >= '2025-09-01') {
    const { decisionId } = await createParticipant(
      ctx,
      participantInput.parse({
        name: 'Deltagare K-1',
        ageGroup: 'ungdom',
        area: r.pick(AREAS),
        startDate: '2025-09-01',
      }),
    );
    if (today >= '2025-10-01')
      await runAssignment(ctx, decisionId, [
        ['offer', '2025-09-05'],
        ['cpAccept', '2025-09-06'],
        ['bookMeeting', '2025-09-20'],
        ['clientAccept', '2025-09-20'],
        ['activate', '2025-10-01'],
      ]);
    participants++;
  }
  return { 'brukare (LSS/SoL kring 2025-07-01)': clients, 'deltagare utan behovsprövning': participants };
}
