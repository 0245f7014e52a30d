import { createHash } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DomainError } from '../../shared/errors';
import { isPinSha256, PG_DATABASE_NAME, SERVER_FIELD_MESSAGES } from '../../shared/ipc/server-fields';
import type { DB } from './schema';
import { WORKSTATION_SETTING } from '../audit/workstation';

/**
 * How a workstation reaches the shared PostgreSQL server. TLS is required: the server's
 * certificate is verified against `ca` (the municipality's CA, or the server's own self-signed
 * certificate) and may in addition be pinned by its SHA-256 fingerprint. Only a server on this
 * machine's loopback interface may be reached without TLS (the tests do that).
 */
export interface PgConnectionConfig {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: PgTls | 'off';
  /** Shown in pg_stat_activity, so IT sees which workstation holds a connection. */
  applicationName?: string;
}

export interface PgTls {
  /** PEM; without it the system's trusted CAs apply. */
  ca?: string;
  /** Hex SHA-256 of the server certificate (DER), colons optional. */
  pinSha256?: string;
  /** The name the certificate must carry, when it differs from `host`. */
  servername?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Checks a connection config before any connection is tried; every problem is named in Swedish. */
export function checkPgConfig(c: PgConnectionConfig): void {
  const m = SERVER_FIELD_MESSAGES;
  const fields: Record<string, string> = {};
  if (!c.host.trim()) fields.host = m.host;
  if (!Number.isInteger(c.port) || c.port < 1 || c.port > 65535) fields.port = m.port;
  if (!PG_DATABASE_NAME.test(c.database)) fields.database = m.database;
  if (!c.user.trim()) fields.user = m.user;
  if (!c.password) fields.password = m.password;
  if (c.tls === 'off' && !LOOPBACK.has(c.host))
    fields.tls = 'Anslutningen till en databasserver måste vara krypterad (TLS).';
  if (c.tls !== 'off' && c.tls.pinSha256 !== undefined && !isPinSha256(c.tls.pinSha256)) fields.tls = m.pinSha256;
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('INVALID_INPUT', first, { fields });
}

function sslOptions(c: PgConnectionConfig): pg.ClientConfig['ssl'] {
  if (c.tls === 'off') return false;
  const pin = c.tls.pinSha256?.replace(/:/g, '').toLowerCase();
  return {
    rejectUnauthorized: true,
    ...(c.tls.ca ? { ca: c.tls.ca } : {}),
    ...(c.tls.servername ? { servername: c.tls.servername } : {}),
    // Runs after the chain has been verified: the usual host-name check, then the pin.
    checkServerIdentity: (host: string, cert: PeerCertificate) => {
      const err = checkServerIdentity(host, cert);
      if (err || !pin) return err;
      const got = createHash('sha256').update(cert.raw).digest('hex');
      return got === pin ? undefined : new Error(`Server certificate fingerprint ${got} does not match the pinned one`);
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** count(*) and sum() come back as int8/numeric; the app's numbers (öre, ids, counts) fit a JS number, and that is checked. */
function toSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && !(Number.isFinite(n) && text.includes('.')))
    throw new Error(`Number out of range: ${text}`);
  return n;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return toSafeNumber;
    return pg.types.getTypeParser(oid, format ?? 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * The workstation named in the connection's startup options as a custom setting: every session of the
 * pool carries it, appendAudit and the server's own functions read it with current_setting (migration
 * 0012). A connection without it (IT's psql, pg_dump) records null. In the options string a backslash
 * escapes the next character, whitespace separates options.
 */
function workstationOption(name: string | null | undefined): { options?: string } {
  if (!name) return {};
  return { options: `-c ${WORKSTATION_SETTING}=${name.replace(/[\\\s]/g, (ch) => `\\${ch}`)}` };
}

export function pgPoolConfig(c: PgConnectionConfig, opts: { workstation?: string | null } = {}): pg.PoolConfig {
  return {
    ...workstationOption(opts.workstation),
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl: sslOptions(c),
    types,
    application_name: c.applicationName ?? 'Kontaktregistret',
    max: 4,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 60_000,
  };
}

/** An account that may log in but lacks the app's rights (CONNECT on the database, or on its tables). */
export const PG_NO_RIGHTS =
  'Databaskontot saknar rättigheter i databasen. Be IT ge kontot appens rättigheter (se handboken).';

/** Why a connection failed, in words an officer or IT can act on. The driver's own text goes to the log only. */
export function pgConnectError(err: unknown): DomainError {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  let msg = 'Det gick inte att ansluta till databasservern. Kontrollera adress, port och nätverk, eller kontakta IT.';
  if (code === '28P01' || code === '28000') msg = 'Databasservern godtog inte kontot eller lösenordet. Kontakta IT.';
  else if (code === '42501') msg = PG_NO_RIGHTS;
  else if (code === '3D000') msg = 'Databasen finns inte på servern. Kontrollera databasens namn, eller kontakta IT.';
  else if (/certificate|self[- ]signed|fingerprint|altnames/i.test(e.message ?? ''))
    msg = 'Databasserverns certifikat gick inte att verifiera. Anslutningen avbröts. Kontakta IT.';
  else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT')
    msg = 'Databasservern svarar inte. Kontrollera adress och port, eller kontakta IT.';
  return new DomainError('RULE_VIOLATION', msg);
}

/** Whether a server already holds an installation (a users table with a row), read without changing anything. */
export async function hasInstallation(db: Kysely<DB>): Promise<boolean> {
  const t = await sql<{ t: string | null }>`SELECT to_regclass('users')::text AS t`.execute(db);
  if (!t.rows[0]?.t) return false;
  return Boolean(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/** A pool to the server, proven by one round trip before it is handed out. */
export async function openPostgres(
  c: PgConnectionConfig,
  opts: { workstation?: string | null } = {},
): Promise<Kysely<DB>> {
  checkPgConfig(c);
  const pool = new pg.Pool(pgPoolConfig(c, opts));
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw pgConnectError(err);
  }
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
