import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedMigrations, DatabaseFromFutureError, migrate } from '../../electron/db/migrate';
import { MIGRATIONS } from '../../electron/db/migrations/index';
import { constraintError } from '../../electron/db/constraint-errors';
import { dialectOf } from '../../electron/db/dialect';
import type { DB } from '../../electron/db/schema';
import { guessLaw } from '../../shared/legal/laws';
import { asAdmin } from '../helpers/pg-cluster';
import { freshPgKysely, pgTestEnv } from '../helpers/pg-db';
import { bind, psql } from '../helpers/pg-raw';
import { appendAudit } from '../../electron/audit/audit-log';
import { verifyAuditChainDb } from '../../electron/audit/verify';
import { openPostgres } from '../../electron/db/postgres';

/**
 * The PostgreSQL twin of electron/db/migrations/*.test.ts: every migration, step by step, on a real
 * server as the least-privileged app role, with the same data and the same expectations.
 */
let t: Awaited<ReturnType<typeof freshPgKysely>>;
let db: Kysely<DB>;
beforeEach(async () => {
  t = await freshPgKysely();
  db = t.db;
});
afterEach(() => t.cleanup());

const run = (text: string, params: unknown[] = []) => sql.raw(bind(text, params)).execute(db);
const rows = async (text: string, params: unknown[] = []) =>
  (await sql.raw<Record<string, unknown>>(bind(text, params)).execute(db)).rows;

const CP =
  "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','i_uppdrag','x','x','x')";
const CLIENT =
  "INSERT INTO clients (personnummer, first_name, last_name, birth_date, gender, ivo_suffix, created_at, updated_at) VALUES ('201405011238','B','R','2014-05-01','man',1,'x','x')";
const DECISION =
  "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at) VALUES (1,'LSS 9 § 4','2026-05-15','2026-05-15',2,'manad',8,'x')";
const ASSIGNMENT =
  "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, created_at, updated_at) VALUES (1, 1, 'aktivt', '2026-06-01', 'x', 'x')";
const LINE =
  "INSERT INTO payout_lines (batch_id, contact_person_id, arvode_ore, omkostnad_ore, expenses_ore, tax_ore, tax_mode, fee_ore, fee_rate_bp, fee_base_ore, below_threshold, details) VALUES (?,1,100,0,0,30,'side_income_30',0,3142,0,1,'{}')";

