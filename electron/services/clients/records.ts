import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import { flagChange, keepMaskedValues } from '../protected-identity';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import type { clientInput } from '../../../shared/ipc/procedures/clients';
import { personnummerFacts } from '../../../shared/personnummer';
import { withCanonicalPersonnummer } from '../personnummer';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertVersionMatched, nextVersion, versionToMatch } from '../row-version';

export type ClientValues = z.output<typeof clientInput>;
const DUPLICATE = 'Det finns redan en brukare med det personnumret.';

function columns(v: ClientValues) {
  const p = personnummerFacts(v.personnummer); // canonical: withCanonicalPersonnummer ran first
  return {
    personnummer: v.personnummer,
    first_name: v.firstName,
    last_name: v.lastName,
    birth_date: p.birthDate,
    gender: p.gender,
    street: v.street,
    postal_code: v.postalCode.replace(/\s/g, ''),
    city: v.city,
    phone: v.phone,
    area: v.area,
    workplace: v.workplace,
    residence: v.residence,
    languages: JSON.stringify(v.languages),
    interests: JSON.stringify(v.interests),
    wishes: v.wishes,
    preferred_gender: v.preferredGender,
    preferred_age_min: v.preferredAgeMin,
    preferred_age_max: v.preferredAgeMax,
    protected_identity: v.protectedIdentity ? 1 : 0,
    search_name: `${v.firstName} ${v.lastName}`.toLocaleLowerCase('sv-SE'),
  };
}

export async function getClientRow(ctx: ServiceContext, id: number) {
  const row = await ctx.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', 'Brukaren finns inte.');
  return row;
}

export async function createClient(ctx: ServiceContext, input: ClientValues): Promise<{ id: number }> {
  return writeTransaction(ctx, (tx) => createClientChecked(tx, input));
}

async function createClientChecked(ctx: TxContext, input: ClientValues): Promise<{ id: number }> {
  const v = withCanonicalPersonnummer(ctx.now(), input);
  if (await ctx.db.selectFrom('clients').select('id').where('personnummer', '=', v.personnummer).executeTakeFirst()) {
    throw new DomainError('CONFLICT', DUPLICATE, { fields: { personnummer: DUPLICATE } });
  }
  const trx = ctx.db;
  const r = await createClientInTrx(ctx, trx, v);
  await audit(ctx, trx, { action: 'client.create', entityType: 'client', entityId: r.id });
  return r;
}

/** The insert itself, inside the caller's transaction (also used by the import). */
export async function createClientInTrx(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  v: ClientValues,
): Promise<{ id: number }> {
  const at = ctx.now().toISOString();
  const { id } = await trx
    .insertInto('clients')
    .values({ ...columns(v), ivo_suffix: randomInt(0, 1000), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (v.connections.length > 0)
    await trx
      .insertInto('client_connections')
      .values(v.connections.map((c) => ({ ...c, client_id: id })))
      .execute();
  return { id };
}

/** `expectedVersion`: the version the form loaded (clients.get); a stale save is refused with CONFLICT. */
export async function updateClient(
  ctx: ServiceContext,
  id: number,
  input: ClientValues,
  expectedVersion?: number,
): Promise<{ id: number }> {
  return writeTransaction(ctx, (tx) => updateClientInTrx(tx, id, input, expectedVersion));
}

async function updateClientInTrx(
  ctx: TxContext,
  id: number,
  input: ClientValues,
  expectedVersion: number | undefined,
): Promise<{ id: number }> {
  const before = await getClientRow(ctx, id);
  const version = versionToMatch('brukaren', before.version, expectedVersion);
  const v = withCanonicalPersonnummer(ctx.now(), input);
  if (before.without_assessment === 1)
    throw new DomainError(
      'RULE_VIOLATION',
      'En deltagare utan behovsprövning har bara namn eller kod, åldersgrupp och område; de ändras inte här.',
    );
  if (
    v.personnummer !== before.personnummer &&
    (await ctx.db.selectFrom('clients').select('id').where('personnummer', '=', v.personnummer).executeTakeFirst())
  ) {
    throw new DomainError('CONFLICT', DUPLICATE, { fields: { personnummer: DUPLICATE } });
  }
  const flag = flagChange(before.protected_identity === 1, v.protectedIdentity, v.protectedIdentityReason);
  const cols = keepMaskedValues(before, columns(v));
  const changed = (Object.keys(cols) as Array<keyof typeof cols>).filter(
    (k) => !['search_name', 'birth_date', 'gender'].includes(k) && cols[k] !== before[k],
  );
  const trx = ctx.db;
  const updated = await trx
    .updateTable('clients')
    .set({ ...cols, updated_at: ctx.now().toISOString(), version: nextVersion })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertVersionMatched(updated, 'brukaren');
  await trx.deleteFrom('client_connections').where('client_id', '=', id).execute();
  if (v.connections.length > 0)
    await trx
      .insertInto('client_connections')
      .values(v.connections.map((c) => ({ ...c, client_id: id })))
      .execute();
  await audit(ctx, trx, {
    action: 'client.update',
    entityType: 'client',
    entityId: id,
    detail: [...changed, 'connections'].join(','),
  });
  if (flag)
    await audit(ctx, trx, { action: 'client.protected-identity', entityType: 'client', entityId: id, detail: flag });
  return { id };
}

export async function revealClientAddress(ctx: ServiceContext, input: { id: number; reason: string }) {
  const r = await getClientRow(ctx, input.id);
  await audit(ctx, ctx.db, {
    action: 'client.address.reveal',
    entityType: 'client',
    entityId: input.id,
    detail: input.reason,
  });
  return { street: r.street, postalCode: r.postal_code, city: r.city, phone: r.phone, workplace: r.workplace };
}
