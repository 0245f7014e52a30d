import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { dataSourceRecord } from './data-source';
import { vaultEntrySchema, type VaultFileData } from './vault-file';
import { sealedSchema } from './aead';

/**
 * An "anslutningsfil": what a second workstation needs to join an installation on a shared server.
 * Copied from the admin's vault: the users' sealed keys (each opens only with that user's password),
 * the recovery key's seal, the key's public fingerprint and epoch, the data source (the account and
 * password sealed under the data key), and the last audit head this workstation saw (MAC'd under the
 * data key: the new workstation can tell from its first login whether the server's chain was cut
 * below it). Nothing in it is readable without a user's password or the recovery key.
 *
 * Not copied, because they belong to one workstation: the failed-login counters and their growing
 * delay (a user who mistyped here is not slowed down there), the pending failures (this workstation
 * writes them to the shared audit log itself; copied, they would be logged twice), the attempt counter
 * (the server keeps one per workstation id, and the new workstation gets a new id), and a rekey in
 * progress (no file is made until it is finished).
 */
export const connectionFileSchema = z.object({
  format: z.literal('kontaktregistret-anslutning'),
  version: z.literal(1),
  createdAt: z.string(),
  lookupSalt: z.string().min(1),
  entries: z.array(vaultEntrySchema).min(1),
  recovery: z.object({ salt: z.string(), key: sealedSchema }),
  keyId: z.string(),
  epoch: z.string(),
  auditAnchor: z.object({ id: z.number(), hash: z.string(), mac: z.string().optional() }).nullable(),
  dataSource: dataSourceRecord.refine((d) => d.kind === 'server'),
});
export type ConnectionFile = z.infer<typeof connectionFileSchema>;

export const CONNECTION_FILE_NAME = 'kontaktregistret-anslutning.json';

const NOT_A_FILE =
  'Filen är ingen anslutningsfil för Kontaktregistret, eller så har den ändrats. Be administratören exportera en ny anslutningsfil. Inget har sparats.';

/** The admin's vault -> a connection file. Only for a workstation on a server, and not during a rekey. */
export function makeConnectionFile(data: VaultFileData, createdAt: string): ConnectionFile {
  if (data.dataSource?.kind !== 'server')
    throw new DomainError(
      'RULE_VIOLATION',
      'En anslutningsfil finns bara för en installation på en databasserver. Den här datorn använder den lokala krypterade databasen.',
    );
  if (data.previousKey || !data.keyId || !data.epoch)
    throw new DomainError(
      'RULE_VIOLATION',
      'Nyckelfilen håller på att byta nyckel. Logga ut och in igen, och exportera sedan anslutningsfilen.',
    );
  return {
    format: 'kontaktregistret-anslutning',
    version: 1,
    createdAt,
    lookupSalt: data.lookupSalt,
    entries: data.entries,
    recovery: data.recovery,
    keyId: data.keyId,
    epoch: data.epoch,
    auditAnchor: data.auditAnchor,
    dataSource: data.dataSource,
  };
}

/** A connection file's text -> this workstation's new vault (own id, clean login counters). Bad text: refused in Swedish. */
export function vaultFromConnectionFile(text: string): VaultFileData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DomainError('INVALID_INPUT', NOT_A_FILE);
  }
  const parsed = connectionFileSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('INVALID_INPUT', NOT_A_FILE);
  const f = parsed.data;
  return {
    format: 'kontaktregistret-vault',
    version: 2,
    lookupSalt: f.lookupSalt,
    entries: f.entries,
    recovery: f.recovery,
    keyId: f.keyId,
    epoch: f.epoch,
    previousKey: null,
    failures: {},
    attempts: 0,
    pendingFailures: [],
    auditAnchor: f.auditAnchor,
    dataSource: f.dataSource,
    workstation: randomUUID(),
  };
}
