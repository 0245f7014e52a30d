import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { tempDir } from '../../test/helpers/core';
import { createKysely, openEncryptedDatabase } from './open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('Kysely transactions', () => {
  it('take the write lock at BEGIN, so a check read inside cannot be overtaken by another connection', async () => {
    const file = join(t.dir, 'l.db');
    const key = randomBytes(32);
    const a = openEncryptedDatabase(file, key);
    const b = openEncryptedDatabase(file, key);
    b.pragma('busy_timeout = 0');
    a.exec('CREATE TABLE drafts (month TEXT)');
    const db = createKysely(a);
    await db.transaction().execute(async (trx) => {
      // Only a read so far: a deferred BEGIN would hold no write lock yet and b's insert would win.
      await sql`SELECT count(*) FROM drafts`.execute(trx);
      expect(() => b.prepare("INSERT INTO drafts VALUES ('2026-10')").run()).toThrow(/locked|busy/i);
      await sql`INSERT INTO drafts VALUES ('2026-10')`.execute(trx);
    });
    b.prepare("INSERT INTO drafts VALUES ('2026-11')").run();
    expect(a.prepare('SELECT month FROM drafts ORDER BY month').all()).toEqual([
      { month: '2026-10' },
      { month: '2026-11' },
    ]);
    a.close();
    b.close();
  });
});
