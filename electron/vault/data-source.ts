import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import type { PgConnectionConfig, PgTls } from '../db/postgres';
import { open, seal, sealedSchema as sealed } from './aead';
import { subKey } from './subkey';

/**
 * Where this workstation's data lives, as kept in vault.json. Absent or `local`: the encrypted file in
 * the data folder. `server`: what is needed before anyone logs in (which server, for the login screen
 * and the status) is plain; the account, its password and the TLS trust (CA, pin, server name) are
 * sealed under a key derived from the data key, so only a user who can unlock the vault can connect.
 */
export const dataSourceRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  z.object({
    kind: z.literal('server'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    database: z.string().min(1).max(63),
    label: z.string().max(200),
    secret: sealed,
  }),
]);
export type DataSourceRecord = z.infer<typeof dataSourceRecord>;
export type ServerRecord = Extract<DataSourceRecord, { kind: 'server' }>;

/** The sealed part. */
const secretSchema = z.object({
  user: z.string(),
  password: z.string(),
  tls: z.union([
    z.literal('off'),
    z.object({ ca: z.string().optional(), pinSha256: z.string().optional(), servername: z.string().optional() }),
  ]),
});

/** The plain parts are the associated data: a host edited in the file (to lure the password elsewhere) fails to open. */
function aad(r: Pick<ServerRecord, 'host' | 'port' | 'database' | 'label'>): string {
  return `data-source:${JSON.stringify([r.host, r.port, r.database, r.label])}`;
}

/** A display name for the server: what the admin called it, or host/database. */
export function defaultLabel(c: Pick<PgConnectionConfig, 'host' | 'port' | 'database'>): string {
  return `${c.database} på ${c.host}:${c.port}`;
}

export function sealDataSource(dataKey: Buffer, c: PgConnectionConfig, label?: string): ServerRecord {
  const plain = { host: c.host, port: c.port, database: c.database, label: label?.trim() || defaultLabel(c) };
  const tls: PgTls | 'off' = c.tls;
  const secret = Buffer.from(JSON.stringify({ user: c.user, password: c.password, tls }), 'utf8');
  const k = subKey(dataKey, 'data-source');
  try {
    return { kind: 'server', ...plain, secret: seal(k, secret, aad(plain)) };
  } finally {
    k.fill(0);
    secret.fill(0);
  }
}

export const BROKEN_DATA_SOURCE =
  'Anslutningsuppgifterna till databasservern i nyckelfilen (vault.json) går inte att öppna: filen har ändrats utanför programmet. Läs in en ny anslutningsfil från en administratör, eller kontakta IT.';

/** The connection config, unsealed with the data key. A wrong key or an edited record is refused in Swedish. */
export function openDataSource(dataKey: Buffer, r: ServerRecord): PgConnectionConfig {
  const k = subKey(dataKey, 'data-source');
  const bytes = open(k, r.secret, aad(r));
  k.fill(0);
  if (!bytes) throw new DomainError('RULE_VIOLATION', BROKEN_DATA_SOURCE);
  try {
    const s = secretSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (!s.success) throw new DomainError('RULE_VIOLATION', BROKEN_DATA_SOURCE);
    const tls: PgTls | 'off' =
      s.data.tls === 'off' ? 'off' : Object.fromEntries(Object.entries(s.data.tls).filter(([, v]) => v !== undefined));
    return { host: r.host, port: r.port, database: r.database, user: s.data.user, password: s.data.password, tls };
  } finally {
    bytes.fill(0);
  }
}

/** Sealed under one data key -> sealed under another (revocation, restore): same plain parts, fresh IV. */
export function resealDataSource(
  oldKey: Buffer,
  newKey: Buffer,
  r: DataSourceRecord | undefined,
): DataSourceRecord | undefined {
  if (!r || r.kind === 'local') return r;
  return sealDataSource(newKey, openDataSource(oldKey, r), r.label);
}
