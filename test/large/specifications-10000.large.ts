/**
 * The 10 000-payee payout specification (one A4 page per payee, about 8 MB of HTML) through the
 * real main.cjs under the stand-in Electron: served to the hidden print window from memory and
 * printed by Chromium. About 4 minutes on two cores, so it runs in .ci/run, not in npm test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { tempDir } from '../helpers/core';
import { ADMIN, appFolder, BUILT_MAIN, launch, ok, PAYMENT } from '../electron-standin/app';

const NOW = new Date('2026-11-22T09:00:00Z');

beforeAll(() => {
  if (!existsSync(BUILT_MAIN)) throw new Error('Run `npm run build` first.');
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true });
});
afterAll(() => vi.useRealTimers());

describe('PDFs of any size', () => {
  it('prints the 10 000-payee specification', async () => {
    const t = tempDir('kpr-large-');
    const app = appFolder('node-build');
    const f = { userData: t.dir, exportDir: `${t.dir}-export`, appPath: app.dir };
    const { standin, kpr } = await launch(f);
    try {
      const inv = (name: string, input?: unknown) => kpr.invoke(name, input);
      await ok(inv('session.setup', ADMIN));
      await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
      await ok(inv('payments.saveSettings', PAYMENT));
      await ok(inv('session.logout', {}));
      const { generate } = await import('../bench/generate');
      const seed = new AppCore({ dataDir: join(t.dir, 'data'), clock: new ManualClock(NOW) });
      await seed.login(ADMIN.username, ADMIN.password);
      generate(seed.serviceContext().raw, { people: 10_000, clients: 10_000, reportsPerAssignment: 10, auditRows: 0 });
      await seed.logout();
      await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
      const { id: batchId } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));

      const pdf = await ok<{ savedTo: string }>(inv('payouts.exportPdf', { batchId, document: 'specifikationer' }));
      const printWin = standin.windows.find((w) => w.loadedUrl?.startsWith('kpr-print://'))!;
      expect(Buffer.byteLength(printWin.loaded!.body)).toBeGreaterThan(8 * 1024 * 1024);
      const info = execFileSync('pdfinfo', [pdf.savedTo], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+10000\n/);
      const last = execFileSync('pdftotext', ['-f', '10000', '-l', '10000', '-layout', pdf.savedTo, '-'], {
        encoding: 'utf8',
      });
      expect(last).toContain('Utbetalningsspecifikation 2026-10');
      expect(last).toMatch(/Att utbetala\s+[\d\s]+,\d\d\s+kr/);
      expect(readFileSync(pdf.savedTo).subarray(0, 5).toString()).toBe('%PDF-');
      await ok(inv('session.logout', {}));
    } finally {
      await standin.close();
      app.cleanup();
      t.cleanup();
    }
  });
});
