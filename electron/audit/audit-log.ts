import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { GENESIS_HASH, chainHash, type ChainRow } from './chain';
import { precompile } from '../db/precompiled';

/** What a caller records; ids and hashes are filled in here. Never put case data in `detail`. */
export interface AuditEvent {
  userId: number | null;
  action: string;
  entityType?: string | null;
  entityId?: string | number | null;
  detail?: string | null;
  /** ISO instant; defaults to now. Used to backdate failed logins recorded before unlock. */
  at?: string;
}

/** The chain head, read before every logged action: compiled once (see precompile). */
const chainHead = precompile((db) => db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));

/**
 * Appends one row to the chain. Must run inside the transaction of the change it records,
 * so a rolled-back write leaves no audit row and a committed one always has its row.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, event: AuditEvent, now: () => Date): Promise<number> {
  const last = await chainHead.executeTakeFirst(trx, {});
  const row: ChainRow = {
    id: (last?.id ?? 0) + 1,
    at: event.at ?? now().toISOString(),
    user_id: event.userId,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    detail: event.detail ?? null,
  };
  const prev = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prev, hash: chainHash(prev, row) })
    .execute();
  return row.id;
}

export async function auditHead(db: Kysely<DB>): Promise<{ id: number; hash: string } | null> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last ?? null;
}
