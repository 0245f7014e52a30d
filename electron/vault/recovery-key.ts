import { hkdfSync, randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O, U, so a printed key is hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20; // 160 bits -> 32 characters -> 8 groups of 4

export function generateRecoveryKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts any case, spaces or dashes, and the usual misreadings (O->0, I/L->1). Null if malformed. */
export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== Math.ceil((KEY_BYTES * 8) / 5)) return null;
  let bits = '';
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = Buffer.alloc(KEY_BYTES);
  for (let i = 0; i < KEY_BYTES; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return bytes;
}

/** A recovery key has full entropy, so HKDF (not a slow KDF) turns it into a key-encryption key. */
export function recoveryKek(recovery: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, salt, 'kontaktregistret recovery v1', 32));
}
