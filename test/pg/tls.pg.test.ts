import { X509Certificate } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPgConfig, openPostgres, type PgConnectionConfig } from '../../electron/db/postgres';
import { freshPgDatabase, pgTestEnv } from '../helpers/pg-db';

/** The connection config's TLS against the test server's self-signed certificate. */
let base: PgConnectionConfig;
let drop: () => Promise<void>;
beforeAll(async () => {
  const made = await freshPgDatabase();
  base = made.config;
  drop = made.drop;
});
afterAll(() => drop());

const CERT_REFUSED = 'Databasserverns certifikat gick inte att verifiera. Anslutningen avbröts. Kontakta IT.';

async function sslInUse(c: PgConnectionConfig): Promise<boolean> {
  const db = await openPostgres(c);
  try {
    const r = await sql<{ ssl: boolean }>`SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`.execute(db);
    return r.rows[0]?.ssl === true;
  } finally {
    await db.destroy();
  }
}

describe('TLS to the database server', () => {
  it('connects encrypted when the certificate verifies against the given CA, by IP and by name', async () => {
    const ca = pgTestEnv().serverCertPem;
    expect(await sslInUse({ ...base, tls: { ca } })).toBe(true);
    expect(await sslInUse({ ...base, host: 'localhost', tls: { ca } })).toBe(true);
  });

  it('accepts the pinned fingerprint and refuses any other, in Swedish', async () => {
    const ca = pgTestEnv().serverCertPem;
    const pin = new X509Certificate(ca).fingerprint256; // AB:CD:… form, as shown by openssl
    expect(await sslInUse({ ...base, tls: { ca, pinSha256: pin } })).toBe(true);
    const wrong = `${pin.slice(0, -2)}${pin.endsWith('00') ? '11' : '00'}`;
    await expect(openPostgres({ ...base, tls: { ca, pinSha256: wrong } })).rejects.toThrow(CERT_REFUSED);
  });

  it('refuses a certificate no trusted CA signed', async () => {
    await expect(openPostgres({ ...base, tls: {} })).rejects.toThrow(CERT_REFUSED);
  });

  it('allows no TLS only on loopback, and checks the config before connecting', () => {
    expect(() => checkPgConfig({ ...base, host: 'db.kommun.se', tls: 'off' })).toThrow(
      'Anslutningen till en databasserver måste vara krypterad (TLS).',
    );
    expect(() => checkPgConfig({ ...base, port: 70000 })).toThrow('Porten ska vara ett heltal 1–65535.');
    expect(() => checkPgConfig({ ...base, database: 'kpr; drop' })).toThrow(/Databasens namn/);
    expect(() => checkPgConfig({ ...base, tls: { pinSha256: 'abc' } })).toThrow(/fingeravtryck/);
    expect(() => checkPgConfig(base)).not.toThrow();
  });
});
