import { sql, type Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import { verifyAuditChain, verifyAuditChainDb } from '../audit/verify';
import { migrate, appliedMigrations } from './migrate';
import type { RawDatabase } from './open';
import type { DB } from './schema';

export interface CopyReport {
  /** Rows per table, the same on both sides after the copy. */
  rows: Record<string, number>;
  auditHead: { id: number; hash: string } | null;
}

/** Tables the migrator owns (made by migrate() on the server) and SQLite's own (sqlite_*): not copied. */
const MIGRATOR_TABLES = new Set(['schema_migrations', 'schema_migrations_lock', 'sqlite_sequence']);

/**
 * One-way migration of a local database to an empty PostgreSQL server: the server is migrated to the
 * same version, every row of every table is copied in one transaction (all or nothing), identity
 * counters continue after the highest id, and the result is verified before it counts: the same
 * number of rows per table, and the server's audit chain walks unbroken to the local chain's head.
 */
export async function copyLocalToServer(local: RawDatabase, server: Kysely<DB>): Promise<CopyReport> {
  const localDone = (
    local.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as Array<{ name: string }>
  ).map((r) => r.name);
  const localChain = verifyAuditChain(local);
  if (!localChain.ok)
    throw new DomainError(
      'RULE_VIOLATION',
      `Den lokala loggkedjan är bruten, så databasen flyttas inte: ${localChain.reason ?? ''}`,
    );
  await migrate(server);
  const serverDone = await appliedMigrations(server);
  if (serverDone.join() !== localDone.join()) {
    throw new DomainError(
      'RULE_VIOLATION',
      'Den lokala databasen och servern har olika versioner. Uppdatera programmet och öppna den lokala databasen en gång innan flytten.',
    );
  }
  await assertEmpty(server);
  const tables = tablesInDependencyOrder(local);
  const head = local.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  const rows: Record<string, number> = {};
  await server.transaction().execute(async (trx) => {
    // The migrations seed some tables (rate years); the local rows replace those seeds.
    for (const table of [...tables].reverse()) {
      if (table !== 'audit_log') await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
    }
    const attested: number[] = [];
    for (const table of tables) {
      const copied = await copyTable(local, trx, table);
      rows[table] = copied.count;
      attested.push(...copied.attested);
    }
    // Every line is in: the attested batches get their status back, and their lines are locked again.
    if (attested.length)
      await trx.updateTable('payout_batches').set({ status: 'attesterad' }).where('id', 'in', attested).execute();
    for (const table of tables) await continueIdentity(trx, table);
    // Checked before the commit: a copy that fails its check is rolled back, so the server stays empty
    // and the move can be tried again.
    for (const table of tables) {
      const r = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(trx);
      if (Number(r.rows[0]?.n) !== rows[table])
        throw new DomainError('RULE_VIOLATION', `Antalet rader i ${table} blev inte detsamma på servern.`);
    }
    const serverChain = await verifyAuditChainDb(trx, head ? [{ ...head, source: 'den lokala databasen' }] : null);
    if (!serverChain.ok || serverChain.checked !== localChain.checked) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Loggkedjan på servern stämmer inte med den lokala efter flytten: ${serverChain.reason ?? 'olika antal rader'}`,
      );
    }
  });
  return { rows, auditHead: head ?? null };
}

/**
 * The copy needs a server without data of its own: no installation (users), no audit chain (the copied
 * chain starts at 1) and no backups recorded by IT (those would describe a database that is not this one).
 */
async function assertEmpty(server: Kysely<DB>): Promise<void> {
  if (await server.selectFrom('users').select('id').limit(1).executeTakeFirst())
    throw new DomainError('CONFLICT', 'Databasservern har redan data. Flytten görs bara till en tom databas.');
  if (await server.selectFrom('server_backups').select('id').limit(1).executeTakeFirst())
    throw new DomainError(
      'CONFLICT',
      'Databasservern är inte tom: IT har redan registrerat säkerhetskopior i den. Registrera säkerhetskopior först efter flytten; be IT att tömma tabellen server_backups eller ge dig en tom databas.',
    );
  if (await server.selectFrom('audit_log').select('id').limit(1).executeTakeFirst())
    throw new DomainError(
      'CONFLICT',
      'Databasservern är inte tom: den har redan rader i granskningsloggen. Flytten görs bara till en tom databas; be IT att ge dig en tom databas.',
    );
}

/** Parents before children, from SQLite's own foreign-key list (so tables added by later migrations are included). */
function tablesInDependencyOrder(local: RawDatabase): string[] {
  const names = (
    local.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  )
    .map((r) => r.name)
    .filter((n) => !MIGRATOR_TABLES.has(n) && !n.startsWith('sqlite_'));
  const parents = new Map(
    names.map((n) => [
      n,
      (local.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(n) as Array<{ parent: string }>)
        .map((p) => p.parent)
        .filter((p) => p !== n),
    ]),
  );
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n)) return;
    if (path.has(n)) throw new Error(`Foreign-key cycle through ${n}`);
    path.add(n);
    for (const p of parents.get(n) ?? []) visit(p, path);
    path.delete(n);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

async function copyTable(
  local: RawDatabase,
  trx: Kysely<DB>,
  table: string,
): Promise<{ count: number; attested: number[] }> {
  const all = local.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
  // Lines of an attested batch may not be inserted (the lock trigger): such batches arrive as drafts
  // and get their status back once all lines are in.
  const isBatches = table === 'payout_batches';
  const attested = isBatches ? all.filter((b) => b.status === 'attesterad').map((b) => b.id as number) : [];
  const rows = isBatches ? all.map((b) => (b.status === 'attesterad' ? { ...b, status: 'utkast' } : b)) : all;
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const perInsert = Math.max(1, Math.min(500, Math.floor(20_000 / columns)));
  for (let i = 0; i < rows.length; i += perInsert) {
    await trx
      .insertInto(table as keyof DB)
      .values(rows.slice(i, i + perInsert) as never)
      .execute();
  }
  return { count: rows.length, attested };
}

/** The server assigns the next ids after the copied ones (explicit ids do not move an identity counter). */
async function continueIdentity(trx: Kysely<DB>, table: string): Promise<void> {
  const seq = await sql<{ seq: string | null }>`SELECT pg_get_serial_sequence(quote_ident(table_name), 'id') AS seq
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = 'id'`.execute(
    trx,
  );
  const name = seq.rows[0]?.seq;
  if (!name) return;
  await sql`SELECT setval(${name}, (SELECT coalesce(max(id), 0) + 1 FROM ${sql.table(table)}), false)`.execute(trx);
}
