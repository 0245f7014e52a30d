/**
 * TEST-ONLY: runs a real main bundle (build/electron/main.cjs, or one from the packaged layout)
 * under the stand-in Electron, with an app folder whose build/native holds the Node build of the
 * SQLite module (Electron's own build cannot be made or loaded here; see README).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadMain, Standin, type StandinWindow } from './electron';
import { testPayment } from '../helpers/payment';

const require = createRequire(import.meta.url);
export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILT_MAIN = join(ROOT, 'build', 'electron', 'main.cjs');
export const BUILT_PRELOAD = join(ROOT, 'build', 'electron', 'preload.cjs');
export const TRUSTED_FRAME = { url: 'app://kontaktregistret/index.html', parent: null };

/** The Node build of the SQLite addon (what `npm ci` compiled), standing in for Electron's. */
export function nodeBuildOfSqlite(): string {
  return join(
    dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

/** An app folder (what app.getAppPath() returns) with or without build/native. */
export function appFolder(native: 'node-build' | 'missing' | string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-app-'));
  if (native !== 'missing') {
    mkdirSync(join(dir, 'build', 'native'), { recursive: true });
    symlinkSync(
      native === 'node-build' ? nodeBuildOfSqlite() : native,
      join(dir, 'build', 'native', 'better_sqlite3.node'),
    );
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Launched = {
  standin: Standin;
  win: StandinWindow | undefined;
  /** window.kpr of the trusted main frame, through the real preload. */
  kpr: { invoke: (name: string, input?: unknown) => Promise<any> };
};

/** Loads main, emits ready, and loads the preload into the main window's top frame. */
export async function launch(opts: {
  main?: string;
  preload?: string;
  appPath: string;
  userData: string;
  exportDir: string;
  singleInstanceLock?: boolean;
}): Promise<Launched> {
  const standin = new Standin({
    appPath: opts.appPath,
    userData: opts.userData,
    exportDir: opts.exportDir,
    singleInstanceLock: opts.singleInstanceLock,
  });
  loadMain(opts.main ?? BUILT_MAIN, standin);
  await standin.emitReady();
  const win = standin.mainWindow();
  await win?.loading;
  const kpr = win
    ? (standin.loadPreload(opts.preload ?? win.options.webPreferences.preload, win, TRUSTED_FRAME)
        .kpr as Launched['kpr'])
    : { invoke: () => Promise.reject(new Error('no window')) };
  return { standin, win, kpr };
}

/** Unwraps an IpcResult. */
export async function ok<T = any>(p: Promise<any>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export const PAYMENT = testPayment({ twoPersonRule: false });

export const ADMIN = {
  username: 'ada',
  displayName: 'Ada Admin',
  password: 'ett långt lösenord för henne',
  unitName: 'Kontaktpersonsenheten Provköping',
};
