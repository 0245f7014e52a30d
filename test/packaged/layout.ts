/**
 * TEST-ONLY: the packaged layout, made offline. electron-builder `--linux dir` runs for real on a
 * staging copy of the project, with `electronDist` pointing at a stand-in Electron folder (a
 * script carrying Electron's fuse wire, so the fuses step runs too) instead of the downloaded zip.
 * build/native holds the Node build of the SQLite module in place of Electron's (which cannot be
 * built here), marked as such in its stamp.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { nodeBuildOfSqlite, ROOT } from '../electron-standin/app';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A folder shaped like an unpacked Electron download; the binary is a script that cannot run Electron. */
export function standinElectronDist(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.from('11111111')]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron (test/packaged): not runnable" >&2\nexit 1\n# fuse wire: '),
    wire,
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(
    join(dir, 'version'),
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version,
  );
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  return dir;
}

export interface Packaged {
  work: string;
  appOutDir: string;
  asar: string;
  log: string;
  cleanup: () => void;
}

/** Runs electron-builder --linux dir offline on a staging copy of the built project. */
export function buildLinuxDir(): Packaged {
  const work = mkdtempSync(join(tmpdir(), 'kpr-pack-'));
  const project = join(work, 'project');
  mkdirSync(join(project, 'build', 'native'), { recursive: true });
  for (const f of ['package.json', 'package-lock.json', 'electron-builder.yml'])
    copyFileSync(join(ROOT, f), join(project, f));
  cpSync(join(ROOT, 'electron', 'resources'), join(project, 'electron', 'resources'), { recursive: true });
  cpSync(join(ROOT, 'build', 'electron'), join(project, 'build', 'electron'), { recursive: true });
  cpSync(join(ROOT, 'build', 'renderer'), join(project, 'build', 'renderer'), { recursive: true });
  copyFileSync(nodeBuildOfSqlite(), join(project, 'build', 'native', 'better_sqlite3.node'));
  writeFileSync(
    join(project, 'build', 'native', 'stamp.json'),
    JSON.stringify({
      standIn: 'Node build of better-sqlite3-multiple-ciphers (test/packaged); not loadable by Electron',
    }),
  );
  // Files that must never ship, planted where a careless pattern would pick them up.
  mkdirSync(join(project, 'test', 'harness'), { recursive: true });
  writeFileSync(join(project, 'test', 'harness', 'server.ts'), '// harness');
  writeFileSync(join(project, 'build', 'electron', 'main.cjs.map'), '{}');
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  const dist = standinElectronDist(join(work, 'electron-dist'));
  const out = join(work, 'dist');
  const r = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', '--projectDir', project, `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'cache') },
      timeout: 180_000,
    },
  );
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status ?? r.signal}):\n${log.slice(-4000)}`);
  const appOutDir = join(out, 'linux-unpacked');
  return {
    work,
    appOutDir,
    asar: join(appOutDir, 'resources', 'app.asar'),
    log,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

/** Every path in the archive, with whether it is unpacked. */
export function asarEntries(asar: string): Array<{ path: string; unpacked: boolean }> {
  return listPackage(asar, { isPack: false }).map((p) => {
    const entry = statFile(asar, p.slice(1), false) as { unpacked?: boolean };
    return { path: p, unpacked: entry.unpacked === true };
  });
}

/**
 * The layout as Electron sees it, readable by plain Node: resources/app.asar becomes a folder
 * with the archive's packed files; unpacked files exist only in app.asar.unpacked.
 */
export function openLayout(p: Packaged): { resources: string; appAsar: string } {
  const resources = join(p.appOutDir, 'resources');
  const extracted = join(p.work, 'extracted');
  extractAll(p.asar, extracted);
  const entries = asarEntries(p.asar);
  renameSync(p.asar, join(p.work, 'app.asar.file'));
  renameSync(extracted, join(resources, 'app.asar'));
  for (const e of entries)
    if (e.unpacked) rmSync(join(resources, 'app.asar', e.path), { force: true, recursive: true });
  return { resources, appAsar: join(resources, 'app.asar') };
}
