/**
 * Worker-thread entry: parses one import file away from the main process, under the time and heap
 * limits set by read-table.ts, and posts back the table or a Swedish message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../shared/errors';
import { parseTable } from './parse-table';

const input = workerData as { fileName: string; bytes: Uint8Array; rows: number; columns: number };
parseTable(input.fileName, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), {
  rows: input.rows,
  columns: input.columns,
}).then(
  (table) => parentPort!.postMessage({ ok: true, table }),
  (err: unknown) => parentPort!.postMessage({ ok: false, message: err instanceof DomainError ? err.message : null }),
);
