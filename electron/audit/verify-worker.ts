/**
 * Worker-thread entry: checks one id range of the audit chain on its own read-only connection to the
 * encrypted file (verify-workers.ts starts it) and posts back what it found.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEncryptedDatabase, useNativeBinding, type RawDatabase } from '../db/open';
import { verifyPart } from './verify-part';
import type { PartJob } from './verify-workers';

const job = workerData as PartJob;
let raw: RawDatabase | null = null;
try {
  if (job.nativeBinding) {
    const addon = { exports: {} };
    process.dlopen(addon, job.nativeBinding);
    useNativeBinding(addon.exports, job.nativeBinding);
  }
  const key = Buffer.from(job.key.buffer, job.key.byteOffset, job.key.byteLength);
  try {
    raw = openEncryptedDatabase(job.file, key, { readonly: true });
  } finally {
    key.fill(0);
  }
  // Read-only connections skip the connection settings: the same page cache as the app's connection.
  raw.pragma('cache_size = -65536');
  raw.pragma('busy_timeout = 5000');
  parentPort!.postMessage({ ok: true, result: verifyPart(raw, job.range, job.anchors) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
} finally {
  raw?.close();
}
