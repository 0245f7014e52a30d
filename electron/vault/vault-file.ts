import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { dataSourceRecord } from './data-source';
import { sealedSchema } from './aead';

/** A data key encrypted to a user's public key: ephemeral X25519 public key + AES-256-GCM. */
const wrapped = sealedSchema.extend({ epk: z.string() });

export const vaultEntrySchema = z.object({
  id: z.string(),
  /** sha256(lookupSalt + username): finds the entry without storing the username. */
  lookup: z.string(),
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  /** Version 1 entries: the data key sealed directly under the password key. Upgraded at the next login. */
  key: sealedSchema.optional(),
  /**
   * Version 2 entries: the user's X25519 key pair (private half sealed under the password key) and
   * the data key encrypted to the public half. An admin can re-wrap a new data key for every user
   * without knowing their passwords, which is what makes revocation (rekeying) possible.
   */
  publicKey: z.string().optional(),
  privateKey: sealedSchema.optional(),
  wrapped: wrapped.optional(),
});
export type VaultEntry = z.infer<typeof vaultEntrySchema>;
export type Wrapped = z.infer<typeof wrapped>;

const count = z.number().int().min(0);

/** The wrapped-key file. It holds no personal data: no names, no usernames, only salts, hashes and sealed keys. */
export const vaultFileSchema = z.object({
  format: z.literal('kontaktregistret-vault'),
  version: z.union([z.literal(1), z.literal(2)]),
  lookupSalt: z.string(),
  entries: z.array(vaultEntrySchema),
  recovery: z.object({ salt: z.string(), key: sealedSchema }),
  /** Public fingerprint of the current data key (HKDF of the key), so a backup's key generation can be compared. */
  keyId: z.string().optional(),
  /** Changes at every restore: backup manifests of another timeline are not compared with this chain. */
  epoch: z.string().optional(),
  /** While a rekey is in progress: the old data key sealed under the new one, so a crash mid-rekey loses nothing. */
  previousKey: sealedSchema.nullable().optional(),
  /** Failed logins per lookup, for the growing delay. Missing or malformed: unlocking is refused (fails closed). */
  failures: z.record(z.string(), z.object({ count, lastAt: z.string() })),
  /** Every unlock attempt ever, counted before the password KDF runs; the database remembers the last value seen. */
  attempts: count.optional(),
  /** Failed logins not yet written to the audit log (the database is closed while nobody is logged in). */
  pendingFailures: z.array(z.object({ at: z.string(), lookup: z.string(), id: z.string().optional() })),
  /** Last audit row seen at lock/close, so a cut tail of the chain is detected; `mac` is keyed by the data key. */
  auditAnchor: z.object({ id: z.number(), hash: z.string(), mac: z.string().optional() }).nullable(),
  /** Where the data lives (electron/vault/data-source.ts); absent = the local encrypted file. */
  dataSource: dataSourceRecord.optional(),
  /**
   * This workstation's own id (a random UUID, not secret; made on first use when missing): its audit
   * rows name it, and on a server each workstation keeps its own login-attempt counter under it. A
   * joined workstation gets a new one.
   */
  workstation: z.string().optional(),
  /** HMAC of `workstation` under the data key (vault.ts workstationMac): an id edited without the key shows. */
  workstationMac: z.string().optional(),
});
export type VaultFileData = z.infer<typeof vaultFileSchema>;

export function readVaultFile(file: string): VaultFileData | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DomainError(
      'RULE_VIOLATION',
      'Nyckelfilen (vault.json) går inte att läsa. Den har ändrats utanför programmet; återställ från säkerhetskopia.',
    );
  }
  const parsed = vaultFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'RULE_VIOLATION',
      'Nyckelfilen (vault.json) har ändrats utanför programmet och används inte. Återställ från säkerhetskopia eller kontakta administratören.',
    );
  }
  return parsed.data;
}

/** Write-to-temp, fsync, rename, fsync the folder: a crash leaves either the old file or the new one, never half of one. */
export function writeVaultFile(file: string, data: VaultFileData): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(data, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dfd = openSync(dirname(file), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  }
}
