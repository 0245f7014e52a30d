import { chmodSync, existsSync, renameSync } from 'node:fs';
import { toLocalIsoDate } from '../../shared/dates';

/**
 * After a move to the server, the local database is kept as it was at the move, under a name the app
 * never opens again (so nothing writes to it) and read-only; the admin removes it when the server is
 * trusted. Its WAL, if any is left, goes with it.
 */
export function setAsideLocalDatabase(file: string, at: Date): string {
  const kept = file.replace(/\.db$/, `-flyttad-till-server-${toLocalIsoDate(at)}.db`);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${kept}${suffix}`);
  }
  renameSync(file, kept);
  chmodSync(kept, 0o400);
  return kept;
}
