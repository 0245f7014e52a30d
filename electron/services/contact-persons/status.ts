import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import { queueSinceAfter, transitionError, type CpStatus } from '../../../shared/contact-persons/status';
import { approvalBlockers } from '../../../shared/contact-persons/approval';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertNotFuture } from '../../core/guards';
import { addEvent, getRow } from './common';

export async function loadApprovalFacts(
  db: Transaction<DB> | ServiceContext['db'],
  id: number,
  prefersChildren: boolean,
  consentDate: string | null,
) {
  const [interviews, references, checks] = await Promise.all([
    db.selectFrom('cp_interviews').select('id').where('contact_person_id', '=', id).execute(),
    db.selectFrom('cp_references').select('id').where('contact_person_id', '=', id).execute(),
    db
      .selectFrom('cp_register_checks')
      .select(['register', 'outcome', 'assessment_note'])
      .where('contact_person_id', '=', id)
      .execute(),
  ]);
  return {
    interviewCount: interviews.length,
    referenceCount: references.length,
    consentDate,
    prefersChildren,
    checks: checks.map((c) => ({ register: c.register, outcome: c.outcome, assessmentNote: c.assessment_note })),
  };
}

/** The write of a status change: the record, its timeline line and the audit line, in the caller's transaction. */
async function writeTransition(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  id: number,
  from: CpStatus,
  previousQueueSince: string | null,
  input: { to: CpStatus; date: string; note: string },
): Promise<void> {
  await trx
    .updateTable('contact_persons')
    .set({
      status: input.to,
      status_changed_at: ctx.now().toISOString(),
      queue_since: queueSinceAfter(input.to, input.date, previousQueueSince),
      updated_at: ctx.now().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await addEvent(ctx, trx, id, {
    kind: 'status',
    date: input.date,
    fromStatus: from,
    toStatus: input.to,
    note: input.note || null,
  });
  await audit(ctx, trx, {
    action: 'cp.status',
    entityType: 'contact_person',
    entityId: id,
    detail: `${from} -> ${input.to}`,
  });
}

/** System transition inside the caller's transaction (assignment start/end). Every query on `trx`. */
export async function systemTransitionInTrx(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  input: { id: number; to: CpStatus; date: string; note: string },
): Promise<void> {
  const row = await trx
    .selectFrom('contact_persons')
    .select(['status', 'queue_since'])
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow();
  const from = row.status;
  const err = transitionError(from, input.to, 'system');
  if (err) throw new DomainError('RULE_VIOLATION', err);
  await writeTransition(ctx, trx, input.id, from, row.queue_since, input);
}

/**
 * Changes status along the allowed flow. Approval needs a complete assessment and puts the
 * person in the queue from that date; the queue date survives declines (see assignments).
 */
export async function transitionContactPerson(
  ctx: ServiceContext,
  input: { id: number; to: CpStatus; date: string; note: string },
  by: 'manual' | 'system' = 'manual',
): Promise<void> {
  // The approval blockers are read in the write's transaction: a register check removed meanwhile counts.
  return writeTransaction(ctx, (tx) => transitionContactPersonInTrx(tx, input, by));
}

async function transitionContactPersonInTrx(
  ctx: TxContext,
  input: { id: number; to: CpStatus; date: string; note: string },
  by: 'manual' | 'system',
): Promise<void> {
  const row = await getRow(ctx, input.id);
  const from = row.status;
  const err = transitionError(from, input.to, by);
  if (err) throw new DomainError('RULE_VIOLATION', err);
  assertNotFuture(ctx, input.date, 'date');
  if (input.to === 'godkand' && from === 'utredning_pagar') {
    const blockers = approvalBlockers(
      await loadApprovalFacts(ctx.db, row.id, row.prefers_children === 1, row.consent_date),
    );
    if (blockers.length > 0)
      throw new DomainError('RULE_VIOLATION', `Personen kan inte godkännas än: ${blockers.join(' ')}`);
  }
  await writeTransition(ctx, ctx.db, row.id, from, row.queue_since, input);
}
