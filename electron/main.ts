import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import { join } from 'node:path';
import { AppCore } from './core/app-core';
import { handlers } from './ipc/handlers/index';
import { createRouter } from './ipc/router';
import { APP_ORIGIN, APP_SCHEME } from './shell/csp';
import { hardenContents, hardenSession } from './shell/harden';
import { bridgeIpc } from './shell/ipc-bridge';
import { serveAppFile } from './shell/protocol-files';
import { secureWindowOptions } from './shell/window-options';
import { createLogger } from './core/log';
import { electronPdf, electronPrint, PRINT_SCHEME } from './shell/pdf-electron';
import { electronSaveDialogSink } from './shell/save-dialog';
import { loadNativeBinding, nativeBindingPath, NATIVE_ERROR_TITLE } from './shell/native-binding';
import { readContentProtection, writeContentProtection } from './shell/display-settings';
import { useNativeBinding } from './db/open';

/**
 * The Electron shell: window, protocols, IPC bridge. Everything else is the plain-Node core.
 * test/electron-standin runs this very bundle under Node with a stand-in `electron` module.
 */
function main(): void {
  // A second start only focuses the first window (its 'second-instance' handler); it builds nothing.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const isDev = !app.isPackaged && process.env.KPR_DEV === '1';
  const log = createLogger(join(app.getPath('userData'), 'logs'));

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: PRINT_SCHEME, privileges: { standard: true, secure: true } },
  ]);

  // Electron's own build of the SQLite module; without it nothing can work, so say so and stop.
  const nativeFile = nativeBindingPath(app.getAppPath());
  const native = loadNativeBinding(nativeFile);
  if (!native.ok) {
    log('The SQLite module for Electron could not be loaded', native.error);
    void app.whenReady().then(() => {
      dialog.showErrorBox(NATIVE_ERROR_TITLE, native.message);
      app.quit();
    });
    return;
  }
  useNativeBinding(native.addon, nativeFile);

  // Data folder: KPR_DATA for a network-free test install, else the user's app data folder.
  const dataDir = process.env.KPR_DATA ?? join(app.getPath('userData'), 'data');
  const displayFile = join(app.getPath('userData'), 'display.json');
  let contentProtection = readContentProtection(displayFile);

  let mainWindow: BrowserWindow | null = null;
  const core = new AppCore({
    dataDir,
    pdf: electronPdf,
    print: electronPrint,
    exportSink: electronSaveDialogSink(() => mainWindow),
    onSettings: (settings) => {
      if (settings.contentProtection === contentProtection) return;
      contentProtection = settings.contentProtection;
      writeContentProtection(displayFile, contentProtection);
      mainWindow?.setContentProtection(contentProtection);
    },
  });
  const invoke = createRouter(core, handlers, log);

  app.on('web-contents-created', (_e, contents) => hardenContents(contents));

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    const rendererRoot = join(__dirname, '..', 'renderer');
    protocol.handle(APP_SCHEME, async (request) => {
      const res = await serveAppFile(rendererRoot, request.url);
      return new Response(new Uint8Array(res.body), { status: res.status, headers: res.headers });
    });
    bridgeIpc(() => mainWindow, invoke);

    mainWindow = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'), isDev));
    // Keeps case data out of screenshots and screen sharing; an admin can turn it off where a
    // remote desktop shows the protected window as black (Inställningar).
    mainWindow.setContentProtection(contentProtection);
    mainWindow.removeMenu();
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => (mainWindow = null));
    void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

    // Auto-lock: the core decides; the renderer sees the locked state on its next status poll.
    // Every 5 s: the lock warning counts down to 0 s, so the lock itself should follow within seconds.
    setInterval(() => void core.checkIdle().catch((err) => log('Idle check failed', err)), 5_000).unref();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    core
      .close()
      .catch((err) => log('Closing the database failed', err))
      .finally(() => app.quit());
  });

  app.on('window-all-closed', () => app.quit());
}

main();
