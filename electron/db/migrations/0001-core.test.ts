import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/core';
import { appliedMigrations, DatabaseFromFutureError, migrate } from '../migrate';
import { createKysely, openEncryptedDatabase } from '../open';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('migration 0001-core', () => {
  it('creates users, settings and an append-only audit log on an empty database', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    expect(await appliedMigrations(db)).toEqual([]);
    await migrate(db, '0001-core');
    expect(await appliedMigrations(db)).toEqual(['0001-core']);
    await db
      .insertInto('users')
      .values({
        username: 'u',
        display_name: 'U',
        roles: '["admin"]',
        active: 1,
        must_change_password: 0,
        vault_entry_id: null,
        created_at: 'x',
        updated_at: 'x',
      })
      .execute();
    expect(() =>
      raw
        .prepare(
          "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('u','V','[]','x','x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    raw.prepare("INSERT INTO audit_log VALUES (1,'t',NULL,'a',NULL,NULL,NULL,'p','h')").run();
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
  });

  it('refuses a database migrated by a newer version', async () => {
    const raw = openEncryptedDatabase(join(t.dir, 'm.db'), randomBytes(32));
    const db = createKysely(raw);
    await migrate(db);
    raw.prepare("INSERT INTO schema_migrations (name, timestamp) VALUES ('9999-future', 'x')").run();
    await expect(migrate(db)).rejects.toThrow(DatabaseFromFutureError);
    raw.close();
  });
});
