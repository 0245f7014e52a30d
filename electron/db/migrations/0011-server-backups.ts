import { sql, type Kysely, type Migration } from 'kysely';
import { appSchema, dialectOf, executeFor } from '../dialect';

/**
 * Backups on a shared PostgreSQL server are taken by the municipality's IT with pg_dump, outside
 * the app; the app can only know of them if they are recorded. `server_backups` is that record:
 * when the dump was taken, what it is called, its size and SHA-256, and who recorded it, either the
 * IT script through `kontaktregistret_backup_taken(...)` (PostgreSQL) or an admin in the app. Each
 * record has its audit row (entity `server_backup`) written in the same transaction, and the table
 * is append-only like the audit log, so a record cannot be backdated or removed afterwards.
 *
 * The table exists on both dialects (one schema); only the server has the function, since a local
 * database is backed up by the app itself.
 *
 * Written out, not imported (a migration must not change once released): the audit chain's
 * canonical row and hash (electron/audit/chain.ts), its genesis hash and the advisory lock key of
 * appendAudit (electron/audit/audit-log.ts). 0011-server-backups.test.ts holds them equal.
 */
export const AUDIT_LOCK_KEY_0011 = 1263555137; // 0x4b505241, "KPRA"
export const SCRIPT_ACTION_0011 = 'backup.server.script';
export const BACKUP_FUNCTION_0011 = 'kontaktregistret_backup_taken(text, bigint, text, timestamptz)';

