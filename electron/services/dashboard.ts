import { addDays, daysBetween, toLocalIsoDate } from '../../shared/dates';
import { ivoDeadline } from '../../shared/ivo/report';
import { audit, type ServiceContext } from '../core/session';

/** Counts for Översikt. Names only of decisions near the three-month limit (the officer acts on those). */
export async function dashboardSummary(ctx: ServiceContext) {
  const today = toLocalIsoDate(ctx.now());
  const queue = await ctx.db
    .selectFrom('contact_persons')
    .select('queue_since')
    .where('status', '=', 'godkand')
    .execute();
  const underAssessment = await ctx.db
    .selectFrom('contact_persons')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('status', 'in', ['intresseanmalan', 'intervju_bokad', 'utredning_pagar'])
    .executeTakeFirstOrThrow();
  const waiting = await ctx.db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'decisions.id',
      'decisions.client_id',
      'decisions.decision_date',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('decisions.executed_date', 'is', null)
    .where('decisions.ended_date', 'is', null)
    // Participants without needs assessment (SoL 2025:400) have no three-month limit.
    .where('clients.without_assessment', '=', 0)
    .orderBy('decisions.decision_date')
    .execute();
  const counts = await ctx.db
    .selectFrom('assignments')
    .select(['status', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const n = (statuses: string[]) => counts.filter((c) => statuses.includes(c.status)).reduce((s, c) => s + c.n, 0);
  const followUps = await ctx.db
    .selectFrom('follow_ups')
    .select('planned_date')
    .where('done_date', 'is', null)
    .execute();
  const soonLimit = addDays(today, 30);
  const waits = queue.filter((q) => q.queue_since).map((q) => daysBetween(q.queue_since!, today));
  return {
    queueLength: queue.length,
    averageQueueDays: waits.length ? Math.round(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    underAssessment: underAssessment.n,
    clientsWaiting: new Set(waiting.map((w) => w.client_id)).size,
    longestWaitDays: waiting[0] ? daysBetween(waiting[0].decision_date, today) : null,
    approachingDeadline: waiting
      .map((w) => ({
        decisionId: w.id,
        clientId: w.client_id,
        name: `${w.first_name} ${w.last_name}`,
        decisionDate: w.decision_date,
        deadline: ivoDeadline(w.decision_date),
        daysLeft: daysBetween(today, ivoDeadline(w.decision_date)),
      }))
      .filter((w) => w.daysLeft <= 30)
      .slice(0, 20),
    activeAssignments: n(['aktivt']),
    openOffers: n(['forslag', 'erbjudet', 'kp_accepterat', 'presentationsmote', 'bada_ja']),
    followUpsOverdue: followUps.filter((f) => f.planned_date < today).length,
    followUpsSoon: followUps.filter((f) => f.planned_date >= today && f.planned_date <= soonLimit).length,
  };
}

/**
 * Översikt for the signed-in user. Names near the deadline are case data: only for case workers,
 * and the read is logged.
 */
export async function dashboardForActor(ctx: ServiceContext) {
  const summary = await dashboardSummary(ctx);
  if (!ctx.actor.roles.includes('handlaggare')) return { ...summary, approachingDeadline: [] };
  const near = summary.approachingDeadline.length;
  if (near > 0)
    await audit(ctx, ctx.db, {
      action: 'dashboard.read',
      entityType: 'client',
      detail: `${near} beslut nära tremånadersgränsen`,
    });
  return summary;
}
