import { sql, type Transaction } from 'kysely';
import { dialectOf } from '../db/dialect';
import type { DB } from '../db/schema';
import { rethrowConstraint } from '../db/constraint-errors';
import type { ServiceContext } from '../core/session';

/** A service context whose every query runs in one open transaction. */
export type TxContext = ServiceContext & { db: Transaction<DB> };

/**
 * Runs `fn` as one write transaction (BEGIN IMMEDIATE, see db/open.ts) with a context whose `db` is
 * the transaction. Every read that decides a write belongs inside: Kysely's API is async, so two
 * calls interleave at each await, and a check made outside can be stale by the time the write runs.
 * Inside, the single connection is held until commit, so a second call waits for the first.
 * Never use the outer `ctx.db` in `fn`: it waits for the connection this transaction holds.
 * A constraint the database refuses comes out as a Swedish DomainError.
 *
 * On the shared PostgreSQL server several workstations write at once and READ COMMITTED would let
 * two of them pass the same check; a transaction-scoped advisory lock gives the server SQLite's
 * rule instead: one write transaction at a time, so the check inside still decides the write.
 */
export function writeTransaction<T>(ctx: ServiceContext, fn: (tx: TxContext) => Promise<T>): Promise<T> {
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      if (dialectOf(trx) === 'postgres') await sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
      return fn({ ...ctx, db: trx });
    })
    .catch(rethrowConstraint);
}

/** Arbitrary constant naming the write lock on PostgreSQL ("KPRW"); the audit chain has its own. */
const WRITE_LOCK_KEY = 0x4b505257;