describe('migrations on PostgreSQL', () => {
  it('0001-core: users, settings and an append-only audit log (also against TRUNCATE)', async () => {
    expect(dialectOf(db)).toBe('postgres');
    expect(await appliedMigrations(db)).toEqual([]);
    await migrate(db, '0001-core');
    expect(await appliedMigrations(db)).toEqual(['0001-core']);
    const u = await db
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
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(u.id).toBe(1);
    await expect(
      run("INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('u','V','[]','x','x')"),
    ).rejects.toThrow(/unique/);
    await run("INSERT INTO audit_log VALUES (1,'t',NULL,'a',NULL,NULL,NULL,'p','h')");
    await expect(run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(run("UPDATE audit_log SET detail = 'x'")).rejects.toThrow(/append-only/);
    await expect(run('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await rows('SELECT id, hash FROM audit_log')).toEqual([{ id: 1, hash: 'h' }]);
  });

  it('refuses a database migrated by a newer version', async () => {
    await migrate(db);
    await run("INSERT INTO schema_migrations (name, timestamp) VALUES ('9999-future', 'x')");
    await expect(migrate(db)).rejects.toThrow(DatabaseFromFutureError);
  });

  it('0002-contact-persons: keeps 0001 rows; unique personnummer; events need their person', async () => {
    await migrate(db, '0001-core');
    await run(
      "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('hanna','Hanna','[\"handlaggare\"]','x','x')",
    );
    await run("INSERT INTO audit_log VALUES (1,'t',1,'a',NULL,NULL,NULL,'p','h')");
    expect(await migrate(db)).toContain('0002-contact-persons');
    expect(await rows('SELECT username FROM users')).toEqual([{ username: 'hanna' }]);
    expect(await rows('SELECT count(*) AS n FROM audit_log')).toEqual([{ n: 1 }]);
    const ins =
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES (?, 'Test', 'Testsson', '1981-12-28', 'man', 'intresseanmalan', 'x', 'x', 'x') RETURNING id";
    const [first] = await rows(ins, ['198112289874']);
    await expect(run(ins, ['198112289874'])).rejects.toThrow(/unique/);
    await run("INSERT INTO cp_events (contact_person_id, at, date, user_id, kind) VALUES (?, 'x', 'x', 1, 'status')", [
      first?.id,
    ]);
    await expect(
      run("INSERT INTO cp_events (contact_person_id, at, date, kind) VALUES (999, 'x', 'x', 'status')"),
    ).rejects.toThrow(/foreign key/);
  });

  it('0003-clients-assignments: keeps contact persons and links assignments to them and to decisions', async () => {
    await migrate(db, '0002-contact-persons');
    await run(
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, queue_since, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','godkand','x','2026-01-01','x','x')",
    );
    expect(await migrate(db, '0003-clients-assignments')).toEqual(['0003-clients-assignments']);
    expect(await rows('SELECT status, queue_since FROM contact_persons')).toEqual([
      { status: 'godkand', queue_since: '2026-01-01' },
    ]);
    await run(CLIENT);
    await run(DECISION);
    await run(
      "INSERT INTO assignments (decision_id, contact_person_id, status, created_at, updated_at) VALUES (1, 1, 'forslag', 'x', 'x')",
    );
    await expect(
      run(
        "INSERT INTO assignments (decision_id, contact_person_id, status, created_at, updated_at) VALUES (1, 99, 'forslag', 'x', 'x')",
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('0004-payouts: levels on assignments, seeded rate years, and lines of attested batches locked', async () => {
    await migrate(db, '0003-clients-assignments');
    for (const s of [CP, CLIENT, DECISION, ASSIGNMENT]) await run(s);
    expect(await migrate(db, '0004-payouts')).toEqual(['0004-payouts']);
    expect(await rows('SELECT status, arvode_level FROM assignments')).toEqual([
      { status: 'aktivt', arvode_level: null },
    ]);
    const years = (await rows('SELECT year, config FROM rate_years ORDER BY year')) as Array<{
      year: number;
      config: string;
    }>;
    expect(years.map((y) => [y.year, (JSON.parse(y.config) as { prisbasbeloppOre: number }).prisbasbeloppOre])).toEqual(
      [
        [2024, 5_730_000],
        [2025, 5_880_000],
        [2026, 5_920_000],
      ],
    );
    await run(
      "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES ('2026-10','ordinarie','utkast','2026-11-25','x')",
    );
    await run(LINE, [1]);
    await run('UPDATE payout_lines SET arvode_ore = 200'); // a draft may change
    await run("UPDATE payout_batches SET status = 'attesterad'");
    await expect(run('UPDATE payout_lines SET arvode_ore = 300')).rejects.toThrow(/attested/);
    await expect(run('DELETE FROM payout_lines')).rejects.toThrow(/attested/);
    await expect(run(LINE, [1])).rejects.toThrow(/attested/);
    expect(await rows('SELECT arvode_ore FROM payout_lines')).toEqual([{ arvode_ore: 200 }]);
  });

  it('0005-documents: versioned agreements, follow-ups and the PDF archive (bytea)', async () => {
    await migrate(db, '0004-payouts');
    for (const s of [CP, CLIENT, DECISION]) await run(s);
    await run(
      "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, arvode_level, created_at, updated_at) VALUES (1, 1, 'aktivt', '2026-06-01', 'A1M', 'x', 'x')",
    );
    expect(await migrate(db, '0005-documents')).toEqual(['0005-documents']);
    expect(await rows('SELECT arvode_level FROM assignments')).toEqual([{ arvode_level: 'A1M' }]);
    const ins = "INSERT INTO agreements (assignment_id, version, data, created_at) VALUES (1, ?, '{}', 'x')";
    await run(ins, [1]);
    await run(ins, [2]);
    await expect(run(ins, [2])).rejects.toThrow(/unique/);
    await run("INSERT INTO follow_ups (assignment_id, planned_date) VALUES (1, '2026-12-01')");
    expect(await rows('SELECT participants, done_date FROM follow_ups')).toEqual([
      { participants: '', done_date: null },
    ]);
    await db
      .insertInto('documents')
      .values({
        kind: 'avtal',
        assignment_id: 1,
        title: 'Avtal',
        created_at: 'x',
        pdf: Buffer.from('%PDF-1.4'),
      } as never)
      .execute();
    const doc = await db.selectFrom('documents').select('pdf').executeTakeFirstOrThrow();
    expect(Buffer.from(doc.pdf as Uint8Array).toString()).toBe('%PDF-1.4');
    await expect(
      run("INSERT INTO documents (kind, assignment_id, title, created_at, pdf) VALUES ('avtal', 99, 'Avtal', 'x', ?)", [
        Buffer.from('x'),
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it('0006-payout-safety: freezes the payee on attested lines, keeps them locked, adds change log, re-dates and voids', async () => {
    await migrate(db, '0005-documents');
    await run(
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at, bank_clearing, bank_account) VALUES ('198112289874','Kim','Provare','1981-12-28','man','i_uppdrag','x','x','x','3300','8112289874')",
    );
    await run(
      "INSERT INTO payout_batches (month, kind, status, payment_date, created_at, msg_id) VALUES ('2026-10','ordinarie','attesterad','2026-11-25','x','KPR-202610-000001')",
    );
    await run(
      "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES ('2026-11','ordinarie','utkast','2026-12-23','x')",
    );
    await run("INSERT INTO payout_exports (batch_id, format, at, sha256) VALUES (1, 'pain001', 'x', 'abc')");
    await run('DROP TRIGGER payout_lines_locked_insert ON payout_lines'); // set up an attested line directly
    await run(LINE, [1]);
    await run(LINE, [2]);

    expect(await migrate(db, '0006-payout-safety')).toEqual(['0006-payout-safety']);
    expect(
      await rows(
        'SELECT batch_id, payee_name, payee_personnummer, payee_clearing, payee_account, account_changed FROM payout_lines ORDER BY id',
      ),
    ).toEqual([
      {
        batch_id: 1,
        payee_name: 'Kim Provare',
        payee_personnummer: '198112289874',
        payee_clearing: '3300',
        payee_account: '8112289874',
        account_changed: 0,
      },
      {
        batch_id: 2,
        payee_name: null,
        payee_personnummer: null,
        payee_clearing: null,
        payee_account: null,
        account_changed: 0,
      },
    ]);
    expect(await rows('SELECT channel FROM payout_batches ORDER BY id')).toEqual([
      { channel: 'pain001' },
      { channel: null },
    ]);
    expect(await rows('SELECT msg_id, voided_at FROM payout_exports')).toEqual([
      { msg_id: 'KPR-202610-000001', voided_at: null },
    ]);
    await expect(run("UPDATE payout_lines SET payee_account = '1' WHERE batch_id = 1")).rejects.toThrow(/attested/);
    await run("UPDATE payout_lines SET payee_account = '1' WHERE batch_id = 2");
    await run(
      "INSERT INTO payment_detail_changes (contact_person_id, at, field, before_masked, after_masked) VALUES (1, 'x', 'bankkonto', 'a', 'b')",
    );
    await expect(
      run(
        "INSERT INTO payment_detail_changes (contact_person_id, at, field, before_masked, after_masked) VALUES (9, 'x', 'bankkonto', 'a', 'b')",
      ),
    ).rejects.toThrow(/foreign key/);
    await run(
      "INSERT INTO payout_redates (batch_id, from_date, to_date, at, reason) VALUES (1, '2026-11-25', '2026-11-30', 'x', 'sen')",
    );
    await run("UPDATE contact_persons SET employee_number = 'A-17'");
  });

  it('0008-legal-reports: guesses law and paragraph like the TypeScript rule, and adds the new columns', async () => {
    await migrate(db, '0006-payout-safety');
    await run(CLIENT);
    const cases: Array<[string, string]> = [
      ['LSS 9 § 4', '2024-03-01'],
      ['SoL (bistånd, kontaktperson)', '2025-06-30'],
      ['SoL (bistånd, kontaktperson)', '2025-07-01'],
      ['Lag (1993:387) 9 § 4', '2026-01-10'],
      ['enligt lss', '2026-02-01'], // lower case: SQLite's LIKE ignores ASCII case, PostgreSQL's does not
    ];
    for (const [basis, date] of cases) {
      await run(
        "INSERT INTO decisions (client_id, legal_basis, decision_date, valid_from, meetings_per_period, period, hours_per_month, created_at) VALUES (1, ?, ?, ?, 2, 'manad', 8, 'x')",
        [basis, date, date],
      );
    }
    expect(await migrate(db, '0008-legal-reports')).toEqual(['0008-legal-reports']);
    const got = (await rows(
      'SELECT legal_basis, decision_date, law, paragraph, personkrets, law_guessed FROM decisions ORDER BY id',
    )) as Array<{
      legal_basis: string;
      decision_date: string;
      law: string;
      paragraph: string;
      personkrets: string | null;
      law_guessed: number;
    }>;
    expect(got.map((g) => [g.law, g.paragraph, g.personkrets, g.law_guessed])).toEqual([
      ['LSS 1993:387', '9 § 4', null, 1],
      ['SoL 2001:453', '4 kap. 1 §', null, 1],
      ['SoL 2025:400', '11 kap. 1 §', null, 1],
      ['LSS 1993:387', '9 § 4', null, 1],
      ['LSS 1993:387', '9 § 4', null, 1],
    ]);
    for (const g of got) expect(g.law).toBe(guessLaw(g.legal_basis, g.decision_date));
    expect(await rows('SELECT without_assessment, age_group FROM clients')).toEqual([
      { without_assessment: 0, age_group: '' },
    ]);
    await run(
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198112289874','K','P','1981-12-28','man','godkand','x','x','x')",
    );
    await run(
      "INSERT INTO assignments (decision_id, contact_person_id, status, start_date, created_at, updated_at) VALUES (1, 1, 'avslutat', '2024-04-01', 'x', 'x')",
    );
    await run(
      "INSERT INTO decision_interruptions (decision_id, from_date, reason, assignment_id) VALUES (1, '2024-06-01', 'Inga träffar', 1)",
    );
    await run('DELETE FROM assignments WHERE id = 1');
    expect(await rows('SELECT from_date, assignment_id FROM decision_interruptions')).toEqual([
      { from_date: '2024-06-01', assignment_id: null },
    ]);
    await expect(
      run(
        "INSERT INTO log_reviews (period_from, period_to, reviewed_at, reviewed_by, counts) VALUES ('2026-10-01','2026-10-31','x', 99, '{}')",
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('0009-integrity: one draft per month and known enum values, refused in Swedish; older rows stay', async () => {
    await migrate(db, '0008-legal-reports');
    await run(CP);
    await run(
      "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198001012380','K','Q','1980-01-01','man','gammal_status','x','x','x')",
    );
    const batch = (month: string, status: string) =>
      run(
        "INSERT INTO payout_batches (month, kind, status, payment_date, created_at) VALUES (?, 'ordinarie', ?, '2026-11-25', 'x')",
        [month, status],
      );
    await batch('2026-11', 'utkast');
    await batch('2026-11', 'utkast');
    expect(await migrate(db, '0009-integrity')).toEqual(['0009-integrity']);
    expect(await rows('SELECT id, status FROM payout_batches ORDER BY id')).toEqual([{ id: 2, status: 'utkast' }]);
    expect(await rows('SELECT status FROM contact_persons ORDER BY id')).toEqual([
      { status: 'i_uppdrag' },
      { status: 'gammal_status' },
    ]);
    const refusal = async (p: Promise<unknown>) =>
      constraintError(
        await p.then(
          () => null,
          (e: unknown) => e,
        ),
      )?.message;
    expect(await refusal(batch('2026-11', 'utkast'))).toBe(
      'Det finns redan ett utkast till utbetalning för månaden. Uppdatera sidan och räkna om det utkastet i stället.',
    );
    await batch('2026-11', 'attesterad');
    expect(await refusal(run("UPDATE contact_persons SET status = 'klar' WHERE id = 1"))).toBe(
      'Ogiltigt värde för kontaktpersonens status. Inget har sparats.',
    );
    expect(await refusal(run("UPDATE payout_batches SET channel = 'swish' WHERE id = 2"))).toBe(
      'Ogiltigt värde för betalsättet. Inget har sparats.',
    );
    await run("UPDATE payout_batches SET channel = 'pain001' WHERE id = 2");
    await run('UPDATE payout_batches SET channel = NULL WHERE id = 2');
    expect(
      await refusal(
        run(
          "INSERT INTO contact_persons (personnummer, first_name, last_name, birth_date, gender, status, status_changed_at, created_at, updated_at) VALUES ('198202022383','K','R','1982-02-02','man','godkänd','x','x','x')",
        ),
      ),
    ).toBe('Ogiltigt värde för kontaktpersonens status. Inget har sparats.');
    expect(
      await refusal(
        run(
          "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('u','U','[]','x','x'), ('u','V','[]','x','x')",
        ),
      ),
    ).toBe('Användarnamnet är redan upptaget.');
  });

  it('0010-row-versions: version 1 on existing and new rows of the edited records, never null', async () => {
    await migrate(db, '0009-integrity');
    for (const r of [CP, CLIENT]) await run(r);
    await run(DECISION.replace('created_at)', 'created_at, law)').replace("'x')", "'x','LSS 1993:387')"));
    expect(await migrate(db, '0010-row-versions')).toEqual(['0010-row-versions']);
    await run(ASSIGNMENT);
    for (const table of ['contact_persons', 'clients', 'decisions', 'assignments']) {
      expect(await rows(`SELECT id, version FROM ${table}`)).toEqual([{ id: 1, version: 1 }]);
    }
    await expect(run('UPDATE clients SET version = NULL WHERE id = 1')).rejects.toThrow(/null/);
  });

  it("0012-audit-workstation: old rows keep null and verify; the record function and appendAudit write the connection's workstation into row and hash", async () => {
    await migrate(db, '0011-server-backups');
    await run(
      "INSERT INTO users (username, display_name, roles, created_at, updated_at) VALUES ('ada','Ada','[\"admin\"]','x','x')",
    );
    const now = () => new Date('2026-11-22T09:00:00Z');
    await appendAudit(db, { userId: 1, action: 'gammal' }, now);
    psql(t.config, "SELECT kontaktregistret_backup_taken('före.dump', 10, NULL)"); // 0011's function
    expect(await migrate(db, '0012-audit-workstation')).toEqual(['0012-audit-workstation']);
    expect(await rows('SELECT id, workstation FROM audit_log ORDER BY id')).toEqual([
      { id: 1, workstation: null },
      { id: 2, workstation: null },
    ]);
    expect(await verifyAuditChainDb(db)).toMatchObject({ ok: true, checked: 2 });

    // IT's script without a workstation records null; with one (PGOPTIONS or SET), that name.
    psql(t.config, "SELECT kontaktregistret_backup_taken('natt.dump', 10, NULL)");
    psql(t.config, "SET kontaktregistret.workstation = 'IT-server'; SELECT kontaktregistret_backup_taken('b.dump')");
    // The app's connection names its workstation at connect time (pgPoolConfig).
    const named = await openPostgres(t.config, { workstation: 'KOMMUN PC\\17 (1a2b3c4d)' });
    try {
      await appendAudit(named, { userId: 1, action: 'ny' }, now);
    } finally {
      await named.destroy();
    }
    await appendAudit(db, { userId: 1, action: 'utan' }, now);
    expect(await rows('SELECT id, action, workstation FROM audit_log WHERE id > 2 ORDER BY id')).toEqual([
      { id: 3, action: 'backup.server.script', workstation: null },
      { id: 4, action: 'backup.server.script', workstation: 'IT-server' },
      { id: 5, action: 'ny', workstation: 'KOMMUN PC\\17 (1a2b3c4d)' },
      { id: 6, action: 'utan', workstation: null },
    ]);
    expect(await verifyAuditChainDb(db)).toMatchObject({ ok: true, checked: 6 });
    // Replacing the function kept its hardening: only pg_catalog and pg_temp on its path, no EXECUTE for PUBLIC.
    const [fn] = await rows(
      "SELECT proconfig, has_function_privilege('public', oid, 'EXECUTE') AS public FROM pg_proc WHERE proname = 'kontaktregistret_backup_taken'",
    );
    expect(fn).toEqual({ proconfig: ['search_path=pg_catalog, pg_temp'], public: false });
    await expect(run("UPDATE audit_log SET workstation = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);
    await expect(
      run("INSERT INTO audit_log (id, at, action, workstation, prev_hash, hash) VALUES (9, 'x', 'a', '', 'p', 'h')"),
    ).rejects.toThrow(/check/);
  });

  it('0011-server-backups: refuses in Swedish, changing nothing, while every role may CREATE in the public schema (PostgreSQL 14 and older)', async () => {
    await migrate(db, '0010-row-versions');
    await asAdmin(pgTestEnv(), (c) => c.query('GRANT CREATE ON SCHEMA public TO PUBLIC'), t.config.database);
    await expect(migrate(db)).rejects.toThrow(
      /Alla databaskonton får skapa objekt i schemat public\. Be IT köra REVOKE CREATE ON SCHEMA public FROM PUBLIC;/,
    );
    expect((await appliedMigrations(db)).at(-1)).toBe('0010-row-versions');
    expect(await rows("SELECT 1 FROM pg_proc WHERE proname = 'kontaktregistret_backup_taken'")).toEqual([]);
    await asAdmin(pgTestEnv(), (c) => c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC'), t.config.database);
    expect(await migrate(db)).toContain('0011-server-backups');
  });

  it('runs every migration to the latest as a role without superuser, CREATEDB or CREATEROLE', async () => {
    expect(await migrate(db)).toEqual(MIGRATIONS.map(([name]) => name));
    const [role] = await rows('SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user');
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
    expect(await migrate(db)).toEqual([]);
  });
});
