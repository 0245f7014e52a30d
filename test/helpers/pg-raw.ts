import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { AppCore } from '../../electron/core/app-core';
import type { RawDatabase } from '../../electron/db/open';
import type { PgConnectionConfig } from '../../electron/db/postgres';
import { findPgBin } from './pg-cluster';

/**
 * Test-only: the service tests check the database directly through `core.serviceContext().raw`, a
 * synchronous SQLite connection. In the PostgreSQL run that handle runs the same SQL on the test
 * server through psql (synchronously, as the app role), so those checks read the server's rows.
 * SQLite-only SQL (PRAGMA, INSERT OR …, sqlite_master) fails there, as it should.
 */
export function psqlRaw(c: PgConnectionConfig): RawDatabase {
  const exec = (text: string): string => psql(c, text);
  const json = <T>(text: string): T => JSON.parse(exec(text).trim() || 'null') as T;
  const all = (text: string, params: unknown[]) =>
    json<Array<Record<string, unknown>>>(`SELECT coalesce(json_agg(t), '[]'::json) FROM (${bind(text, params)}) t`);
  const unsupported = (what: string) => () => {
    throw new Error(`${what} is SQLite-only; this test cannot run on PostgreSQL`);
  };
  const raw = {
    open: true,
    prepare: (text: string) => ({
      all: (...params: unknown[]) => all(text, params),
      get: (...params: unknown[]) => all(text, params)[0],
      iterate: (...params: unknown[]) => all(text, params)[Symbol.iterator](),
      run: (...params: unknown[]) => {
        const stmt = bind(text, params);
        if (!/^\s*(insert|update|delete)\b/i.test(stmt)) {
          exec(stmt);
          return { changes: 0, lastInsertRowid: 0 };
        }
        const rows =
          json<Array<Record<string, unknown>> | null>(`WITH x AS (${stmt} RETURNING *) SELECT json_agg(x) FROM x`) ??
          [];
        const id = rows[rows.length - 1]?.id;
        return { changes: rows.length, lastInsertRowid: typeof id === 'number' ? id : 0 };
      },
    }),
    exec: (text: string) => {
      exec(text);
      return raw;
    },
    pragma: unsupported('PRAGMA'),
    transaction: unsupported('A better-sqlite3 transaction'),
    close: () => {},
  };
  return raw as unknown as RawDatabase;
}

/** Runs one statement with psql as the given account, synchronously; psql's error text becomes the Error's message. */
export function psql(
  c: Pick<PgConnectionConfig, 'host' | 'port' | 'user' | 'password' | 'database'>,
  text: string,
): string {
  const bin = findPgBin();
  const env = { ...process.env, PGPASSWORD: c.password, PGCONNECT_TIMEOUT: '10' };
  const args = [
    '-X',
    '-q',
    '-A',
    '-t',
    '-v',
    'ON_ERROR_STOP=1',
    '-h',
    c.host,
    '-p',
    String(c.port),
    '-U',
    c.user,
    '-d',
    c.database,
    '-c',
    text,
  ];
  try {
    return execFileSync(bin ? join(bin, 'psql') : 'psql', args, { env, encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '')
      .replace(/^psql:[^:]*:\d+: /gm, '')
      .trim();
    throw new Error(stderr || (err as Error).message);
  }
}

/** `?` placeholders (outside quoted literals) filled with SQL literals; test data only. */
export function bind(text: string, params: unknown[]): string {
  let i = 0;
  let out = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? literal(params[i++]) : ch;
  }
  return out;
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `'\\x${v.toString('hex')}'::bytea`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** Points `core.serviceContext().raw` at psqlRaw for this core (test/helpers/core.ts, PostgreSQL run only). */
export function usePsqlRaw(core: AppCore, c: PgConnectionConfig): void {
  const raw = psqlRaw(c);
  const original = core.serviceContext.bind(core);
  core.serviceContext = () => ({ ...original(), raw });
}
