import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for the tests: initdb into a temp folder, started on a free
 * loopback port with its socket in that folder, stopped and deleted at the end. PostgreSQL refuses
 * to run as root, so under root (CI containers) the server commands run as the `postgres` user.
 */
export interface PgTestServer {
  host: string;
  port: number;
  /** The cluster's superuser: only the test harness uses it (to create databases and roles). */
  adminUser: string;
  adminPassword: string;
  /** The server's self-signed certificate (PEM; CN localhost, SAN localhost and 127.0.0.1): TLS is on. */
  serverCertPem: string;
}

export interface PgTestCluster extends PgTestServer {
  stop: () => void;
}

const HINT = 'Install it with `apt-get install postgresql` (Debian), or point KPR_PG_BIN at its bin folder.';

/** The folder with initdb and pg_ctl: KPR_PG_BIN, Debian's /usr/lib/postgresql/<newest>/bin, or PATH. */
export function findPgBin(): string | null {
  const fromEnv = process.env.KPR_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `durable`: keep PostgreSQL's default durability (fsync, synchronous commit, full page writes), as a
 * real server runs; the benchmark uses it. The tests turn those off for speed: nothing they check
 * depends on surviving a power cut.
 */
export async function startPgCluster(opts: { durable?: boolean } = {}): Promise<PgTestCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(`PostgreSQL is required for these tests but initdb/pg_ctl were not found. ${HINT}`);
  const asRoot = userInfo().uid === 0;
  // Under root the server runs as `postgres`; its folders must belong to it.
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    execFileSync(file, argv, { stdio: 'pipe', timeout: 120_000 });
  };
  const base = mkdtempSync(join(tmpdir(), 'kpr-pg-'));
  const data = join(base, 'data');
  const pwfile = join(base, 'pw');
  const adminUser = 'kpr_admin';
  const adminPassword = randomBytes(18).toString('base64url');
  writeFileSync(pwfile, `${adminPassword}\n`, { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = pgUser();
    chownSync(base, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const port = await freePort();
  const cert = join(base, 'server.crt');
  const key = join(base, 'server.key');
  try {
    // TLS on, with a self-signed certificate, so the app's verification and pinning can be tested.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'pipe' },
    );
    if (asRoot) {
      const { uid, gid } = pgUser();
      chownSync(key, uid, gid);
      chownSync(cert, uid, gid);
    }
    chmodSync(key, 0o600);
    // C locale: text sorts and compares byte-wise, as in SQLite.
    run('initdb', [
      '-D',
      data,
      '-U',
      adminUser,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    rmSync(pwfile, { force: true });
    const fast = opts.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const serverOpts = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1${fast} -c max_connections=200 -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
    run('pg_ctl', ['-D', data, '-o', serverOpts, '-l', join(base, 'log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`Could not start a test PostgreSQL cluster: ${(err as Error).message}`, { cause: err });
  }
  return {
    host: '127.0.0.1',
    port,
    adminUser,
    adminPassword,
    serverCertPem: readFileSync(cert, 'utf8'),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

function pgUser(): { uid: number; gid: number } {
  const out = execFileSync('id', ['-u', 'postgres']).toString().trim();
  const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
  return { uid: Number(out), gid: Number(gid) };
}

/** Runs statements as the cluster's superuser (test setup only). */
export async function asAdmin<T>(
  server: PgTestServer,
  fn: (c: pg.Client) => Promise<T>,
  database = 'postgres',
): Promise<T> {
  const c = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.adminUser,
    password: server.adminPassword,
    database,
  });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The app's role: it can log in and owns its database, nothing more (no superuser, no CREATEDB, no CREATEROLE). */
export const APP_ROLE = 'kpr_app';

export async function ensureAppRole(server: PgTestServer, password: string): Promise<void> {
  await asAdmin(server, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    // The password is random test data; the literal is escaped by the server's own quoting.
    const quoted = (await c.query<{ q: string }>('SELECT quote_literal($1) AS q', [password])).rows[0]?.q ?? "''";
    await c.query(`${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quoted}`);
  });
}

/** A fresh database owned by the app role; dropped (connections and all) by the returned function. */
export async function createAppDatabase(
  server: PgTestServer,
  name = `kpr_t_${randomBytes(6).toString('hex')}`,
): Promise<{ name: string; drop: () => Promise<void> }> {
  await asAdmin(server, (c) => c.query(`CREATE DATABASE ${name} OWNER ${APP_ROLE} TEMPLATE template0 ENCODING 'UTF8'`));
  await asAdmin(server, (c) => c.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`));
  return {
    name,
    drop: () => asAdmin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
