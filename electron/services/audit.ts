import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AuditEntry, AuditVerifyResult } from '../../shared/ipc/procedures/audit';
import { parsePersonnummer } from '../../shared/personnummer';
import { DomainError } from '../../shared/errors';
import { verifyLiveAudit } from '../audit/anchors';
import type { Vault } from '../vault/vault';
import { toLocalIsoDate } from '../../shared/dates';
import type { ServiceContext } from '../core/session';
import { toCsv } from '../exports/csv';
import type { ExportSink } from '../core/export-sink';
import { saveExport } from './save-export';

export interface AuditFilter {
  userId?: number;
  personnummer: string;
  actionPrefix: string;
  from?: string;
  to?: string;
  beforeId?: number;
}

async function filtered(db: Kysely<DB>, f: AuditFilter, today: string) {
  let q = db
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
      'audit_log.workstation',
    ])
    .orderBy('audit_log.id', 'desc');
  if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
  if (f.actionPrefix) q = q.where('audit_log.action', 'like', `${f.actionPrefix.replace(/[%_\\]/g, '')}%`);
  if (f.from) q = q.where('audit_log.at', '>=', `${f.from}T00:00:00`);
  if (f.to) q = q.where('audit_log.at', '<', `${f.to}T23:59:59.999Z`);
  if (f.beforeId) q = q.where('audit_log.id', '<', f.beforeId);
  if (f.personnummer) {
    const p = parsePersonnummer(f.personnummer, today);
    if (!p.ok) throw new DomainError('INVALID_INPUT', p.message, { fields: { personnummer: p.message } });
    const cp = await db
      .selectFrom('contact_persons')
      .select('id')
      .where('personnummer', '=', p.value.canonical)
      .executeTakeFirst();
    const cl = await db
      .selectFrom('clients')
      .select('id')
      .where('personnummer', '=', p.value.canonical)
      .executeTakeFirst();
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('audit_log.entity_type', '=', 'contact_person'),
          eb('audit_log.entity_id', '=', String(cp?.id ?? -1)),
        ]),
        eb.and([eb('audit_log.entity_type', '=', 'client'), eb('audit_log.entity_id', '=', String(cl?.id ?? -1))]),
      ]),
    );
  }
  return q;
}

const toEntry = (r: {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  workstation: string | null;
}): AuditEntry => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  username: r.username ?? null,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  detail: r.detail,
  workstation: r.workstation,
});

export async function listAudit(ctx: ServiceContext, input: AuditFilter & { limit: number }): Promise<AuditEntry[]> {
  const rows = await (await filtered(ctx.db, input, toLocalIsoDate(ctx.now()))).limit(input.limit).execute();
  return rows.map(toEntry);
}

/** The filtered log as CSV for the municipality's logguppföljning, logged once saved. */
export async function exportAuditCsv(
  ctx: ServiceContext,
  sink: ExportSink,
  f: AuditFilter,
): Promise<{ savedTo: string | null; rows: number }> {
  const today = toLocalIsoDate(ctx.now());
  const rows = (await (await filtered(ctx.db, f, today)).limit(1_000_000).execute()).map(toEntry);
  const lines = [
    // Arbetsstation last: the columns before it keep their places for tools that read them by position.
    ['Nr', 'Tid', 'Användare', 'Händelse', 'Objekt', 'Objekt-id', 'Detalj', 'Arbetsstation'],
    ...rows.map((r) => [r.id, r.at, r.username, r.action, r.entityType, r.entityId, r.detail, r.workstation]),
  ];
  const file = { name: `logg-${ctx.now().toISOString().slice(0, 10)}.csv`, content: Buffer.from(toCsv(lines), 'utf8') };
  const savedTo = await saveExport(ctx, sink, file, {
    action: 'audit.export',
    entityType: 'audit',
    detail: `${rows.length} rader`,
  });
  return { savedTo, rows: rows.length };
}

/** The live chain against the vault's anchor and the head in every backup manifest. */
export function verifyAudit(ctx: ServiceContext, vault: Vault): Promise<AuditVerifyResult> {
  return verifyLiveAudit(ctx, vault);
}
