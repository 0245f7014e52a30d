import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { hardenContents, hardenSession, isAppUrl } from './harden';
import { serveAppFile } from './protocol-files';
import { secureWindowOptions } from './window-options';

describe('window options', () => {
  it('isolate and sandbox the renderer; devtools only in development', () => {
    const prod = secureWindowOptions('/p/preload.cjs', false).webPreferences!;
    expect(prod).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(secureWindowOptions('/p/preload.cjs', true).webPreferences!.devTools).toBe(true);
  });
});

describe('session and contents hardening', () => {
  it('denies every permission and download', () => {
    const handlers: Record<string, (...a: any[]) => any> = {};
    const session = {
      setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
      setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
      setDevicePermissionHandler: vi.fn((h) => (handlers.device = h)),
      on: vi.fn((ev, h) => (handlers[ev] = h)),
    };
    hardenSession(session as any);
    const cb = vi.fn();
    handlers.request!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(handlers.check!()).toBe(false);
    expect(handlers.device!()).toBe(false);
    const ev = { preventDefault: vi.fn() };
    handlers['will-download']!(ev);
    expect(ev.preventDefault).toHaveBeenCalled();
  });

  it('blocks navigation away from app://, redirects, webviews and new windows', () => {
    const on: Record<string, (...a: any[]) => any> = {};
    let openHandler: any;
    hardenContents({
      on: (ev: string, h: any) => ((on[ev] = h), undefined),
      setWindowOpenHandler: (h: any) => (openHandler = h),
    } as any);
    for (const [ev, url, blocked] of [
      ['will-navigate', 'https://evil.example/', true],
      ['will-navigate', 'file:///etc/passwd', true],
      ['will-navigate', 'app://kontaktregistret.evil/', true],
      ['will-navigate', 'app://kontaktregistret/index.html', false],
      ['will-redirect', 'http://127.0.0.1/', true],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      on[ev]!(e, url);
      expect(e.preventDefault.mock.calls.length > 0, `${ev} ${url}`).toBe(blocked);
    }
    const w = { preventDefault: vi.fn() };
    on['will-attach-webview']!(w);
    expect(w.preventDefault).toHaveBeenCalled();
    expect(openHandler({ url: 'https://x.example' })).toEqual({ action: 'deny' });
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('app:// file serving', () => {
  const root = mkdtempSync(join(tmpdir(), 'kpr-proto-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><p>hej</p>');
  writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
  writeFileSync(join(root, '..', 'secret.txt'), 'hemligt');

  it('serves the renderer with the CSP header', async () => {
    const r = await serveAppFile(root, 'app://kontaktregistret/');
    expect(r.status).toBe(200);
    expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect((await serveAppFile(root, 'app://kontaktregistret/assets/a.js')).headers['Content-Type']).toMatch(
      /javascript/,
    );
  });

  it('refuses traversal, other hosts and missing files', async () => {
    for (const url of [
      'app://kontaktregistret/../secret.txt',
      'app://kontaktregistret/%2e%2e/secret.txt',
      'app://kontaktregistret/..%2fsecret.txt',
      'app://other/index.html',
      'app://kontaktregistret/nope.js',
    ]) {
      const r = await serveAppFile(root, url);
      expect(r.status, url).toBe(404);
      expect(r.body.toString()).not.toContain('hemligt');
    }
  });
});
