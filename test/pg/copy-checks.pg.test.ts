import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/audit/audit-log';
import { copyLocalToServer } from '../../electron/db/copy-to-server';
import { migrate } from '../../electron/db/migrate';
import { openPostgres } from '../../electron/db/postgres';
import { ADMIN, makeCore, makeReadyCore, tempDir } from '../helpers/core';
import { emptyPgConfig, freshPgKysely, LOCAL_PREFIX } from '../helpers/pg-db';

let local: ReturnType<typeof tempDir>;
beforeEach(() => (local = tempDir(LOCAL_PREFIX)));
afterEach(() => local.cleanup());

const at = () => new Date('2026-11-22T08:00:00Z');

describe('the copy to the server is all or nothing, checks included', () => {
  it('a copy that fails its row check is rolled back: the server stays empty and the move can be tried again', async () => {
    const src = await makeReadyCore(local.dir);
    const raw = src.core.requireSession().raw;
    const target = await freshPgKysely();
    try {
      await migrate(target.db);
      // Something on the server (here a stray trigger) makes the counts differ from what was copied.
      await sql`CREATE FUNCTION stray() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.key NOT LIKE 'stray.%' THEN INSERT INTO settings (key, value) VALUES ('stray.' || NEW.key, NEW.value); END IF; RETURN NEW; END $$`.execute(
        target.db,
      );
      await sql`CREATE TRIGGER stray AFTER INSERT ON settings FOR EACH ROW EXECUTE FUNCTION stray()`.execute(target.db);
      await expect(copyLocalToServer(raw, target.db)).rejects.toThrow(
        'Antalet rader i settings blev inte detsamma på servern.',
      );
      expect(await target.db.selectFrom('users').select('id').execute()).toEqual([]);
      expect(await target.db.selectFrom('audit_log').select('id').execute()).toEqual([]);

      await sql`DROP TRIGGER stray ON settings`.execute(target.db);
      const report = await copyLocalToServer(raw, target.db);
      expect(report.rows.users).toBe(1);
    } finally {
      await src.core.close();
      await target.cleanup();
    }
  });

  it('a server where IT already recorded a backup, or with audit rows, is refused with the reason', async () => {
    const src = await makeReadyCore(local.dir);
    const raw = src.core.requireSession().raw;
    const withBackup = await freshPgKysely();
    const withAudit = await freshPgKysely();
    try {
      await migrate(withBackup.db);
      await sql`SELECT kontaktregistret_backup_taken('nattlig kopia', 1000, NULL, NULL)`.execute(withBackup.db);
      await expect(copyLocalToServer(raw, withBackup.db)).rejects.toThrow(
        'Databasservern är inte tom: IT har redan registrerat säkerhetskopior i den. Registrera säkerhetskopior först efter flytten; be IT att tömma tabellen server_backups eller ge dig en tom databas.',
      );
      await migrate(withAudit.db);
      await appendAudit(withAudit.db, { userId: null, action: 'test.row', entityType: null }, at);
      await expect(copyLocalToServer(raw, withAudit.db)).rejects.toThrow(
        'Databasservern är inte tom: den har redan rader i granskningsloggen. Flytten görs bara till en tom databas; be IT att ge dig en tom databas.',
      );
    } finally {
      await src.core.close();
      await withBackup.cleanup();
      await withAudit.cleanup();
    }
  });

  it('setup on a server with an installation of another kind changes nothing there, not even the schema', async () => {
    const config = await emptyPgConfig();
    const { core } = makeCore(local.dir);
    const db = await openPostgres(config);
    try {
      await sql`CREATE TABLE users (id integer PRIMARY KEY, username text)`.execute(db);
      await sql`INSERT INTO users VALUES (1, 'någon')`.execute(db);
      await expect(core.setup({ ...ADMIN, server: { config } })).rejects.toThrow(
        'Databasservern har redan en installation av Kontaktregistret. Inget har ändrats på servern.',
      );
      const t = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(db);
      expect(t.rows[0]?.t).toBeNull();
      expect(core.vault.exists()).toBe(false);
    } finally {
      await db.destroy();
    }
  });
});