export const migration0011: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('server_backups')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      /** ISO instant (UTC) the dump was started. */
      .addColumn('taken_at', 'text', (c) => c.notNull())
      /** ISO instant (UTC) the record was written. */
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('skript', 'app')`))
      .addColumn('label', 'text', (c) => c.notNull().check(sql`length(label) BETWEEN 1 AND 200`))
      .addColumn('bytes', 'bigint', (c) => c.check(sql`bytes IS NULL OR bytes > 0`))
      .addColumn('sha256', 'text', (c) => c.check(sql`sha256 IS NULL OR length(sha256) = 64`))
      /** The database account that called the function (script records only). */
      .addColumn('db_role', 'text')
      /** The app user who recorded it (app records only). */
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
      .execute();
    await db.schema.createIndex('server_backups_taken').on('server_backups').column('taken_at').execute();

    const schema = dialectOf(db) === 'postgres' ? await appSchema(db) : '';
    await executeFor(db, {
      sqlite: [
        sql`CREATE TRIGGER server_backups_no_update BEFORE UPDATE ON server_backups
          BEGIN SELECT RAISE(ABORT, 'server_backups is append-only'); END`,
        sql`CREATE TRIGGER server_backups_no_delete BEFORE DELETE ON server_backups
          BEGIN SELECT RAISE(ABORT, 'server_backups is append-only'); END`,
      ],
      postgres: [
        // A role that may CREATE in a schema on the path (every role in public before PostgreSQL 15)
        // can plant a better-matching function or operator there that the app's own queries would
        // then run with the owner's rights. The README's IT block revokes it; refuse until it is done.
        sql`DO $$ DECLARE v_schema text; BEGIN
          SELECT n.nspname INTO v_schema FROM pg_catalog.pg_namespace n
            WHERE pg_catalog.has_schema_privilege('public', n.oid, 'CREATE') LIMIT 1;
          IF v_schema IS NOT NULL THEN
            RAISE EXCEPTION 'Alla databaskonton får skapa objekt i schemat %. Be IT köra REVOKE CREATE ON SCHEMA % FROM PUBLIC; i databasen (se README, "For the municipality''s IT"). Uppgraderingen har avbrutits.', v_schema, v_schema;
          END IF;
        END $$`,
        sql`CREATE FUNCTION server_backups_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'server_backups is append-only'; END $$`,
        sql`CREATE TRIGGER server_backups_no_update BEFORE UPDATE ON server_backups
          FOR EACH ROW EXECUTE FUNCTION server_backups_append_only()`,
        sql`CREATE TRIGGER server_backups_no_delete BEFORE DELETE ON server_backups
          FOR EACH ROW EXECUTE FUNCTION server_backups_append_only()`,
        sql`CREATE TRIGGER server_backups_no_truncate BEFORE TRUNCATE ON server_backups
          FOR EACH STATEMENT EXECUTE FUNCTION server_backups_append_only()`,
        // IT's backup script calls this after pg_dump (README, "Backups on the server"). It checks
        // its input, writes the record and appends the audit row exactly as appendAudit would (same
        // lock, same canonical JSON, same SHA-256), so the chain verifies unchanged. SECURITY DEFINER:
        // the caller needs EXECUTE only, never INSERT on audit_log or server_backups. Since it runs
        // with the owner's rights, nothing in it may resolve through a schema a caller can write:
        // the path is pg_catalog and pg_temp only (functions and operators are never looked up in
        // pg_temp), the app's tables are named with their schema, functions with pg_catalog, and
        // every operator gets operands of exactly its built-in types (casts, no polymorphic match).
        sql`CREATE FUNCTION kontaktregistret_backup_taken(
              p_label text, p_bytes bigint DEFAULT NULL, p_sha256 text DEFAULT NULL, p_taken_at timestamptz DEFAULT NULL)
            RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
          DECLARE
            fmt constant text := 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
            v_now timestamptz := pg_catalog.clock_timestamp();
            v_label text := pg_catalog.btrim(p_label);
            v_sha text := pg_catalog.lower(pg_catalog.btrim(p_sha256));
            v_at text;
            v_taken text;
            v_id integer;
            v_audit integer;
            v_prev text;
            v_detail text;
            v_canonical text;
          BEGIN
            IF v_label IS NULL OR pg_catalog.length(v_label) NOT BETWEEN 1 AND 200 OR v_label ~ '[[:cntrl:]]' THEN
              RAISE EXCEPTION 'Ange en etikett på 1–200 tecken utan radbrytningar. Inget har registrerats.';
            END IF;
            IF p_bytes IS NOT NULL AND p_bytes <= 0 THEN
              RAISE EXCEPTION 'Storleken måste vara fler än 0 byte. Inget har registrerats.';
            END IF;
            IF v_sha IS NOT NULL AND v_sha !~ '^[0-9a-f]{64}$' THEN
              RAISE EXCEPTION 'SHA-256 ska vara 64 hexadecimala tecken. Inget har registrerats.';
            END IF;
            IF p_taken_at > v_now + interval '5 minutes' THEN
              RAISE EXCEPTION 'Tidpunkten för kopian ligger i framtiden. Inget har registrerats.';
            END IF;
            v_at := pg_catalog.to_char(v_now AT TIME ZONE 'UTC', fmt);
            v_taken := pg_catalog.to_char(coalesce(p_taken_at, v_now) AT TIME ZONE 'UTC', fmt);
            INSERT INTO ${sql.id(schema, 'server_backups')} (taken_at, recorded_at, source, label, bytes, sha256, db_role, recorded_by)
              VALUES (v_taken, v_at, 'skript', v_label, p_bytes, v_sha, session_user::text, NULL)
              RETURNING id INTO v_id;

            PERFORM pg_catalog.pg_advisory_xact_lock(1263555137);
            SELECT id, hash INTO v_audit, v_prev FROM ${sql.id(schema, 'audit_log')} ORDER BY id DESC LIMIT 1;
            v_audit := coalesce(v_audit, 0) + 1;
            v_prev := coalesce(v_prev, pg_catalog.repeat('0', 64));
            v_detail := 'tagen ' || v_taken || ', ' || v_label
              || coalesce(', ' || p_bytes::text || ' byte', '') || coalesce(', SHA-256 ' || v_sha, '')
              || ', databasroll ' || session_user::text;
            v_canonical := '[' || v_audit::text || ',' || pg_catalog.to_json(v_at)::text || ',null,'
              || pg_catalog.to_json('backup.server.script'::text)::text || ',' || pg_catalog.to_json('server_backup'::text)::text || ','
              || pg_catalog.to_json(v_id::text)::text || ',' || pg_catalog.to_json(v_detail)::text || ']';
            INSERT INTO ${sql.id(schema, 'audit_log')} (id, at, user_id, action, entity_type, entity_id, detail, prev_hash, hash)
              VALUES (v_audit, v_at, NULL, 'backup.server.script', 'server_backup', v_id::text, v_detail, v_prev,
                pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(v_prev || E'\n' || v_canonical, 'UTF8')), 'hex'));
            RETURN v_id;
          END $$`,
        sql`REVOKE ALL ON FUNCTION kontaktregistret_backup_taken(text, bigint, text, timestamptz) FROM PUBLIC`,
      ],
    });
  },
};
