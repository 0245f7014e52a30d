import { existsSync, readFileSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import type { AppCore } from '../core/app-core';
import { verifyLiveAudit } from '../audit/anchors';
import { appliedMigrations } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { seedDemo } from '../seed/demo';
import { readPassword, readSecret } from './password';
import { serverFields } from '../../shared/ipc/server-fields';
import { parseWholeNumber } from '../../shared/numbers';
import { serverFromInput } from '../db/pg-input';
import { exportBatch, voidExport } from '../services/payouts/export';
import {
  attestBatch,
  checkAccountChange,
  createPayoutBatch,
  listBatches,
  redateBatch,
} from '../services/payouts/batches';
import { formatKronor } from '../../shared/money';
import { isValidIsoDate } from '../../shared/dates';
import { PAYOUT_FORMATS, type PayoutFormat } from '../../shared/ipc/procedures/payouts';
import { monthField } from '../../shared/ipc/fields';
import { DomainError } from '../../shared/errors';
import { createBackup } from '../backup/backup';
import { audit } from '../core/session';
import { ROLE_LABELS, type Role } from '../../shared/roles';

export interface CliOptions {
  month?: string;
  'pay-date'?: string;
  'check-line'?: string[];
  format?: string;
  out?: string;
  reason?: string;
  user?: string;
  name?: string;
  unit?: string;
  seed?: string;
  host?: string;
  port?: string;
  database?: string;
  'db-user'?: string;
  ca?: string;
  pin?: string;
  label?: string;
  args: string[];
}

const out = (line: string) => process.stdout.write(`${line}\n`);

const PAYOUT_SUBCOMMANDS = ['run', 'attest', 'redate', 'void', 'export'] as const;
type PayoutSubcommand = (typeof PAYOUT_SUBCOMMANDS)[number];

/** The CLI checks roles like the app's router does (an attestant cannot take backups or seed data). */
function requireRole(core: AppCore, ...roles: Role[]): void {
  if (!roles.some((r) => core.requireSession().user.roles.includes(r))) {
    throw new DomainError(
      'FORBIDDEN',
      `Kommandot kräver rollen ${roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' eller ')}.`,
    );
  }
}

/** KPR_RECOVERY_KEY, or an admin's --user and password (as they were when the copy was made). */
async function backupCredential(
  o: CliOptions,
): Promise<{ recoveryKey?: string; username?: string; password?: string }> {
  if (process.env.KPR_RECOVERY_KEY) return { recoveryKey: process.env.KPR_RECOVERY_KEY };
  const user = o.user ?? 'admin';
  return { username: user, password: await readPassword(`Lösenord för ${user} i säkerhetskopian: `) };
}

async function login(core: AppCore, o: CliOptions): Promise<void> {
  const user = o.user ?? 'admin';
  await core.login(user, await readPassword(`Lösenord för ${user}: `));
  // As in the app's router: a temporary password set by an admin must be changed (in the app) before anything else.
  if (core.requireSession().user.mustChangePassword) {
    throw new DomainError(
      'FORBIDDEN',
      'Du måste byta ditt tillfälliga lösenord i programmet innan du kan använda kommandoraden.',
    );
  }
}

export const commands = {
  /** Creates the database and the first admin; prints the recovery key once. */
  async init(core: AppCore, o: CliOptions): Promise<number> {
    const password = await readPassword('Lösenord för den nya administratören: ');
    const { recoveryKey } = await core.setup({
      username: o.user ?? 'admin',
      displayName: o.name ?? 'Administratör',
      password,
      unitName: o.unit ?? 'Kontaktpersonsenheten',
    });
    out('Kontaktregistret är installerat.');
    out(`Återställningsnyckel (visas bara nu, skriv ut och förvara inlåst): ${recoveryKey}`);
    return 0;
  },

  /** What is in the data folder; with a password also the schema version and row counts. */
  async status(core: AppCore, o: CliOptions): Promise<number> {
    const s = core.status();
    out(`Datamapp: ${core.dataDir}`);
    out(`Installerat: ${s.state === 'uninitialized' ? 'nej' : 'ja'}`);
    if (s.dataSource?.kind === 'server') out(`Databasserver: ${s.dataSource.label ?? ''}`);
    if (existsSync(core.databaseFile))
      out(`Databas: ${core.databaseFile} (${Math.round(statSync(core.databaseFile).size / 1024)} kB, krypterad)`);
    if (s.state === 'uninitialized' || (!process.env.KPR_PASSWORD && process.stdin.isTTY !== false && !o.user))
      return 0;
    await login(core, o);
    const ctx = core.serviceContext();
    const applied = await appliedMigrations(ctx.db);
    out(`Schemaversion: ${applied.at(-1)} (${applied.length} av ${MIGRATIONS.length})`);
    for (const table of ['users', 'contact_persons', 'audit_log']) {
      const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(ctx.db);
      out(`${table}: ${r.rows[0]?.n ?? 0}`);
    }
    return 0;
  },

  /**
   * move-to-server --host H [--port 5432] --database D --db-user U [--ca FIL] [--pin SHA256] [--label TEXT]
   * The one-way move of the local database to an empty server (admin). The database account's password
   * comes from KPR_DB_PASSWORD or the next line of stdin (after the user's own), never from argv.
   */
  async 'move-to-server'(core: AppCore, o: CliOptions): Promise<number> {
    if (!o.host || !o.database || !o['db-user'])
      throw new DomainError(
        'INVALID_INPUT',
        'Ange --host, --database och --db-user. Databaskontots lösenord läses från KPR_DB_PASSWORD eller standard in.',
      );
    let ca = '';
    if (o.ca) {
      try {
        ca = readFileSync(o.ca, 'utf8');
      } catch {
        throw new DomainError('INVALID_INPUT', `Certifikatfilen ${o.ca} går inte att läsa.`);
      }
    }
    await login(core, o);
    requireRole(core, 'admin');
    const password = await readSecret(
      'KPR_DB_PASSWORD',
      `Lösenord för databaskontot ${o['db-user']}: `,
      'Inget lösenord för databaskontot angivet (sätt KPR_DB_PASSWORD eller skicka det på standard in).',
    );
    const parsed = serverFields.safeParse({
      label: o.label ?? '',
      host: o.host,
      port: o.port === undefined ? 5432 : (parseWholeNumber(o.port) ?? Number.NaN),
      database: o.database,
      user: o['db-user'],
      password,
      ca,
      pinSha256: o.pin ?? '',
    });
    if (!parsed.success)
      throw new DomainError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Ogiltiga uppgifter.');
    const r = await core.moveToServer(serverFromInput(parsed.data, ''));
    const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
    out(`Flytten är klar: ${rows} rader i ${Object.keys(r.rows).length} tabeller, varav ${r.auditRows} loggrader.`);
    out('Loggkedjan på servern är kontrollerad. Datorn använder nu databasservern.');
    out(`Den lokala databasen finns kvar, skrivskyddad: ${r.keptAs}`);
    return 0;
  },

  /** Walks the audit chain; exit 1 when broken. */
  async 'verify-audit'(core: AppCore, o: CliOptions & { from?: string }): Promise<number> {
    await login(core, o);
    requireRole(core, 'admin');
    const r = await verifyLiveAudit(core.serviceContext(), core.vault, o.from ? [o.from] : []);
    out(
      r.ok ? `Loggkedjan är hel: ${r.checked} rader.` : `Loggkedjan är BRUTEN vid rad ${r.firstBrokenId}: ${r.reason}`,
    );
    return r.ok ? 0 : 1;
  },

  /**
   * payout run --month ÅÅÅÅ-MM [--pay-date ÅÅÅÅ-MM-DD]   compute (or recompute) the month's draft (handläggare)
   * payout attest --month ÅÅÅÅ-MM [--check-line ID ...]   attest the draft as --user (attestant); flagged lines need --check-line
   * payout redate --month ÅÅÅÅ-MM --pay-date D --reason T  new pay date for the attested batch (attestant)
   * payout void --month ÅÅÅÅ-MM --reason T                 void the batch's export (attestant); it may then go out once more
   * payout export --month ÅÅÅÅ-MM --format F --out FILE [--reason TEXT]
   */
  async payout(core: AppCore, o: CliOptions): Promise<number> {
    const sub = PAYOUT_SUBCOMMANDS.find((s) => s === o.args[0]);
    if (!sub)
      throw new DomainError(
        'INVALID_INPUT',
        'Använd: payout run|attest|redate|void|export --month ÅÅÅÅ-MM … (se --help)',
      );
    if (!o.month || !monthField.safeParse(o.month).success)
      throw new DomainError('INVALID_INPUT', 'Ange --month som ÅÅÅÅ-MM.');
    if (o['pay-date'] !== undefined && !isValidIsoDate(o['pay-date']))
      throw new DomainError('INVALID_INPUT', 'Ange --pay-date som ÅÅÅÅ-MM-DD.');
    if (sub === 'export') {
      if (!o.format || !(PAYOUT_FORMATS as readonly string[]).includes(o.format))
        throw new DomainError('INVALID_INPUT', `Ange --format: ${PAYOUT_FORMATS.join(', ')}.`);
      if (!o.out) throw new DomainError('INVALID_INPUT', 'Ange --out FIL.');
    }
    if (sub === 'redate' && (!o['pay-date'] || !o.reason))
      throw new DomainError('INVALID_INPUT', 'Ange --pay-date ÅÅÅÅ-MM-DD och --reason TEXT.');
    if (sub === 'void' && !o.reason)
      throw new DomainError('INVALID_INPUT', 'Ange skälet till makuleringen med --reason TEXT.');
    await login(core, o);
    // The same roles as the app's procedures (payouts.create, payouts.attest, payouts.redate, payouts.voidExport, payouts.export).
    const roles: Record<PayoutSubcommand, Role[]> = {
      run: ['handlaggare'],
      attest: ['attestant'],
      redate: ['handlaggare', 'attestant'],
      void: ['attestant'],
      export: ['attestant', 'handlaggare'],
    };
    requireRole(core, ...roles[sub]);
    const ctx = core.serviceContext();
    const month = o.month;
    const batchOf = async (status: 'utkast' | 'attesterad') => {
      const rows = await ctx.db
        .selectFrom('payout_batches')
        .select('id')
        .where('month', '=', month)
        .where('status', '=', status)
        .orderBy('id')
        .execute();
      if (rows.length === 0)
        throw new DomainError(
          'RULE_VIOLATION',
          status === 'utkast'
            ? `Det finns inget utkast att attestera för ${month}. Kör först: payout run --month ${month}`
            : `Det finns ingen attesterad utbetalning för ${month}.`,
        );
      if (rows.length > 1)
        out(`Obs: ${rows.length} attesterade utbetalningar för månaden; den senaste (rättelsen) används.`);
      return rows.at(-1)!.id;
    };
    const show = async (id: number) => {
      const b = (await listBatches(ctx, month)).find((x) => x.id === id)!;
      out(
        `Utbetalning ${b.id} (${b.kind}, ${b.status}) för ${b.month}: ${b.lines.length} rader, netto ${formatKronor(b.totals.netOre)}, utbetalningsdag ${b.paymentDate} (bankens genomförandedag ${b.executionDate}).`,
      );
      for (const l of b.lines.filter((x) => x.accountChanged))
        out(
          `  Rad ${l.id}: ${l.name} ${l.personnummerMasked}: ${l.accountChangeNote ?? 'kontonummer ändrat'}${l.accountChangeCheckedBy ? ` Kontrollerat av ${l.accountChangeCheckedBy}.` : ''}`,
        );
      for (const p of b.problems) out(`  Obs: ${p}`);
      for (const m of b.missing) out(`  Betalas inte: ${m}`);
      return b;
    };
    if (sub === 'run') {
      const { id } = await createPayoutBatch(ctx, { month, paymentDate: o['pay-date'] });
      await show(id);
      return 0;
    }
    if (sub === 'attest') {
      const id = await batchOf('utkast');
      for (const lineId of o['check-line'] ?? []) {
        if (!/^\d+$/.test(lineId)) throw new DomainError('INVALID_INPUT', 'Ange --check-line med radens nummer.');
        await checkAccountChange(ctx, { lineId: Number(lineId), checked: true });
      }
      await attestBatch(ctx, id);
      await show(id);
      return 0;
    }
    if (sub === 'redate') {
      const id = await batchOf('attesterad');
      await redateBatch(ctx, { batchId: id, paymentDate: o['pay-date']!, reason: o.reason! });
      await show(id);
      return 0;
    }
    if (sub === 'void') {
      if (!ctx.actor.roles.includes('attestant'))
        throw new DomainError('FORBIDDEN', 'Bara en attestant kan makulera en export.');
      await voidExport(ctx, { batchId: await batchOf('attesterad'), reason: o.reason! });
      out('Exporten är makulerad. Utbetalningen kan exporteras en gång till (nytt meddelande-id).');
      return 0;
    }
    const r = await exportBatch(ctx, core.exportSink, {
      batchId: await batchOf('attesterad'),
      format: o.format as PayoutFormat,
      reason: o.reason ?? '',
    });
    if (r.warning) out(`Varning: ${r.warning}`);
    out(`Sparad: ${r.savedTo}`);
    return 0;
  },

  /** backup --to DIR: an encrypted, consistent copy (folder with database, vault and manifest). */
  async backup(core: AppCore, o: CliOptions & { to?: string }): Promise<number> {
    if (!o.to) throw new DomainError('INVALID_INPUT', 'Ange målmappen med --to MAPP.');
    await login(core, o);
    requireRole(core, 'admin');
    const ctx = core.serviceContext();
    await audit(ctx, ctx.db, { action: 'backup.create', entityType: 'backup', detail: 'kommandorad' });
    const { path } = await createBackup(ctx.raw, core.vaultFile, o.to, 'manuell', ctx.now(), {
      keyId: core.vault.keyId(),
      epoch: core.vault.epoch(),
    });
    out(`Säkerhetskopia skapad: ${path}`);
    return 0;
  },

  /** verify-backup --from DIR: opens the copy with its own keys and checks it; exit 1 when damaged. */
  async 'verify-backup'(core: AppCore, o: CliOptions & { from?: string }): Promise<number> {
    if (!o.from) throw new DomainError('INVALID_INPUT', 'Ange säkerhetskopian med --from MAPP.');
    const p = await core.inspectBackup(o.from, await backupCredential(o));
    out(`Säkerhetskopia från ${p.manifest.createdAt} (${p.manifest.kind}, schema ${p.manifest.schema})`);
    for (const [t, n] of Object.entries(p.counts)) out(`${t}: ${n}`);
    out(`Integritetskontroll: ${p.integrity}`);
    out(p.auditOk ? 'Loggkedjan är hel.' : `Loggkedjan är BRUTEN: ${p.auditReason}`);
    return p.integrity === 'ok' && p.auditOk ? 0 : 1;
  },

  /** restore --from DIR: checks, then replaces the data folder's database and vault (old ones kept). */
  async restore(core: AppCore, o: CliOptions & { from?: string }): Promise<number> {
    if (!o.from) throw new DomainError('INVALID_INPUT', 'Ange säkerhetskopian med --from MAPP.');
    const r = await core.restoreBackup(o.from, await backupCredential(o));
    out(`Återställd från ${r.preview.manifest.createdAt}. De ersatta filerna finns i ${r.replacedTo}.`);
    return 0;
  },

  /** A synthetic municipality for demos and tests. */
  async 'seed-demo'(core: AppCore, o: CliOptions): Promise<number> {
    const seed = Number(o.seed ?? 1);
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new DomainError('INVALID_INPUT', 'Ange --seed som ett heltal (0 eller större).');
    await login(core, o);
    requireRole(core, 'admin');
    const ctx = core.serviceContext();
    // Demo data goes only into an empty register (a demo data folder), never among real people.
    const people = (
      ctx.raw.prepare('SELECT (SELECT count(*) FROM contact_persons) + (SELECT count(*) FROM clients) AS n').get() as {
        n: number;
      }
    ).n;
    if (people > 0)
      throw new DomainError(
        'RULE_VIOLATION',
        'Demodata skapas bara i ett tomt register. Använd en egen datamapp för demo (--data).',
      );
    const counts = await seedDemo(ctx, { seed });
    out(
      `Demodata skapad: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}.`,
    );
    return 0;
  },
};

export function usage(): string {
  return `Användning: npm run cli -- <kommando> [--data DIR] [--user NAMN]

Kommandon:
  init          skapa databas och första administratör (--user, --name, --unit)
  status        visa datamappen; med lösenord även schemaversion och antal rader
  verify-audit  kontrollera loggkedjan (avslutar med kod 1 om den är bruten)
  seed-demo     skapa en syntetisk kommun (60 kontaktpersoner, 50 brukare, uppdrag) (--seed N)
  backup        --to MAPP: krypterad säkerhetskopia
  verify-backup --from MAPP: kontrollera en säkerhetskopia (kod 1 om den är skadad)
  restore       --from MAPP: återställ (gamla filer sparas i datamappen under ersatt-<tid>)
                Nyckel: KPR_RECOVERY_KEY, eller --user med lösenordet som gällde i kopian
  move-to-server --host H [--port 5432] --database D --db-user KONTO [--ca FIL] [--pin SHA256] [--label TEXT]
                flytta den lokala databasen till en tom PostgreSQL-server (administratör, går inte att ångra);
                databaskontots lösenord från KPR_DB_PASSWORD eller nästa rad på standard in
  payout run    --month ÅÅÅÅ-MM [--pay-date ÅÅÅÅ-MM-DD]: beräkna månadens utbetalning (handläggare)
  payout attest --month ÅÅÅÅ-MM [--check-line RAD ...]: attestera som --user (attestant); rader med
                ändrat kontonummer ska kontrolleras och anges med --check-line
  payout redate --month ÅÅÅÅ-MM --pay-date ÅÅÅÅ-MM-DD --reason TEXT: ny utbetalningsdag (attestant)
  payout void   --month ÅÅÅÅ-MM --reason TEXT: makulera exporten (attestant); sedan kan den tas ut en gång till
  payout export --month ÅÅÅÅ-MM --format pain001|bgc-lon|paxml|csv --out FIL [--reason TEXT]
                exportera en attesterad utbetalning (XSD-kontrollerad; en andra export kräver --reason;
                bara enhetens betalsätt, ett annat format vägras)

Tid: KPR_NOW=ÅÅÅÅ-MM-DDTHH:MM:SSZ kör kommandot som om klockan vore då (test och demo).

Lösenordet läses från KPR_PASSWORD eller första raden på standard in, aldrig från kommandoraden.
Datamappen anges med --data DIR eller KPR_DATA.
`;
}
