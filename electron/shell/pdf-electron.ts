import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../documents/pdf';

/**
 * printToPDF in a hidden window: sandboxed, no preload, JavaScript off, no navigation. The HTML is
 * our own template output (all values escaped), loaded as a data URL so nothing touches the disk.
 */
export const electronPdf: PdfRenderer = async (html) => {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    win.destroy();
  }
};

/** The system print dialog for a document (same hidden, script-free window). */
export async function electronPrint(html: string): Promise<boolean> {
  const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)));
  } finally {
    win.destroy();
  }
}
