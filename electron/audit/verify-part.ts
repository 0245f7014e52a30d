import { hash } from 'node:crypto';
import type { RawDatabase } from '../db/open';
import { chainHash, type ChainRow } from './chain';

export interface StoredRow extends ChainRow {
  prev_hash: string;
  hash: string;
}

/** An anchor as the part walk needs it: the Swedish source is only used in the message. */
export interface PartAnchor {
  id: number;
  hash: string;
  source: string;
}

/** A stretch of ids: `from` inclusive, `to` exclusive; null leaves that end open. */
export interface PartRange {
  from: number | null;
  to: number | null;
}

/**
 * What one part found. Its first row's link to the row before it (a seam) is judged by the caller,
 * who knows the previous part's last hash; inside the part everything else is judged here.
 */
export type PartResult =
  | { kind: 'fallback' }
  | { kind: 'empty' }
  | {
      kind: 'rows';
      firstId: number;
      /** The first row's stored prev_hash, read from its column (null if it is not text). */
      firstPrev: string | null;
      lastId: number;
      lastHash: string;
      /** Rows confirmed (up to the problem, if any). */
      checked: number;
      problem: { id: number; reason: string } | null;
    };

/**
 * The workstation column (migration 0012), or NULL in a database from before it (a backup inspected
 * before it is migrated): such rows have none, like every row written before it.
 */
export function workstationColumn(raw: RawDatabase): 'workstation' | 'NULL' {
  const has = raw.prepare("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'workstation'").get();
  return has ? 'workstation' : 'NULL';
}

/** The columns of a stored row. */
export const columnsOf = (ws: 'workstation' | 'NULL') =>
  `id, at, user_id, action, entity_type, entity_id, detail, ${ws} AS workstation, prev_hash, hash`;

/**
 * Each row as [id, hash input, stored hash]: SQLite writes the hash input (prev_hash, newline, the
 * canonical JSON array, with the workstation only when there is one) so one string per row crosses
 * into JavaScript instead of ten values. One cursor in id order: pages by "id > ? LIMIT n" looked cheaper, but with the statistics of a small
 * log SQLite plans them as a scan from the first row, quadratic at 1 000 000 rows. SQLite's JSON may
 * escape a rare character differently from JSON.stringify; such a row fails the fast check and is
 * rechecked from its columns (rowProblem), so the fast path can only confirm a row, never condemn it.
 */
const fast = (ws: 'workstation' | 'NULL') => `SELECT id, ifnull(prev_hash, '') || char(10) || CASE WHEN ${ws} IS NULL
    THEN json_array(id, at, user_id, action, entity_type, entity_id, detail)
    ELSE json_array(id, at, user_id, action, entity_type, entity_id, detail, ${ws}) END, hash
  FROM audit_log`;

export const missingReason = (id: number) => `Rad ${id} saknas i loggen (raderad).`;
export const unlinkedReason = (id: number) =>
  `Rad ${id} pekar inte på föregående rad (en rad före den har raderats eller ändrats).`;
export const anchorReason = (id: number, source: string) =>
  `Rad ${id} stämmer inte med kontrollpunkten i ${source}: loggen har skrivits om.`;

/** Why one row breaks the chain after `prevHash` (null: it does not), judged from its columns. */
export function rowProblem(row: StoredRow, prevHash: string): string | null {
  if (row.prev_hash !== prevHash) return unlinkedReason(row.id);
  if (chainHash(prevHash, row) !== row.hash) return `Rad ${row.id} har ändrats efter att den skrevs.`;
  return null;
}

/**
 * Walks the rows of one id range in order with the fast check: id continuity, each row's link to
 * the row before it inside the range, its hash, and the anchors on its id. 'fallback' when SQLite
 * cannot write a row as JSON (a BLOB written by hand): the caller then walks every row by its columns.
 */
export function verifyPart(raw: RawDatabase, range: PartRange, anchors: readonly PartAnchor[]): PartResult {
  const byId = new Map<number, PartAnchor[]>();
  for (const a of anchors) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  const where = [range.from === null ? null : 'id >= ?', range.to === null ? null : 'id < ?'].filter(Boolean);
  const params = [range.from, range.to].filter((v): v is number => v !== null);
  const ws = workstationColumn(raw);
  const sql = `${fast(ws)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  let rows: IterableIterator<[number, string, string]>;
  try {
    rows = raw
      .prepare(sql)
      .raw(true)
      .iterate(...params) as IterableIterator<[number, string, string]>;
  } catch {
    return { kind: 'fallback' };
  }
  // A second statement for rechecks: the cursor above stays open while it runs.
  const byIdRow = raw.prepare(`SELECT ${columnsOf(ws)} FROM audit_log WHERE id = ?`);
  let first: { id: number; prev: string | null } | null = null;
  let prevHash = '';
  let expectedId = 0;
  let lastHash = '';
  let checked = 0;
  const result = (problem: { id: number; reason: string } | null): PartResult =>
    first
      ? { kind: 'rows', firstId: first.id, firstPrev: first.prev, lastId: expectedId - 1, lastHash, checked, problem }
      : { kind: 'empty' };
  try {
    for (const [id, input, stored] of rows) {
      if (!first) {
        const prev = (byIdRow.get(id) as StoredRow).prev_hash as unknown;
        first = { id, prev: typeof prev === 'string' ? prev : null };
        prevHash = first.prev ?? '';
        expectedId = id;
      }
      if (id !== expectedId) return result({ id: expectedId, reason: missingReason(expectedId) });
      const fast =
        input.startsWith(prevHash) &&
        input.charCodeAt(prevHash.length) === 10 &&
        hash('sha256', input, 'hex') === stored;
      if (!fast) {
        const why = rowProblem(byIdRow.get(id) as StoredRow, prevHash);
        if (why) return result({ id, reason: why });
      }
      for (const a of byId.get(id) ?? []) {
        if (stored !== a.hash) return result({ id, reason: anchorReason(id, a.source) });
      }
      prevHash = stored;
      lastHash = stored;
      expectedId++;
      checked++;
    }
  } catch (err) {
    if (err instanceof Error && /JSON cannot hold BLOB/i.test(err.message)) return { kind: 'fallback' };
    throw err;
  } finally {
    rows.return?.();
  }
  return result(null);
}
