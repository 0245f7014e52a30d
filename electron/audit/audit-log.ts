import { sql, type Kysely, type Transaction } from 'kysely';
import { dialectOf } from '../db/dialect';
import type { DB } from '../db/schema';
import { GENESIS_HASH, chainHash, type ChainRow } from './chain';
import { precompile } from '../db/precompiled';
import { WORKSTATION_SETTING, boundWorkstation, cleanWorkstation } from './workstation';

/** Arbitrary constant naming the audit chain's append lock on PostgreSQL. */
export const AUDIT_LOCK_KEY = 0x4b505241; // "KPRA"

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
export async function appendAudit(
  trx: Transaction<DB> | Kysely<DB>,
  event: AuditEvent,
  now: () => Date,
): Promise<number> {
  let workstation: string | null;
  if (dialectOf(trx) === 'postgres') {
    // Several workstations append to one chain: each append holds a lock until its transaction ends,
    // so two never read the same head (an advisory lock needs no table rights beyond insert and select).
    // The same round trip reads the workstation this connection named at connect time (postgres.ts).
    if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, event, now));
    const locked = await sql<{ ws: string | null }>`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY}),
      current_setting(${WORKSTATION_SETTING}, true) AS ws`.execute(trx);
    workstation = cleanWorkstation(locked.rows[0]?.ws);
  } else {
    workstation = boundWorkstation(trx);
  }
  const last = await chainHead.executeTakeFirst(trx, {});
  const row: ChainRow = {
    id: (last?.id ?? 0) + 1,
    at: event.at ?? now().toISOString(),
    user_id: event.userId,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    detail: event.detail ?? null,
    workstation,
  };
  const prev = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    // Without a workstation the column is left out, as rows were written before migration 0012.
    .values({ ...row, workstation: workstation ?? undefined, prev_hash: prev, hash: chainHash(prev, row) })
    .execute();
  return row.id;
}

export async function auditHead(db: Kysely<DB>): Promise<{ id: number; hash: string } | null> {
  const last = await db
    .selectFrom('audit_log')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ?? null;
}
