import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import type { serverFields } from '../../shared/ipc/server-fields';
import { checkPgConfig, type PgConnectionConfig } from './postgres';

type ParsedServerFields = z.output<typeof serverFields>;

/** checkPgConfig names the config's fields; the form's fields for the same thing. */
const FORM_FIELD: Record<string, string> = { tls: 'pinSha256' };

/**
 * The admin's input -> a connection config, checked (CA readable, checkPgConfig's rules). Every
 * refusal names its field under `prefix` (e.g. 'dataSource.'), in Swedish.
 */
export function serverFromInput(
  input: ParsedServerFields,
  prefix: string,
): { config: PgConnectionConfig; label: string } {
  const ca = input.ca.trim();
  if (ca) {
    try {
      new X509Certificate(ca);
    } catch {
      const msg =
        'Certifikatet går inte att läsa. Klistra in hela PEM-texten (-----BEGIN CERTIFICATE----- …) eller välj filen.';
      throw new DomainError('INVALID_INPUT', msg, { fields: { [`${prefix}ca`]: msg } });
    }
  }
  const pin = input.pinSha256.trim();
  const config: PgConnectionConfig = {
    host: input.host.trim(),
    port: input.port,
    database: input.database.trim(),
    user: input.user.trim(),
    password: input.password,
    tls: { ...(ca ? { ca } : {}), ...(pin ? { pinSha256: pin } : {}) },
  };
  withFieldPrefix(prefix, () => checkPgConfig(config));
  return { config, label: input.label.trim() };
}

/** Runs fn; a field refusal (checkPgConfig's) is re-addressed to the form's fields under `prefix`. */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw prefixed(err, prefix);
  }
}

export function prefixed(err: unknown, prefix: string): unknown {
  if (!(err instanceof DomainError) || !err.fields) return err;
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`${prefix}${FORM_FIELD[k] ?? k}`, v]));
  return new DomainError(err.code, err.message, { fields });
}
