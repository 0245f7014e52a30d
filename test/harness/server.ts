/**
 * TEST-ONLY loopback harness (never shipped: electron-builder packs only build/**). It serves
 * the built renderer through the same file handler and CSP as the app:// protocol, and bridges
 * window.kpr.invoke to the real router over HTTP, so Chromium drives the real UI against a real
 * encrypted database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppCore } from '../../electron/core/app-core';
import { ManualClock } from '../../electron/core/clock';
import { handlers } from '../../electron/ipc/handlers/index';
import { createRouter } from '../../electron/ipc/router';
import { serveAppFile } from '../../electron/shell/protocol-files';
import { APP_ORIGIN } from '../../electron/shell/csp';
import type { ScryptParams } from '../../electron/vault/kdf';
import { folderSink } from '../../electron/core/export-sink';
import { rmSync } from 'node:fs';
import { chromiumPdf } from './pdf-chromium';

/** The day every E2E test starts on unless it asks for another. */
export const HARNESS_START = '2026-11-22T09:00:00Z';

const BRIDGE = `window.kpr = { invoke: (name, input) => fetch('/__ipc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, input }) }).then((r) => r.json()) };`;

export interface Harness {
  url: string;
  core: AppCore;
  /** Where "saved" exports land (the app would ask with a save dialog). */
  exportDir: string;
  clock: ManualClock;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

export async function startHarness(opts: {
  dataDir: string;
  rendererRoot?: string;
  kdf?: ScryptParams;
  start?: string;
}): Promise<Harness> {
  const root = opts.rendererRoot ?? join(import.meta.dirname, '..', '..', 'build', 'renderer');
  // A fixed day by default: the suite must pass on any date (the renderer takes today from here).
  const clock = new ManualClock(opts.start ?? HARNESS_START);
  const exportDir = `${opts.dataDir}-export`;
  const pdf = chromiumPdf();
  const core = new AppCore({
    dataDir: opts.dataDir,
    clock,
    kdf: opts.kdf,
    exportSink: folderSink(exportDir),
    pdf: pdf.render,
  });
  const invoke = createRouter(core, handlers, (m, e) => console.error('[harness]', m, e));

  // Never rejects (errors become a 500), so the server can call it without awaiting.
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/__ipc') {
        const { name, input } = (await body(req)) as { name: unknown; input: unknown };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await invoke(name, input)));
        return;
      }
      if (req.method === 'POST' && url.pathname === '/__harness/advance') {
        clock.advance(Number(url.searchParams.get('ms')));
        const locked = await core.checkIdle();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ locked }));
        return;
      }
      if (url.pathname === '/__harness/bridge.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(BRIDGE);
        return;
      }
      const file = await serveAppFile(root, `${APP_ORIGIN}${url.pathname}`);
      let out = file.body;
      if (file.status === 200 && file.headers['Content-Type']?.startsWith('text/html')) {
        out = Buffer.from(out.toString('utf8').replace('<head>', '<head><script src="/__harness/bridge.js"></script>'));
      }
      res.writeHead(file.status, file.headers).end(out);
    } catch (err) {
      console.error('[harness]', err);
      res.writeHead(500).end();
    }
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    core,
    exportDir,
    clock,
    close: async () => {
      await core.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(exportDir, { recursive: true, force: true });
      await pdf.close();
    },
  };
}
