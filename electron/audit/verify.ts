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

/**
 * Walks the whole chain in id order and reports the first broken link: an edited row (hash
 * mismatch), a deleted row (gap in ids or prev_hash mismatch), a rewritten stretch or a cut tail
 * (a chain head kept outside the database, in the vault or any backup manifest, is missing or differs).
 */
export function verifyAuditChain(raw: RawDatabase, anchors?: { id: number; hash: string } | KnownAnchor[] | null): VerifyResult {
  const walk = chainWalker(anchors);
  const stmt = raw.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id`);
  for (const row of stmt.iterate() as IterableIterator<StoredRow>) {
    const broken = walk.next(row);
    if (broken) return broken;
  }
  return walk.end();
}

/** The same walk through Kysely, page by page: the shared PostgreSQL server, where there is no SQLite connection. */
export async function verifyAuditChainDb(db: Kysely<DB>, anchors?: { id: number; hash: string } | KnownAnchor[] | null): Promise<VerifyResult> {
  const walk = chainWalker(anchors);
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').select(COLUMN_LIST).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const row of page) {
      const broken = walk.next(row);
      if (broken) return broken;
      after = row.id;
    }
    if (page.length < PAGE) return walk.end();
  }
}

const COLUMN_LIST = ['id', 'at', 'user_id', 'action', 'entity_type', 'entity_id', 'detail', 'prev_hash', 'hash'] as const;
const COLUMNS = COLUMN_LIST.join(', ');
const PAGE = 5000;

function chainWalker(anchors?: { id: number; hash: string } | KnownAnchor[] | null) {
  const list: KnownAnchor[] = !anchors ? [] : Array.isArray(anchors) ? anchors : [{ ...anchors, source: 'den senast sparade kontrollpunkten' }];
  const byId = new Map<number, KnownAnchor[]>();
  for (const a of list) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  return {
    next(row: StoredRow): VerifyResult | null {
      if (row.id !== expectedId) return broken(expectedId, `Rad ${expectedId} saknas i loggen (raderad).`);
      if (row.prev_hash !== prevHash) return broken(row.id, `Rad ${row.id} pekar inte på föregående rad (en rad före den har raderats eller ändrats).`);
      const computed = chainHash(prevHash, row);
      if (computed !== row.hash) return broken(row.id, `Rad ${row.id} har ändrats efter att den skrevs.`);
      for (const a of byId.get(row.id) ?? []) {
        if (row.hash !== a.hash) return broken(row.id, `Rad ${row.id} stämmer inte med kontrollpunkten i ${a.source}: loggen har skrivits om.`);
      }
      prevHash = row.hash;
      expectedId++;
      checked++;
      return null;
    },
    end(): VerifyResult {
      const beyond = list.filter((a) => a.id >= expectedId).sort((a, b) => a.id - b.id)[0];
      if (beyond) return broken(beyond.id, `Loggen slutar före rad ${beyond.id} (kontrollpunkt i ${beyond.source}): de sista raderna har tagits bort.`);
      return { ok: true, checked, firstBrokenId: null, reason: null };
    },
  };
}
