import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/core';
import { readWithScheme, toSqlcipher4 } from '../../test/helpers/legacy-scheme';
import { detectScheme } from './cipher';
import { closeDatabase, DatabaseKeyError, openEncryptedDatabase, rekeyDatabase } from './open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

function makeFile(key: Buffer, rows = 500): string {
  const file = join(t.dir, 'k.db');
  const db = openEncryptedDatabase(file, key);
  db.exec('CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT)');
  const ins = db.prepare('INSERT INTO p (name) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(`Synteta Provsdotter ${i}`);
  })();
  closeDatabase(db);
  return file;
}

const count = (file: string, key: Buffer) => {
  const db = openEncryptedDatabase(file, key);
  try {
    return (db.prepare('SELECT count(*) AS n FROM p').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('database encryption scheme', () => {
  it('writes a new file in AEGIS-256, which the SQLCipher 4 scheme cannot read', () => {
    const key = randomBytes(32);
    expect(detectScheme(join(t.dir, 'missing.db'))).toBe('aegis-256');
    const file = makeFile(key);
    expect(detectScheme(file)).toBe('aegis-256');
    expect(readWithScheme(file, key, 'aegis-256')).toBeGreaterThan(0);
    expect(() => readWithScheme(file, key, 'sqlcipher-4')).toThrow(/not a database/);
  });

  it('opens a file an earlier version wrote in SQLCipher 4 with the same key, and refuses a wrong key', () => {
    const key = randomBytes(32);
    const file = makeFile(key);
    toSqlcipher4(file, key);
    expect(detectScheme(file)).toBe('sqlcipher-4');
    expect(() => readWithScheme(file, key, 'aegis-256')).toThrow(/not a database/);
    expect(count(file, key)).toBe(500);
    // Opening does not convert it (only a session's open or a rekey does).
    expect(detectScheme(file)).toBe('sqlcipher-4');
    expect(() => openEncryptedDatabase(file, randomBytes(32))).toThrow(DatabaseKeyError);
    expect(() => openEncryptedDatabase(file, key, { readonly: true }).close()).not.toThrow();
  });

  it('a rekey writes the file in the current scheme, from either scheme, with every row kept', () => {
    for (const legacy of [true, false]) {
      const key = randomBytes(32);
      const file = makeFile(key, 3000);
      if (legacy) toSqlcipher4(file, key);
      const next = randomBytes(32);
      const db = openEncryptedDatabase(file, key);
      rekeyDatabase(db, next);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      closeDatabase(db);
      expect(detectScheme(file)).toBe('aegis-256');
      expect(count(file, next)).toBe(3000);
      expect(() => openEncryptedDatabase(file, key)).toThrow(DatabaseKeyError);
      t.cleanup();
      t = tempDir();
    }
  });

  it('a plain SQLite file or a file of random bytes is refused with the key error, and nothing is written to it', () => {
    const plainFile = join(t.dir, 'plain.db');
    const plain = new Database(plainFile);
    plain.exec('CREATE TABLE x (a); INSERT INTO x VALUES (1)');
    plain.close();
    expect(detectScheme(plainFile)).toBe('aegis-256');
    expect(() => openEncryptedDatabase(plainFile, randomBytes(32))).toThrow(DatabaseKeyError);
    const again = new Database(plainFile, { readonly: true });
    expect(again.prepare('SELECT a FROM x').get()).toEqual({ a: 1 });
    again.close();
    const noise = join(t.dir, 'noise.db');
    writeFileSync(noise, randomBytes(8192));
    expect(detectScheme(noise)).toBe('sqlcipher-4');
    expect(() => openEncryptedDatabase(noise, randomBytes(32))).toThrow(DatabaseKeyError);
    const short = join(t.dir, 'short.db');
    writeFileSync(short, randomBytes(10));
    expect(detectScheme(short)).toBe('sqlcipher-4');
  });
});
