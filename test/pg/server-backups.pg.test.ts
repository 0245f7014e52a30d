import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLiveAudit } from '../../electron/audit/anchors';
import { verifyAuditChainDb } from '../../electron/audit/verify';
import { openPostgres, type PgConnectionConfig } from '../../electron/db/postgres';
import { BACKUP_FUNCTION_0011 } from '../../electron/db/migrations/0011-server-backups';
import { SERVER_BACKUP_SCRIPT_ACTION } from '../../electron/services/server-backups';
import type { ServerBackup } from '../../shared/ipc/procedures/backup';
import { ok } from '../helpers/cases';
import { makeReadyCore, tempDir } from '../helpers/core';
import { APP_ROLE, asAdmin, createAppDatabase, findPgBin } from '../helpers/pg-cluster';
import { pgTestEnv } from '../helpers/pg-db';
import { psql } from '../helpers/pg-raw';

/**
 * Backups on the server (README, "Backups on the server"): IT's script electron/db/pg-backup.sh runs
 * for real against the test server as a backup account with read rights and EXECUTE on the record
 * function only; the app must then know the dump, the audit chain must verify with the function's row
 * in it, and the dump must restore into an empty database whose chain verifies too.
 */
let t: ReturnType<typeof tempDir>;
let dumps: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
  dumps = tempDir();
});
afterEach(() => {
  t.cleanup();
  dumps.cleanup();
});

const SCRIPT = join(__dirname, '..', '..', 'electron', 'db', 'pg-backup.sh');

