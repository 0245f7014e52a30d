import { writeFileSync } from 'node:fs';
import type { ExportSink } from '../core/export-sink';

/** CLI --out FILE: the export goes exactly there (readable only by the owner). */
export function fileSink(path: string): ExportSink {
  return async (_name, content) => {
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };
}
