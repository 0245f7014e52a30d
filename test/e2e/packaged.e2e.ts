/**
 * The packaged layout, offline: electron-builder --linux dir (stand-in Electron folder), the
 * contents of app.asar, then the packaged main.cjs run from that layout under the stand-in
 * Electron: first start, login and a pain.001 export (its xmllint worker from app.asar.unpacked).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateAgainstXsd } from '../../electron/exports/validate-xml';
import { activeAssignment } from '../helpers/cases';
import { tempDir } from '../helpers/core';
import { ADMIN, BUILT_MAIN, launch, ok, PAYMENT } from '../electron-standin/app';
import { asarEntries, buildLinuxDir, FUSE_SENTINEL, openLayout, type Packaged } from '../packaged/layout';

let packaged: Packaged;
beforeAll(() => {
  if (!existsSync(BUILT_MAIN)) throw new Error('Run `npm run build` first (npm run test:e2e does).');
  packaged = buildLinuxDir();
}, 240_000);
afterAll(() => packaged?.cleanup());

describe('packaged app (electron-builder --linux dir, offline)', () => {
  it('app.asar holds main, preload, renderer, XSDs and the SQLite JS; native code and the xmllint worker unpacked; nothing else', () => {
    const entries = asarEntries(packaged.asar);
    const paths = entries.map((e) => e.path);
    const unpacked = entries.filter((e) => e.unpacked).map((e) => e.path);
    for (const p of [
      '/package.json',
      '/build/electron/main.cjs',
      '/build/electron/preload.cjs',
      '/build/electron/xsd/pain.001.001.03.xsd',
      '/build/electron/xsd/paxml-2.0.xsd',
      '/build/renderer/index.html',
      '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js',
    ])
      expect(paths, p).toContain(p);
    const plainFiles = [
      'build/native/better_sqlite3.node',
      'build/electron/xmllint-node.cjs',
      'build/electron/xmllint.wasm',
      'build/electron/import-worker.cjs',
      'build/electron/audit-verify-worker.cjs',
    ];
    expect(unpacked).toEqual(expect.arrayContaining(plainFiles.map((p) => `/${p}`)));
    for (const p of plainFiles) {
      expect(existsSync(join(packaged.appOutDir, 'resources', 'app.asar.unpacked', p)), p).toBe(true);
    }
    // No tests, harness, sources, source maps, other packages, or the module's Node build and C sources.
    const bad = paths.filter(
      (p) =>
        /^\/(test|electron|renderer|shared|dist)\//.test(p) ||
        /\.map$/.test(p) ||
        /harness/.test(p) ||
        /\/build\/native\/stage/.test(p) ||
        /^\/node_modules\/better-sqlite3-multiple-ciphers\/(build|deps|src)\//.test(p) ||
        (p.startsWith('/node_modules/') &&
          !/^\/node_modules\/(better-sqlite3-multiple-ciphers|bindings|file-uri-to-path)(\/|$)/.test(p)),
    );
    expect(bad).toEqual([]);
    // Seed-only and harness code is not in the bundle either.
    const main = readFileSync(join(packaged.appOutDir, 'resources', 'app.asar.unpacked', '..', 'app.asar')).toString(
      'latin1',
    );
    expect(main).toContain('Kontaktregistret kan inte starta');
    expect(main).not.toMatch(/seedDemo|__harness|Brukarsson/);
  });

  it('flips the fuses in the packaged binary', () => {
    const bin = readFileSync(join(packaged.appOutDir, 'kontaktregistret'));
    const at = bin.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    // runAsNode off, cookie encryption on, NODE_OPTIONS off, inspect off, asar integrity on, only app.asar on, …
    expect(bin.subarray(at + 2, at + 10).toString()).toBe('01001100');
  });

  it('the packaged main runs from the layout: first start, login and a pain.001 export', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-22T09:00:00Z'), shouldAdvanceTime: true });
    const { appAsar } = openLayout(packaged);
    expect(existsSync(join(appAsar, 'build', 'electron', 'xmllint-node.cjs'))).toBe(false); // only in app.asar.unpacked
    const t = tempDir('kpr-packaged-');
    const { standin, win, kpr } = await launch({
      main: join(appAsar, 'build', 'electron', 'main.cjs'),
      appPath: appAsar,
      userData: t.dir,
      exportDir: `${t.dir}-export`,
    });
    try {
      expect(standin.errorBoxes).toEqual([]);
      expect(win!.options.webPreferences.preload).toBe(join(appAsar, 'build', 'electron', 'preload.cjs'));
      expect(win!.loaded).toMatchObject({ status: 200 });
      const inv = (name: string, input?: unknown) => kpr.invoke(name, input);
      await ok(inv('session.setup', ADMIN));
      expect(await ok(inv('session.login', { username: ADMIN.username, password: ADMIN.password }))).toMatchObject({
        state: 'unlocked',
      });
      await ok(inv('payments.saveSettings', PAYMENT));
      await activeAssignment(inv as never);
      await ok(inv('reports.submit', { assignmentId: 1, month: '2026-10', meetingDates: ['2026-10-18'], hours: 2 }));
      await ok(inv('reports.approve', { assignmentId: 1, month: '2026-10' }));
      const { id: batchId } = await ok<{ id: number }>(inv('payouts.create', { month: '2026-10' }));
      await ok(inv('payouts.attest', { batchId }));
      const { savedTo } = await ok<{ savedTo: string }>(inv('payouts.export', { batchId, format: 'pain001' }));
      expect(await validateAgainstXsd(readFileSync(savedTo, 'utf8'), 'pain.001.001.03')).toEqual({
        valid: true,
        errors: [],
      });
      // An import is parsed by the worker bundle, which runs from app.asar.unpacked.
      const csv = 'Personnummer;Förnamn;Efternamn\n198504120011;Testa;Importsson\n';
      expect(
        await ok(
          inv('import.preview', {
            kind: 'contact_persons',
            fileName: 'lista.csv',
            dataBase64: Buffer.from(csv).toString('base64'),
            mapping: {},
          }),
        ),
      ).toMatchObject({ rows: 1 });
      (standin.electron.app as { quit: () => void }).quit();
      await standin.whenQuit();
    } finally {
      await standin.close();
      t.cleanup();
      vi.useRealTimers();
    }
  });
});
