import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * SQLite3 Multiple Ciphers' in-place rekey is not crash-safe on its own: killed while it writes the
 * re-encrypted pages, the database opens with neither key (test/unit/rekey-crash.test.ts found it).
 * So before a rekey the database file (checkpointed, out of WAL mode) is copied aside durably; a rekey
 * that did not finish is redone from that copy. The copy is under the old key and removed as soon as
 * the rekey is finished.
 */
export const snapshotPath = (file: string) => `${file}.fore-nyckelbyte`;

function fsyncPath(p: string): void {
  try {
    const fd = openSync(p, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Folders cannot be fsynced on Windows.
  }
}

/** Copies the database file aside (temp name, fsync, rename, fsync folder). Call after prepareRekey. */
export function takeRekeySnapshot(file: string): void {
  const snap = snapshotPath(file);
  copyFileSync(file, `${snap}.tmp`);
  fsyncPath(`${snap}.tmp`);
  renameSync(`${snap}.tmp`, snap);
  fsyncPath(dirname(file));
}

export function hasRekeySnapshot(file: string): boolean {
  return existsSync(snapshotPath(file));
}

/** Puts the pre-rekey copy back (the half-rekeyed file and its journal are discarded). */
export function restoreRekeySnapshot(file: string): void {
  for (const s of ['-journal', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  copyFileSync(snapshotPath(file), `${file}.tmp`);
  fsyncPath(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
  fsyncPath(dirname(file));
}

export function dropRekeySnapshot(file: string): void {
  rmSync(snapshotPath(file), { force: true });
  rmSync(`${snapshotPath(file)}.tmp`, { force: true });
}
