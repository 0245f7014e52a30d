import { availableParallelism } from 'node:os';
import type { Kysely } from 'kysely';
import type { RawDatabase } from '../db/open';
import type { DB } from '../db/schema';
import { GENESIS_HASH, chainHash } from './chain';
import {
  columnsOf,
  workstationColumn,
  anchorReason,
  blocksBySearch,
  missingReason,
  rowProblem,
  unlinkedReason,
  verifyPart,
  type PartRange,
  type PartResult,
  type StoredRow,
} from './verify-part';
import { runPart } from './verify-workers';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  /** How many parts it was checked in at once (verifyAuditChainParallel only). */
  parts?: number;
}

/** A chain head recorded outside the database: in vault.json, or in a backup's manifest (often on another machine). */
export interface KnownAnchor {
  id: number;
  hash: string;
  /** Swedish, for the message: "nyckelfilen", "säkerhetskopian från 2026-11-22T09:00:00Z". */
  source: string;
}

const COLUMN_LIST = [
  'id',
  'at',
  'user_id',
  'action',
  'entity_type',
  'entity_id',
  'detail',
  'workstation',
  'prev_hash',
  'hash',
] as const;
const PAGE = 5000;

/** Below this many rows the chain is walked on the calling thread: starting workers costs more. */
export const PARALLEL_MIN_ROWS = 50_000;
const MAX_PARTS = 4;

function anchorList(anchors?: { id: number; hash: string } | KnownAnchor[] | null): KnownAnchor[] {
  return !anchors
    ? []
    : Array.isArray(anchors)
      ? anchors
      : [{ ...anchors, source: 'den senast sparade kontrollpunkten' }];
}

/**
 * Walks the whole chain in id order and reports the first broken link: an edited row (hash
 * mismatch), a deleted row (gap in ids or prev_hash mismatch), a rewritten stretch or a cut tail
 * (a chain head kept outside the database, in the vault or any backup manifest, is missing or differs).
 */
export function verifyAuditChain(
  raw: RawDatabase,
  anchors?: { id: number; hash: string } | KnownAnchor[] | null,
): VerifyResult {
  const list = anchorList(anchors);
  return joinParts([verifyPart(raw, { from: null, to: null }, list)], list) ?? walkByColumns(raw, list);
}

/**
 * The same verdict as verifyAuditChain, with a large log split by id into parts checked at once in
 * worker threads (one per core, at most four), each on its own read-only connection to the file;
 * the seams between parts and the tail are judged here. A log in memory, a small one, or no key:
 * the single walk. `key` is copied to each worker and wiped there after opening.
 */
export async function verifyAuditChainParallel(
  raw: RawDatabase,
  anchors: { id: number; hash: string } | KnownAnchor[] | null | undefined,
  opts: { key?: Buffer; minRows?: number; parts?: number },
): Promise<VerifyResult> {
  const list = anchorList(anchors);
  const maxId = (raw.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number | null }).m ?? 0;
  const parts = Math.min(MAX_PARTS, opts.parts ?? availableParallelism());
  if (!opts.key || raw.memory || parts < 2 || maxId < (opts.minRows ?? PARALLEL_MIN_ROWS)) {
    return { ...verifyAuditChain(raw, list), parts: 1 };
  }
  // Part k holds ids from bounds[k] up to bounds[k + 1]; the first and last parts are open-ended so
  // that a row outside 1..max (or one added meanwhile) is still seen.
  const bounds = Array.from({ length: parts + 1 }, (_, k) => 1 + Math.floor((k * maxId) / parts));
  const ranges: PartRange[] = Array.from({ length: parts }, (_, k) => ({
    from: k === 0 ? null : (bounds[k] ?? null),
    to: k === parts - 1 ? null : (bounds[k + 1] ?? null),
  }));
  refreshStaleStatistics(raw);
  const plain = list.map(({ id, hash, source }) => ({ id, hash, source }));
  const key = opts.key;
  // A worker that fails is an error, not a quiet fallback: a missing worker in the bundle must show.
  const results = await Promise.all(ranges.map((range) => runPart(raw.name, key, range, plain)));
  return { ...(joinParts(results, list) ?? walkByColumns(raw, list)), parts };
}

/**
 * Statistics written while the log was young (PRAGMA optimize at a close when it had a row or two)
 * make SQLite plan a range of ids as a scan from the first row: each part would then decrypt the
 * table from its start. When the plan shows that, the log's statistics are rebuilt from a sample
 * (analysis_limit), as PRAGMA optimize would once the log had grown 25-fold; a read-only or busy
 * connection leaves them (the parts then read through one cursor each, as slow as before).
 */
function refreshStaleStatistics(raw: RawDatabase): void {
  if (raw.readonly || raw.inTransaction || blocksBySearch(raw)) return;
  const limit = raw.pragma('analysis_limit', { simple: true }) as number;
  try {
    raw.pragma('analysis_limit = 400');
    raw.exec('ANALYZE audit_log');
  } catch {
    // Another connection holds the write lock: verify with the plan there is.
  } finally {
    raw.pragma(`analysis_limit = ${limit}`);
  }
}

/**
 * The parts' findings in id order: each part must start at the next id and link to the previous
 * part's last hash; the first problem in that order is the first broken row of the whole chain.
 * Null when any part needs the column walk.
 */
function joinParts(results: PartResult[], list: KnownAnchor[]): VerifyResult | null {
  if (results.some((r) => r.kind === 'fallback')) return null;
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  for (const r of results) {
    // A part whose first id is missing: the rows before it ended at expectedId - 1.
    if (r.kind === 'gap') return broken(expectedId, missingReason(expectedId));
    if (r.kind !== 'rows') continue;
    if (r.firstId !== expectedId) return broken(expectedId, missingReason(expectedId));
    if (r.firstPrev !== prevHash) return broken(r.firstId, unlinkedReason(r.firstId));
    if (r.problem)
      return { ok: false, checked: checked + r.checked, firstBrokenId: r.problem.id, reason: r.problem.reason };
    prevHash = r.lastHash;
    expectedId = r.lastId + 1;
    checked += r.checked;
  }
  return tail(list, expectedId, checked);
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
function walkByColumns(raw: RawDatabase, list: KnownAnchor[]): VerifyResult {
  const byId = new Map<number, KnownAnchor[]>();
  for (const a of list) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  for (const row of raw
    .prepare(`SELECT ${columnsOf(workstationColumn(raw))} FROM audit_log ORDER BY id`)
    .iterate() as IterableIterator<StoredRow>) {
    if (row.id !== expectedId) return broken(expectedId, missingReason(expectedId));
    const why = rowProblem(row, prevHash);
    if (why) return broken(row.id, why);
    for (const a of byId.get(row.id) ?? []) {
      if (row.hash !== a.hash) return broken(row.id, anchorReason(row.id, a.source));
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
