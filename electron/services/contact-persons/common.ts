import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../../core/session';
import { param, precompile } from '../../db/precompiled';

/** The hottest lookup (every screen of a person): compiled once, see precompile. */
const rowById = precompile((db) => db.selectFrom('contact_persons').selectAll().where('id', '=', param<number>('id')));

export async function getRow(ctx: ServiceContext, id: number) {
  const row = await rowById.executeTakeFirst(ctx.db, { id });
  if (!row) throw new DomainError('NOT_FOUND', 'Kontaktpersonen finns inte.');
  return row;
}

/** One line on the person's timeline. */
export async function addEvent(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  contactPersonId: number,
  e: { kind: string; date: string; note: string | null; fromStatus?: string | null; toStatus?: string | null },
): Promise<void> {
  await trx
    .insertInto('cp_events')
    .values({
      contact_person_id: contactPersonId,
      at: ctx.now().toISOString(),
      date: e.date,
      user_id: ctx.actor.id,
      kind: e.kind,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      note: e.note,
    })
    .execute();
}
