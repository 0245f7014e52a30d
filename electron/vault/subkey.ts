import { hkdfSync } from 'node:crypto';

/** A key for one purpose, derived from the data key (HKDF): the data key itself never seals anything else. */
export function subKey(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `kontaktregistret ${purpose}`, 32));
}
