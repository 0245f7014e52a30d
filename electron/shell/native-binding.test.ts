import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNativeBinding, nativeBindingPath } from './native-binding';
import { readContentProtection, writeContentProtection } from './display-settings';

const dir = mkdtempSync(join(tmpdir(), 'kpr-native-bind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron’s SQLite build at run time', () => {
  it('is looked for in build/native, beside the asar when packaged', () => {
    expect(nativeBindingPath(join(sep, 'repo'))).toBe(join(sep, 'repo', 'build', 'native', 'better_sqlite3.node'));
    expect(nativeBindingPath(join(sep, 'opt', 'Kontaktregistret', 'resources', 'app.asar'))).toBe(
      join(sep, 'opt', 'Kontaktregistret', 'resources', 'app.asar.unpacked', 'build', 'native', 'better_sqlite3.node'),
    );
  });

  it('loads the addon once, and says what to do when it is missing, not loadable or not SQLite', () => {
    const missing = loadNativeBinding(join(dir, 'nope.node'));
    expect(missing).toMatchObject({ ok: false, message: expect.stringMatching(/^Databasmodulen för Electron saknas/) });
    const file = join(dir, 'better_sqlite3.node');
    writeFileSync(file, 'not a shared object');
    const wrongAbi = loadNativeBinding(file, () => {
      throw Object.assign(new Error('was compiled against NODE_MODULE_VERSION 115'), { code: 'ERR_DLOPEN_FAILED' });
    });
    expect(wrongAbi).toMatchObject({
      ok: false,
      message: expect.stringMatching(/kunde inte läsas in[\s\S]*Kör "npm start" igen/),
    });
    expect(loadNativeBinding(file, (m) => (m.exports = { something: 1 }))).toMatchObject({ ok: false });
    const addon = { Database: function Database() {} };
    expect(loadNativeBinding(file, (m) => (m.exports = addon))).toEqual({ ok: true, addon });
  });
});

describe('remembered content protection', () => {
  it('is on unless turned off, and survives a restart', () => {
    const file = join(dir, 'sub', 'display.json');
    expect(readContentProtection(file)).toBe(true);
    writeContentProtection(file, false);
    expect(readContentProtection(file)).toBe(false);
    writeContentProtection(file, true);
    expect(readContentProtection(file)).toBe(true);
    writeFileSync(file, '{broken');
    expect(readContentProtection(file)).toBe(true);
  });
});
