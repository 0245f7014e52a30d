import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import type { PdfRenderer } from '../../electron/documents/pdf';

/** The test stand-in for Electron's printToPDF: the same Chromium engine, same HTML, JavaScript off. */
export function chromiumPdf(): { render: PdfRenderer; close: () => Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    render: async (html) => {
      browser ??= launchBrowser();
      const context = await (await browser).newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    close: async () => {
      if (browser) await (await browser).close();
    },
  };
}
