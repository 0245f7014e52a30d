import type { RawDatabase } from '../../electron/db/open';
import { chainHash, GENESIS_HASH, type ChainRow } from '../../electron/audit/chain';

/**
 * Appends `count` rows to audit_log after its last row, chained exactly as the app hashes them,
 * with one prepared statement in one transaction (the benchmark writes a million rows this way).
 * `rowFor` gets each new row's id and its number among the new rows (1…count); returns the new tip.
 */
export function appendAuditChain(
  raw: RawDatabase,
  count: number,
  rowFor: (id: number, n: number) => ChainRow,
): { id: number; hash: string } {
  const ins = raw.prepare(
    'INSERT INTO audit_log (id, at, user_id, action, entity_type, entity_id, detail, workstation, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const start = (raw.prepare('SELECT coalesce(max(id), 0) AS m FROM audit_log').get() as { m: number }).m;
  let prev = start
    ? (raw.prepare('SELECT hash FROM audit_log WHERE id = ?').get(start) as { hash: string }).hash
    : GENESIS_HASH;
  raw.transaction(() => {
    for (let n = 1; n <= count; n++) {
      const row = rowFor(start + n, n);
      const hash = chainHash(prev, row);
      ins.run(
        row.id,
        row.at,
        row.user_id,
        row.action,
        row.entity_type,
        row.entity_id,
        row.detail,
        row.workstation ?? null,
        prev,
        hash,
      );
      prev = hash;
    }
  })();
  return { id: start + count, hash: prev };
}
