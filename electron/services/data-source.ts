import { sql, type Kysely } from 'kysely';
import { DomainError } from '../../shared/errors';
import type { DataSourceInfo } from '../../shared/ipc/server-fields';
import type { AppCore } from '../core/app-core';
import { audit, type Session } from '../core/session';
import { hasInstallation, openPostgres, PG_NO_RIGHTS, pgConnectError, type PgConnectionConfig } from '../db/postgres';
import type { DB } from '../db/schema';
import { CONNECTION_FILE_NAME, makeConnectionFile } from '../vault/connection-file';
import { clearRotation, pendingRotation } from './credential-rotation';

/** Inställningar → Databas: where the data lives, never the password nor the certificate itself. */
export async function dataSourceInfo(core: AppCore): Promise<DataSourceInfo> {
  const s = core.requireSession();
  const config = core.vault.serverConfig(s.dataKey);
  if (s.dialect === 'sqlite' || !config) return { kind: 'local', file: core.databaseFile };
  const r = core.vault.dataSource();
  return {
    rotationPending: await pendingRotation(s.db),
    kind: 'server',
    label: r.kind === 'server' ? r.label : '',
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    tls: config.tls === 'off' ? 'off' : config.tls.ca ? 'ca' : 'system',
    pinned: config.tls !== 'off' && Boolean(config.tls.pinSha256),
  };
}

async function describeServer(db: Kysely<DB>): Promise<{ version: string; tls: boolean; installed: boolean }> {
  const v = await sql<{ server_version: string }>`SHOW server_version`.execute(db);
  const ssl = await sql<{ ssl: boolean }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(db);
  const installed = await hasInstallation(db);
  return { version: v.rows[0]?.server_version ?? '?', tls: ssl.rows[0]?.ssl === true, installed };
}

/**
 * Tries a server (the given one, or this workstation's): one connection, the version, whether TLS is
 * in use and whether the server already holds an installation. Writes nothing.
 */
export async function testConnection(core: AppCore, given?: PgConnectionConfig): Promise<{ message: string }> {
  const s = core.requireSession();
  const config = given ?? core.vault.serverConfig(s.dataKey);
  if (!config)
    return { message: 'Den här datorn använder den lokala krypterade databasen. Den är öppen och fungerar.' };
  const db = await openPostgres(config);
  try {
    const d = await describeServer(db);
    const tls = d.tls ? 'krypterad (TLS)' : 'okrypterad (bara tillåtet på den egna datorn)';
    const content = given
      ? d.installed
        ? ' Servern har redan en installation av Kontaktregistret.'
        : ' Servern är tom.'
      : '';
    return { message: `Anslutningen fungerar: PostgreSQL ${d.version}, ${tls}.${content}` };
  } finally {
    await db.destroy();
  }
}

/**
 * New credentials for this workstation (IT rotated the password, or a service account per workstation):
 * tried first, and the server must hold this installation (the logged-in user with this vault's key),
 * then sealed in the vault. The session keeps its connection; the next login uses the new account.
 * A rotation due after a deactivation counts as done only when the account or its password changed.
 */
export async function changeCredentials(
  core: AppCore,
  next: { config: PgConnectionConfig; label: string },
): Promise<void> {
  const s = core.requireSession();
  if (s.dialect !== 'postgres' || core.vault.dataSource().kind !== 'server')
    throw new DomainError(
      'RULE_VIOLATION',
      'Den här datorn använder den lokala krypterade databasen. Flytta den till en databasserver först.',
    );
  // The server check awaits; a lock meanwhile zeroes the session's key, so the seal uses a copy of its own.
  const key = Buffer.from(s.dataKey);
  let changed: boolean;
  try {
    await checkInstallation(s, next.config);
    if (!core.hasSession() || core.requireSession() !== s)
      throw new DomainError(
        'CONFLICT',
        'Sessionen låstes eller avslutades medan servern kontrollerades. Inget har ändrats; logga in och försök igen.',
      );
    const before = core.vault.serverConfig(key);
    changed = !before || before.user !== next.config.user || before.password !== next.config.password;
    core.vault.setServer(key, next.config, next.label);
  } finally {
    key.fill(0);
  }
  const ctx = core.serviceContext();
  const due = await pendingRotation(ctx.db);
  const where = `${next.config.host}:${next.config.port}/${next.config.database}`;
  await audit(ctx, ctx.db, {
    action: 'datasource.credentials.change',
    entityType: 'datasource',
    detail: `nya anslutningsuppgifter för ${where}`,
  });
  if (due && changed) await clearRotation(ctx, due);
}

/** The new account must reach this installation: the logged-in user with this vault's key. */
async function checkInstallation(s: Session, config: PgConnectionConfig): Promise<void> {
  const db = await openPostgres(config);
  try {
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('id', '=', s.user.id)
      .where('vault_entry_id', '=', s.vaultEntryId)
      .executeTakeFirst()
      .catch((err: unknown) => {
        // No users table: another database. No right to read it: the account lacks its grants, which
        // is IT's to fix, not the address. Anything else is a connection failure, said as such.
        const code = (err as { code?: string }).code;
        if (code === '42P01') return undefined;
        if (code === '42501') throw new DomainError('RULE_VIOLATION', `${PG_NO_RIGHTS} Inget har ändrats.`);
        throw pgConnectError(err);
      });
    if (!me)
      throw new DomainError(
        'RULE_VIOLATION',
        'Servern har inte den här installationen av Kontaktregistret. Kontrollera adress och databas. Inget har ändrats.',
      );
  } finally {
    await db.destroy();
  }
}

/** The connection file for a second workstation, through the export sink like every deliberate export; logged. */
export async function exportConnectionFile(core: AppCore): Promise<{ savedTo: string | null }> {
  const ctx = core.serviceContext();
  const data = core.vault.snapshot();
  if (!data) throw new DomainError('NOT_INITIALIZED', 'Kontaktregistret är inte installerat ännu.');
  const file = makeConnectionFile(data, ctx.now().toISOString());
  const savedTo = await core.exportSink(CONNECTION_FILE_NAME, Buffer.from(JSON.stringify(file, null, 2), 'utf8'));
  if (savedTo)
    await audit(ctx, ctx.db, {
      action: 'datasource.connectionfile.export',
      entityType: 'datasource',
      detail: `${file.entries.length} användarnycklar`,
    });
  return { savedTo };
}
