import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import {
  ASSIGNMENT_ACTIONS,
  OPEN_ASSIGNMENT_STATUSES,
  actionError,
  type AssignmentAction,
} from '../../../shared/assignments/status';
import { toLocalIsoDate } from '../../../shared/dates';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertNotFuture } from '../../core/guards';
import { getDecision } from '../clients/decisions';
import { suggestMatches } from './matching';
import { systemTransitionInTrx } from '../contact-persons/status';
import { dropOpenFollowUps, scheduleFirstFollowUp } from '../documents/follow-ups';

async function event(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  id: number,
  e: { date: string; action: string; from: string; to: string; note: string | null },
) {
  await trx
    .insertInto('assignment_events')
    .values({
      assignment_id: id,
      at: ctx.now().toISOString(),
      date: e.date,
      user_id: ctx.actor.id,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      note: e.note,
    })
    .execute();
}

/** What the previous step was, in the words of the refusal ("efter att kontaktpersonen tackade ja"). */
const STEP_WORDS: Record<string, string> = {
  erbjudet: 'erbjudandet',
  kp_accepterat: 'att kontaktpersonen tackade ja',
  presentationsmote: 'presentationsmötet',
  bada_ja: 'att brukaren tackade ja',
  aktivt: 'starten',
};

/**
 * The steps of an assignment happen in order: each date is on or after the one before it
 * (erbjudande ≤ kontaktpersonens ja ≤ presentationsmöte ≤ brukarens ja ≤ start ≤ slut). A
 * booked meeting lies ahead, so a withdrawal or the contact person's no may come before it.
 */
