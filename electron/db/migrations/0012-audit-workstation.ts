import { sql, type Kysely, type Migration } from 'kysely';
import { appSchema, dialectOf, executeFor } from '../dialect';

/**
 * The audit log records which workstation wrote each row (issue 18: several workstations on one
 * server). A nullable column: rows written before this migration keep null, and so do rows written
 * by a connection that names no workstation (IT's own tools). The column is part of the hash chain
 * only when it holds a value (electron/audit/chain.ts), so every existing chain verifies unchanged.
 * Adding a column fires no row trigger on either dialect: the append-only triggers of 0001 stand.
 *
 * On PostgreSQL a workstation names itself at connect time in the custom setting
 * `kontaktregistret.workstation` (electron/db/postgres.ts). The record function of 0011 appends its
 * own audit rows, so it is replaced here to take that setting into its row and hash the same way.
 * Written out, not imported, like 0011: 0012-audit-workstation.test.ts and the PostgreSQL tests hold
 * the function's hash equal to chainHash.
 */
export const WORKSTATION_SETTING_0012 = 'kontaktregistret.workstation';

export const migration0012: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('audit_log')
      .addColumn('workstation', 'text', (c) =>
        c.check(sql`workstation IS NULL OR length(workstation) BETWEEN 1 AND 100`),
      )
      .execute();

    const schema = dialectOf(db) === 'postgres' ? await appSchema(db) : '';
    await executeFor(db, {
      sqlite: [],
      postgres: [
        // 0011's function with one change: the workstation of the calling connection, if it names
        // one, goes into the audit row and, only then, into the canonical row. Hardened as in 0011:
        // search_path pg_catalog, pg_temp; schema-qualified tables and functions; exact operand types.
        sql`CREATE OR REPLACE FUNCTION kontaktregistret_backup_taken(
              p_label text, p_bytes bigint DEFAULT NULL, p_sha256 text DEFAULT NULL, p_taken_at timestamptz DEFAULT NULL)
            RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
          DECLARE
            fmt constant text := 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
            v_now timestamptz := pg_catalog.clock_timestamp();
            v_label text := pg_catalog.btrim(p_label);
            v_sha text := pg_catalog.lower(pg_catalog.btrim(p_sha256));
            v_ws text := pg_catalog.left(nullif(pg_catalog.btrim(pg_catalog.regexp_replace(
              pg_catalog.current_setting('kontaktregistret.workstation', true), '[[:cntrl:]]', ' ', 'g')), ''), 100);
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
              || pg_catalog.to_json(v_id::text)::text || ',' || pg_catalog.to_json(v_detail)::text
              || coalesce(',' || pg_catalog.to_json(v_ws)::text, '') || ']';
            INSERT INTO ${sql.id(schema, 'audit_log')} (id, at, user_id, action, entity_type, entity_id, detail, workstation, prev_hash, hash)
              VALUES (v_audit, v_at, NULL, 'backup.server.script', 'server_backup', v_id::text, v_detail, v_ws, v_prev,
                pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(v_prev || E'\n' || v_canonical, 'UTF8')), 'hex'));
            RETURN v_id;
          END $$`,
      ],
    });
  },
};
