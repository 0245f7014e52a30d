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
  /** The range's first id is missing (a middle part: the rows before it ended at the seam). */
  | { kind: 'gap' }
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

/** The hash input: prev_hash, newline, the canonical JSON array, with the workstation only when there is one. */
const input = (ws: 'workstation' | 'NULL') => `ifnull(prev_hash, '') || char(10) || CASE WHEN ${ws} IS NULL
    THEN json_array(id, at, user_id, action, entity_type, entity_id, detail)
    ELSE json_array(id, at, user_id, action, entity_type, entity_id, detail, ${ws}) END`;

/**
 * Each row as [id, hash input, stored hash]: SQLite writes the hash input (prev_hash, newline, the
 * canonical JSON array) so one string per row crosses into JavaScript instead of ten values. SQLite's
 * JSON may escape a rare character differently from JSON.stringify; such a row fails the fast check
 * and is rechecked from its columns (rowProblem), so the fast path can only confirm a row, never
 * condemn it.
 *
 * Read in blocks of CHUNK ids, each with one `all()` on a rowid range: a cursor stepped row by row
 * through better-sqlite3's iterator builds a `{ value, done }` object per row and costs about a fifth
 * more CPU. A block is only read this way when SQLite plans it as a search on both bounds: with the
 * statistics of a young log (PRAGMA optimize ran while it had a row or two) it plans a scan from the
 * first row instead, quadratic over a large log. Then the part is read through one cursor, whose
 * worst plan reads the table once (refreshStaleStatistics in verify.ts avoids that on the app's file).
 */
const block = (ws: 'workstation' | 'NULL') =>
  `SELECT id, ${input(ws)}, hash FROM audit_log WHERE id >= ? AND id < ? ORDER BY id`;
const CHUNK = 2000;

type Row = [id: number, input: string, stored: string];

/** Whether SQLite runs a block of ids as a search on both bounds of the rowid here (see above). */
export function blocksBySearch(raw: RawDatabase): boolean {
  const plan = raw
    .prepare(`EXPLAIN QUERY PLAN ${block(workstationColumn(raw))}`)
    .all(1, 2)
    .map((r) => (r as { detail: string }).detail);
  return (
    plan.length === 1 && /^SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)$/.test(plan[0] ?? '')
  );
}

/** The rows with ids lo..hi in id order, a block at a time; stops early after a block with an id missing. */
function* blocks(raw: RawDatabase, ws: 'workstation' | 'NULL', lo: number, hi: number): Generator<Row[]> {
  const sql = block(ws);
  if (blocksBySearch(raw)) {
    const stmt = raw.prepare<[number, number], Row>(sql).raw(true);
    for (let from = lo; from <= hi; from += CHUNK) {
      const to = Math.min(from + CHUNK, hi + 1);
      const rows = stmt.all(from, to);
      yield rows;
      if (rows.length < to - from) return;
    }
    return;
  }
  const cursor = raw
    .prepare<[number, number], Row>(sql)
    .raw(true)
    .iterate(lo, hi + 1);
  let rows: Row[] = [];
  for (const row of cursor) {
    rows.push(row);
    if (rows.length === CHUNK) {
      yield rows;
      rows = [];
    }
  }
  yield rows;
}

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
 * The range is read in one read transaction, so every block sees the same state of the file.
 */
export function verifyPart(raw: RawDatabase, range: PartRange, anchors: readonly PartAnchor[]): PartResult {
  return raw.inTransaction ? walkPart(raw, range, anchors) : raw.transaction(() => walkPart(raw, range, anchors))();
}

function walkPart(raw: RawDatabase, range: PartRange, anchors: readonly PartAnchor[]): PartResult {
  const byId = new Map<number, PartAnchor[]>();
  for (const a of anchors) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  // min() and max() each alone take one descent of the rowid tree (together in one SELECT, a scan).
  const min = raw.prepare('SELECT min(id) FROM audit_log').pluck().get() as number | null;
  const max = raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number | null;
  if (min === null || max === null) return { kind: 'empty' };
  const lo = range.from ?? min;
  const hi = range.to === null ? max : Math.min(range.to - 1, max);
  if (lo > hi) return { kind: 'empty' };
  const ws = workstationColumn(raw);
  const byIdRow = raw.prepare(`SELECT ${columnsOf(ws)} FROM audit_log WHERE id = ?`);
  const firstRow = byIdRow.get(lo) as StoredRow | undefined;
  if (!firstRow) return { kind: 'gap' };
  const firstPrev = firstRow.prev_hash as unknown;
  const first = { id: lo, prev: typeof firstPrev === 'string' ? firstPrev : null };
  let prevHash = first.prev ?? '';
  let expectedId = lo;
  let lastHash = '';
  let checked = 0;
  const result = (problem: { id: number; reason: string } | null): PartResult => ({
    kind: 'rows',
    firstId: first.id,
    firstPrev: first.prev,
    lastId: expectedId - 1,
    lastHash,
    checked,
    problem,
  });
  try {
    for (const rows of blocks(raw, ws, lo, hi)) {
      for (const [id, input, stored] of rows) {
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
    }
    // Every id up to hi was asked for: one not reached is missing (max exists, so the log goes on).
    if (expectedId <= hi) return result({ id: expectedId, reason: missingReason(expectedId) });
  } catch (err) {
    if (err instanceof Error && /JSON cannot hold BLOB/i.test(err.message)) return { kind: 'fallback' };
    throw err;
  }
  return result(null);
}
