import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../../shared/errors';
import type { participantInput } from '../../../shared/ipc/procedures/participants';
import { PARTICIPANT_KEY_PREFIX, WITHOUT_ASSESSMENT_LABEL } from '../../../shared/legal/participants';
import { SOL_2025_IN_FORCE } from '../../../shared/legal/laws';
import { assertNotFuture } from '../../core/guards';
import { audit, type ServiceContext } from '../../core/session';

/**
 * Registers a participant in an insats utan individuell behovsprövning (SoL 2025:400) with the minimum: name or
 * code, age group, area. The row in `decisions` records the nämnd's offer (no personal decision, no personkrets,
 * no IVO duty) so the ordinary flow (matching, agreement, monthly reports, payouts to the contact person) works.
 */
export async function createParticipant(
  ctx: ServiceContext,
  v: z.output<typeof participantInput>,
): Promise<{ clientId: number; decisionId: number }> {
  if (v.startDate < SOL_2025_IN_FORCE) {
    throw new DomainError(
      'INVALID_INPUT',
      'Insatser utan individuell behovsprövning finns från 2025-07-01 (socialtjänstlagen 2025:400).',
      { fields: { startDate: 'Före 2025-07-01.' } },
    );
  }
  assertNotFuture(ctx, v.startDate, 'startDate');
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { id: clientId } = await trx
      .insertInto('clients')
      .values({
        personnummer: `${PARTICIPANT_KEY_PREFIX}${randomUUID()}`,
        first_name: v.name,
        last_name: '',
        birth_date: '',
        gender: '',
        street: '',
        postal_code: '',
        city: '',
        phone: '',
        area: v.area,
        workplace: '',
        residence: '',
        languages: '[]',
        interests: '[]',
        wishes: '',
        preferred_gender: '',
        preferred_age_min: null,
        preferred_age_max: null,
        protected_identity: 0,
        ivo_suffix: 0,
        search_name: v.name.toLocaleLowerCase('sv-SE'),
        without_assessment: 1,
        age_group: v.ageGroup,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: decisionId } = await trx
      .insertInto('decisions')
      .values({
        client_id: clientId,
        legal_basis: WITHOUT_ASSESSMENT_LABEL,
        decision_date: v.startDate,
        diarienummer: '',
        needs_special_qualification: 0,
        valid_from: v.startDate,
        meetings_per_period: v.meetingsPerPeriod,
        period: 'manad',
        hours_per_month: v.hoursPerMonth,
        delay_reason: '',
        interim_support: '',
        created_at: at,
        law: 'SoL 2025:400',
        paragraph: '',
        personkrets: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, {
      action: 'participant.create',
      entityType: 'client',
      entityId: clientId,
      detail: `utan behovsprövning, ${v.ageGroup}`,
    });
    return { clientId, decisionId };
  });
}

/** Participants and their running assignments, counted apart in the statistics. */
export async function participantCounts(ctx: ServiceContext) {
  const registered = await ctx.db
    .selectFrom('clients')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('without_assessment', '=', 1)
    .executeTakeFirstOrThrow();
  const active = await ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('clients.without_assessment', '=', 1)
    .where('assignments.status', '=', 'aktivt')
    .executeTakeFirstOrThrow();
  return { registered: registered.n, activeAssignments: active.n };
}
