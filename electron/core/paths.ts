import { join } from 'node:path';

/** Files inside the data folder. */
export function dataPaths(dataDir: string) {
  return {
    database: join(dataDir, 'kontaktregistret.db'),
    vault: join(dataDir, 'vault.json'),
  };
}
