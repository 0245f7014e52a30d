import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';

const sealed = z.object({ iv: z.string(), ct: z.string(), tag: z.string() });

const entry = z.object({
  id: z.string(),
  /** sha256(lookupSalt + username): finds the entry without storing the username. */
  lookup: z.string(),
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  key: sealed,
});
export type VaultEntry = z.infer<typeof entry>;

/** The wrapped-key file. It holds no personal data: no names, no usernames, only salts, hashes and sealed keys. */
export const vaultFileSchema = z.object({
  format: z.literal('kontaktregistret-vault'),
  version: z.literal(1),
  lookupSalt: z.string(),
  entries: z.array(entry),
  recovery: z.object({ salt: z.string(), key: sealed }),
  /** Failed logins per lookup, for the growing delay. */
  failures: z.record(z.string(), z.object({ count: z.number(), lastAt: z.string() })),
  /** Failed logins not yet written to the audit log (the database is closed while nobody is logged in). */
  pendingFailures: z.array(z.object({ at: z.string(), lookup: z.string() })),
  /** Last audit row seen at lock/close, so a cut tail of the chain is detected. */
  auditAnchor: z.object({ id: z.number(), hash: z.string() }).nullable(),
});
export type VaultFileData = z.infer<typeof vaultFileSchema>;

export function readVaultFile(file: string): VaultFileData | null {
  if (!existsSync(file)) return null;
  return vaultFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Write-to-temp, fsync, rename: a crash leaves either the old file or the new one, never half of one. */
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
}
