import { z } from 'zod';

/** The rules for a server's connection fields, in one place: the form's schema and main's checkPgConfig use them. */
export const SERVER_FIELD_MESSAGES = {
  host: 'Ange serverns namn eller adress.',
  port: 'Porten ska vara ett heltal 1–65535.',
  database: 'Databasens namn får bara innehålla bokstäverna a–z, siffror och understreck.',
  user: 'Ange databaskontot.',
  password: 'Ange databaskontots lösenord.',
  pinSha256: 'Certifikatets fingeravtryck ska vara 64 hexadecimala tecken (SHA-256).',
} as const;

/** A PostgreSQL database name the app accepts: an unquoted identifier (so it is never quoted or escaped). */
export const PG_DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A SHA-256 fingerprint as IT gives it: 64 hex digits, colons allowed between them. */
export function isPinSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/i.test(value.replace(/:/g, ''));
}

const PORT = SERVER_FIELD_MESSAGES.port;

/** A deactivation after which the database password has not yet been changed (electron/services/credential-rotation.ts). */
export const rotationPending = z.object({ since: z.string(), username: z.string() });
export type RotationPending = z.infer<typeof rotationPending>;

/** The largest certificate (PEM text) the app takes, pasted or read from a file. */
export const CA_MAX_CHARS = 200_000;

/**
 * A shared PostgreSQL server as the admin types it (first start, Inställningar → Databas, the move).
 * TLS is always on from the app: `ca` is the PEM of the server's CA or self-signed certificate (empty:
 * the system's trusted CAs), `pinSha256` an optional fingerprint. Main checks again (electron/db/pg-input.ts).
 */
export const serverFields = z.object({
  label: z.string().trim().max(200, 'Namnet är för långt (högst 200 tecken).').default(''),
  host: z.string().trim().min(1, SERVER_FIELD_MESSAGES.host).max(253, 'Adressen är för lång.'),
  port: z.number({ error: PORT }).int(PORT).min(1, PORT).max(65535, PORT),
  database: z.string().trim().regex(PG_DATABASE_NAME, SERVER_FIELD_MESSAGES.database),
  user: z.string().trim().min(1, SERVER_FIELD_MESSAGES.user).max(63, 'Kontots namn är för långt (högst 63 tecken).'),
  password: z.string().min(1, SERVER_FIELD_MESSAGES.password).max(1000, 'Lösenordet är för långt.'),
  ca: z.string().max(CA_MAX_CHARS, 'Certifikatet är för stort.').default(''),
  pinSha256: z
    .string()
    .trim()
    .max(200, 'Fingeravtrycket är för långt.')
    .refine((v) => v === '' || isPinSha256(v), SERVER_FIELD_MESSAGES.pinSha256)
    .default(''),
});
export type ServerFields = z.input<typeof serverFields>;

/** First start's choice: the local encrypted file (default) or a shared server. */
export const dataSourceChoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }),
  serverFields.extend({ kind: z.literal('server') }),
]);

/** What the admin sees of the data source: never the account's password, nor the certificate itself. */
export const dataSourceInfo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local'), file: z.string() }),
  z.object({
    kind: z.literal('server'),
    label: z.string(),
    host: z.string(),
    port: z.number(),
    database: z.string(),
    user: z.string(),
    /** 'ca': verified against the given CA; 'system': against the system's CAs; 'off': no TLS (loopback only). */
    tls: z.enum(['ca', 'system', 'off']),
    pinned: z.boolean(),
    /** A user was deactivated since the database password last changed (electron/services/credential-rotation.ts). */
    rotationPending: rotationPending.nullable(),
  }),
]);
export type DataSourceInfo = z.infer<typeof dataSourceInfo>;
