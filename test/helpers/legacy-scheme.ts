import { readdirSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { SCHEME_PRAGMAS } from '../../electron/db/cipher';
import { openEncryptedDatabase, prepareRekey } from '../../electron/db/open';

/**
 * Rewrites a closed database file in SQLCipher 4, under the same key: what an installation made by
 * an earlier version of the app has on disk. The app itself never writes this scheme any more.
 */
export function toSqlcipher4(file: string, key: Buffer): void {
  const raw = openEncryptedDatabase(file, key);
  try {
    prepareRekey(raw);
    for (const p of SCHEME_PRAGMAS['sqlcipher-4']) raw.pragma(p);
    raw.pragma(`rekey="x'${key.toString('hex')}'"`);
    raw.pragma('journal_mode = WAL');
  } finally {
    raw.close();
  }
}

/** Opens a file with exactly one scheme, bypassing detection; throws SQLITE_NOTADB if it is not that scheme. */
export function readWithScheme(file: string, key: Buffer, scheme: keyof typeof SCHEME_PRAGMAS): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const p of SCHEME_PRAGMAS[scheme]) db.pragma(p);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    return (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** What a rekey or scheme rewrite may leave in `dir` (the copy aside, a rollback journal): a finished one leaves none. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('fore-nyckelbyte') || f.endsWith('-journal'));
}
