import { DomainError } from '../../../shared/errors';
import {
  REGISTER_LABELS,
  OUTCOME_LABELS,
  type Outcome,
  type Register,
} from '../../../shared/contact-persons/register-checks';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertNotFuture } from '../../core/guards';
import { toLocalIsoDate } from '../../../shared/dates';
import { addEvent, getRow } from './common';

const ASSESSABLE = ['intresseanmalan', 'intervju_bokad', 'utredning_pagar', 'godkand', 'vilande', 'i_uppdrag'];

async function assessable(ctx: ServiceContext, id: number) {
  const row = await getRow(ctx, id);
  if (!ASSESSABLE.includes(row.status))
    throw new DomainError(
      'RULE_VIOLATION',
      'Utredningen kan inte ändras för en person som är avslutad eller inte godkänd.',
    );
  return row;
}

export async function addInterview(
  ctx: ServiceContext,
  input: { id: number; date: string; interviewer: string; notes: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => addInterviewInTrx(tx, input));
}

async function addInterviewInTrx(
  ctx: TxContext,
  input: { id: number; date: string; interviewer: string; notes: string },
): Promise<void> {
  await assessable(ctx, input.id);
  assertNotFuture(ctx, input.date, 'date', 'Intervjudatum');
  const trx = ctx.db;
  await trx
    .insertInto('cp_interviews')
    .values({
      contact_person_id: input.id,
      date: input.date,
      interviewer: input.interviewer,
      notes: input.notes,
      created_by: ctx.actor.id,
    })
    .execute();
  await addEvent(ctx, trx, input.id, {
    kind: 'interview',
    date: input.date,
    note: `Intervju hållen av ${input.interviewer}`,
  });
  await audit(ctx, trx, { action: 'cp.interview.add', entityType: 'contact_person', entityId: input.id });
}

export async function addReference(
  ctx: ServiceContext,
  input: { id: number; name: string; phone: string; relation: string; notes: string; contactedDate: string | null },
): Promise<void> {
  return writeTransaction(ctx, (tx) => addReferenceInTrx(tx, input));
}

async function addReferenceInTrx(ctx: TxContext, input: Parameters<typeof addReference>[1]): Promise<void> {
  await assessable(ctx, input.id);
  if (input.contactedDate) assertNotFuture(ctx, input.contactedDate, 'contactedDate', 'Datum för kontakt');
  const trx = ctx.db;
  await trx
    .insertInto('cp_references')
    .values({
      contact_person_id: input.id,
      name: input.name,
      phone: input.phone,
      relation: input.relation,
      notes: input.notes,
      contacted_date: input.contactedDate,
    })
    .execute();
  await addEvent(ctx, trx, input.id, {
    kind: 'reference',
    date: input.contactedDate ?? toLocalIsoDate(ctx.now()),
    note: `Referens: ${input.name}`,
  });
  await audit(ctx, trx, { action: 'cp.reference.add', entityType: 'contact_person', entityId: input.id });
}

/** Consent (samtycke) to register checks and references. */
export async function setConsent(ctx: ServiceContext, input: { id: number; date: string }): Promise<void> {
  return writeTransaction(ctx, (tx) => setConsentInTrx(tx, input));
}

async function setConsentInTrx(ctx: TxContext, input: { id: number; date: string }): Promise<void> {
  await assessable(ctx, input.id);
  assertNotFuture(ctx, input.date, 'date', 'Datum för samtycke');
  const trx = ctx.db;
  await trx
    .updateTable('contact_persons')
    .set({ consent_date: input.date, updated_at: ctx.now().toISOString() })
    .where('id', '=', input.id)
    .execute();
  await addEvent(ctx, trx, input.id, {
    kind: 'consent',
    date: input.date,
    note: 'Samtycke till registerkontroll och referenstagning',
  });
  await audit(ctx, trx, { action: 'cp.consent.set', entityType: 'contact_person', entityId: input.id });
}

/** Records that an extract was shown and its outcome; the extract itself is never stored. */
export async function addRegisterCheck(
  ctx: ServiceContext,
  input: {
    id: number;
    register: Register;
    extractDate: string;
    shownDate: string;
    outcome: Outcome;
    assessmentNote: string;
  },
): Promise<void> {
  return writeTransaction(ctx, (tx) => addRegisterCheckInTrx(tx, input));
}

async function addRegisterCheckInTrx(ctx: TxContext, input: Parameters<typeof addRegisterCheck>[1]): Promise<void> {
  const row = await assessable(ctx, input.id);
  assertNotFuture(ctx, input.shownDate, 'shownDate', 'Datum då utdraget visades');
  if (!row.consent_date) throw new DomainError('RULE_VIOLATION', 'Registrera samtycke innan registerkontrollen.');
  const trx = ctx.db;
  await trx
    .insertInto('cp_register_checks')
    .values({
      contact_person_id: input.id,
      register: input.register,
      extract_date: input.extractDate,
      shown_date: input.shownDate,
      outcome: input.outcome,
      assessment_note: input.assessmentNote || null,
      checked_by: ctx.actor.id,
    })
    .execute();
  await addEvent(ctx, trx, input.id, {
    kind: 'register_check',
    date: input.shownDate,
    note: `${REGISTER_LABELS[input.register]}: ${OUTCOME_LABELS[input.outcome]}`,
  });
  await audit(ctx, trx, {
    action: 'cp.register-check.add',
    entityType: 'contact_person',
    entityId: input.id,
    detail: input.register,
  });
}
