import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { RawDatabase } from '../db/open';
import type { DialectName } from '../db/dialect';
import type { SessionUser } from '../../shared/ipc/procedures/session';
import { appendAudit, type AuditEvent } from '../audit/audit-log';

/** An unlocked session: the only place the data key and the open database live. */
export interface Session {
  user: SessionUser;
  vaultEntryId: string;
  dataKey: Buffer;
  /** The SQLite connection; in server mode a stand-in that refuses every use (see db/server-mode.ts). */
  raw: RawDatabase;
  db: Kysely<DB>;
  dialect: DialectName;
  lastActivity: number;
  idleLockMinutes: number;
}

/** What a service gets: the database, who is acting, the clock and the audit writer. */
export interface ServiceContext {
  db: Kysely<DB>;
  raw: RawDatabase;
  /** 'sqlite' for the local encrypted file (the default), 'postgres' for a shared server. */
  dialect: DialectName;
  actor: SessionUser;
  now: () => Date;
  dataKey: Buffer;
}

export function audit(
  ctx: ServiceContext,
  trx: Transaction<DB> | Kysely<DB>,
  event: Omit<AuditEvent, 'userId'>,
): Promise<number> {
  return appendAudit(trx, { ...event, userId: ctx.actor.id }, ctx.now);
}
