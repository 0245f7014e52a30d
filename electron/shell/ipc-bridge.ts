import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/ipc/channel';
import type { Invoke } from '../ipc/router';
import { isAppUrl } from './harden';

/**
 * The only ipcMain use in the app (a lint rule enforces it). One channel; the sender must be
 * the top frame of our window showing app:// content; the router does the rest.
 */
export function bridgeIpc(getWindow: () => BrowserWindow | null, invoke: Invoke): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const win = getWindow();
    const frame = event.senderFrame;
    const trusted =
      win !== null &&
      event.sender === win.webContents &&
      frame !== null &&
      frame.parent === null &&
      isAppUrl(frame.url);
    if (!trusted)
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Anropet kommer inte från Kontaktregistrets fönster.' },
      };
    return invoke(name, input);
  });
}