/** A LOGIN role with pg_read_all_data and EXECUTE on the record function in `database`: what README tells IT to make. */
async function backupAccount(database: string) {
  const env = pgTestEnv();
  const role = `kpr_bk_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await asAdmin(env, async (c) => {
    await c.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    await c.query(`GRANT pg_read_all_data TO ${role}`);
    await c.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
  });
  await asAdmin(env, (c) => c.query(`GRANT EXECUTE ON FUNCTION ${BACKUP_FUNCTION_0011} TO ${role}`), database);
  const config = { host: env.host, port: env.port, user: role, password, database };
  return {
    role,
    config,
    drop: async () => {
      await asAdmin(env, (c) => c.query(`DROP OWNED BY ${role}`), database);
      await asAdmin(env, async (c) => {
        await c.query(`REVOKE ALL ON DATABASE ${database} FROM ${role}`);
        await c.query(`DROP ROLE ${role}`);
      });
    },
  };
}

/** libpq's environment for the script, the way IT sets it: TLS verified against the (self-signed) server certificate. */
function libpqEnv(c: { host: string; port: number; user: string; password: string; database: string }) {
  const bin = findPgBin();
  const ca = join(t.dir, 'server-ca.pem');
  writeFileSync(ca, pgTestEnv().serverCertPem);
  return {
    ...process.env,
    PATH: bin ? `${bin}:${process.env.PATH ?? ''}` : process.env.PATH,
    PGHOST: c.host,
    PGPORT: String(c.port),
    PGUSER: c.user,
    PGPASSWORD: c.password,
    PGDATABASE: c.database,
    PGSSLMODE: 'verify-full',
    PGSSLROOTCERT: ca,
    PGCONNECT_TIMEOUT: '10',
  };
}

const status = async (invoke: Awaited<ReturnType<typeof makeReadyCore>>['invoke']) =>
  ok<{ server: boolean; backups: ServerBackup[] }>(invoke('backup.serverStatus', {}));

describe('backups on the server', () => {
  it("IT's nightly script dumps, reads back and records the copy; the app knows it, the chain verifies, the dump restores", async () => {
    const { core, invoke, server } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const config = server!;
    expect(await status(invoke)).toEqual({ server: true, backups: [] });
    const account = await backupAccount(config.database);
    try {
      // As cron runs it: umask 022, under which files come out readable by every account.
      const out = execFileSync('sh', ['-c', 'umask 022; exec sh "$0" "$1"', SCRIPT, dumps.dir], {
        env: libpqEnv(account.config),
        encoding: 'utf8',
      });
      const files = readdirSync(dumps.dir);
      expect(files).toHaveLength(1); // the dump, and no part file left behind
      const name = files[0]!;
      expect(name).toMatch(/^kontaktregistret-\d{8}-\d{6}\.dump$/);
      expect(statSync(join(dumps.dir, name)).mode & 0o777).toBe(0o600);
      const bytes = readFileSync(join(dumps.dir, name));
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(out.trim().split('\n')).toEqual(['1', `${join(dumps.dir, name)} ${bytes.length} byte sha256 ${sha}`]);

      const { backups } = await status(invoke);
      expect(backups).toEqual([
        {
          id: 1,
          takenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
          source: 'skript',
          label: name,
          bytes: bytes.length,
          sha256: sha,
          recordedBy: account.role,
          audited: true,
        },
      ]);
      // The function wrote the audit row the way appendAudit does: the whole chain verifies, vault anchor included.
      const { db } = core.serviceContext();
      const row = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', SERVER_BACKUP_SCRIPT_ACTION)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        user_id: null,
        entity_type: 'server_backup',
        entity_id: '1',
        detail: `tagen ${backups[0]!.takenAt}, ${name}, ${bytes.length} byte, SHA-256 ${sha}, databasroll ${account.role}`,
      });
      expect(await verifyLiveAudit(core.serviceContext(), core.vault)).toMatchObject({ ok: true });
      // The app's own appends carry on from the function's row.
      await ok(
        invoke('backup.registerServer', { date: '2026-11-21', time: '23:15', label: 'IT-ärende 4711', sha256: '' }),
      );
      expect(await verifyAuditChainDb(db)).toMatchObject({ ok: true });

      // The backup account can record, and nothing else: no direct writes to the record or the log.
      for (const stmt of [
        "INSERT INTO server_backups (taken_at, recorded_at, source, label) VALUES ('x', 'x', 'skript', 'falsk')",
        "INSERT INTO audit_log VALUES (999, 'x', NULL, 'x', NULL, NULL, NULL, 'x', 'x')",
        'DELETE FROM server_backups',
      ]) {
        expect(() => psql(account.config, stmt)).toThrow(/permission denied/);
      }

      // Restore, as README says: into an empty database owned by the app's role, as that role.
      const restored = await createAppDatabase(pgTestEnv());
      const target: PgConnectionConfig = { ...config, database: restored.name };
      try {
        execFileSync(
          'pg_restore',
          ['--exit-on-error', '--single-transaction', '-d', restored.name, join(dumps.dir, name)],
          {
            env: libpqEnv({ ...config, database: restored.name }),
            stdio: 'pipe',
          },
        );
        const copy = await openPostgres(target);
        try {
          expect(await verifyAuditChainDb(copy)).toMatchObject({ ok: true });
          const count = async (table: 'users' | 'audit_log') =>
            Number(
              (
                await copy
                  .selectFrom(table)
                  .select((eb) => eb.fn.countAll().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            );
          expect(await count('users')).toBe(1);
          // The dump was taken before its own record: the restored log ends just before the function's row.
          expect(await count('audit_log')).toBe(row.id - 1);
          // The append-only rules came along.
          await expect(sql`DELETE FROM audit_log`.execute(copy)).rejects.toThrow(/append-only/);
          await expect(sql`DELETE FROM server_backups`.execute(copy)).resolves.toBeDefined(); // empty: nothing to refuse
        } finally {
          await copy.destroy();
        }
      } finally {
        await restored.drop();
      }
    } finally {
      await account.drop();
    }
  });

  it("refuses to run unless libpq verifies the server's certificate and host name; nothing is dumped or recorded", async () => {
    const { invoke, server } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const account = await backupAccount(server!.database);
    try {
      for (const mode of [undefined, 'prefer', 'require', 'verify-ca']) {
        const env: NodeJS.ProcessEnv = { ...libpqEnv(account.config), PGSSLMODE: mode };
        if (mode === undefined) delete env.PGSSLMODE;
        const run = spawnSync('sh', [SCRIPT, dumps.dir], { env, encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/sätt PGSSLMODE=verify-full .* inget har säkerhetskopierats/);
      }
      expect(readdirSync(dumps.dir)).toEqual([]);
      expect((await status(invoke)).backups).toEqual([]);
    } finally {
      await account.drop();
    }
  });

  it('the record function checks its input in Swedish and writes nothing; records are append-only; the newest by time comes first', async () => {
    const { core, invoke, server } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const app = server!;
    const { db } = core.serviceContext();
    const auditRows = async () => (await db.selectFrom('audit_log').select('id').execute()).length;
    const before = await auditRows();
    const bad: Array<[string, RegExp]> = [
      ["SELECT kontaktregistret_backup_taken('', 10, NULL)", /Ange en etikett på 1–200 tecken/],
      ["SELECT kontaktregistret_backup_taken(E'två\\nrader', 10, NULL)", /utan radbrytningar/],
      ["SELECT kontaktregistret_backup_taken('x', 0, NULL)", /fler än 0 byte/],
      ["SELECT kontaktregistret_backup_taken('x', 10, 'abc')", /64 hexadecimala tecken/],
      ["SELECT kontaktregistret_backup_taken('x', 10, NULL, '2999-01-01T00:00:00Z')", /ligger i framtiden/],
    ];
    for (const [stmt, error] of bad) expect(() => psql(app, stmt)).toThrow(error);
    expect(await auditRows()).toBe(before);
    expect((await status(invoke)).backups).toEqual([]);

    // Quotes, a backslash and Swedish letters in the label: the function's canonical JSON must match the app's.
    const label = 'natt "å\\ä" ö';
    const sha = 'AB'.repeat(32);
    psql(app, `SELECT kontaktregistret_backup_taken('${label}', 2048, '${sha}', '2020-01-10T01:00:00Z')`);
    psql(app, "SELECT kontaktregistret_backup_taken('äldre.dump', NULL, NULL, '2020-01-05T01:00:00+01:00')");
    const { backups } = await status(invoke);
    expect(backups.map((b) => [b.label, b.takenAt, b.bytes, b.sha256, b.audited])).toEqual([
      [label, '2020-01-10T01:00:00.000Z', 2048, sha.toLowerCase(), true],
      ['äldre.dump', '2020-01-05T00:00:00.000Z', null, null, true],
    ]);
    expect(await verifyLiveAudit(core.serviceContext(), core.vault)).toMatchObject({ ok: true });
    for (const stmt of [
      "UPDATE server_backups SET taken_at = '2020-02-01T00:00:00.000Z'",
      'DELETE FROM server_backups',
      'TRUNCATE server_backups',
    ]) {
      expect(() => psql(app, stmt)).toThrow(/append-only/);
    }
    expect(APP_ROLE).toBe(app.user);
  });

  it('an admin registers a copy IT confirmed; a time after now is refused and writes nothing', async () => {
    const { core, invoke } = await makeReadyCore(t.dir, { dialect: 'postgres' }); // clock 2026-11-22 09:00 UTC
    const { db } = core.serviceContext();
    const sha = 'f'.repeat(64);
    const future = await invoke('backup.registerServer', { date: '2026-11-23', time: '10:00', label: 'x', sha256: '' });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Tidpunkten ligger i framtiden. Inget har registrerats.' },
    });
    expect(await db.selectFrom('server_backups').select('id').execute()).toEqual([]);
    const { id } = await ok<{ id: number }>(
      invoke('backup.registerServer', {
        date: '2026-11-21',
        time: '02:00',
        label: ' IT-ärende 4711 ',
        sha256: sha.toUpperCase(),
      }),
    );
    const { backups } = await status(invoke);
    expect(backups).toEqual([
      {
        id,
        takenAt: new Date('2026-11-21T02:00:00').toISOString(),
        recordedAt: '2026-11-22T09:00:00.000Z',
        source: 'app',
        label: 'IT-ärende 4711',
        bytes: null,
        sha256: sha,
        recordedBy: 'Ada Admin',
        audited: true,
      },
    ]);
    const logged = await db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'entity_id'])
      .where('entity_type', '=', 'server_backup')
      .execute();
    expect(logged).toEqual([{ action: 'backup.server.register', user_id: 1, entity_id: String(id) }]);
  });
});

describe('the record function runs with the owner’s rights and trusts no schema a caller can write', () => {
  it('a function and operators planted in public by the backup account are not called by it', async () => {
    const { core, invoke, server } = await makeReadyCore(t.dir, { dialect: 'postgres' });
    const app = server!;
    // Every role may CREATE in public before PostgreSQL 15; here IT has not revoked it (after the migrations, which refuse it).
    await asAdmin(pgTestEnv(), (c) => c.query('GRANT CREATE ON SCHEMA public TO PUBLIC'), app.database);
    const account = await backupAccount(app.database);
    try {
      // Better matches than pg_catalog's polymorphic to_json(anyelement) and anynonarray || text: each
      // notes who ran it (current_user is the owner when called from inside a SECURITY DEFINER function).
      psql(
        account.config,
        `CREATE TABLE public.hijack (who text);
         GRANT INSERT ON public.hijack TO PUBLIC;
         CREATE FUNCTION public.to_json(v text) RETURNS json LANGUAGE plpgsql AS $f$
           BEGIN INSERT INTO public.hijack VALUES (current_user); RETURN pg_catalog.to_json(v::varchar); END $f$;
         CREATE FUNCTION public.cat(a text, b integer) RETURNS text LANGUAGE plpgsql AS $f$
           BEGIN INSERT INTO public.hijack VALUES (current_user); RETURN pg_catalog.textcat(a, b::text); END $f$;
         CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = integer, FUNCTION = public.cat);
         CREATE FUNCTION public.catname(a text, b name) RETURNS text LANGUAGE plpgsql AS $f$
           BEGIN INSERT INTO public.hijack VALUES (current_user); RETURN pg_catalog.textcat(a, b::text); END $f$;
         CREATE OPERATOR public.|| (LEFTARG = text, RIGHTARG = name, FUNCTION = public.catname);`,
      );
      expect(psql(account.config, "SELECT kontaktregistret_backup_taken('natt.dump', 10, NULL)").trim()).toBe('1');
      expect(psql(account.config, 'SELECT count(*) FROM public.hijack').trim()).toBe('0');
      // The traps are live for anyone whose names do resolve through public.
      psql(account.config, "SELECT to_json('x'::text), 'a' || 1, 'b' || session_user");
      expect(psql(account.config, 'SELECT DISTINCT who FROM public.hijack').trim()).toBe(account.role);

      // The record and its audit row are as without the traps, and the chain verifies.
      const { backups } = await status(invoke);
      expect(backups.map((b) => [b.label, b.bytes, b.recordedBy, b.audited])).toEqual([
        ['natt.dump', 10, account.role, true],
      ]);
      const { db } = core.serviceContext();
      const row = await db
        .selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', SERVER_BACKUP_SCRIPT_ACTION)
        .executeTakeFirstOrThrow();
      expect(row.detail).toBe(`tagen ${backups[0]!.takenAt}, natt.dump, 10 byte, databasroll ${account.role}`);
      expect(await verifyLiveAudit(core.serviceContext(), core.vault)).toMatchObject({ ok: true });
    } finally {
      await account.drop();
    }
  });
});
