import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** Which database engine a Kysely instance talks to: the local encrypted SQLite file, or a shared PostgreSQL server. */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Per-dialect twins of SQL the schema builder cannot express (triggers, functions), kept side by side. */
export interface DialectSql {
  sqlite: ReadonlyArray<RawBuilder<unknown>>;
  postgres: ReadonlyArray<RawBuilder<unknown>>;
}

/** Runs the statements written for `db`'s dialect, in order. */
export async function executeFor(db: Kysely<any>, statements: DialectSql): Promise<void> {
  for (const s of statements[dialectOf(db)]) await s.execute(db);
}

/** PostgreSQL: the schema the app's tables live in (the connection's first on its search path). */
export async function appSchema(db: Kysely<any>): Promise<string> {
  const { rows } = await sql<{ s: string }>`SELECT pg_catalog.current_schema() AS s`.execute(db);
  return rows[0]!.s;
}
