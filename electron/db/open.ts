import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { bindWorkstation } from '../audit/workstation';
import { CURRENT_SCHEME, SCHEME_CIPHER_NAME, SCHEME_PRAGMAS, detectScheme, type CipherScheme } from './cipher';

export type RawDatabase = Database.Database;

/** Raised when the file cannot be opened with the given key (wrong key or not our database). */
export class DatabaseKeyError extends Error {
  public constructor() {
    super(
      'Databasen kunde inte öppnas med den här nyckeln. Fel nyckel, eller så är filen inte en databas från Kontaktregistret.',
    );
    this.name = 'DatabaseKeyError';
  }
}

const KEY_BYTES = 32;

/**
 * The compiled SQLite addon to use instead of the one in node_modules. Only the Electron main
 * process sets it (to Electron's own build in build/native); Node, the CLI and the tests keep
 * better-sqlite3's default, the Node build.
 */
let nativeBinding: object | undefined;
let nativeFile: string | null = null;
export function useNativeBinding(addon: object | undefined, file: string | null = null): void {
  nativeBinding = addon;
  nativeFile = addon ? file : null;
}

/** The addon's file, for worker threads that open their own connection (they load it themselves). */
export function nativeBindingFile(): string | null {
  return nativeFile;
}

/**
 * The connection settings besides the key, in one place so the benchmark's unencrypted copy runs
 * with exactly the same ones (its encrypted/plain ratio then measures encryption alone).
 */
export function applyConnectionSettings(db: RawDatabase, opts: { keepJournalMode?: boolean } = {}): void {
  // While a rekey is being finished the journal mode is left alone (see prepareRekey).
  if (!opts.keepJournalMode) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // Sorts and temp indexes stay in memory so no plaintext temp file reaches the disk.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted and its tag checked, so a cache miss costs far more than
  // in plain SQLite: keep up to 64 MiB of decrypted pages (the default is 2 MiB; a municipality at
  // ten times a big city is about 60 MB). Plaintext stays in this process's memory, as it does anyway.
  db.pragma('cache_size = -65536');
}

/**
 * Opens (or creates) an encrypted database with a raw 256-bit key. A new file gets the current scheme
 * (AEGIS-256); an existing one is opened in the scheme its first page shows (see cipher.ts), so files
 * and backups written as SQLCipher 4 by earlier versions still open.
 * A raw key skips the scheme's own KDF: the password KDF already ran when the key was unwrapped.
 * The key is proven by a read before anything else happens, because PRAGMA key never fails itself.
 */
export function openEncryptedDatabase(
  file: string,
  key: Buffer,
  opts: { readonly?: boolean; keepJournalMode?: boolean } = {},
): RawDatabase {
  if (key.length !== KEY_BYTES) throw new Error('Database key must be 32 bytes');
  // Read before the connection exists: opening creates the file, which would then look new.
  const scheme = detectScheme(file);
  const db = new Database(file, {
    readonly: opts.readonly === true,
    fileMustExist: opts.readonly === true,
    // better-sqlite3 accepts the loaded addon object too; its types only name the path form.
    ...(nativeBinding ? { nativeBinding: nativeBinding as unknown as string } : {}),
  });
  try {
    for (const p of SCHEME_PRAGMAS[scheme]) db.pragma(p);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError();
      throw err;
    }
    // A backup is inspected without changing a byte of it (its hash is checked).
    if (opts.readonly) return db;
    applyConnectionSettings(db, { keepJournalMode: opts.keepJournalMode === true });
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The scheme a connection is configured with (`PRAGMA cipher` reports the setting, not the file); once
 * the key check has read the file, that is the file's scheme, since a wrong scheme cannot authenticate.
 */
export function databaseScheme(db: RawDatabase): CipherScheme {
  const name = db.pragma('cipher', { simple: true });
  const found = (Object.keys(SCHEME_CIPHER_NAME) as CipherScheme[]).find((s) => SCHEME_CIPHER_NAME[s] === name);
  if (!found) throw new Error(`Unknown database cipher: ${String(name)}`);
  return found;
}

/**
 * Kysely begins every transaction with a plain (deferred) BEGIN, which takes the write lock only at
 * the first write: a check made before it could be stale by then if another connection (the CLI on
 * the same file) wrote in between. BEGIN IMMEDIATE takes the write lock up front, so the reads that
 * decide a write see the state the write lands on.
 */
const BEGIN = /^begin$/i;

/**
 * Kysely over the connection, with prepared statements cached by SQL text: Kysely prepares every
 * query anew, and preparing costs more than running a simple lookup.
 */
export function createKysely(raw: RawDatabase, opts: { workstation?: string | null } = {}): Kysely<DB> {
  const cache = new Map<string, Database.Statement>();
  const database = {
    close: () => raw.close(),
    prepare: (text: string) => {
      const sqlText = BEGIN.test(text) ? 'begin immediate' : text;
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: database as unknown as RawDatabase }) });
  // The name audit rows written through this connection record (see electron/audit/workstation.ts).
  bindWorkstation(db, opts.workstation);
  return db;
}

/** Closes cleanly: lets SQLite update its statistics, then checkpoints the WAL into the main file. */
export function closeDatabase(raw: RawDatabase): void {
  if (!raw.open) return;
  try {
    raw.pragma('optimize');
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
}

/**
 * Step 0 of a rekey (or of a scheme rewrite), before the vault learns the new key: SQLite3 Multiple
 * Ciphers cannot rekey a WAL database, so the WAL is checkpointed into the file and the journal
 * switched to DELETE. From here until the rekey commits there is no WAL file, so trying the wrong key
 * at a restart touches nothing (a wrong-key open of a database with a WAL could checkpoint garbage
 * into it). The file is then held with an exclusive lock until leaveRekeyMode: another connection
 * (the CLI on the same folder) could otherwise switch it back to WAL, and the rewritten pages would
 * land in the WAL behind a page 1 still in the old key or scheme. This connection can still write.
 */
export function prepareRekey(raw: RawDatabase): void {
  raw.pragma('wal_checkpoint(TRUNCATE)');
  if (raw.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
    throw new Error('Could not leave WAL mode for the rekey');
  raw.pragma('locking_mode = EXCLUSIVE');
  // In exclusive locking mode a lock once taken is kept: this takes it now, not at the rekey.
  raw.exec('BEGIN EXCLUSIVE; COMMIT');
}

/** The end of a rekey, finished or given up: the exclusive lock is let go and the file goes back to WAL. */
export function leaveRekeyMode(raw: RawDatabase): void {
  raw.pragma('locking_mode = NORMAL');
  // The lock is released at the next access; WAL must not be entered while it is held (it would stay exclusive).
  raw.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  raw.pragma('journal_mode = WAL');
}

/**
 * Re-encrypts every page under `newKey` (in the current scheme) in one transaction; its rollback
 * journal makes it all-or-nothing for SQLite, and the copy taken aside before it (rekey-snapshot.ts)
 * covers a kill in the middle, which SQLite3MC cannot always roll back. Then back to WAL.
 */
export function rekeyDatabase(raw: RawDatabase, newKey: Buffer): void {
  if (newKey.length !== KEY_BYTES) throw new Error('Database key must be 32 bytes');
  prepareRekey(raw);
  // The rekey writes with the connection's configured scheme: a file still in SQLCipher 4 comes out
  // in the current one (its reserved bytes per page differ, so SQLite3MC rewrites it by a VACUUM in
  // the same rollback-journalled transaction).
  for (const p of SCHEME_PRAGMAS[CURRENT_SCHEME]) raw.pragma(p);
  raw.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  leaveRekeyMode(raw);
}
