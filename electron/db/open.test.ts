import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/core';
import { DatabaseKeyError, openEncryptedDatabase } from './open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

const NAME = 'Synteta Provsdotter';
const PNR = '198112289874';

describe('openEncryptedDatabase', () => {
  it('writes no plaintext to the database file, its WAL or any temp file', () => {
    const file = join(t.dir, 'k.db');
    const key = randomBytes(32);
    const db = openEncryptedDatabase(file, key);
    db.exec('CREATE TABLE p (name TEXT, pnr TEXT)');
    const ins = db.prepare('INSERT INTO p VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) ins.run(`${NAME} ${i}`, PNR);
    })();
    // A sort big enough to need temp space, while the WAL is still uncheckpointed.
    db.prepare('SELECT * FROM p ORDER BY name DESC').all();
    expect(existsSync(`${file}-wal`)).toBe(true);
    const scan = () => {
      for (const f of readdirSync(t.dir)) {
        const bytes = readFileSync(join(t.dir, f));
        expect(bytes.includes(Buffer.from('Provsdotter')), f).toBe(false);
        expect(bytes.includes(Buffer.from(PNR)), f).toBe(false);
        expect(bytes.subarray(0, 15).toString('latin1'), f).not.toBe('SQLite format 3');
      }
    };
    scan();
    db.close();
    scan();
    // And the data is really there for the right key.
    const again = openEncryptedDatabase(file, key);
    expect(again.prepare('SELECT count(*) AS n FROM p WHERE pnr = ?').get(PNR)).toEqual({ n: 2000 });
    again.close();
  });

  it('refuses a wrong key with a clear Swedish error', () => {
    const file = join(t.dir, 'k.db');
    const db = openEncryptedDatabase(file, randomBytes(32));
    db.exec('CREATE TABLE x (a)');
    db.close();
    expect(() => openEncryptedDatabase(file, randomBytes(32))).toThrow(DatabaseKeyError);
    expect(() => openEncryptedDatabase(file, randomBytes(32))).toThrow(/kunde inte öppnas med den här nyckeln/);
  });

  it('uses WAL, synchronous=FULL and foreign keys', () => {
    const db = openEncryptedDatabase(join(t.dir, 'k.db'), randomBytes(32));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
