import { isChildOn, isParticipantKey } from '../../../shared/legal/participants';
import { legalReference } from '../../../shared/legal/laws';
import { maskPersonnummer } from '../../../shared/personnummer';
import { sortBySv } from '../../../shared/collate';
import { daysBetween, toLocalIsoDate } from '../../../shared/dates';
import { ivoCode, ivoDeadline } from '../../../shared/ivo/report';
import type { ClientDetail, ClientListRow, DecisionView } from '../../../shared/ipc/procedures/clients';
import { audit, type ServiceContext } from '../../core/session';
import { getClientRow } from './records';

/** Decisions still waiting for execution (favourable, not executed, not ended). */
export async function waitingSinceByClient(ctx: ServiceContext): Promise<Map<number, string>> {
  const rows = await ctx.db
    .selectFrom('decisions')
    .select(['client_id', 'decision_date'])
    .where('executed_date', 'is', null)
    .where('ended_date', 'is', null)
    .orderBy('decision_date')
    .execute();
  const map = new Map<number, string>();
  for (const r of rows) if (!map.has(r.client_id)) map.set(r.client_id, r.decision_date);
  return map;
}

export async function searchClients(
  ctx: ServiceContext,
  input: { query: string; waitingOnly: boolean },
): Promise<ClientListRow[]> {
  let q = ctx.db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'personnummer', 'birth_date', 'area', 'protected_identity', 'age_group']);
  const query = input.query.trim();
  if (/^\d[\d-]*$/.test(query))
    q = q.where('personnummer', 'like', `%${query.replace(/-/g, '')}%`).where('without_assessment', '=', 0);
  else
    for (const w of query.toLocaleLowerCase('sv-SE').split(/\s+/).filter(Boolean))
      q = q.where('search_name', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  const [rows, waiting] = await Promise.all([
    q.orderBy('last_name').orderBy('first_name').limit(20_000).execute(),
    waitingSinceByClient(ctx),
  ]);
  const today = toLocalIsoDate(ctx.now());
  await audit(ctx, ctx.db, { action: 'client.search', entityType: 'client', detail: `${rows.length} träffar` });
  return sortBySv(rows, (r) => `${r.last_name}, ${r.first_name}`)
    .map((r) => {
      const since = waiting.get(r.id) ?? null;
      return {
        id: r.id,
        name: r.last_name ? `${r.last_name}, ${r.first_name}` : r.first_name,
        personnummerMasked: isParticipantKey(r.personnummer) ? 'utan behovsprövning' : maskPersonnummer(r.personnummer),
        isChild: isChildOn(r.birth_date, r.age_group, today),
        area: r.area,
        protectedIdentity: r.protected_identity === 1,
        waitingSince: since,
        daysWaiting: since ? daysBetween(since, today) : null,
      };
    })
    .filter((r) => !input.waitingOnly || r.waitingSince !== null);
}

export async function decisionViews(ctx: ServiceContext, clientId: number): Promise<DecisionView[]> {
  const today = toLocalIsoDate(ctx.now());
  const decisions = await ctx.db
    .selectFrom('decisions')
    .selectAll()
    .where('client_id', '=', clientId)
    .orderBy('decision_date', 'desc')
    .execute();
  const ids = decisions.map((d) => d.id);
  const [interruptions, assignments] = ids.length
    ? await Promise.all([
        ctx.db
          .selectFrom('decision_interruptions')
          .selectAll()
          .where('decision_id', 'in', ids)
          .orderBy('from_date')
          .execute(),
        ctx.db
          .selectFrom('assignments')
          .innerJoin('contact_persons', 'contact_persons.id', 'assignments.contact_person_id')
          .select([
            'assignments.id',
            'assignments.decision_id',
            'assignments.contact_person_id',
            'assignments.status',
            'assignments.start_date',
            'assignments.end_date',
            'contact_persons.first_name',
            'contact_persons.last_name',
          ])
          .where('decision_id', 'in', ids)
          .orderBy('assignments.id')
          .execute(),
      ])
    : [[], []];
  return decisions.map((d) => ({
    id: d.id,
    version: d.version,
    legalBasis: d.legal_basis,
    decisionDate: d.decision_date,
    diarienummer: d.diarienummer,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    meetingsPerPeriod: d.meetings_per_period,
    period: d.period,
    hoursPerMonth: d.hours_per_month,
    needsSpecialQualification: d.needs_special_qualification === 1,
    law: d.law,
    paragraph: d.paragraph,
    personkrets: d.personkrets,
    lawGuessed: d.law_guessed === 1,
    legalReference: legalReference(d.law, d.paragraph),
    executedDate: d.executed_date,
    endedDate: d.ended_date,
    endReason: d.end_reason,
    delayReason: d.delay_reason,
    interimSupport: d.interim_support,
    ivoDeadline: ivoDeadline(d.decision_date),
    daysSinceDecision: daysBetween(d.decision_date, today),
    interruptions: interruptions
      .filter((i) => i.decision_id === d.id)
      .map((i) => ({ id: i.id, fromDate: i.from_date, resumedDate: i.resumed_date, reason: i.reason })),
    assignments: assignments
      .filter((a) => a.decision_id === d.id)
      .map((a) => ({
        id: a.id,
        contactPersonId: a.contact_person_id,
        contactPersonName: `${a.first_name} ${a.last_name}`,
        status: a.status,
        startDate: a.start_date,
        endDate: a.end_date,
      })),
  }));
}

export async function getClient(ctx: ServiceContext, id: number): Promise<ClientDetail> {
  const r = await getClientRow(ctx, id);
  const connections = await ctx.db
    .selectFrom('client_connections')
    .selectAll()
    .where('client_id', '=', id)
    .orderBy('id')
    .execute();
  const hidden = r.protected_identity === 1;
  await audit(ctx, ctx.db, { action: 'client.read', entityType: 'client', entityId: id });
  return {
    id: r.id,
    version: r.version,
    values: {
      personnummer: isParticipantKey(r.personnummer) ? '' : r.personnummer,
      firstName: r.first_name,
      lastName: r.last_name,
      street: hidden ? '' : r.street,
      postalCode: hidden ? '' : r.postal_code,
      city: hidden ? '' : r.city,
      // Skyddad identitet: phone and school/workplace are masked like the address.
      phone: hidden ? '' : r.phone,
      area: r.area,
      workplace: hidden ? '' : r.workplace,
      residence: r.residence,
      languages: JSON.parse(r.languages) as string[],
      interests: JSON.parse(r.interests) as string[],
      wishes: r.wishes,
      preferredGender: r.preferred_gender,
      preferredAgeMin: r.preferred_age_min,
      preferredAgeMax: r.preferred_age_max,
      protectedIdentity: hidden,
      connections: connections.map((c) => ({
        role: c.role,
        name: c.name,
        personnummer: c.personnummer,
        phone: c.phone,
        email: c.email,
      })),
    },
    addressHidden: hidden,
    birthDate: r.birth_date,
    isChild: isChildOn(r.birth_date, r.age_group, toLocalIsoDate(ctx.now())),
    ivoCode: r.without_assessment === 1 ? '' : ivoCode(r.birth_date, r.gender as 'man' | 'kvinna', r.ivo_suffix),
    withoutAssessment: r.without_assessment === 1,
    ageGroup: r.age_group,
    decisions: await decisionViews(ctx, id),
  };
}
