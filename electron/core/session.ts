import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { RawDatabase } from '../db/open';
import type { SessionUser } from '../../shared/ipc/procedures/session';
import { appendAudit, type AuditEvent } from '../audit/audit-log';

/** An unlocked session: the only place the data key and the open database live. */
export interface Session {
  user: SessionUser;
  vaultEntryId: string;
  dataKey: Buffer;
  raw: RawDatabase;
  db: Kysely<DB>;
  lastActivity: number;
  idleLockMinutes: number;
}

/** What a service gets: the database, who is acting, the clock and the audit writer. */
export interface ServiceContext {
  db: Kysely<DB>;
  raw: RawDatabase;
  actor: SessionUser;
  now: () => Date;
  dataKey: Buffer;
}

export function audit(ctx: ServiceContext, trx: Transaction<DB> | Kysely<DB>, event: Omit<AuditEvent, 'userId'>): Promise<number> {
  return appendAudit(trx, { ...event, userId: ctx.actor.id }, ctx.now);
}
