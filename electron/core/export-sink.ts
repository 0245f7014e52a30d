import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a file the user exports on purpose goes. Electron asks with a save dialog; the CLI and the
 * test harness write into a folder. Returns the path, or null when the user cancelled.
 */
export type ExportSink = (suggestedName: string, content: Buffer) => Promise<string | null>;

export function folderSink(dir: string): ExportSink {
  return async (name, content) => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, name.replace(/[^\w.\-åäöÅÄÖ]/g, '_'));
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };
}
