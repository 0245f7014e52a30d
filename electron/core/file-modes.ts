import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Owner-only permissions for the data folder (0700) and every file in it (0600): the database, its
 * WAL/SHM, the vault and backups of it. No effect on Windows, where the folder's ACL applies.
 */
export function restrictFileModes(dir: string): void {
  if (process.platform === 'win32' || !existsSync(dir)) return;
  try {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      chmodSync(p, st.isDirectory() ? 0o700 : 0o600);
    }
  } catch {
    // A file that vanished in between (e.g. the -journal) is not an error.
  }
}

/** The same for one folder tree written by the app (a backup, the export folder). */
export function restrictTree(dir: string): void {
  if (process.platform === 'win32' || !existsSync(dir)) return;
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) restrictTree(p);
    else chmodSync(p, 0o600);
  }
}
