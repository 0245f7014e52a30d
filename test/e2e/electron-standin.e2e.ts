/**
 * The real bundles (build/electron/main.cjs and preload.cjs) under plain Node with a stand-in
 * `electron` module: protocol, IPC trust, first start to bank files and PDFs, lock and quit,
 * and the ways the shell refuses to start. Time is fixed at 2026-11-22 (fake Date, not the wall clock).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../shared/ipc/channel';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';
import { activeAssignment } from '../helpers/cases';
import { tempDir } from '../helpers/core';
import { pdfText } from '../helpers/pdf';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import type { RawDatabase } from '../../electron/db/open';
import { generate } from '../bench/generate';
import {
  ADMIN,
  appFolder,
  BUILT_MAIN,
  BUILT_PRELOAD,
  launch,
  ok,
  PAYMENT,
  TRUSTED_FRAME,
  type Launched,
} from '../electron-standin/app';

const NOW = new Date('2026-11-22T09:00:00Z');
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

beforeAll(() => {
  if (!existsSync(BUILT_MAIN) || !existsSync(BUILT_PRELOAD))
    throw new Error('Run `npm run build` first (npm run test:e2e does).');
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true });
});
afterAll(() => {
  vi.useRealTimers();
});

function folders() {
  const t = tempDir('kpr-standin-');
  const app = appFolder('node-build');
  cleanups.push(t.cleanup, app.cleanup);
  return { userData: t.dir, exportDir: `${t.dir}-export`, appPath: app.dir, dataDir: join(t.dir, 'data') };
}

async function started(f: ReturnType<typeof folders>): Promise<Launched> {
  const l = await launch(f);
  cleanups.push(() => l.standin.close());
  // An internal error's cause is only in main's log: show it with the failure.
  const invoke = l.kpr.invoke;
  l.kpr = {
    invoke: async (name, input) => {
      const r = await invoke(name, input);
      if (!r.ok && r.error.code === 'INTERNAL' && name !== 'session.setup') {
        throw new Error(
          `${name}: ${r.error.message}\n${readFileSync(join(f.userData, 'logs', 'kontaktregistret.log'), 'utf8')}`,
        );
      }
      return r;
    },
  };
  return l;
}

describe('main.cjs and preload.cjs under a stand-in Electron', () => {
  it('serves the renderer with the CSP, trusts only its own top frame, and runs first start to bank files, PDFs, lock and quit', async () => {
    const f = folders();
    const { standin, win, kpr } = await started(f);
    const inv = (name: string, input?: unknown) => kpr.invoke(name, input);

    // The shell as set up by main.
    expect(standin.calls.map((c) => c.api)).toContain('app.requestSingleInstanceLock');
    expect(standin.privileged.map((p) => p.scheme)).toEqual(['app', 'kpr-print']);
    expect([...standin.ipcHandlers.keys()]).toEqual([IPC_CHANNEL]);
    expect(standin.sessions.get('default')!.permissionRequest).toBeTypeOf('function');
    expect(win).toBeDefined();
    expect(win!.options.webPreferences).toMatchObject({
      preload: BUILT_PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(win!.contentProtection).toBe(true);
    expect(win!.webContents.windowOpenHandler({ url: 'https://x.example' })).toEqual({ action: 'deny' });

    // app:// serves the built index.html with the CSP header.
    expect(win!.loadedUrl).toBe('app://kontaktregistret/index.html');
    expect(win!.loaded).toMatchObject({ status: 200 });
    expect(win!.loaded!.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(win!.loaded!.body).toMatch(/<div id="root"><\/div>/);
    const js = win!.loaded!.body.match(/src="\.\/(assets\/[^"]+\.js)"/)![1];
    const asset = await standin.sessions.get('default')!.fetch(`app://kontaktregistret/${js}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await standin.sessions.get('default')!.fetch('app://kontaktregistret/../package.json')).status).toBe(404);

    // The trusted frame's invoke works; other frames, other windows and foreign pages are refused.
    expect(await inv('session.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    const evil = standin.loadPreload(BUILT_PRELOAD, win!, { url: 'https://evil.example/', parent: null }).kpr;
    expect(await evil.invoke('session.status', {})).toMatchObject(forbidden);
    const sub = standin.loadPreload(BUILT_PRELOAD, win!, { url: TRUSTED_FRAME.url, parent: TRUSTED_FRAME }).kpr;
    expect(await sub.invoke('session.status', {})).toMatchObject(forbidden);
    const Other = standin.electron.BrowserWindow as new (o: object) => any;
    const other = new Other({ show: false });
    const otherKpr = standin.loadPreload(BUILT_PRELOAD, other, TRUSTED_FRAME).kpr;
    expect(await otherKpr.invoke('session.setup', ADMIN)).toMatchObject(forbidden);

    // First start fails part-way (a folder where the database's WAL file goes): nothing is kept,
    // the message says so, and the next attempt works.
    mkdirSync(join(f.dataDir, 'kontaktregistret.db-wal'), { recursive: true });
    expect(await inv('session.setup', ADMIN)).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringMatching(/^Installationen kunde inte slutföras.*Inget har sparats/),
      },
    });
    expect(readdirSync(f.dataDir)).toEqual(['kontaktregistret.db-wal']);
    rmSync(join(f.dataDir, 'kontaktregistret.db-wal'), { recursive: true });
    const { recoveryKey } = await ok(inv('session.setup', ADMIN));
    expect(recoveryKey).toMatch(/\w{4}-/);
    expect(await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }))).toMatchObject({
      state: 'unlocked',
    });

    // Seed through the same IPC the UI uses, then a payout: create, attest, all four exports.
    await ok(inv('payments.saveSettings', PAYMENT));
    await activeAssignment(inv as never);
    await ok(
      inv('reports.submit', {
        assignmentId: 1,
        month: '2026-10',
        meetingDates: ['2026-10-18', '2026-10-25'],
        hours: 6.5,
        activities: 'Bio',
        expensesOre: 12_550,
        receiptsNote: 'Biobiljetter, 1 kvitto',
      }),
    );
    await ok(inv('reports.approve', { assignmentId: 1, month: '2026-10' }));
    const { id: batchId } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
    await ok(inv('payouts.attest', { batchId }));
    const saved: Record<string, string> = {};
    for (const format of ['pain001', 'paxml', 'bgc-lon', 'csv'] as const) {
      const r = await ok<{ savedTo: string }>(inv('payouts.export', { batchId, format }));
      expect(r.savedTo.startsWith(f.exportDir), format).toBe(true);
      saved[format] = r.savedTo;
      // One channel per batch: the next format only after this export is voided (with a reason).
      if (format !== 'csv')
        await ok(inv('payouts.voidExport', { batchId, reason: `Test: nästa format efter ${format}` }));
    }
    expect(standin.saveDialogs.map((d) => d.defaultPath)).toEqual([
      `pain001-2026-10-${batchId}.xml`,
      `paxml-2026-10-${batchId}.xml`,
      `bgc-loner-2026-10-${batchId}.txt`,
      `loneunderlag-2026-10-${batchId}.csv`,
    ]);
    const pain = readFileSync(saved.pain001!, 'utf8');
    expect(pain).toContain('<InstdAmt Ccy="SEK">1118.50</InstdAmt>');
    expect(await validateAgainstXsd(pain, 'pain.001.001.03')).toEqual({ valid: true, errors: [] });
    expect(await validateAgainstXsd(readFileSync(saved.paxml!, 'utf8'), 'paxml-2.0')).toEqual({
      valid: true,
      errors: [],
    });
    expect(readFileSync(saved['bgc-lon']!, 'latin1')).toMatch(/^01/);
    expect(readFileSync(saved.csv!, 'utf8')).toContain('Provsson');

    // A PDF: the hidden window loads the document from the private session, Chromium prints it.
    const pdf = await ok<{ savedTo: string }>(inv('payouts.exportPdf', { batchId, document: 'specifikationer' }));
    const text = pdfText(readFileSync(pdf.savedTo), 'standin-specifikation');
    expect(text).toContain('Utbetalningsspecifikation 2026-10');
    expect(text).toContain('Anna Provsson');
    expect(text).toMatch(/Att utbetala\s+1\s118,50\s+kr/);
    const printWin = standin.windows.find((w) => w.loadedUrl?.startsWith('kpr-print://document/'))!;
    expect(printWin.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect((printWin.options.webPreferences.session as { partition: string }).partition).toBe('kpr-print');
    expect(standin.sessions.get('kpr-print')!.permissionRequest).toBeTypeOf('function'); // hardened like the default session
    expect(printWin.loaded!.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(printWin.destroyed).toBe(true);
    // The document was served once, from memory: its URL does not answer any more.
    expect((await standin.sessions.get('kpr-print')!.fetch(printWin.loadedUrl!)).status).toBe(404);

    // Content protection is an admin setting: off here, applied to the window and remembered.
    const settings = await ok(inv('settings.get', {}));
    expect(settings.contentProtection).toBe(true);
    await ok(inv('settings.update', { ...settings, contentProtection: false }));
    expect(win!.contentProtection).toBe(false);

    // Lock, log in again, then quit: before-quit closes the database (the WAL is checkpointed away).
    expect(await ok(inv('session.lock', {}))).toMatchObject({ state: 'locked' });
    expect(await inv('payouts.list', { month: '2026-10' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    expect(existsSync(join(f.dataDir, 'kontaktregistret.db-wal'))).toBe(true);
    (standin.electron.app as { quit: () => void }).quit();
    await standin.whenQuit();
    expect(standin.quitRequested).toBe(2);
    const wal = join(f.dataDir, 'kontaktregistret.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const check = new AppCore({ dataDir: f.dataDir, clock: new ManualClock(NOW) });
    await check.login(ADMIN.username, ADMIN.password);
    const last = check
      .serviceContext()
      .raw.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 3')
      .all() as Array<{ action: string }>;
    expect(last.map((r) => r.action)).toEqual(['session.login', 'session.close', 'session.login']);
    await check.close();

    // The next start shows the window unprotected from the first moment (before anyone logs in).
    const again = await started(f);
    expect(again.win!.contentProtection).toBe(false);
    expect(await again.kpr.invoke('session.status', {})).toMatchObject({ ok: true, value: { state: 'loggedOut' } });
    (again.standin.electron.app as { quit: () => void }).quit();
    await again.standin.whenQuit();
  });

  it('renders a document over 2 MB (10 000-payee attest list) that a data: URL cannot carry', async () => {
    const f = folders();
    const { standin, kpr } = await started(f);
    const inv = (name: string, input?: unknown) => kpr.invoke(name, input);
    await ok(inv('session.setup', ADMIN));
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    await ok(inv('payments.saveSettings', PAYMENT));
    await ok(inv('session.logout', {}));
    await seedPayees(f.dataDir, 10_000);
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    const { id: batchId } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));

    const pdf = await ok<{ savedTo: string }>(inv('payouts.exportPdf', { batchId, document: 'attestlista' }));
    const printWin = standin.windows.find((w) => w.loadedUrl?.startsWith('kpr-print://'))!;
    const html = printWin.loaded!.body;
    expect(Buffer.byteLength(html)).toBeGreaterThan(2 * 1024 * 1024);
    const text = execFileSync('pdftotext', ['-layout', pdf.savedTo, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(text).toMatch(/Anna Provsson0 /);
    expect(text).toMatch(/Åsa Provsson9992 /);
    const numbers = [
      ...text.matchAll(/(?:Provsson|Testberg|Exempeldotter|Demoström|Fiktivsson|Övningsdal|Prövlund|Skissberg)(\d+)/g),
    ].map((m) => m[1]);
    expect(new Set(numbers).size).toBe(10_000);

    // The old way (a data: URL) fails on exactly this document in Chromium.
    const Probe = standin.electron.BrowserWindow as new (o: object) => any;
    const probe = new Probe({ show: false, webPreferences: { javascript: false } });
    await expect(
      probe.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`),
    ).rejects.toThrow(/ERR_/);
    probe.destroy();
    await ok(inv('session.logout', {}));
  }, 300_000);

  it('checks a 60 000-row audit log in parts in the bundled worker threads, and finds a row edited in the second half', async () => {
    const f = folders();
    const { kpr } = await started(f);
    const inv = (name: string, input?: unknown) => kpr.invoke(name, input);
    await ok(inv('session.setup', ADMIN));
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    await ok(inv('session.logout', {}));
    // Above the single-walk threshold (PARALLEL_MIN_ROWS), so main.cjs starts audit-verify-worker.cjs;
    // a worker that cannot load fails the call (no quiet fallback), which `started` reports.
    await withCore(f.dataDir, (raw) =>
      generate(raw, { people: 1, clients: 1, reportsPerAssignment: 1, auditRows: 60_000 }),
    );
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    const intact = await ok<{ ok: boolean; checked: number }>(inv('audit.verify', {}));
    expect(intact).toMatchObject({ ok: true, firstBrokenId: null });
    expect(intact.checked).toBeGreaterThan(60_000);
    await ok(inv('session.logout', {}));
    await withCore(f.dataDir, (raw) => {
      raw.exec('DROP TRIGGER audit_log_no_update');
      raw.prepare("UPDATE audit_log SET detail = 'ändrad' WHERE id = 45000").run();
    });
    await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }));
    expect(await ok(inv('audit.verify', {}))).toMatchObject({
      ok: false,
      firstBrokenId: 45_000,
      reason: expect.stringMatching(/ändrats/),
    });
    await ok(inv('session.logout', {}));
  }, 300_000);

  it('stops with a clear message, before any window or database, when Electron’s SQLite build is missing or wrong', async () => {
    for (const [native, message] of [
      [
        'missing',
        /^Databasmodulen för Electron saknas:\n.*build\/native\/better_sqlite3\.node\n\nDen byggs av "npm start" första gången\. Det kräver internet/,
      ],
      [BUILT_PRELOAD, /^Databasmodulen för Electron kunde inte läsas in:[\s\S]*Kör "npm start" igen så byggs den om/],
    ] as const) {
      const f = folders();
      const app = appFolder(native);
      cleanups.push(app.cleanup);
      const { standin, win } = await started({ ...f, appPath: app.dir });
      expect(standin.errorBoxes).toEqual([
        { title: 'Kontaktregistret kan inte starta', content: expect.stringMatching(message) },
      ]);
      expect(standin.errorBoxes[0]!.content).toMatch(/Inga uppgifter har ändrats\.$/);
      expect(win).toBeUndefined();
      expect(standin.ipcHandlers.size).toBe(0);
      expect(existsSync(f.dataDir)).toBe(false);
      expect(standin.quitted).toBe(true);
      expect(readFileSync(join(f.userData, 'logs', 'kontaktregistret.log'), 'utf8')).toMatch(
        /The SQLite module for Electron could not be loaded/,
      );
    }
  });

  it('a second instance quits at once and builds nothing', async () => {
    const f = folders();
    const { standin, win } = await launch({ ...f, singleInstanceLock: false });
    cleanups.push(() => standin.close());
    expect(standin.quitted).toBe(true);
    expect(win).toBeUndefined();
    expect(standin.calls.map((c) => c.api)).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    expect(existsSync(f.dataDir)).toBe(false);
  });
});

/** Writes n approved payees for 2026-10 straight into the database (test data, test-side code). */
async function seedPayees(dataDir: string, n: number): Promise<void> {
  const { generate } = await import('../bench/generate');
  const core = new AppCore({ dataDir, clock: new ManualClock(NOW) });
  await core.login(ADMIN.username, ADMIN.password);
  generate(core.serviceContext().raw, { people: n, clients: n, reportsPerAssignment: 10, auditRows: 0 });
  await core.logout();
}

/** Runs `fn` on the app's database from the test side (test data), with the app logged out. */
async function withCore(dataDir: string, fn: (raw: RawDatabase) => void): Promise<void> {
  const core = new AppCore({ dataDir, clock: new ManualClock(NOW) });
  await core.login(ADMIN.username, ADMIN.password);
  fn(core.serviceContext().raw);
  await core.logout();
}
