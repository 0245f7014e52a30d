import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  detail: string | null;
  /** The workstation that wrote the row (migration 0012); null on rows written before it, and by IT's own tools. */
  workstation?: string | null;
}

/**
 * Canonical form of a row: a JSON array in fixed column order, so the hash never depends on key order.
 * The workstation is appended only when there is one: a row without it hashes exactly as before
 * migration 0012, so every chain written by older versions verifies unchanged.
 */
export function canonicalRow(row: ChainRow): string {
  const cols = [row.id, row.at, row.user_id, row.action, row.entity_type, row.entity_id, row.detail];
  return JSON.stringify(row.workstation == null ? cols : [...cols, row.workstation]);
}

/** SHA-256 over the previous hash, a newline and the canonical row (one-shot: no Hash object per row). */
export function chainHash(prevHash: string, row: ChainRow): string {
  return hash('sha256', `${prevHash}\n${canonicalRow(row)}`, 'hex');
}
