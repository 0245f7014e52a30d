import type { RawDatabase } from '../db/open';
import { GENESIS_HASH, chainHash, type ChainRow } from './chain';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

interface StoredRow extends ChainRow {
  prev_hash: string;
  hash: string;
}

/**
 * Walks the whole chain in id order and reports the first broken link: an edited row (hash
 * mismatch), a deleted row (gap in ids or prev_hash mismatch), or a cut tail (the anchor kept
 * outside the database is missing or differs).
 */
export function verifyAuditChain(raw: RawDatabase, anchor?: { id: number; hash: string } | null): VerifyResult {
  const stmt = raw.prepare('SELECT id, at, user_id, action, entity_type, entity_id, detail, prev_hash, hash FROM audit_log ORDER BY id');
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  let anchorSeen = !anchor;
  const broken = (id: number, reason: string): VerifyResult => ({ ok: false, checked, firstBrokenId: id, reason });
  for (const row of stmt.iterate() as IterableIterator<StoredRow>) {
    if (row.id !== expectedId) return broken(expectedId, `Rad ${expectedId} saknas i loggen (raderad).`);
    if (row.prev_hash !== prevHash) return broken(row.id, `Rad ${row.id} pekar inte på föregående rad (en rad före den har raderats eller ändrats).`);
    const computed = chainHash(prevHash, row);
    if (computed !== row.hash) return broken(row.id, `Rad ${row.id} har ändrats efter att den skrevs.`);
    if (anchor && row.id === anchor.id) {
      if (row.hash !== anchor.hash) return broken(row.id, `Rad ${row.id} stämmer inte med den senast sparade kontrollpunkten.`);
      anchorSeen = true;
    }
    prevHash = row.hash;
    expectedId++;
    checked++;
  }
  if (!anchorSeen && anchor) return broken(anchor.id, `Loggen slutar före rad ${anchor.id}: de sista raderna har tagits bort.`);
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
