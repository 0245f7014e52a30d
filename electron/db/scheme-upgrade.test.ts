import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/core';
import { toSqlcipher4 } from '../../test/helpers/legacy-scheme';
import { detectScheme } from './cipher';
import { closeDatabase, openEncryptedDatabase } from './open';
import { hasRekeySnapshot, snapshotPath, takeRekeySnapshot } from './rekey-snapshot';
import { recoverInterruptedRewrite, schemeUpgradeHooks, upgradeScheme } from './scheme-upgrade';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => {
  delete schemeUpgradeHooks.afterSnapshot;
  t.cleanup();
});

function legacyFile(key: Buffer): string {
  const file = join(t.dir, 'k.db');
  const db = openEncryptedDatabase(file, key);
  db.exec("CREATE TABLE p (name TEXT); INSERT INTO p VALUES ('Synteta Provsdotter')");
  closeDatabase(db);
  toSqlcipher4(file, key);
  return file;
}

describe('rewriting a SQLCipher 4 file in the current scheme', () => {
  it('rewrites under the same key and leaves no copy behind; a file already current is left alone', () => {
    const key = randomBytes(32);
    const file = legacyFile(key);
    const first = upgradeScheme(openEncryptedDatabase(file, key), file, key);
    expect(first.upgrade).toEqual({ done: true, from: 'sqlcipher-4' });
    expect(first.raw.prepare('SELECT name FROM p').get()).toEqual({ name: 'Synteta Provsdotter' });
    closeDatabase(first.raw);
    expect(detectScheme(file)).toBe('aegis-256');
    expect(hasRekeySnapshot(file)).toBe(false);
    const before = readFileSync(file);
    const second = upgradeScheme(openEncryptedDatabase(file, key), file, key);
    expect(second.upgrade).toEqual({ done: false });
    second.raw.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('after a kill mid-rewrite (copy aside and a rollback journal), the copy is put back; a copy without a journal is only dropped', () => {
    const key = randomBytes(32);
    const file = legacyFile(key);
    const original = readFileSync(file);
    takeRekeySnapshot(file);
    // What a kill can leave: pages half rewritten and a journal SQLite3MC cannot roll back.
    writeFileSync(file, randomBytes(original.length));
    writeFileSync(`${file}-journal`, randomBytes(4096));
    recoverInterruptedRewrite(file);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(existsSync(snapshotPath(file))).toBe(false);

    // Killed before the rewrite began, or after it committed: the file is whole and stays as it is.
    const db = openEncryptedDatabase(file, key);
    db.exec("INSERT INTO p VALUES ('Efter Kopian')");
    closeDatabase(db);
    const now = readFileSync(file);
    writeFileSync(snapshotPath(file), original);
    recoverInterruptedRewrite(file);
    expect(readFileSync(file).equals(now)).toBe(true);
    expect(existsSync(snapshotPath(file))).toBe(false);
  });

  it('holds the file while it rewrites it: another connection (the CLI) cannot open it then, and can afterwards', () => {
    const key = randomBytes(32);
    const file = legacyFile(key);
    let during = '';
    schemeUpgradeHooks.afterSnapshot = () => {
      try {
        openEncryptedDatabase(file, key).close();
        during = 'opened';
      } catch (err) {
        during = String(err);
      }
    };
    const r = upgradeScheme(openEncryptedDatabase(file, key), file, key);
    expect(during).toMatch(/locked/);
    expect(r.upgrade).toEqual({ done: true, from: 'sqlcipher-4' });
    expect(r.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    // Back to normal locking: a second connection reads and writes alongside.
    const other = openEncryptedDatabase(file, key);
    other.exec("INSERT INTO p VALUES ('Andra Anslutningen')");
    expect(r.raw.prepare('SELECT count(*) AS n FROM p').get()).toEqual({ n: 2 });
    other.close();
    closeDatabase(r.raw);
    expect(detectScheme(file)).toBe('aegis-256');
  });
});
