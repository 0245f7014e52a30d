import { isChildOn } from '../../../shared/legal/participants';
import { rankCandidates, type MatchCandidate, type MatchClient } from '../../../shared/matching/match';
import type { MatchRow } from '../../../shared/ipc/procedures/matching';
import { OPEN_ASSIGNMENT_STATUSES } from '../../../shared/assignments/status';
import { daysBetween, toLocalIsoDate } from '../../../shared/dates';
import { audit, type ServiceContext } from '../../core/session';
import { getDecision } from '../clients/decisions';
import { getClientRow } from '../clients/records';

/** Ranks the approved contact persons in the queue for one decision, with reasons (shared/matching). */
export async function suggestMatches(ctx: ServiceContext, decisionId: number): Promise<MatchRow[]> {
  const d = await getDecision(ctx, decisionId);
  const c = await getClientRow(ctx, d.client_id);
  const connections = await ctx.db
    .selectFrom('client_connections')
    .select(['role', 'name', 'personnummer'])
    .where('client_id', '=', c.id)
    .execute();
  const people = await ctx.db.selectFrom('contact_persons').selectAll().where('status', '=', 'godkand').execute();
  const extracts = await ctx.db
    .selectFrom('cp_register_checks')
    .select(['contact_person_id', (eb) => eb.fn.max('extract_date').as('latest')])
    .where('register', '=', 'belastningsregistret')
    .groupBy('contact_person_id')
    .execute();
  const latest = new Map(extracts.map((e) => [e.contact_person_id, e.latest as string]));
  const open = new Set(
    (
      await ctx.db
        .selectFrom('assignments')
        .select('contact_person_id')
        .where('status', 'in', OPEN_ASSIGNMENT_STATUSES)
        .execute()
    ).map((a) => a.contact_person_id),
  );
  const client: MatchClient = {
    birthDate: c.birth_date,
    isChild: c.without_assessment === 1 ? isChildOn('', c.age_group, '') : undefined,
    interests: JSON.parse(c.interests) as string[],
    languages: JSON.parse(c.languages) as string[],
    area: c.area,
    street: c.street,
    city: c.city,
    workplace: c.workplace,
    residence: c.residence,
    preferredGender: c.preferred_gender,
    preferredAgeMin: c.preferred_age_min,
    preferredAgeMax: c.preferred_age_max,
    connections: connections.map((x) => ({
      role: x.role.replace('_', ' ').replace('forvaltare', 'förvaltare').replace('vardnadshavare', 'vårdnadshavare'),
      name: x.name,
      personnummer: x.personnummer,
    })),
    protectedIdentity: c.protected_identity === 1,
  };
  const candidates: MatchCandidate[] = people.map((p) => ({
    id: p.id,
    personnummer: p.personnummer,
    name: `${p.first_name} ${p.last_name}`,
    birthDate: p.birth_date,
    gender: p.gender,
    interests: JSON.parse(p.interests) as string[],
    languages: JSON.parse(p.languages) as string[],
    area: p.area,
    street: p.street,
    city: p.city,
    workplace: p.workplace,
    protectedIdentity: p.protected_identity === 1,
    prefersChildren: p.prefers_children === 1,
    prefersAdults: p.prefers_adults === 1,
    speciallyQualified: p.specially_qualified === 1,
    queueSince: p.queue_since,
    belastningExtractDate: latest.get(p.id) ?? null,
    hasOpenOffer: open.has(p.id),
  }));
  const today = toLocalIsoDate(ctx.now());
  const ranked = rankCandidates(client, candidates, {
    onDate: today,
    needsSpecialQualification: d.needs_special_qualification === 1,
  });
  const byId = new Map(candidates.map((k) => [k.id, k]));
  await audit(ctx, ctx.db, {
    action: 'matching.suggest',
    entityType: 'client',
    entityId: c.id,
    detail: `beslut ${d.id}, ${ranked.length} kandidater`,
  });
  return ranked.map((r) => {
    const k = byId.get(r.candidateId)!;
    return {
      contactPersonId: k.id,
      name: k.name,
      birthDate: k.birthDate,
      area: k.area,
      daysWaiting: k.queueSince ? daysBetween(k.queueSince, today) : 0,
      score: r.score,
      factors: r.factors,
      conflicts: r.conflicts,
      excluded: r.excluded,
    };
  });
}
