import { app, BrowserWindow, protocol, session } from 'electron';
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
import { electronPdf, electronPrint } from './shell/pdf-electron';
import { electronSaveDialogSink } from './shell/save-dialog';

const isDev = !app.isPackaged && process.env.KPR_DEV === '1';
const log = createLogger(join(app.getPath('userData'), 'logs'));

// Data folder: KPR_DATA for a network-free test install, else the user's app data folder.
const dataDir = process.env.KPR_DATA ?? join(app.getPath('userData'), 'data');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
const core = new AppCore({ dataDir, pdf: electronPdf, print: electronPrint, exportSink: electronSaveDialogSink(() => mainWindow) });
const invoke = createRouter(core, handlers, log);

app.on('web-contents-created', (_e, contents) => hardenContents(contents));

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  const rendererRoot = join(__dirname, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const res = await serveAppFile(rendererRoot, request.url);
    return new Response(new Uint8Array(res.body), { status: res.status, headers: res.headers });
  });
  bridgeIpc(() => mainWindow, invoke);

  mainWindow = new BrowserWindow(secureWindowOptions(join(__dirname, 'preload.cjs'), isDev));
  mainWindow.setContentProtection(true);
  mainWindow.removeMenu();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);

  // Auto-lock: the core decides; the renderer sees the locked state on its next status poll.
  setInterval(() => void core.checkIdle().catch((err) => log('Idle check failed', err)), 15_000).unref();
});

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

let closing = false;
app.on('before-quit', (event) => {
  if (closing) return;
  closing = true;
  event.preventDefault();
  core.close().finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());
