import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import { checkBankAccount, formatBban, maskAccount, normaliseAccount } from '../../../shared/bank-account';
import { maskPersonnummer } from '../../../shared/personnummer';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { toLocalIsoDate } from '../../../shared/dates';
import { toColumns, type CpValues } from './mapping';
import { withCanonicalPersonnummer } from '../personnummer';
import { addEvent, getRow } from './common';
import { flagChange, keepMaskedValues } from '../protected-identity';
import { assertVersionMatched, nextVersion, versionToMatch } from '../row-version';

const DUPLICATE = 'Det finns redan en kontaktperson med det personnumret.';

function bankWarnings(v: CpValues): string[] {
  if (!v.bankClearing && !v.bankAccount) return [];
  const r = checkBankAccount(v.bankClearing, v.bankAccount);
  if (r.status === 'invalid')
    throw new DomainError('INVALID_INPUT', r.message, { fields: { bankClearing: r.message } });
  return r.status === 'doubtful' ? [r.message] : [];
}

/** Registers an interest (intresseanmälan). */
export async function createContactPerson(
  ctx: ServiceContext,
  input: CpValues,
): Promise<{ id: number; warnings: string[] }> {
  const v = withCanonicalPersonnummer(ctx.now(), input);
  const warnings = bankWarnings(v);
  const id = await writeTransaction(ctx, async (tx) => {
    const dup = await tx.db
      .selectFrom('contact_persons')
      .select('id')
      .where('personnummer', '=', v.personnummer)
      .executeTakeFirst();
    if (dup) throw new DomainError('CONFLICT', DUPLICATE, { fields: { personnummer: DUPLICATE } });
    const newId = await insertContactPersonInTrx(tx, tx.db, v, null);
    await audit(tx, tx.db, { action: 'cp.create', entityType: 'contact_person', entityId: newId });
    return newId;
  });
  return { id, warnings };
}

/** The registration itself (record + first timeline line), in the caller's transaction; also used by the import. */
export async function insertContactPersonInTrx(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  v: CpValues,
  note: string | null,
): Promise<number> {
  const at = ctx.now().toISOString();
  const row = await trx
    .insertInto('contact_persons')
    .values({ ...toColumns(v), status: 'intresseanmalan', status_changed_at: at, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEvent(ctx, trx, row.id, {
    kind: 'registered',
    toStatus: 'intresseanmalan',
    date: toLocalIsoDate(ctx.now()),
    note,
  });
  return row.id;
}

/**
 * Updates the record. A hidden (protected) address left blank in the form keeps its stored value.
 * `expectedVersion` is the version the form loaded (cp.get): a save from a form someone else's save
 * has overtaken is refused with CONFLICT and writes nothing.
 */
export async function updateContactPerson(
  ctx: ServiceContext,
  id: number,
  input: CpValues,
  expectedVersion?: number,
): Promise<{ id: number; warnings: string[] }> {
  return writeTransaction(ctx, (tx) => updateContactPersonInTrx(tx, id, input, expectedVersion));
}

async function updateContactPersonInTrx(
  ctx: TxContext,
  id: number,
  input: CpValues,
  expectedVersion: number | undefined,
): Promise<{ id: number; warnings: string[] }> {
  const before = await getRow(ctx, id);
  const version = versionToMatch('kontaktpersonen', before.version, expectedVersion);
  const v = withCanonicalPersonnummer(ctx.now(), input);
  const warnings = bankWarnings(v);
  if (v.personnummer !== before.personnummer) {
    const dup = await ctx.db
      .selectFrom('contact_persons')
      .select('id')
      .where('personnummer', '=', v.personnummer)
      .executeTakeFirst();
    if (dup) throw new DomainError('CONFLICT', DUPLICATE, { fields: { personnummer: DUPLICATE } });
  }
  const flag = flagChange(before.protected_identity === 1, v.protectedIdentity, v.protectedIdentityReason);
  const cols = keepMaskedValues(before, toColumns(v));
  cols.phone_digits = (cols.phone ?? '').replace(/\D/g, '');
  const derived = ['search_name', 'phone_digits', 'birth_date', 'gender'];
  const changed = (Object.keys(cols) as Array<keyof typeof cols>).filter(
    (k) => !derived.includes(k) && cols[k] !== before[k as keyof typeof before],
  );
  if (changed.length === 0) return { id, warnings };
  const trx = ctx.db;
  const updated = await trx
    .updateTable('contact_persons')
    .set({ ...cols, updated_at: ctx.now().toISOString(), version: nextVersion })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertVersionMatched(updated, 'kontaktpersonen');
  await addEvent(ctx, trx, id, {
    kind: 'updated',
    date: toLocalIsoDate(ctx.now()),
    note: `Ändrade uppgifter: ${changed.join(', ')}`,
  });
  await audit(ctx, trx, { action: 'cp.update', entityType: 'contact_person', entityId: id, detail: changed.join(',') });
  if (flag)
    await audit(ctx, trx, {
      action: 'cp.protected-identity',
      entityType: 'contact_person',
      entityId: id,
      detail: flag,
    });
  // Payment master data gets its own log line (auditors ask for these changes specifically).
  const payment = changed.filter((k) =>
    ['bank_clearing', 'bank_account', 'personnummer', 'tax_mode', 'tax_table', 'tax_column', 'tax_percent'].includes(k),
  );
  if (payment.length > 0)
    await audit(ctx, trx, {
      action: 'cp.payment-data.change',
      entityType: 'contact_person',
      entityId: id,
      detail: payment.join(','),
    });
  // Master-data control: payment details changed, before and after masked (the payout flags the line).
  const at = ctx.now().toISOString();
  const logChange = (field: string, before: string, after: string) =>
    trx
      .insertInto('payment_detail_changes')
      .values({ contact_person_id: id, at, user_id: ctx.actor.id, field, before_masked: before, after_masked: after })
      .execute();
  const key = (c: string | null | undefined, a: string | null | undefined) => {
    const n = c && a ? normaliseAccount(c, a) : null;
    return n ? formatBban(n, true) : `${c ?? ''}/${a ?? ''}`;
  };
  if (key(before.bank_clearing, before.bank_account) !== key(cols.bank_clearing, cols.bank_account)) {
    await logChange(
      'bankkonto',
      maskAccount(before.bank_clearing, before.bank_account),
      maskAccount(cols.bank_clearing ?? null, cols.bank_account ?? null),
    );
  }
  if (cols.personnummer !== before.personnummer)
    await logChange('personnummer', maskPersonnummer(before.personnummer), maskPersonnummer(cols.personnummer));
  if ((cols.employee_number ?? null) !== before.employee_number)
    await logChange('anställningsnummer', before.employee_number ?? '–', cols.employee_number ?? '–');
  return { id, warnings };
}
