import { hash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RawDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { GENESIS_HASH, chainHash, type ChainRow } from './chain';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** A chain head recorded outside the database: in vault.json, or in a backup's manifest (often on another machine). */
export interface KnownAnchor {
  id: number;
  hash: string;
  /** Swedish, for the message: "nyckelfilen", "säkerhetskopian från 2026-11-22T09:00:00Z". */
  source: string;
}

interface StoredRow extends ChainRow {
  prev_hash: string;
  hash: string;
}

const COLUMN_LIST = [
  'id',
  'at',
  'user_id',
  'action',
  'entity_type',
  'entity_id',
  'detail',
  'prev_hash',
  'hash',
] as const;
const COLUMNS = COLUMN_LIST.join(', ');
const PAGE = 5000;

/**
 * Each row as [id, hash input, stored hash]: SQLite writes the hash input (prev_hash, newline, the
 * canonical JSON array) so one string per row crosses into JavaScript instead of nine values. One
 * cursor in id order: pages by "id > ? LIMIT n" looked cheaper, but with the statistics of a small
 * log SQLite plans them as a scan from the first row, quadratic at 1 000 000 rows. SQLite's JSON may
 * escape a rare character differently from JSON.stringify; such a row fails the fast check and is
 * rechecked from its columns (rowProblem), so the fast path can only confirm a row, never condemn it.
 */
const FAST = `SELECT id, ifnull(prev_hash, '') || char(10) || json_array(id, at, user_id, action, entity_type, entity_id, detail), hash
  FROM audit_log ORDER BY id`;

/**
 * Walks the whole chain in id order and reports the first broken link: an edited row (hash
 * mismatch), a deleted row (gap in ids or prev_hash mismatch), a rewritten stretch or a cut tail
 * (a chain head kept outside the database, in the vault or any backup manifest, is missing or differs).
 */
export function verifyAuditChain(
  raw: RawDatabase,
  anchors?: { id: number; hash: string } | KnownAnchor[] | null,
): VerifyResult {
  const list: KnownAnchor[] = !anchors
    ? []
    : Array.isArray(anchors)
      ? anchors
      : [{ ...anchors, source: 'den senast sparade kontrollpunkten' }];
  const byId = new Map<number, KnownAnchor[]>();
  for (const a of list) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  let rows: IterableIterator<[number, string, string]>;
  try {
    rows = raw.prepare(FAST).raw(true).iterate() as IterableIterator<[number, string, string]>;
  } catch {
    return walkByColumns(raw, list, byId);
  }
  // A second statement for rechecks: the cursor above stays open while it runs.
  const byIdRow = raw.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  try {
    for (const [id, input, stored] of rows) {
      if (id !== expectedId) return broken(expectedId, `Rad ${expectedId} saknas i loggen (raderad).`);
      const fast =
        input.startsWith(prevHash) &&
        input.charCodeAt(prevHash.length) === 10 &&
        hash('sha256', input, 'hex') === stored;
      if (!fast) {
        const why = rowProblem(byIdRow.get(id) as StoredRow, prevHash);
        if (why) return broken(id, why);
      }
      for (const a of byId.get(id) ?? []) {
        if (stored !== a.hash)
          return broken(id, `Rad ${id} stämmer inte med kontrollpunkten i ${a.source}: loggen har skrivits om.`);
      }
      prevHash = stored;
      expectedId++;
      checked++;
    }
  } catch (err) {
    // A value SQLite's JSON cannot hold (a BLOB written by hand): judge every row from its columns.
    if (err instanceof Error && /JSON cannot hold BLOB/i.test(err.message)) return walkByColumns(raw, list, byId);
    throw err;
  } finally {
    rows.return?.();
  }
  return tail(list, expectedId, checked);
}

/** Why one row breaks the chain after `prevHash` (null: it does not), judged from its columns. */
function rowProblem(row: StoredRow, prevHash: string): string | null {
  if (row.prev_hash !== prevHash)
    return `Rad ${row.id} pekar inte på föregående rad (en rad före den har raderats eller ändrats).`;
  if (chainHash(prevHash, row) !== row.hash) return `Rad ${row.id} har ändrats efter att den skrevs.`;
  return null;
}

/** The chain must reach every anchor: an anchor beyond the last row means the tail was cut. */
function tail(list: KnownAnchor[], expectedId: number, checked: number): VerifyResult {
  const beyond = list.filter((a) => a.id >= expectedId).sort((a, b) => a.id - b.id)[0];
  if (beyond)
    return {
      ok: false,
      checked,
      firstBrokenId: beyond.id,
      reason: `Loggen slutar före rad ${beyond.id} (kontrollpunkt i ${beyond.source}): de sista raderna har tagits bort.`,
    };
  return { ok: true, checked, firstBrokenId: null, reason: null };
}

/** The plain walk, one row object at a time: the fallback when SQLite cannot write a row as JSON. */
function walkByColumns(raw: RawDatabase, list: KnownAnchor[], byId: Map<number, KnownAnchor[]>): VerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  for (const row of raw
    .prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id`)
    .iterate() as IterableIterator<StoredRow>) {
    if (row.id !== expectedId) return broken(expectedId, `Rad ${expectedId} saknas i loggen (raderad).`);
    const why = rowProblem(row, prevHash);
    if (why) return broken(row.id, why);
    for (const a of byId.get(row.id) ?? []) {
      if (row.hash !== a.hash)
        return broken(row.id, `Rad ${row.id} stämmer inte med kontrollpunkten i ${a.source}: loggen har skrivits om.`);
    }
    prevHash = row.hash;
    expectedId++;
    checked++;
  }
  return tail(list, expectedId, checked);
}

/** The same walk through Kysely, page by page: the shared PostgreSQL server, where there is no SQLite connection. */
export async function verifyAuditChainDb(
  db: Kysely<DB>,
  anchors?: { id: number; hash: string } | KnownAnchor[] | null,
): Promise<VerifyResult> {
  const walk = chainWalker(anchors);
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .select(COLUMN_LIST)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const broken = walk.next(row);
      if (broken) return broken;
      after = row.id;
    }
    if (page.length < PAGE) return walk.end();
  }
}

/** One row at a time, for the walk through Kysely (the server). */
function chainWalker(anchors?: { id: number; hash: string } | KnownAnchor[] | null) {
  const list: KnownAnchor[] = !anchors
    ? []
    : Array.isArray(anchors)
      ? anchors
      : [{ ...anchors, source: 'den senast sparade kontrollpunkten' }];
  const byId = new Map<number, KnownAnchor[]>();
  for (const a of list) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  return {
    next(row: StoredRow): VerifyResult | null {
      if (row.id !== expectedId) return broken(expectedId, `Rad ${expectedId} saknas i loggen (raderad).`);
      if (row.prev_hash !== prevHash)
        return broken(
          row.id,
          `Rad ${row.id} pekar inte på föregående rad (en rad före den har raderats eller ändrats).`,
        );
      const computed = chainHash(prevHash, row);
      if (computed !== row.hash) return broken(row.id, `Rad ${row.id} har ändrats efter att den skrevs.`);
      for (const a of byId.get(row.id) ?? []) {
        if (row.hash !== a.hash)
          return broken(
            row.id,
            `Rad ${row.id} stämmer inte med kontrollpunkten i ${a.source}: loggen har skrivits om.`,
          );
      }
      prevHash = row.hash;
      expectedId++;
      checked++;
      return null;
    },
    end(): VerifyResult {
      const beyond = list.filter((a) => a.id >= expectedId).sort((a, b) => a.id - b.id)[0];
      if (beyond)
        return broken(
          beyond.id,
          `Loggen slutar före rad ${beyond.id} (kontrollpunkt i ${beyond.source}): de sista raderna har tagits bort.`,
        );
      return { ok: true, checked, firstBrokenId: null, reason: null };
    },
  };
}
