/**
 * Turns a complete HTML document into PDF bytes. In the app this is Electron's printToPDF in a
 * hidden, sandboxed window with JavaScript off (electron/shell/pdf-electron.ts); in tests the same
 * Chromium engine through Playwright (test/harness/pdf-chromium.ts).
 */
export type PdfRenderer = (html: string) => Promise<Buffer>;
