// Electron's own build of the SQLite module (better-sqlite3-multiple-ciphers), kept apart from the
// Node build in node_modules that the tests and the CLI use. `npm start` and `npm run dist:*` run
// `node electron/native.mjs ensure`: it builds build/native/better_sqlite3.node for Electron's ABI
// when it is missing or stale (a stamp file keeps the next start fast), and says exactly what is
// missing when it cannot. Only the Electron main process loads this file (as better-sqlite3's
// nativeBinding); Node never does.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { delimiter, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODULE = 'better-sqlite3-multiple-ciphers';
export const BINARY = 'better_sqlite3.node';
export const NATIVE_DIR = join('build', 'native');
export const STAMP = 'stamp.json';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** What the Electron build must match: Electron version and ABI, the module version, platform and arch. */
export function wanted(root) {
  const electron = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
  const abi = readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
  const moduleVersion = readJson(join(root, 'node_modules', MODULE, 'package.json')).version;
  return { electron, abi, module: `${MODULE}@${moduleVersion}`, platform: process.platform, arch: process.arch };
}

export function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** ok, missing or stale (with the reason), from the stamp written by the last successful build. */
export function nativeStatus(root, want = wanted(root)) {
  const dir = join(root, NATIVE_DIR);
  const binary = join(dir, BINARY);
  const stampFile = join(dir, STAMP);
  if (!existsSync(binary)) return { state: 'missing', reason: `${relative(root, binary)} does not exist` };
  if (!existsSync(stampFile))
    return { state: 'missing', reason: `${relative(root, stampFile)} does not exist (the last build did not finish)` };
  let stamp;
  try {
    stamp = readJson(stampFile);
  } catch {
    return { state: 'stale', reason: `${relative(root, stampFile)} is not readable` };
  }
  const diffs = Object.keys(want)
    .filter((k) => stamp[k] !== want[k])
    .map((k) => `${k} ${stamp[k] ?? '(none)'} -> ${want[k]}`);
  if (diffs.length > 0) return { state: 'stale', reason: diffs.join(', ') };
  if (stamp.sha256 !== sha256(binary)) return { state: 'stale', reason: `${BINARY} was changed after it was built` };
  return {
    state: 'ok',
    reason: `built for Electron ${want.electron} (ABI ${want.abi}), ${want.module}, ${want.platform}-${want.arch}`,
  };
}

/** Looks a command up on PATH (no process is started). */
export function onPath(cmd, env = process.env, platform = process.platform) {
  const exts = platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && exts.some((ext) => existsSync(join(dir, cmd + ext))));
}

/** Build tools node-gyp needs that are not on PATH (Windows: only Python is checked; see the message for MSVC). */
export function missingTools(has = onPath, platform = process.platform) {
  const missing = [];
  if (!['python3', 'python'].some((c) => has(c))) missing.push('Python 3 (python3)');
  if (platform !== 'win32') {
    if (!['c++', 'g++', 'clang++'].some((c) => has(c))) missing.push('a C++ compiler (g++ or clang++)');
    if (!has('make')) missing.push('make');
  }
  return missing;
}

/** The message `npm start` prints when the Electron build cannot be made. */
export function explainFailure(err, missing, want, platform = process.platform) {
  const text = String(err?.stack ?? err);
  const network =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network|getaddrinfo|fetch failed|headers/i.test(text);
  const lines = [
    '',
    `Kontaktregistret: the SQLite module could not be built for Electron ${want.electron} (ABI ${want.abi}).`,
    'Electron cannot load the Node build in node_modules, so the app would open but could not set up or open its database.',
    '',
    'To build it once, this machine needs:',
    `  - internet access: Electron ${want.electron}'s headers for node-gyp (a few MB from https://www.electronjs.org/headers)`,
    '    and, for `electron .`, the Electron binary itself (about 110 MB from GitHub, or ELECTRON_MIRROR);',
    platform === 'win32'
      ? '  - Visual Studio Build Tools with "Desktop development with C++" and Python 3;'
      : '  - a C++ compiler (build-essential: g++ and make) and Python 3;',
    '  - a few minutes: compiling SQLite takes about 1-2 minutes on two cores.',
  ];
  if (missing.length > 0) lines.push('', `Missing on this machine: ${missing.join(', ')}.`);
  if (network) lines.push('', 'The download failed: this machine seems to have no internet access to electronjs.org.');
  lines.push(
    '',
    `Cause: ${text.split('\n')[0]}`,
    '(node-gyp prints the details above this message.)',
    'Then run `npm start` again. Tests and the CLI do not need this build.',
    '',
  );
  return lines.join('\n');
}

