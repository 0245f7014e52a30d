// Bundles the Electron main process and the preload with esbuild. The preload must be one
// CommonJS file: a sandboxed preload cannot require anything but a few Electron modules.
import { build } from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

// import.meta is only read where __dirname is missing (ESM under tsx/vitest), never in this CJS bundle.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'info',
  logOverride: { 'empty-import-meta': 'silent' },
};

/**
 * xmllint-wasm starts a Worker from `__dirname/xmllint-node.js`, and that worker reads
 * `xmllint.wasm` beside itself. Bundled, __dirname is build/electron, so both files are copied
 * there (below; the worker as xmllint-node.cjs). In the packaged app they are unpacked from the asar (electron-builder.yml), and a
 * Worker and its wasm are read as plain files, so the path is pointed at app.asar.unpacked.
 */
const XMLLINT_WORKER = "require('path').resolve(__dirname, './xmllint-node.js')";
const xmllintWorkerPath = {
  name: 'xmllint-worker-path',
  setup(b) {
    b.onLoad({ filter: /xmllint-wasm[\\/]index-node\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(XMLLINT_WORKER))
        throw new Error(`xmllint-wasm changed: ${XMLLINT_WORKER} not found in ${args.path}`);
      const unpacked =
        "require('path').resolve(__dirname.replace(/app\\.asar([\\\\/])/, 'app.asar.unpacked$1'), './xmllint-node.cjs')";
      return { contents: source.replace(XMLLINT_WORKER, unpacked), loader: 'js' };
    });
  },
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'build/electron/main.cjs',
  // Only the SQLite module stays a package (its JS loads the Electron build from build/native).
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  plugins: [xmllintWorkerPath],
});

// Import files are parsed in a worker thread with time and memory limits (electron/import/read-table.ts).
await build({
  ...common,
  entryPoints: ['electron/import/parse-worker.ts'],
  outfile: 'build/electron/import-worker.cjs',
});

// The audit chain of a large log is checked in parts, each in a worker thread on its own read-only
// connection (electron/audit/verify-workers.ts). The worker is unpacked from the asar and cannot
// require the SQLite package inside it, so its JavaScript is bundled in; the addon itself is loaded
// from the path main.cjs passes (build/native), never looked up by `bindings`.
await build({
  ...common,
  entryPoints: ['electron/audit/verify-worker.ts'],
  outfile: 'build/electron/audit-verify-worker.cjs',
});

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'build/electron/preload.cjs',
  external: ['electron'],
});

// The official XSDs every payout file is validated against ship next to the bundle.
cpSync('electron/exports/xsd', 'build/electron/xsd', { recursive: true });

// The xmllint worker and its WebAssembly, next to main.cjs where the bundle looks for them.
const xmllintDir = dirname(require.resolve('xmllint-wasm/package.json'));
// The worker is CommonJS; beside main.cjs it must be named .cjs, or Node reads it as an ES module
// (this package.json says "type": "module") and it fails with "require is not defined".
cpSync(join(xmllintDir, 'xmllint-node.js'), 'build/electron/xmllint-node.cjs');
cpSync(join(xmllintDir, 'xmllint.wasm'), 'build/electron/xmllint.wasm');
