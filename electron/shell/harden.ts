import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './csp';

/** Structural types so the hardening is testable without Electron. */
type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on'> & {
  setDevicePermissionHandler?: Session['setDevicePermissionHandler'];
};
type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Denies every permission (camera, notifications, geolocation, …) and every download. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** No navigation away from the app, no new windows, no webviews. */
export function hardenContents(contents: ContentsLike): void {
  const block = (event: { preventDefault: () => void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
