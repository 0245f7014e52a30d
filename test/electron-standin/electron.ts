/**
 * TEST-ONLY stand-in for the `electron` module, so the real bundles (build/electron/main.cjs and
 * preload.cjs) run under plain Node. It implements exactly the API surface they use and records
 * every call. Where Electron would render (printToPDF, a data: URL), it drives Debian's Chromium
 * through Playwright, so real PDFs come out and Chromium's own limits apply.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../harness/browser';

const require = createRequire(import.meta.url);

export type Call = { api: string; args: unknown[] };
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class StandinSession extends EventEmitter {
  public readonly handlers = new Map<string, ProtocolHandler>();
  public permissionRequest: unknown = null;
  public permissionCheck: unknown = null;
  public readonly protocol: { handle: (scheme: string, handler: ProtocolHandler) => void };
  public constructor(
    public readonly partition: string,
    private readonly rec: (api: string, ...args: unknown[]) => void,
  ) {
    super();
    this.protocol = {
      handle: (scheme, handler) => {
        this.rec(`session(${partition}).protocol.handle`, scheme);
        this.handlers.set(scheme, handler);
      },
    };
  }
  public setPermissionRequestHandler(h: unknown) {
    this.rec(`session(${this.partition}).setPermissionRequestHandler`);
    this.permissionRequest = h;
  }
  public setPermissionCheckHandler(h: unknown) {
    this.rec(`session(${this.partition}).setPermissionCheckHandler`);
    this.permissionCheck = h;
  }
  public setDevicePermissionHandler() {
    this.rec(`session(${this.partition}).setDevicePermissionHandler`);
  }
  /** What a page in this session gets for `url` (Electron asks the scheme's handler). */
  public async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`stand-in: no protocol handler for ${scheme}: in session ${this.partition}`);
    return handler(new Request(url));
  }
}

export interface Frame {
  url: string;
  parent: Frame | null;
}

export class Standin {
  public readonly calls: Call[] = [];
  public readonly windows: StandinWindow[] = [];
  public readonly errorBoxes: Array<{ title: string; content: string }> = [];
  public readonly saveDialogs: Array<{ defaultPath?: string; filePath: string }> = [];
  public readonly privileged: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
  public readonly ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  public readonly sessions = new Map<string, StandinSession>();
  public readonly appEvents = new EventEmitter();
  public quitRequested = 0;
  public quitted = false;
  private quitWaiters: Array<() => void> = [];
  private readyResolve!: () => void;
  private readonly ready = new Promise<void>((r) => (this.readyResolve = r));
  private browser: Promise<Browser> | null = null;
  private nextId = 1;
  public readonly electron: Record<string, unknown>;

  public constructor(
    public readonly opts: {
      appPath: string;
      userData: string;
      exportDir: string;
      singleInstanceLock?: boolean;
      isPackaged?: boolean;
    },
  ) {
    const rec = (api: string, ...args: unknown[]) => this.calls.push({ api, args });
    this.rec = rec;
    const sessions = this.sessions;
    const nextId = () => this.nextId++;
    const created = (w: StandinWindow) => {
      this.windows.push(w);
      this.appEvents.emit('web-contents-created', {}, w.webContents);
    };
    const standin = () => this;
    this.sessions.set('default', new StandinSession('default', rec));

    const app = {
      get isPackaged() {
        return opts.isPackaged ?? false;
      },
      requestSingleInstanceLock: () => (rec('app.requestSingleInstanceLock'), opts.singleInstanceLock ?? true),
      getPath: (name: string) => (
        rec('app.getPath', name),
        name === 'userData' ? opts.userData : join(opts.userData, name)
      ),
      getAppPath: () => (rec('app.getAppPath'), opts.appPath),
      whenReady: () => (rec('app.whenReady'), this.ready),
      on: (event: string, fn: (...a: any[]) => void) => (rec('app.on', event), this.appEvents.on(event, fn), app),
      quit: () => {
        rec('app.quit');
        this.quitRequested++;
        let prevented = false;
        this.appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
        if (prevented) return;
        this.quitted = true;
        for (const w of this.quitWaiters.splice(0)) w();
      },
    };

    const protocol = {
      registerSchemesAsPrivileged: (list: Array<{ scheme: string; privileges: Record<string, boolean> }>) => {
        rec('protocol.registerSchemesAsPrivileged', list);
        this.privileged.push(...list);
      },
      handle: (scheme: string, handler: ProtocolHandler) => {
        rec('protocol.handle', scheme);
        this.sessions.get('default')!.handlers.set(scheme, handler);
      },
    };

    const session = {
      get defaultSession() {
        return sessions.get('default');
      },
      fromPartition: (partition: string) => {
        rec('session.fromPartition', partition);
        if (!this.sessions.has(partition)) this.sessions.set(partition, new StandinSession(partition, rec));
        return this.sessions.get(partition);
      },
    };

    class BrowserWindow extends StandinWindow {
      public constructor(options: Record<string, any> = {}) {
        super(standin(), options, nextId());
        rec('new BrowserWindow', options);
        created(this);
      }
    }

    const ipcMain = {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        rec('ipcMain.handle', channel);
        this.ipcHandlers.set(channel, fn);
      },
    };

