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
  return new Worker(sourceBundle(here), { eval: true, workerData: job });
}

let bundledSource: string | null = null;
/**
 * From the sources (tests, CLI, benchmark): the worker bundled once per process with esbuild, as
 * electron/build.mjs does for the app. Starting it through tsx instead costs about 0,2 s of CPU per
 * worker (loading tsx and transforming the imports), a tenth of the whole check of a large log.
 */
function sourceBundle(here: string): string {
  if (bundledSource) return bundledSource;
  const require = createRequire(join(here, 'verify-workers.ts'));
  const esbuild = require('esbuild') as typeof import('esbuild');
  const sqlite = require.resolve('better-sqlite3-multiple-ciphers');
  const out = esbuild.buildSync({
    entryPoints: [join(here, 'verify-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]?.text ?? '';
  // An eval'd worker resolves packages from the working directory: name the module by its path.
  bundledSource = code.replaceAll('require("better-sqlite3-multiple-ciphers")', `require(${JSON.stringify(sqlite)})`);
  return bundledSource;
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
