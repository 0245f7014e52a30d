import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nativeBindingFile } from '../db/open';
import type { PartAnchor, PartRange, PartResult } from './verify-part';

/** What a verify worker gets; the key is its own copy, wiped once the file is open. */
export interface PartJob {
  file: string;
  key: Uint8Array;
  range: PartRange;
  anchors: PartAnchor[];
  /** Electron's build of the SQLite addon (the Electron main process only); Node keeps the default. */
  nativeBinding: string | null;
}

/** The worker: the bundled .cjs next to main.cjs in the app, or the TypeScript source (through tsx) in tests and the CLI. */
function startWorker(job: PartJob): Worker {
  const here = typeof __dirname !== 'undefined' ? __dirname : import.meta.dirname;
  // Packaged, the worker is unpacked from the asar (a worker thread loads its script as a plain file).
  const bundled = join(here, 'audit-verify-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (existsSync(bundled)) return new Worker(bundled, { workerData: job });
  const require = createRequire(join(here, 'verify-workers.ts'));
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(here, 'verify-worker.ts'))});`;
  return new Worker(code, { eval: true, workerData: job });
}

/** Checks one id range of the chain in a worker thread on its own read-only connection to `file`. */
export function runPart(file: string, key: Buffer, range: PartRange, anchors: PartAnchor[]): Promise<PartResult> {
  const copy = new Uint8Array(key);
  let worker: Worker;
  try {
    worker = startWorker({ file, key: copy, range, anchors, nativeBinding: nativeBindingFile() });
  } finally {
    // workerData is cloned when the worker is created: this thread's copy is no longer needed.
    copy.fill(0);
  }
  return new Promise<PartResult>((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.on('message', (m: { ok: true; result: PartResult } | { ok: false; message: string }) =>
      done(() => (m.ok ? resolve(m.result) : reject(new Error(m.message)))),
    );
    worker.on('error', (err) => done(() => reject(err)));
    worker.on('exit', (code) => done(() => reject(new Error(`audit verify worker exited (${code})`))));
  });
}