    const dialog = {
      showErrorBox: (title: string, content: string) => {
        rec('dialog.showErrorBox', title, content);
        this.errorBoxes.push({ title, content });
      },
      showSaveDialog: async (...args: any[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { defaultPath?: string };
        rec('dialog.showSaveDialog', options);
        mkdirSync(opts.exportDir, { recursive: true }); // the folder the user picked exists
        const filePath = join(opts.exportDir, options.defaultPath ?? 'fil');
        this.saveDialogs.push({ defaultPath: options.defaultPath, filePath });
        return { canceled: false, filePath };
      },
    };

    const webContents = { getAllWebContents: () => this.windows.map((w) => w.webContents) };

    this.electron = { app, protocol, session, BrowserWindow, ipcMain, dialog, webContents };
  }

  public readonly rec: (api: string, ...args: unknown[]) => void;

  /** Electron's 'ready': whenReady() resolves and what main scheduled on it runs. */
  public async emitReady(): Promise<void> {
    this.readyResolve();
    await new Promise((r) => setImmediate(r));
  }

  public mainWindow(): StandinWindow | undefined {
    return this.windows.find((w) => w.options.webPreferences?.preload);
  }

  /** Resolves when the app has really quit (after main's before-quit work). */
  public whenQuit(): Promise<void> {
    return this.quitted ? Promise.resolve() : new Promise((r) => this.quitWaiters.push(r));
  }

  public chromium(): Promise<Browser> {
    this.browser ??= launchBrowser();
    return this.browser;
  }

  public readonly closing: Array<Promise<unknown>> = [];

  public async close(): Promise<void> {
    await Promise.all(this.closing);
    if (this.browser) await (await this.browser).close();
  }

  /**
   * The renderer side: the real preload.cjs loaded for `frame` of `win`, with a stand-in
   * contextBridge and ipcRenderer whose invoke reaches main's ipcMain handler with that sender.
   */
  public loadPreload(preloadFile: string, win: StandinWindow, frame: Frame): Record<string, any> {
    const exposed: Record<string, any> = {};
    const rendererElectron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          this.rec('contextBridge.exposeInMainWorld', key);
          exposed[key] = api;
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          this.rec('ipcRenderer.invoke', channel, args[0]);
          const handler = this.ipcHandlers.get(channel);
          if (!handler) throw new Error(`No handler registered for '${channel}'`);
          // Electron passes the reply through structured clone.
          return structuredClone(await handler({ sender: win.webContents, senderFrame: frame }, ...args));
        },
      },
    };
    withElectron(rendererElectron, () => {
      delete require.cache[preloadFile];
      require(preloadFile);
    });
    return exposed;
  }
}

