import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BINARY,
  MODULE,
  NATIVE_DIR,
  STAMP,
  buildNative,
  ensureNative,
  missingTools,
  nativeStatus,
  wanted,
  // @ts-expect-error plain ESM build script without types
} from '../../electron/native.mjs';

/** A fake project: node_modules/electron (version, ABI) and the SQLite module's sources. */
function project(electron = '45.4.1', abi = '150', moduleVersion = '12.11.1') {
  const root = mkdtempSync(join(tmpdir(), 'kpr-native-'));
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: electron }));
  writeFileSync(join(root, 'node_modules', 'electron', 'abi_version'), `${abi}\n`);
  const mod = join(root, 'node_modules', MODULE);
  mkdirSync(join(mod, 'build', 'Release'), { recursive: true });
  writeFileSync(join(mod, 'package.json'), JSON.stringify({ name: MODULE, version: moduleVersion }));
  writeFileSync(join(mod, 'binding.gyp'), '{}');
  // The Node build: must never be copied into the stage nor touched.
  writeFileSync(join(mod, 'build', 'Release', BINARY), 'node-abi-115');
  return root;
}

/** A stand-in for @electron/rebuild that "compiles" for the given ABI and records what it saw. */
function fakeRebuild(abi: string, seen: Array<Record<string, unknown>> = []) {
  return async (opts: { buildPath: string; electronVersion: string }) => {
    const mod = join(opts.buildPath, 'node_modules', MODULE);
    seen.push({
      ...opts,
      nodedir: process.env.npm_config_nodedir,
      copiedNodeBuild: existsSync(join(mod, 'build', 'Release', BINARY)),
    });
    mkdirSync(join(mod, 'build', 'Release'), { recursive: true });
    writeFileSync(
      join(mod, 'build', 'config.gypi'),
      `{ "variables": { "node_module_version": ${abi}, "runtime": "electron" } }`,
    );
    writeFileSync(join(mod, 'build', 'Release', BINARY), `electron-abi-${abi}`);
  };
}

const quiet = { log: () => {}, error: () => {} };
const allTools = () => true;
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
const mk = (...a: Parameters<typeof project>) => {
  const r = project(...a);
  roots.push(r);
  return r;
};

describe('Electron build of the SQLite module (electron/native.mjs)', () => {
  it('is missing at first, built into build/native apart from node_modules, and then up to date', async () => {
    const root = mk();
    expect(nativeStatus(root)).toMatchObject({ state: 'missing' });
    const seen: Array<Record<string, unknown>> = [];
    process.env.npm_config_nodedir = '/usr';
    try {
      expect(await ensureNative(root, { rebuild: fakeRebuild('150', seen), has: allTools, ...quiet })).toBe(0);
      // ~/.npmrc's nodedir is hidden from the build (else node-gyp uses Node's headers), and restored.
      expect(seen[0]).toMatchObject({ electronVersion: '45.4.1', nodedir: undefined, copiedNodeBuild: false });
      expect(process.env.npm_config_nodedir).toBe('/usr');
    } finally {
      delete process.env.npm_config_nodedir;
    }
    expect(readFileSync(join(root, NATIVE_DIR, BINARY), 'utf8')).toBe('electron-abi-150');
    expect(readFileSync(join(root, 'node_modules', MODULE, 'build', 'Release', BINARY), 'utf8')).toBe('node-abi-115');
    expect(existsSync(join(root, NATIVE_DIR, 'stage'))).toBe(false);
    expect(nativeStatus(root)).toMatchObject({ state: 'ok' });
    // The second start is fast: the stamp matches, nothing is built.
    const again: unknown[] = [];
    expect(await ensureNative(root, { rebuild: fakeRebuild('150', again as never), has: allTools, ...quiet })).toBe(0);
    expect(again).toHaveLength(0);
  });

  it('is stale after an Electron upgrade, a module upgrade or a changed binary', async () => {
    const root = mk();
    await buildNative(root, wanted(root), { rebuild: fakeRebuild('150'), log: () => {} });
    expect(nativeStatus(root, { ...wanted(root), electron: '46.0.0', abi: '151' })).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(/electron 45\.4\.1 -> 46\.0\.0/),
    });
    expect(nativeStatus(root, { ...wanted(root), module: `${MODULE}@12.12.0` })).toMatchObject({ state: 'stale' });
    writeFileSync(join(root, NATIVE_DIR, BINARY), 'tampered');
    expect(nativeStatus(root)).toMatchObject({ state: 'stale', reason: expect.stringMatching(/changed/) });
    writeFileSync(join(root, NATIVE_DIR, STAMP), '{not json');
    expect(nativeStatus(root)).toMatchObject({ state: 'stale' });
  });

  it('refuses a "successful" build made for Node’s ABI (the nodedir trap) and keeps nothing', async () => {
    const root = mk();
    const errors: string[] = [];
    expect(
      await ensureNative(root, {
        rebuild: fakeRebuild('115'),
        has: allTools,
        log: () => {},
        error: (m: string) => errors.push(m),
      }),
    ).toBe(1);
    expect(errors.join('\n')).toMatch(/compiled for ABI 115, not Electron's ABI 150/);
    expect(nativeStatus(root)).toMatchObject({ state: 'missing' });
  });

  it('explains what to install when it cannot build (no network, no compiler)', async () => {
    const root = mk();
    const errors: string[] = [];
    const offline = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND www.electronjs.org'), { code: 'ENOTFOUND' });
    };
    expect(
      await ensureNative(root, {
        rebuild: offline,
        has: allTools,
        log: () => {},
        error: (m: string) => errors.push(m),
      }),
    ).toBe(1);
    const msg = errors.join('\n');
    expect(msg).toMatch(/could not be built for Electron 45\.4\.1 \(ABI 150\)/);
    expect(msg).toMatch(/internet access/);
    expect(msg).toMatch(/electronjs\.org\/headers/);
    expect(msg).toMatch(/no internet access/);
    expect(msg).toMatch(/C\+\+ compiler/);
    expect(msg).toMatch(/Python 3/);

    // Without a compiler and make it does not even try, and says which tools are missing.
    const calls: unknown[] = [];
    const errs2: string[] = [];
    const noCompiler = (cmd: string) => cmd === 'python3';
    expect(
      await ensureNative(root, {
        rebuild: fakeRebuild('150', calls as never),
        has: noCompiler,
        platform: 'linux',
        log: () => {},
        error: (m: string) => errs2.push(m),
      }),
    ).toBe(1);
    expect(calls).toHaveLength(0);
    expect(errs2.join('\n')).toMatch(/Missing on this machine: a C\+\+ compiler \(g\+\+ or clang\+\+\), make\./);
    expect(missingTools(() => false, 'win32')).toEqual(['Python 3 (python3)']);
  });
});
