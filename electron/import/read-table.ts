import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/errors';
import { IMPORT_LIMITS, precheckImport, type ImportLimits } from './limits';
import type { Table } from './parse-table';

const HOSTILE =
  'Filen kan inte importeras: den tar för lång tid eller för mycket minne att läsa (den kan vara skadad eller byggd för att låsa programmet). Inget har ändrats.';

/** The worker: the bundled .cjs next to main.cjs in the app, or the TypeScript source (through tsx) in tests and the CLI. */
function startWorker(data: unknown, limits: ImportLimits): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: limits.heapMegabytes,
    maxYoungGenerationSizeMb: 32,
    codeRangeSizeMb: 32,
    stackSizeMb: 4,
  };
  const here = typeof __dirname !== 'undefined' ? __dirname : import.meta.dirname;
  // Packaged, the worker is unpacked from the asar (a worker thread loads its script as a plain file).
  const bundled = join(here, 'import-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (existsSync(bundled)) return new Worker(bundled, { workerData: data, resourceLimits });
  const require = createRequire(join(here, 'read-table.ts'));
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(here, 'parse-worker.ts'))});`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits });
}

/**
 * Reads an import file safely: size and shape checks first (nothing unpacked), then parsing in a
 * worker thread with a heap limit and a deadline, so a hostile file can neither freeze the app (the
 * idle lock keeps running) nor exhaust its memory. Nothing is written anywhere.
 */
export async function readTable(fileName: string, bytes: Buffer, limits: ImportLimits = IMPORT_LIMITS): Promise<Table> {
  precheckImport(fileName, bytes, limits);
  const worker = startWorker(
    { fileName, bytes: new Uint8Array(bytes), rows: limits.rows, columns: limits.columns },
    limits,
  );
  return new Promise<Table>((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => done(() => reject(new DomainError('INVALID_INPUT', HOSTILE))),
      limits.parseMilliseconds,
    );
    worker.on('message', (m: { ok: true; table: Table } | { ok: false; message: string | null }) =>
      done(() =>
        m.ok
          ? resolve(m.table)
          : reject(
              new DomainError('INVALID_INPUT', m.message ?? 'Filen kunde inte läsas. Är det en .xlsx- eller .csv-fil?'),
            ),
      ),
    );
    // ERR_WORKER_OUT_OF_MEMORY and any crash inside the parser end up here.
    worker.on('error', () => done(() => reject(new DomainError('INVALID_INPUT', HOSTILE))));
    worker.on('exit', () => done(() => reject(new DomainError('INVALID_INPUT', HOSTILE))));
  });
}
