import type { AuditEntry, AuditVerifyResult } from '../../shared/ipc/procedures/audit';
import { verifyAuditChain } from '../audit/verify';
import type { ServiceContext } from '../core/session';

export async function listAudit(ctx: ServiceContext, input: { beforeId?: number; limit: number }): Promise<AuditEntry[]> {
  let q = ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.username',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.detail',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(input.limit);
  if (input.beforeId) q = q.where('audit_log.id', '<', input.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username ?? null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: r.detail,
  }));
}

export function verifyAudit(ctx: ServiceContext, anchor: { id: number; hash: string } | null): AuditVerifyResult {
  return verifyAuditChain(ctx.raw, anchor);
}
