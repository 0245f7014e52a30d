// Bundles the Electron main process and the preload with esbuild. The preload must be one
// CommonJS file: a sandboxed preload cannot require anything but a few Electron modules.
import { build } from 'esbuild';
import { cpSync } from 'node:fs';

// import.meta is only read where __dirname is missing (ESM under tsx/vitest), never in this CJS bundle.
const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, logLevel: 'info', logOverride: { 'empty-import-meta': 'silent' } };

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'build/electron/main.cjs',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
});

// Import files are parsed in a worker thread with time and memory limits (electron/import/read-table.ts).
await build({
  ...common,
  entryPoints: ['electron/import/parse-worker.ts'],
  outfile: 'build/electron/import-worker.cjs',
});

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'build/electron/preload.cjs',
  external: ['electron'],
});

// The official XSDs every payout file is validated against ship next to the bundle.
cpSync('electron/exports/xsd', 'build/electron/xsd', { recursive: true });
