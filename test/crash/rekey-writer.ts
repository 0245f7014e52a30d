/**
 * Child process for the rekey crash test: logs in as the admin and deactivates a user, which rekeys
 * the whole database; the parent kills it at a random moment. With CRASH_MODE=login it only logs in
 * (on a SQLCipher 4 file that login rewrites the whole file in AEGIS-256), announced before the login.
 */
import { writeSync } from 'node:fs';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { TEST_SCRYPT } from '../../electron/vault/kdf';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';

async function main() {
  const core = new AppCore({
    dataDir: process.env.CRASH_DATA!,
    clock: new ManualClock('2026-11-22T10:00:00Z'),
    kdf: TEST_SCRYPT,
  });
  const invoke = createRouter(core, handlers);
  if (process.env.CRASH_MODE === 'login') {
    writeSync(1, 'ready\n');
    await core.login('admin', process.env.CRASH_PASSWORD!);
    writeSync(1, 'done\n');
    setInterval(() => {}, 1000);
    return;
  }
  await core.login('admin', process.env.CRASH_PASSWORD!);
  writeSync(1, 'ready\n');
  const r = await invoke('users.update', {
    id: Number(process.env.CRASH_USER_ID),
    displayName: 'Bo',
    roles: ['handlaggare'],
    active: false,
  });
  writeSync(1, `${r.ok ? 'done' : 'failed'}\n`);
  // Stay alive until killed, so every round ends the same way.
  setInterval(() => {}, 1000);
}

void main();
