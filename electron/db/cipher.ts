import { closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * The page-encryption schemes of SQLite3 Multiple Ciphers the app knows, and which one a file uses.
 *
 * - `aegis-256`: every file the app creates, and every file it rekeys. AEGIS-256 is an AEAD built on
 *   the AES round function (AES-NI where the CPU has it): one pass per page encrypts and
 *   authenticates (a random 256-bit nonce and a 256-bit tag per page, the page number bound into the nonce).
 *   About 1,0× of plain SQLite on the benchmark's workload, against 1,2–1,3× for SQLCipher 4, whose
 *   HMAC-SHA512 runs in portable C.
 * - `sqlcipher-4`: what the app wrote before (SQLCipher 4 defaults: AES-256-CBC + HMAC-SHA512).
 *   Such a file (a backup, or an installation not yet opened by this version) still opens as it is;
 *   the first login rewrites it in AEGIS-256 under the same key (scheme-upgrade.ts), and a rekey
 *   always writes AEGIS-256.
 *
 * Both are used with a raw 256-bit key (the password KDF already ran when the vault unwrapped it),
 * so neither scheme's own KDF runs.
 */
export type CipherScheme = 'aegis-256' | 'sqlcipher-4';

/** The scheme of every new file and of every rekey. */
export const CURRENT_SCHEME: CipherScheme = 'aegis-256';

/** What `PRAGMA cipher` (and, for AEGIS, `PRAGMA algorithm`) must be set to before the key, per scheme. */
export const SCHEME_PRAGMAS: Record<CipherScheme, readonly string[]> = {
  'aegis-256': ["cipher='aegis'", "algorithm='aegis-256'"],
  'sqlcipher-4': ["cipher='sqlcipher'", 'legacy=4'],
};

/** The name `PRAGMA cipher` reports once a connection is keyed. */
export const SCHEME_CIPHER_NAME: Record<CipherScheme, string> = {
  'aegis-256': 'aegis',
  'sqlcipher-4': 'sqlcipher',
};

/** Names for the audit log. */
export const SCHEME_LABEL: Record<CipherScheme, string> = {
  'aegis-256': 'AEGIS-256',
  'sqlcipher-4': 'SQLCipher 4',
};

/**
 * Which scheme a file uses, read from its first page without the key.
 *
 * SQLite3 Multiple Ciphers' own schemes (AEGIS among them) leave bytes 16–23 of page 1 as SQLite
 * wrote them (page size, format versions, reserved bytes per page, the fixed payload fractions
 * 64/32/32) so the page geometry can be known before decryption; SQLCipher 4 encrypts them. So a
 * file whose bytes 21–23 are 64, 32, 32 with a power-of-two page size and format version 1 or 2 is
 * AEGIS; anything else is SQLCipher 4 (its encrypted bytes match that pattern with a chance of about
 * 2^-40, and even then the key check refuses to open rather than misread). A missing or empty file
 * is new and gets the current scheme. The key is still proven by a read after keying (see open.ts).
 */
export function detectScheme(file: string): CipherScheme {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return CURRENT_SCHEME;
  }
  if (size === 0) return CURRENT_SCHEME;
  const head = Buffer.alloc(24);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, head, 0, 24, 0) < 24) return 'sqlcipher-4';
  } finally {
    closeSync(fd);
  }
  return hasPlainGeometry(head) ? 'aegis-256' : 'sqlcipher-4';
}

function hasPlainGeometry(head: Buffer): boolean {
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const powerOfTwo = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  const version = (b: number | undefined) => b === 1 || b === 2;
  return powerOfTwo && version(head[18]) && version(head[19]) && head[21] === 64 && head[22] === 32 && head[23] === 32;
}