async function assertInOrder(
  ctx: ServiceContext,
  assignmentId: number,
  action: AssignmentAction,
  date: string,
): Promise<void> {
  // The proposal is dated the day it is entered; the later steps may be registered afterwards.
  let q = ctx.db
    .selectFrom('assignment_events')
    .select(['date', 'to_status'])
    .where('assignment_id', '=', assignmentId)
    .where('action', '!=', 'propose');
  if (action === 'withdraw' || action === 'cpDecline') q = q.where('action', '!=', 'bookMeeting');
  const last = await q.orderBy('date', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (!last || date >= last.date) return;
  const step = ASSIGNMENT_ACTIONS[action].label;
  const before = STEP_WORDS[last.to_status] ?? 'föregående steg';
  throw new DomainError(
    'INVALID_INPUT',
    `”${step}” kan inte ha datum ${date}: det är före ${before} (${last.date}). Ange ${last.date} eller senare.`,
    {
      fields: { date: `Tidigast ${last.date} (${before}).` },
    },
  );
}

/**
 * A proposal from the matching list. The contact person must be approved and in the queue; one open
 * assignment per decision; a conflict of interest needs a written reason, which is logged.
 */
export async function proposeAssignment(
  ctx: ServiceContext,
  input: { decisionId: number; contactPersonId: number; conflictOverride: string },
): Promise<{ id: number }> {
  return writeTransaction(ctx, (tx) => proposeAssignmentInTrx(tx, input));
}

async function proposeAssignmentInTrx(
  ctx: TxContext,
  input: { decisionId: number; contactPersonId: number; conflictOverride: string },
): Promise<{ id: number }> {
  const d = await getDecision(ctx, input.decisionId);
  if (d.ended_date) throw new DomainError('RULE_VIOLATION', 'Beslutet är avslutat.');
  const existing = await ctx.db
    .selectFrom('assignments')
    .select('id')
    .where('decision_id', '=', d.id)
    .where('status', 'in', OPEN_ASSIGNMENT_STATUSES)
    .executeTakeFirst();
  if (existing) throw new DomainError('RULE_VIOLATION', 'Beslutet har redan ett pågående förslag eller uppdrag.');
  const match = (await suggestMatches(ctx, d.id)).find((m) => m.contactPersonId === input.contactPersonId);
  if (!match) throw new DomainError('RULE_VIOLATION', 'Kontaktpersonen är inte godkänd och i kön.');
  if (match.excluded.length > 0)
    throw new DomainError('RULE_VIOLATION', `Kontaktpersonen kan inte föreslås: ${match.excluded.join(' ')}`);
  if (match.conflicts.length > 0 && !input.conflictOverride) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Risk för jäv: ${match.conflicts.join(' ')} Ange skälet om förslaget ändå ska göras.`,
      { fields: { conflictOverride: 'Ange skälet.' } },
    );
  }
  const at = ctx.now().toISOString();
  const trx = ctx.db;
  const { id } = await trx
    .insertInto('assignments')
    .values({
      decision_id: d.id,
      contact_person_id: input.contactPersonId,
      status: 'forslag',
      match_score: match.score,
      conflict_override: input.conflictOverride || null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await event(ctx, trx, id, {
    date: toLocalIsoDate(ctx.now()),
    action: 'propose',
    from: 'forslag',
    to: 'forslag',
    note: input.conflictOverride ? `Jäv bedömt: ${input.conflictOverride}` : null,
  });
  await audit(ctx, trx, {
    action: 'assignment.propose',
    entityType: 'client',
    entityId: d.client_id,
    detail: `uppdrag ${id}, kontaktperson ${input.contactPersonId}`,
  });
  if (input.conflictOverride)
    await audit(ctx, trx, {
      action: 'assignment.conflict-override',
      entityType: 'contact_person',
      entityId: input.contactPersonId,
      detail: input.conflictOverride,
    });
  return { id };
}

/**
 * One step of the flow. A decline by the contact person leaves them in the queue with their original
 * queue date; starting the assignment executes the decision (first meeting) or resumes an interruption,
 * and puts the contact person "i uppdrag"; ending it returns them to the queue and, if the decision
 * continues, starts an interruption (IVO counts three months from it).
 */
export async function actOnAssignment(
  ctx: ServiceContext,
  input: { id: number; action: AssignmentAction; date: string; note: string; decisionContinues: boolean },
): Promise<void> {
  return writeTransaction(ctx, (tx) => actOnAssignmentInTrx(tx, input));
}

async function actOnAssignmentInTrx(
  ctx: TxContext,
  input: { id: number; action: AssignmentAction; date: string; note: string; decisionContinues: boolean },
): Promise<void> {
  const a = await ctx.db.selectFrom('assignments').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'Uppdraget finns inte.');
  const from = a.status;
  const err = actionError(input.action, from);
  if (err) throw new DomainError('RULE_VIOLATION', err);
  // A meeting may be booked ahead; everything else records what has happened.
  if (input.action !== 'bookMeeting') assertNotFuture(ctx, input.date, 'date');
  const d = await getDecision(ctx, a.decision_id);
  if (input.action === 'activate' && input.date < d.decision_date)
    throw new DomainError('INVALID_INPUT', 'Uppdraget kan inte starta före beslutsdatumet.', {
      fields: { date: 'Före beslutsdatumet.' },
    });
  if (input.action === 'end' && a.start_date && input.date < a.start_date)
    throw new DomainError('INVALID_INPUT', 'Uppdraget kan inte sluta före startdatumet.', {
      fields: { date: 'Före startdatumet.' },
    });
  await assertInOrder(ctx, a.id, input.action, input.date);
  const to = ASSIGNMENT_ACTIONS[input.action].to;

  const trx = ctx.db;
  const set: Partial<Record<'offered_date' | 'meeting_date' | 'start_date' | 'end_date' | 'end_reason', string>> & {
    ended_by?: number;
  } = {};
  if (input.action === 'offer') set.offered_date = input.date;
  if (input.action === 'bookMeeting') set.meeting_date = input.date;
  if (input.action === 'activate') set.start_date = input.date;
  if (input.action === 'end')
    Object.assign(set, { end_date: input.date, end_reason: input.note, ended_by: ctx.actor.id });
  await trx
    .updateTable('assignments')
    .set({ ...set, status: to, updated_at: ctx.now().toISOString() })
    .where('id', '=', a.id)
    .execute();
  await event(ctx, trx, a.id, { date: input.date, action: input.action, from, to, note: input.note || null });

  if (input.action === 'activate') {
    if (!d.executed_date)
      await trx.updateTable('decisions').set({ executed_date: input.date }).where('id', '=', d.id).execute();
    await trx
      .updateTable('decision_interruptions')
      .set({ resumed_date: input.date })
      .where('decision_id', '=', d.id)
      .where('resumed_date', 'is', null)
      .execute();
    await systemTransitionInTrx(ctx, trx, {
      id: a.contact_person_id,
      to: 'i_uppdrag',
      date: input.date,
      note: `Uppdrag ${a.id}`,
    });
    const client = await trx
      .selectFrom('clients')
      .select(['birth_date', 'age_group'])
      .where('id', '=', d.client_id)
      .executeTakeFirstOrThrow();
    await scheduleFirstFollowUp(trx, a.id, input.date, client.birth_date, client.age_group);
  }
  if (input.action === 'end') {
    await dropOpenFollowUps(trx, a.id);
    const cp = await trx
      .selectFrom('contact_persons')
      .select('status')
      .where('id', '=', a.contact_person_id)
      .executeTakeFirstOrThrow();
    if (cp.status === 'i_uppdrag')
      await systemTransitionInTrx(ctx, trx, {
        id: a.contact_person_id,
        to: 'godkand',
        date: input.date,
        note: `Uppdrag ${a.id} avslutat`,
      });
    // The decision continues without a contact person: an interruption (avbrott) starts today.
    if (input.decisionContinues && !d.ended_date) {
      await trx
        .insertInto('decision_interruptions')
        .values({ decision_id: d.id, from_date: input.date, reason: `Uppdraget avslutat: ${input.note}` })
        .execute();
    }
  }
  await audit(ctx, trx, {
    action: `assignment.${input.action}`,
    entityType: 'client',
    entityId: d.client_id,
    detail: `uppdrag ${a.id}: ${from} -> ${to}`,
  });
}
