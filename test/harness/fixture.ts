import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { startHarness, type Harness } from './server';
import { setupAndLogin } from './flows';
import { tempDir } from '../helpers/core';
import { TEST_SCRYPT } from '../../electron/vault/kdf';

/**
 * One harness, one browser and one page per E2E file, over a fresh data folder at 2026-11-22.
 * `prepare` runs after the admin is set up and logged in (unless `login: false`).
 */
export function useE2E(opts: { login?: boolean; prepare?: (h: Harness) => Promise<void> } = {}) {
  const env = {} as { harness: Harness; browser: Browser; page: Page; dir: ReturnType<typeof tempDir> };
  beforeAll(async () => {
    env.dir = tempDir('kpr-e2e-');
    env.harness = await startHarness({ dataDir: env.dir.dir, kdf: TEST_SCRYPT, start: '2026-11-22T09:00:00Z' });
    env.browser = await launchBrowser();
    env.page = await newPage(env.browser);
    if (opts.login !== false) await setupAndLogin(env.page, env.harness);
    await opts.prepare?.(env.harness);
  }, 120_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.harness?.close();
    env.dir?.cleanup();
  });
  return env;
}
