import { sql, type Kysely, type Transaction } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { registerServerBackupInput, ServerBackup } from '../../shared/ipc/procedures/backup';
import type { z } from 'zod';
import type { DB } from '../db/schema';
import { audit, type ServiceContext } from '../core/session';
import { writeTransaction } from './transaction';

/**
 * The known backups of the shared server's database (migration 0011). IT's script records a dump
 * through the database function `kontaktregistret_backup_taken`, which writes the record and its
 * audit row itself; an admin can record one here. A record counts as known only with its audit row.
 */

/** The audit action of the server function (written out in migration 0011 too; its test holds them equal). */
export const SERVER_BACKUP_SCRIPT_ACTION = 'backup.server.script';
export const SERVER_BACKUP_APP_ACTION = 'backup.server.register';
export const SERVER_BACKUP_ENTITY = 'server_backup';

/** How many records the panel shows. */
const SHOWN = 20;

export async function serverBackupStatus(ctx: ServiceContext): Promise<{ server: boolean; backups: ServerBackup[] }> {
  if (ctx.dialect !== 'postgres') return { server: false, backups: [] };
  return { server: true, backups: await knownServerBackups(ctx.db, SHOWN) };
}

/** Newest first by when the dump was taken; works on both dialects (the table exists on both). */
export async function knownServerBackups(db: Kysely<DB>, limit: number): Promise<ServerBackup[]> {
  const rows = await db
    .selectFrom('server_backups as b')
    .leftJoin('users as u', 'u.id', 'b.recorded_by')
    .select((eb) => [
      'b.id',
      'b.taken_at',
      'b.recorded_at',
      'b.source',
      'b.label',
      'b.bytes',
      'b.sha256',
      'b.db_role',
      'u.display_name',
      eb
        .exists(
          eb
            .selectFrom('audit_log as a')
            .select('a.id')
            .where('a.entity_type', '=', SERVER_BACKUP_ENTITY)
            .where('a.entity_id', '=', sql<string>`cast(b.id as text)`)
            .where('a.action', 'in', [SERVER_BACKUP_SCRIPT_ACTION, SERVER_BACKUP_APP_ACTION]),
        )
        .as('audited'),
    ])
    .orderBy('b.taken_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    takenAt: r.taken_at,
    recordedAt: r.recorded_at,
    source: r.source,
    label: r.label,
    bytes: r.bytes,
    sha256: r.sha256,
    recordedBy: r.source === 'skript' ? r.db_role : r.display_name,
    // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
    audited: Boolean(r.audited),
  }));
}

/** Registrera säkerhetskopia: an admin records a server dump IT has confirmed. Server mode only. */
export async function registerServerBackup(
  ctx: ServiceContext,
  input: z.output<typeof registerServerBackupInput>,
): Promise<{ id: number }> {
  if (ctx.dialect !== 'postgres') {
    throw new DomainError(
      'RULE_VIOLATION',
      'Säkerhetskopior av en databasserver registreras bara med en delad databasserver. Den lokala databasen säkerhetskopieras av programmet (Säkerhetskopiera nu). Inget har registrerats.',
    );
  }
  // The workstation's local time, as the admin reads it off IT's report.
  const taken = new Date(`${input.date}T${input.time}:00`);
  if (Number.isNaN(taken.getTime()) || taken.getTime() > ctx.now().getTime()) {
    throw new DomainError('INVALID_INPUT', 'Tidpunkten ligger i framtiden. Inget har registrerats.', {
      fields: { time: 'Tidpunkten ligger i framtiden.' },
    });
  }
  return writeTransaction(ctx, ({ db }) =>
    recordServerBackup(ctx, db, {
      takenAt: taken.toISOString(),
      label: input.label,
      sha256: input.sha256 || null,
    }),
  );
}

/** Writes an app record and its audit row in the caller's transaction (any dialect; tests use it locally). */
export async function recordServerBackup(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  b: { takenAt: string; label: string; sha256: string | null },
): Promise<{ id: number }> {
  const { id } = await trx
    .insertInto('server_backups')
    .values({
      taken_at: b.takenAt,
      recorded_at: ctx.now().toISOString(),
      source: 'app',
      label: b.label,
      bytes: null,
      sha256: b.sha256,
      db_role: null,
      recorded_by: ctx.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, trx, {
    action: SERVER_BACKUP_APP_ACTION,
    entityType: SERVER_BACKUP_ENTITY,
    entityId: id,
    detail: `tagen ${b.takenAt}, ${b.label}${b.sha256 ? `, SHA-256 ${b.sha256}` : ''}, registrerad i appen`,
  });
  return { id };
}
