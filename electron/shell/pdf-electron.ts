import { BrowserWindow, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import type { PdfRenderer } from '../documents/pdf';
import { hardenSession } from './harden';

/** The scheme the hidden print window loads documents from (registered as privileged in main). */
export const PRINT_SCHEME = 'kpr-print';
const PRINT_PARTITION = 'kpr-print'; // no "persist:" prefix: an in-memory session, nothing on disk
const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Documents waiting for their print window, by one-time token. Held in memory only. */
const pending = new Map<string, string>();
let printSession: Session | null = null;

/**
 * A private session whose protocol handler serves each document from memory. A data: URL would
 * do the same without a handler, but Chromium refuses URLs over 2 MB (a payout specification for
 * about 1 600 payees), so every size goes this way.
 */
function privateSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION);
  hardenSession(ses);
  ses.protocol.handle(PRINT_SCHEME, (request) => {
    const html = pending.get(new URL(request.url).pathname.slice(1));
    if (html === undefined)
      return new Response('Hittades inte', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(html, {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PRINT_CSP },
    });
  });
  printSession = ses;
  return ses;
}

/** A hidden window (sandboxed, no preload, JavaScript off) showing the document, for `use`. */
async function withDocument<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const ses = privateSession();
  const token = randomUUID();
  pending.set(token, html);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await win.loadURL(`${PRINT_SCHEME}://document/${token}`);
    return await use(win);
  } finally {
    pending.delete(token);
    win.destroy();
  }
}

export const electronPdf: PdfRenderer = (html) =>
  withDocument(html, (win) =>
    win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }),
  );

/** The system print dialog for a document. */
export function electronPrint(html: string): Promise<boolean> {
  return withDocument(
    html,
    (win) =>
      new Promise<boolean>((resolve) =>
        win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)),
      ),
  );
}
