import { maskPersonnummer } from '../../../shared/personnummer';
import { DomainError } from '../../../shared/errors';
import { audit, type ServiceContext } from '../../core/session';

/** Report: every change of payment details (bank account, personnummer, anställningsnummer) in a period, masked. */
export async function paymentDetailChanges(ctx: ServiceContext, input: { from: string; to: string }) {
  if (input.from > input.to)
    throw new DomainError('INVALID_INPUT', 'Startdatumet ligger efter slutdatumet.', {
      fields: { from: 'Före slutdatumet.' },
    });
  const rows = await ctx.db
    .selectFrom('payment_detail_changes')
    .innerJoin('contact_persons', 'contact_persons.id', 'payment_detail_changes.contact_person_id')
    .leftJoin('users', 'users.id', 'payment_detail_changes.user_id')
    .select([
      'payment_detail_changes.at',
      'contact_person_id',
      'first_name',
      'last_name',
      'personnummer',
      'field',
      'before_masked',
      'after_masked',
      'users.display_name',
    ])
    .where('payment_detail_changes.at', '>=', `${input.from}T00:00:00`)
    // Stored as UTC instants; the end day is inclusive up to midnight of the next day.
    .where('payment_detail_changes.at', '<', `${input.to}T99`)
    .orderBy('payment_detail_changes.id')
    .execute();
  await audit(ctx, ctx.db, {
    action: 'payout.payment-detail-changes.read',
    entityType: 'payment_detail_changes',
    detail: `${input.from}–${input.to}`,
  });
  return rows.map((r) => ({
    at: r.at,
    contactPersonId: r.contact_person_id,
    name: `${r.first_name} ${r.last_name}`,
    personnummerMasked: maskPersonnummer(r.personnummer),
    field: r.field,
    before: r.before_masked,
    after: r.after_masked,
    by: r.display_name ?? null,
  }));
}
