import { availableActions, type AssignmentStatus } from '../../../shared/assignments/status';
import type { AssignmentRow } from '../../../shared/ipc/procedures/assignments';
import { audit, type ServiceContext } from '../../core/session';

export async function listAssignments(
  ctx: ServiceContext,
  input: { statuses: AssignmentStatus[]; decisionId?: number },
): Promise<AssignmentRow[]> {
  let q = ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .innerJoin('contact_persons', 'contact_persons.id', 'assignments.contact_person_id')
    .select([
      'assignments.id',
      'assignments.version',
      'assignments.status',
      'assignments.decision_id',
      'assignments.offered_date',
      'assignments.meeting_date',
      'assignments.start_date',
      'assignments.end_date',
      'assignments.end_reason',
      'decisions.legal_basis',
      'clients.id as client_id',
      'clients.first_name as client_first',
      'clients.last_name as client_last',
      'clients.birth_date as client_birth',
      'contact_persons.birth_date as cp_birth',
      'contact_persons.id as cp_id',
      'contact_persons.first_name as cp_first',
      'contact_persons.last_name as cp_last',
      'contact_persons.protected_identity as cp_protected',
      'clients.protected_identity as client_protected',
    ])
    .orderBy('assignments.id', 'desc');
  if (input.statuses.length > 0) q = q.where('assignments.status', 'in', input.statuses);
  if (input.decisionId) q = q.where('assignments.decision_id', '=', input.decisionId);
  const rows = await q.limit(1000).execute();
  const ids = rows.map((r) => r.id);
  const events = ids.length
    ? await ctx.db
        .selectFrom('assignment_events')
        .leftJoin('users', 'users.id', 'assignment_events.user_id')
        .selectAll('assignment_events')
        .select('users.display_name')
        .where('assignment_id', 'in', ids)
        .orderBy('assignment_events.id')
        .execute()
    : [];
  await audit(ctx, ctx.db, { action: 'assignment.list', entityType: 'assignment', detail: `${rows.length} uppdrag` });
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    clientId: r.client_id,
    clientName: `${r.client_first} ${r.client_last}`,
    contactPersonId: r.cp_id,
    contactPersonName: `${r.cp_first} ${r.cp_last}`,
    clientBirthDate: r.client_birth,
    contactPersonBirthDate: r.cp_birth,
    decisionId: r.decision_id,
    legalBasis: r.legal_basis,
    offeredDate: r.offered_date,
    meetingDate: r.meeting_date,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
    protectedIdentity: r.cp_protected === 1 || r.client_protected === 1,
    availableActions: availableActions(r.status),
    events: events
      .filter((e) => e.assignment_id === r.id)
      .map((e) => ({
        id: e.id,
        date: e.date,
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        user: e.display_name ?? null,
      })),
  }));
}