/** node_module_version that node-gyp compiled against, from the module's build/config.gypi. */
export function builtAbi(moduleDir) {
  const file = join(moduleDir, 'build', 'config.gypi');
  if (!existsSync(file)) return null;
  const m = /["']?node_module_version["']?\s*:\s*["']?(\d+)/.exec(readFileSync(file, 'utf8'));
  return m ? m[1] : null;
}

async function defaultRebuild(options) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(options);
}

/**
 * Builds the module for Electron in a staging copy (node_modules is never touched), checks that
 * it really was compiled for Electron's ABI, then installs the binary and the stamp.
 */
export async function buildNative(root, want = wanted(root), { rebuild = defaultRebuild, log = console.log } = {}) {
  const dir = join(root, NATIVE_DIR);
  const stage = join(dir, 'stage');
  rmSync(stage, { recursive: true, force: true });
  rmSync(join(dir, STAMP), { force: true });
  const moduleSrc = join(root, 'node_modules', MODULE);
  const moduleDst = join(stage, 'node_modules', MODULE);
  mkdirSync(join(stage, 'node_modules'), { recursive: true });
  cpSync(moduleSrc, moduleDst, {
    recursive: true,
    filter: (src) => !src.startsWith(join(moduleSrc, 'build') + sep) && src !== join(moduleSrc, 'build'),
  });
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify({
      name: 'kontaktregistret-native-stage',
      private: true,
      dependencies: { [MODULE]: want.module.split('@').pop() },
    }),
  );
  // ~/.npmrc may set nodedir (npm exports it as npm_config_nodedir): node-gyp would then compile
  // against the local Node headers and report success for a binary Electron cannot load.
  const saved = {};
  for (const k of Object.keys(process.env)) {
    if (k.toLowerCase() === 'npm_config_nodedir') {
      saved[k] = process.env[k];
      delete process.env[k];
    }
  }
  let done = false;
  try {
    log(`Building ${want.module} for Electron ${want.electron} (ABI ${want.abi}) in ${relative(root, stage)} ...`);
    await rebuild({
      buildPath: stage,
      electronVersion: want.electron,
      arch: want.arch,
      onlyModules: [MODULE],
      force: true,
      buildFromSource: true,
      mode: 'sequential',
    });
    Object.assign(process.env, saved);
    const abi = builtAbi(moduleDst);
    if (abi !== want.abi) {
      throw new Error(
        `the build reported success but was compiled for ABI ${abi ?? 'unknown'}, not Electron's ABI ${want.abi} (is nodedir set in .npmrc?)`,
      );
    }
    const built = join(moduleDst, 'build', 'Release', BINARY);
    if (!existsSync(built)) throw new Error(`the build finished without ${relative(root, built)}`);
    copyFileSync(built, join(dir, BINARY));
    writeFileSync(join(dir, STAMP), JSON.stringify({ ...want, sha256: sha256(join(dir, BINARY)) }, null, 2) + '\n');
    done = true;
  } finally {
    Object.assign(process.env, saved);
    rmSync(stage, { recursive: true, force: true });
    if (!done) rmSync(join(dir, BINARY), { force: true });
  }
  return nativeStatus(root, want);
}

/** `npm start`: nothing to do when the stamp matches; else build; on failure explain and return 1. */
export async function ensureNative(
  root,
  { rebuild, log = console.log, error = console.error, has = onPath, platform = process.platform } = {},
) {
  const want = wanted(root);
  const status = nativeStatus(root, want);
  if (status.state === 'ok') {
    log(`Electron SQLite module: up to date (${status.reason}).`);
    return 0;
  }
  log(`Electron SQLite module: ${status.state} (${status.reason}); building it now (first time: 1-2 minutes).`);
  const missing = missingTools(has, platform);
  try {
    if (missing.length > 0) throw new Error(`missing build tools: ${missing.join(', ')}`);
    const after = await buildNative(root, want, { rebuild, log });
    log(`Electron SQLite module: built (${after.reason}).`);
    return 0;
  } catch (err) {
    error(explainFailure(err, missing, want, platform));
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const cmd = process.argv[2] ?? 'ensure';
  if (cmd === 'status') {
    const s = nativeStatus(root);
    console.log(`${s.state}: ${s.reason}`);
    process.exitCode = s.state === 'ok' ? 0 : 1;
  } else if (cmd === 'ensure') {
    process.exitCode = await ensureNative(root);
  } else {
    console.error('usage: node electron/native.mjs [ensure|status]');
    process.exitCode = 2;
  }
}
