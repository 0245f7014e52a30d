import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { open, seal, type Sealed } from './aead';
import type { Wrapped } from './vault-file';

/** A fresh X25519 key pair as DER (SPKI public, PKCS#8 private). The caller zeroes `privateDer`. */
export function newKeyPair(): { publicDer: Buffer; privateDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicDer: publicKey.export({ format: 'der', type: 'spki' }),
    privateDer: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function wrapKek(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), 'kontaktregistret wrap v2', 32));
}

/** Encrypts `secret` to a public key (ECIES: ephemeral X25519, HKDF-SHA256, AES-256-GCM). No password needed. */
export function wrapTo(publicDer: Buffer, secret: Buffer, aad: string): Wrapped {
  const eph = generateKeyPairSync('x25519');
  const recipient = createPublicKey({ key: publicDer, format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' });
  const kek = wrapKek(shared, epk, publicDer);
  try {
    return { epk: epk.toString('base64'), ...seal(kek, secret, aad) };
  } finally {
    shared.fill(0);
    kek.fill(0);
  }
}

/** Opens a wrapped secret with the private key; null if it does not fit. */
export function unwrapWith(privateDer: Buffer, publicDer: Buffer, w: Wrapped, aad: string): Buffer | null {
  let priv: KeyObject;
  try {
    priv = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
  const epk = Buffer.from(w.epk, 'base64');
  const shared = diffieHellman({
    privateKey: priv,
    publicKey: createPublicKey({ key: epk, format: 'der', type: 'spki' }),
  });
  const kek = wrapKek(shared, epk, publicDer);
  try {
    const s: Sealed = { iv: w.iv, ct: w.ct, tag: w.tag };
    return open(kek, s, aad);
  } finally {
    shared.fill(0);
    kek.fill(0);
  }
}
