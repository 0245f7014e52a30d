import { randomBytes, scrypt } from 'node:crypto';

/** scrypt parameters, stored with every wrapped key so they can be raised later without breaking old entries. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17, r=8, p=1 (128 MiB, about 0.3–0.6 s here). */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Cheap parameters for tests only; never chosen by the app itself. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export function newSalt(): Buffer {
  return randomBytes(16);
}

/** Derives a 256-bit key-encryption key from a password (NFC-normalised so å typed two ways matches). */
export function deriveKek(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}