export class StandinWindow extends EventEmitter {
  public destroyed = false;
  public contentProtection: boolean | null = null;
  public loadedUrl: string | null = null;
  /** What the window's page received when it loaded (status, headers, body text). */
  public loaded: { status: number; headers: Headers; body: string } | null = null;
  public page: Page | null = null;
  /** The last loadURL, settled either way (main does not await its own). */
  public loading: Promise<void> = Promise.resolve();
  public readonly webContents: any;
  public constructor(
    private readonly standin: Standin,
    public readonly options: Record<string, any>,
    public readonly id: number,
  ) {
    super();
    const rec = standin.rec;
    const contents = new EventEmitter() as any;
    contents.id = id;
    contents.windowOpenHandler = null;
    contents.setWindowOpenHandler = (h: unknown) => {
      rec('webContents.setWindowOpenHandler', id);
      contents.windowOpenHandler = h;
    };
    contents.printToPDF = async (o: { pageSize?: string; printBackground?: boolean; preferCSSPageSize?: boolean }) => {
      rec('webContents.printToPDF', id, o);
      if (!this.page) throw new Error('stand-in: printToPDF before a page was loaded');
      return this.page.pdf({
        format: o.pageSize ?? 'Letter',
        printBackground: o.printBackground ?? false,
        preferCSSPageSize: o.preferCSSPageSize ?? false,
      });
    };
    contents.print = (o: unknown, cb: (success: boolean) => void) => {
      rec('webContents.print', id, o);
      cb(false); // No printer here: like a user cancelling the dialog.
    };
    this.webContents = contents;
  }
  public setContentProtection(on: boolean) {
    this.standin.rec('BrowserWindow.setContentProtection', this.id, on);
    this.contentProtection = on;
  }
  public removeMenu() {
    this.standin.rec('BrowserWindow.removeMenu', this.id);
  }
  public isMinimized() {
    return false;
  }
  public restore() {}
  public focus() {
    this.standin.rec('BrowserWindow.focus', this.id);
  }
  public show() {
    this.standin.rec('BrowserWindow.show', this.id);
  }
  public destroy() {
    this.standin.rec('BrowserWindow.destroy', this.id);
    this.destroyed = true;
    if (this.page)
      this.standin.closing.push(
        this.page
          .context()
          .close()
          .catch(() => undefined),
      );
    this.page = null;
  }
  /**
   * Loads a URL as Electron would: a registered scheme goes to its handler in the window's
   * session. A window with JavaScript off (the print window) renders the page in Chromium; a
   * data: URL is handed to Chromium as is, with Chromium's own URL limits.
   */
  public loadURL(url: string): Promise<void> {
    const p = this.load(url);
    this.loading = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  }
  private async load(url: string): Promise<void> {
    this.standin.rec(
      'BrowserWindow.loadURL',
      this.id,
      url.length > 200 ? `${url.slice(0, 200)}… (${url.length} chars)` : url,
    );
    const prefs = this.options.webPreferences ?? {};
    const session: StandinSession = prefs.session ?? this.standin.sessions.get('default');
    this.loadedUrl = url;
    const renders = prefs.javascript === false;
    if (url.startsWith('data:')) {
      const page = await this.newPage(prefs);
      try {
        await page.goto(url);
      } catch (err) {
        this.standin.closing.push(
          page
            .context()
            .close()
            .catch(() => undefined),
        );
        // Electron rejects loadURL with Chromium's error the same way (ERR_ABORTED etc.).
        throw new Error(
          `ERR_FAILED (-2) loading '${url.slice(0, 40)}…': ${String((err as Error).message)
            .split('\n')[0]!
            .slice(0, 80)}`,
        );
      }
      this.page = page;
    } else {
      const res = await session.fetch(url);
      const body = await res.text();
      this.loaded = { status: res.status, headers: res.headers, body };
      if (res.status !== 200) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
      if (renders) {
        const page = await this.newPage(prefs);
        await page.setContent(body, { waitUntil: 'load' });
        this.page = page;
      }
    }
    this.emit('ready-to-show');
  }
  private async newPage(prefs: Record<string, any>): Promise<Page> {
    const context = await (await this.standin.chromium()).newContext({ javaScriptEnabled: prefs.javascript !== false });
    return context.newPage();
  }
}

/** Runs `fn` with require('electron') answered by `electron` (the Module loader is hooked). */
export function withElectron<T>(electron: unknown, fn: () => T): T {
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return electron;
    return original.call(this, request, ...rest);
  };
  try {
    return fn();
  } finally {
    M._load = original;
  }
}

/** Loads a real main bundle under the stand-in (a fresh instance each time). */
export function loadMain(mainFile: string, standin: Standin): void {
  withElectron(standin.electron, () => {
    delete require.cache[mainFile];
    require(mainFile);
  });
}
