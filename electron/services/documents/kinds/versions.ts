import { z } from 'zod';
import { DomainError } from '../../../../shared/errors';
import type { RenderContext } from './context';
import { jsonText, type StoredData } from './stored';

/** A saved version row with its JSON data, checked as a whole. */
export const storedVersion = <T>(data: z.ZodType<T>) =>
  z.object({ version: z.number().int().positive(), createdAt: z.string(), data });

export type VersionTable = 'agreements' | 'implementation_plans';

/** How a saved version is named in errors, and what the user can do about a bad one. */
export const VERSION_NAMES: Record<VersionTable, { what: string; none: string; remedy: string }> = {
  agreements: {
    what: 'Uppdragsavtalet',
    none: 'Inget avtal är skrivet för uppdraget.',
    remedy: 'Spara avtalet på nytt under Uppdrag → Avtal (det blir en ny version), eller kontakta systemförvaltaren.',
  },
  implementation_plans: {
    what: 'Genomförandeplanen',
    none: 'Ingen genomförandeplan är skriven för uppdraget.',
    remedy:
      'Spara planen på nytt under Uppdrag → Genomförandeplan (det blir en ny version), eller kontakta systemförvaltaren.',
  },
};

/** A saved version row as read, not yet checked. */
export function versionData(table: VersionTable, v: { version: number; data: string; created_at: string }): StoredData {
  const names = VERSION_NAMES[table];
  return {
    raw: { version: v.version, createdAt: v.created_at, data: jsonText(v.data) },
    what: `${names.what} version ${v.version}`,
    remedy: names.remedy,
  };
}

/** The asked-for (or latest) saved version of an assignment's agreement or plan, not yet checked. */
export async function readVersion(rc: RenderContext, assignmentId: number, table: VersionTable): Promise<StoredData> {
  let q = rc.ctx.db
    .selectFrom(table)
    .select(['version', 'data', 'created_at'])
    .where('assignment_id', '=', assignmentId);
  q = rc.ref.version ? q.where('version', '=', rc.ref.version) : q.orderBy('version', 'desc');
  const v = await q.executeTakeFirst();
  if (!v) throw new DomainError('NOT_FOUND', VERSION_NAMES[table].none);
  return versionData(table, v);
}
