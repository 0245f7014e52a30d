import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';
import { folderSink } from '../../electron/core/export-sink';

export const ADMIN = { username: 'admin', displayName: 'Ada Admin', password: 'korrekt-hast-batteri', unitName: 'Testenheten' };

export function tempDir(prefix = 'kpr-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-export`, { recursive: true, force: true });
    },
  };
}

/** A core over a fresh temp data folder, cheap KDF and a manual clock. */
export function makeCore(dir: string) {
  const clock = new ManualClock('2026-11-22T09:00:00Z');
  const core = new AppCore({ dataDir: dir, clock, kdf: TEST_SCRYPT, exportSink: folderSink(`${dir}-export`) });
  const invoke = createRouter(core, handlers, () => {});
  return { core, clock, invoke };
}

/** Setup done and the admin logged in. */
export async function makeReadyCore(dir: string) {
  const made = makeCore(dir);
  const { recoveryKey } = await made.core.setup(ADMIN);
  await made.core.login(ADMIN.username, ADMIN.password);
  return { ...made, recoveryKey };
}
