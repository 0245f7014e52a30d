import type { z } from 'zod';
import { DomainError } from '../../../shared/errors';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { parseStored, type FieldLabels } from './kinds/stored';
import { storedVersion, versionData, type VersionTable as Table } from './kinds/versions';

async function assignment(ctx: ServiceContext, id: number) {
  const a = await ctx.db
    .selectFrom('assignments')
    .innerJoin('decisions', 'decisions.id', 'assignments.decision_id')
    .select(['assignments.id', 'assignments.status', 'decisions.client_id'])
    .where('assignments.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'Uppdraget finns inte.');
  return a;
}

/** Every saved version, each checked with the kind's schema (a damaged one is named in Swedish, not sent on). */
export async function listVersions<T>(
  ctx: ServiceContext,
  table: Table,
  assignmentId: number,
  kind: { data: z.ZodType<T>; labels: FieldLabels },
): Promise<Array<{ version: number; data: T; createdAt: string; createdBy: string | null }>> {
  const a = await assignment(ctx, assignmentId);
  const rows = await ctx.db
    .selectFrom(table)
    .leftJoin('users', 'users.id', `${table}.created_by`)
    .select([`${table}.version`, `${table}.data`, `${table}.created_at`, 'users.display_name'])
    .where(`${table}.assignment_id`, '=', assignmentId)
    .orderBy(`${table}.version`, 'desc')
    .execute();
  await audit(ctx, ctx.db, {
    action: `${table}.read`,
    entityType: 'client',
    entityId: a.client_id,
    detail: `uppdrag ${assignmentId}`,
  });
  const schema = storedVersion(kind.data);
  return rows.map((r) => {
    const { data } = parseStored(schema, versionData(table, r), kind.labels);
    return { version: r.version, data, createdAt: r.created_at, createdBy: r.display_name ?? null };
  });
}

/** Saves a new version when anything changed; old versions stay as they were (readable and printable). */
export async function saveVersion(
  ctx: ServiceContext,
  table: Table,
  assignmentId: number,
  data: unknown,
): Promise<{ version: number }> {
  return writeTransaction(ctx, (tx) => saveVersionInTrx(tx, table, assignmentId, data));
}

async function saveVersionInTrx(
  ctx: TxContext,
  table: Table,
  assignmentId: number,
  data: unknown,
): Promise<{ version: number }> {
  const a = await assignment(ctx, assignmentId);
  if (['kp_avbojt', 'brukare_avbojt', 'aterkallat'].includes(a.status))
    throw new DomainError('RULE_VIOLATION', 'Uppdraget blev aldrig av; inget avtal eller plan kan skrivas.');
  const latest = await ctx.db
    .selectFrom(table)
    .select(['version', 'data'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const json = JSON.stringify(data);
  if (latest && latest.data === json) return { version: latest.version };
  const version = (latest?.version ?? 0) + 1;
  const trx = ctx.db;
  await trx
    .insertInto(table)
    .values({
      assignment_id: assignmentId,
      version,
      data: json,
      created_at: ctx.now().toISOString(),
      created_by: ctx.actor.id,
    })
    .execute();
  await audit(ctx, trx, {
    action: `${table}.save`,
    entityType: 'client',
    entityId: a.client_id,
    detail: `uppdrag ${assignmentId}, version ${version}`,
  });
  return { version };
}
