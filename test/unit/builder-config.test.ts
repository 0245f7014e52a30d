import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { validate } = require('../builder/validate-config.cjs') as {
  validate: (dir: string, file: string) => Promise<Record<string, any>>;
};
const root = join(import.meta.dirname, '..', '..');

describe('electron-builder.yml (offline validation with electron-builder’s schema)', () => {
  it('is valid and has the promised targets and protections', async () => {
    const c = await validate(root, join(root, 'electron-builder.yml'));
    expect(c.productName).toBe('Kontaktregistret');
    expect(c.win.target).toEqual(['nsis', 'msi']);
    expect(c.nsis.perMachine).toBe(true);
    expect(c.msi.perMachine).toBe(true);
    expect(c.linux.target).toEqual(['AppImage', 'deb']);
    expect(c.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/*.node',
        'build/native/**',
        'build/electron/xmllint-node.cjs',
        'build/electron/xmllint.wasm',
      ]),
    );
    // node_modules stay the Node build (CLI, tests); Electron's SQLite build is build/native.
    expect(c.npmRebuild).toBe(false);
    // electron-builder's default .deb dependencies are kept (an override replaces the whole list).
    expect(c.deb?.depends).toBeUndefined();
    expect(c.win.icon).toBe('electron/resources/icon.ico');
    expect(c.linux.icon).toBe('electron/resources/icon.png');
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
    // The test harness must never ship.
    const patterns = (c.files as Array<{ filter: string[] }>).flatMap((f) => f.filter);
    expect(patterns).toContain('build/electron/**');
    expect(patterns.some((f) => f.startsWith('test'))).toBe(false);
  });

  it('has a real icon: a 512x512 PNG and a multi-size ICO', () => {
    const png = readFileSync(join(root, 'electron', 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(root, 'electron', 'resources', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('rejects a typo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpr-eb-'));
    try {
      copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
      const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8').replace(
        '  category: Office',
        '  categoryy: Office',
      );
      writeFileSync(join(dir, 'electron-builder.yml'), yml);
      await expect(validate(dir, join(dir, 'electron-builder.yml'))).rejects.toThrow(
        /Invalid configuration object[\s\S]*configuration\.linux/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
