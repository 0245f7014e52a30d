import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import type { FollowUpRow } from '../../../shared/ipc/procedures/follow-ups';
import { followUpState, nextFollowUp } from '../../../shared/documents/follow-up';
import { isChildOn } from '../../../shared/legal/participants';
import { toLocalIsoDate } from '../../../shared/dates';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertNotFuture } from '../../core/guards';
import { readDocumentSettings } from './settings';

/** When an assignment starts: the first follow-up, at the interval for a child or an adult. */
export async function scheduleFirstFollowUp(
  trx: Transaction<DB>,
  assignmentId: number,
  startDate: string,
  clientBirthDate: string,
  clientAgeGroup = '',
): Promise<void> {
  const s = await readDocumentSettings(trx);
  const planned = nextFollowUp(startDate, isChildOn(clientBirthDate, clientAgeGroup, startDate), {
    childMonths: s.followUpChildMonths,
    adultMonths: s.followUpAdultMonths,
  });
  await trx.insertInto('follow_ups').values({ assignment_id: assignmentId, planned_date: planned }).execute();
}

/** When an assignment ends, planned follow-ups that never happened are dropped. */
export async function dropOpenFollowUps(trx: Transaction<DB>, assignmentId: number): Promise<void> {
  await trx.deleteFrom('follow_ups').where('assignment_id', '=', assignmentId).where('done_date', 'is', null).execute();
}

export async function listFollowUps(
  ctx: ServiceContext,
  input: { assignmentId?: number; openOnly: boolean },
): Promise<FollowUpRow[]> {
  let q = ctx.db
    .selectFrom('follow_ups')
    .innerJoin('assignments', 'assignments.id', 'follow_ups.assignment_id')
    .innerJoin('contact_persons', 'contact_persons.id', 'assignments.contact_person_id')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'follow_ups.id',
      'follow_ups.assignment_id',
      'follow_ups.planned_date',
      'follow_ups.done_date',
      'follow_ups.participants',
      'follow_ups.notes',
      'follow_ups.outcome',
      'clients.first_name as cf',
      'clients.last_name as cl',
      'contact_persons.first_name as pf',
      'contact_persons.last_name as pl',
    ])
    .orderBy('follow_ups.planned_date');
  if (input.assignmentId) q = q.where('follow_ups.assignment_id', '=', input.assignmentId);
  if (input.openOnly) q = q.where('follow_ups.done_date', 'is', null);
  const today = toLocalIsoDate(ctx.now());
  const rows = await q.limit(2000).execute();
  await audit(ctx, ctx.db, {
    action: 'followups.read',
    entityType: 'follow_up',
    detail: `${rows.length} uppföljningar`,
  });
  return rows.map((r) => ({
    id: r.id,
    assignmentId: r.assignment_id,
    clientName: `${r.cf} ${r.cl}`,
    contactPersonName: `${r.pf} ${r.pl}`,
    plannedDate: r.planned_date,
    doneDate: r.done_date,
    state: r.done_date ? 'genomförd' : followUpState(r.planned_date, today),
    participants: r.participants,
    notes: r.notes,
    outcome: r.outcome,
  }));
}

/** Records a follow-up and plans the next one (by the rule, unless a date is given). */
export async function recordFollowUp(
  ctx: ServiceContext,
  input: {
    id: number;
    doneDate: string;
    participants: string;
    notes: string;
    outcome: string;
    nextDate: string | null;
  },
): Promise<{ nextPlanned: string | null }> {
  return writeTransaction(ctx, (tx) => recordFollowUpInTrx(tx, input));
}

async function recordFollowUpInTrx(
  ctx: TxContext,
  input: Parameters<typeof recordFollowUp>[1],
): Promise<{ nextPlanned: string | null }> {
  const f = await ctx.db
    .selectFrom('follow_ups')
    .innerJoin('assignments', 'assignments.id', 'follow_ups.assignment_id')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'follow_ups.id',
      'follow_ups.done_date',
      'follow_ups.assignment_id',
      'assignments.status',
      'assignments.start_date',
      'clients.birth_date',
      'clients.age_group',
      'clients.id as client_id',
    ])
    .where('follow_ups.id', '=', input.id)
    .executeTakeFirst();
  if (!f) throw new DomainError('NOT_FOUND', 'Uppföljningen finns inte.');
  if (f.done_date) throw new DomainError('RULE_VIOLATION', 'Uppföljningen är redan registrerad.');
  assertNotFuture(ctx, input.doneDate, 'doneDate');
  if (f.start_date && input.doneDate < f.start_date)
    throw new DomainError('INVALID_INPUT', 'Uppföljningen kan inte vara före uppdragets start.', {
      fields: { doneDate: 'Före uppdragets start.' },
    });
  if (input.nextDate && input.nextDate <= input.doneDate)
    throw new DomainError('INVALID_INPUT', 'Nästa uppföljning måste vara efter denna.', {
      fields: { nextDate: 'Efter denna uppföljning.' },
    });
  const s = await readDocumentSettings(ctx.db);
  const next =
    f.status === 'aktivt'
      ? (input.nextDate ??
        nextFollowUp(input.doneDate, isChildOn(f.birth_date, f.age_group, input.doneDate), {
          childMonths: s.followUpChildMonths,
          adultMonths: s.followUpAdultMonths,
        }))
      : null;
  const trx = ctx.db;
  await trx
    .updateTable('follow_ups')
    .set({
      done_date: input.doneDate,
      participants: input.participants,
      notes: input.notes,
      outcome: input.outcome,
      recorded_by: ctx.actor.id,
    })
    .where('id', '=', f.id)
    .execute();
  if (next) await trx.insertInto('follow_ups').values({ assignment_id: f.assignment_id, planned_date: next }).execute();
  await audit(ctx, trx, {
    action: 'followup.record',
    entityType: 'client',
    entityId: f.client_id,
    detail: `uppdrag ${f.assignment_id}`,
  });
  return { nextPlanned: next };
}
