import { existsSync, statSync } from 'node:fs';
import { jsonSetting } from './json-setting';
import { DomainError } from '../../shared/errors';
import { backupSettings, type BackupSettings } from '../../shared/ipc/procedures/backup';
import { toLocalIsoDate } from '../../shared/dates';
import { audit, type ServiceContext } from '../core/session';
import { appendAudit } from '../audit/audit-log';
import { createBackup, listBackups, rotateBackups } from '../backup/backup';
import type { Vault } from '../vault/vault';
import { localOnlyError } from '../db/server-mode';

const DEFAULTS: BackupSettings = { folder: '', automatic: true, keepDays: 30 };

const stored = jsonSetting('backup', backupSettings, DEFAULTS, () => 'säkerhetskopiering');
export const readBackupSettings = stored.read;
/** A folder that does not exist (or a share that is not mounted) is refused when saved, not discovered at the first backup. */
export async function saveBackupSettings(ctx: ServiceContext, s: BackupSettings): Promise<void> {
  if (s.folder && !(existsSync(s.folder) && statSync(s.folder).isDirectory())) {
    throw new DomainError('INVALID_INPUT', `Mappen finns inte eller går inte att nå: ${s.folder}`, {
      fields: { folder: 'Mappen finns inte eller går inte att nå.' },
    });
  }
  await stored.save(ctx, s);
}

export async function backupNow(
  ctx: ServiceContext,
  vault: Vault,
  kind: 'manuell' | 'automatisk',
  detail: string | null = null,
): Promise<{ path: string }> {
  // On a shared server the municipality's IT backs the database up with PostgreSQL's own tools (pg_dump).
  if (ctx.dialect === 'postgres') throw localOnlyError('Säkerhetskopiering till fil');
  const s = await readBackupSettings(ctx.db);
  if (!s.folder)
    throw new DomainError(
      'RULE_VIOLATION',
      'Ingen mapp för säkerhetskopior är vald (Inställningar → Säkerhetskopiering).',
    );
  // The log line goes in first, so the backup holds the record of itself.
  await audit(ctx, ctx.db, {
    action: `backup.${kind === 'manuell' ? 'create' : 'auto'}`,
    entityType: 'backup',
    detail,
  });
  const { path } = await createBackup(ctx.raw, vault.path, s.folder, kind, ctx.now(), {
    keyId: vault.keyId(),
    epoch: vault.epoch(),
  });
  rotateBackups(s.folder, s.keepDays, ctx.now());
  return { path };
}

/** The backups in the chosen folder; those made under an earlier data key are marked. */
export async function listBackupFiles(ctx: ServiceContext, currentKeyId: string | null) {
  const s = await readBackupSettings(ctx.db);
  return listBackups(s.folder).map((b) => ({
    path: b.path,
    createdAt: b.manifest.createdAt,
    kind: b.manifest.kind,
    bytes: b.bytes,
    oldKey: b.manifest.keyId !== currentKeyId,
  }));
}

/** Daily automatic backup on the first unlock of the day. A failure is logged and never blocks the login. */
export async function autoBackupIfDue(ctx: ServiceContext, vault: Vault): Promise<void> {
  if (ctx.dialect === 'postgres') return;
  const s = await readBackupSettings(ctx.db);
  if (!s.automatic || !s.folder) return;
  const today = toLocalIsoDate(ctx.now());
  if (
    listBackups(s.folder).some(
      (b) => b.manifest.kind === 'automatisk' && toLocalIsoDate(new Date(b.manifest.createdAt)) === today,
    )
  )
    return;
  try {
    await backupNow(ctx, vault, 'automatisk');
  } catch (err) {
    await appendAudit(
      ctx.db,
      {
        userId: ctx.actor.id,
        action: 'backup.auto.failed',
        entityType: 'backup',
        detail: err instanceof DomainError ? err.message : 'okänt fel',
      },
      ctx.now,
    );
  }
}
