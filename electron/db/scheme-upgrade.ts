import { existsSync } from 'node:fs';
import { CURRENT_SCHEME, detectScheme, type CipherScheme } from './cipher';
import { databaseScheme, openEncryptedDatabase, prepareRekey, rekeyDatabase, type RawDatabase } from './open';
import { dropRekeySnapshot, hasRekeySnapshot, restoreRekeySnapshot, takeRekeySnapshot } from './rekey-snapshot';

/** Test seam for the crash test: throw here to simulate a failure between the snapshot and the rewrite. */
export const schemeUpgradeHooks: { afterSnapshot?: () => void } = {};

export type SchemeUpgrade =
  { done: false } | { done: true; from: CipherScheme } | { done: false; from: CipherScheme; failed: string };

/**
 * A database file still in an older scheme (SQLCipher 4) is rewritten in the current one when a
 * session opens it, under the same key: the same crash-safe path as a rekey (out of WAL and held
 * exclusively so no other process writes or switches it back to WAL, a durable copy aside, every
 * page rewritten in one rollback-journalled transaction, the file's first page checked, the copy
 * dropped). Nothing runs in between (no await), so the copy holds every commit. Killed in the middle,
 * the next open puts the copy back (recoverInterruptedRewrite) and tries again. A failure that is not
 * a crash (a full disk, another process holding the file) leaves the file as it was and the session
 * goes on in the old scheme; the caller logs it. Returns the connection to use (a new one after a
 * failure).
 */
export function upgradeScheme(
  raw: RawDatabase,
  file: string,
  key: Buffer,
): { raw: RawDatabase; upgrade: SchemeUpgrade } {
  const from = databaseScheme(raw);
  if (from === CURRENT_SCHEME) return { raw, upgrade: { done: false } };
  try {
    prepareRekey(raw);
    takeRekeySnapshot(file);
    schemeUpgradeHooks.afterSnapshot?.();
    rekeyDatabase(raw, key);
    // What the next open will see: the main file's first page must now be in the current scheme.
    if (detectScheme(file) !== CURRENT_SCHEME) throw new Error('the file still shows the old scheme after the rewrite');
    dropRekeySnapshot(file);
    return { raw, upgrade: { done: true, from } };
  } catch (err) {
    try {
      raw.close();
    } catch {
      // A connection broken by the failed rewrite may refuse to close; the file is put back below.
    }
    if (hasRekeySnapshot(file)) restoreRekeySnapshot(file);
    dropRekeySnapshot(file);
    const failed = err instanceof Error ? err.message : String(err);
    return { raw: openEncryptedDatabase(file, key), upgrade: { done: false, from, failed } };
  }
}

/**
 * Before a database is opened when no rekey is pending: a copy left by a rekey or a scheme rewrite
 * that was killed while it rewrote pages (its rollback journal is still there) is put back, since
 * SQLite3MC cannot roll such a journal back itself; a copy left before the rewrite began, or after it
 * committed, is only dropped (the file is whole either way).
 */
export function recoverInterruptedRewrite(file: string): void {
  if (hasRekeySnapshot(file) && existsSync(`${file}-journal`)) restoreRekeySnapshot(file);
  dropRekeySnapshot(file);
}
