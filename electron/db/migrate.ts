import { Migrator, type Kysely } from 'kysely';
import { MIGRATIONS, migrationProvider } from './migrations/index';
import { dialectOf } from './dialect';
import { PgSchemaPlugin } from './pg-schema-plugin';

export class DatabaseFromFutureError extends Error {
  public constructor(unknown: string[]) {
    super(
      `Databasen har skapats av en nyare version av Kontaktregistret (${unknown.join(', ')}). Uppdatera programmet.`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}

function migrator(db: Kysely<any>): Migrator {
  // On PostgreSQL the schema builder's SQLite idioms (autoincrement, blob) are translated.
  const target = dialectOf(db) === 'postgres' ? db.withPlugin(new PgSchemaPlugin()) : db;
  return new Migrator({
    db: target,
    provider: migrationProvider,
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
}

/** Brings the schema to the latest version, or to `target` (a migration name) in tests. Each migration runs in its own transaction. */
export async function migrate(db: Kysely<any>, target?: string): Promise<string[]> {
  const known = new Set(MIGRATIONS.map(([name]) => name));
  const applied = await appliedMigrations(db);
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new DatabaseFromFutureError(unknown);

  const m = migrator(db);
  const { error, results } = target ? await m.migrateTo(target) : await m.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'schema_migrations')) return [];
  const rows = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((r: { name: string }) => r.name);
}
