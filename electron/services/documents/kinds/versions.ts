import { z } from 'zod';
import { DomainError } from '../../../../shared/errors';
import type { RenderContext } from './context';
import { jsonText, type StoredData } from './stored';

/** A saved version row with its JSON data, checked as a whole. */
export const storedVersion = <T extends z.ZodType>(data: T) => z.object({ version: z.number().int().positive(), createdAt: z.string(), data });

/** The asked-for (or latest) saved version of an assignment's agreement or plan, not yet checked. */
export async function readVersion(
  rc: RenderContext,
  assignmentId: number,
  table: 'agreements' | 'implementation_plans',
  names: { what: string; none: string; remedy: string },
): Promise<StoredData> {
  let q = rc.ctx.db.selectFrom(table).select(['version', 'data', 'created_at']).where('assignment_id', '=', assignmentId);
  q = rc.ref.version ? q.where('version', '=', rc.ref.version) : q.orderBy('version', 'desc');
  const v = await q.executeTakeFirst();
  if (!v) throw new DomainError('NOT_FOUND', names.none);
  return { raw: { version: v.version, createdAt: v.created_at, data: jsonText(v.data) }, what: `${names.what} version ${v.version}`, remedy: names.remedy };
}
