import { existsSync, statSync } from 'node:fs';
import type { AppCore } from '../core/app-core';
import { verifyLiveAudit } from '../audit/anchors';
import { appliedMigrations } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { seedDemo } from '../seed/demo';
import { readPassword } from './password';
import { exportBatch } from '../services/payouts/export';
import { PAYOUT_FORMATS, monthField, type PayoutFormat } from '../../shared/ipc/procedures/payouts';
import { DomainError } from '../../shared/errors';
import { createBackup } from '../backup/backup';
import { audit } from '../core/session';
import { ROLE_LABELS, type Role } from '../../shared/roles';

export interface CliOptions {
  month?: string;
  format?: string;
  out?: string;
  reason?: string;
  user?: string;
  name?: string;
  unit?: string;
  seed?: string;
  args: string[];
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The CLI checks roles like the app's router does (an attestant cannot take backups or seed data). */
function requireRole(core: AppCore, ...roles: Role[]): void {
  if (!roles.some((r) => core.requireSession().user.roles.includes(r))) {
    throw new DomainError('FORBIDDEN', `Kommandot kräver rollen ${roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' eller ')}.`);
  }
}

/** KPR_RECOVERY_KEY, or an admin's --user and password (as they were when the copy was made). */
async function backupCredential(o: CliOptions): Promise<{ recoveryKey?: string; username?: string; password?: string }> {
  if (process.env.KPR_RECOVERY_KEY) return { recoveryKey: process.env.KPR_RECOVERY_KEY };
  const user = o.user ?? 'admin';
  return { username: user, password: await readPassword(`Lösenord för ${user} i säkerhetskopian: `) };
}

async function login(core: AppCore, o: CliOptions): Promise<void> {
  const user = o.user ?? 'admin';
  await core.login(user, await readPassword(`Lösenord för ${user}: `));
  // As in the app's router: a temporary password set by an admin must be changed (in the app) before anything else.
  if (core.requireSession().user.mustChangePassword) {
    throw new DomainError('FORBIDDEN', 'Du måste byta ditt tillfälliga lösenord i programmet innan du kan använda kommandoraden.');
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
    if (existsSync(core.databaseFile)) out(`Databas: ${core.databaseFile} (${Math.round(statSync(core.databaseFile).size / 1024)} kB, krypterad)`);
    if (s.state === 'uninitialized' || (!process.env.KPR_PASSWORD && process.stdin.isTTY !== false && !o.user)) return 0;
    await login(core, o);
    const ctx = core.serviceContext();
    const applied = await appliedMigrations(ctx.db);
    out(`Schemaversion: ${applied.at(-1)} (${applied.length} av ${MIGRATIONS.length})`);
    for (const table of ['users', 'contact_persons', 'audit_log']) {
      out(`${table}: ${(ctx.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n}`);
    }
    return 0;
  },

  /** Walks the audit chain; exit 1 when broken. */
  async 'verify-audit'(core: AppCore, o: CliOptions & { from?: string }): Promise<number> {
    await login(core, o);
    requireRole(core, 'admin');
    const r = await verifyLiveAudit(core.serviceContext(), core.vault, o.from ? [o.from] : []);
    out(r.ok ? `Loggkedjan är hel: ${r.checked} rader.` : `Loggkedjan är BRUTEN vid rad ${r.firstBrokenId}: ${r.reason}`);
    return r.ok ? 0 : 1;
  },

  /** payout export --month YYYY-MM --format pain001|bgc-lon|paxml|csv --out FILE [--reason TEXT] */
  async payout(core: AppCore, o: CliOptions): Promise<number> {
    if (o.args[0] !== 'export') throw new DomainError('INVALID_INPUT', 'Använd: payout export --month ÅÅÅÅ-MM --format pain001|bgc-lon|paxml|csv --out FIL');
    if (!o.month || !monthField.safeParse(o.month).success) throw new DomainError('INVALID_INPUT', 'Ange --month som ÅÅÅÅ-MM.');
    if (!o.format || !(PAYOUT_FORMATS as readonly string[]).includes(o.format)) throw new DomainError('INVALID_INPUT', `Ange --format: ${PAYOUT_FORMATS.join(', ')}.`);
    if (!o.out) throw new DomainError('INVALID_INPUT', 'Ange --out FIL.');
    await login(core, o);
    requireRole(core, 'attestant', 'handlaggare');
    const ctx = core.serviceContext();
    const batches = await ctx.db.selectFrom('payout_batches').select('id').where('month', '=', o.month).where('status', '=', 'attesterad').orderBy('id').execute();
    if (batches.length === 0) throw new DomainError('RULE_VIOLATION', `Det finns ingen attesterad utbetalning för ${o.month}.`);
    if (batches.length > 1) out(`Obs: ${batches.length} attesterade utbetalningar för månaden; den senaste (rättelsen) exporteras.`);
    const r = await exportBatch(ctx, core.exportSink, { batchId: batches.at(-1)!.id, format: o.format as PayoutFormat, reason: o.reason ?? '' });
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
    const { path } = await createBackup(ctx.raw, core.vaultFile, o.to, 'manuell', ctx.now(), { keyId: core.vault.keyId(), epoch: core.vault.epoch() });
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
    if (!Number.isSafeInteger(seed) || seed < 0) throw new DomainError('INVALID_INPUT', 'Ange --seed som ett heltal (0 eller större).');
    await login(core, o);
    requireRole(core, 'admin');
    const ctx = core.serviceContext();
    // Demo data goes only into an empty register (a demo data folder), never among real people.
    const people = (ctx.raw.prepare('SELECT (SELECT count(*) FROM contact_persons) + (SELECT count(*) FROM clients) AS n').get() as { n: number }).n;
    if (people > 0) throw new DomainError('RULE_VIOLATION', 'Demodata skapas bara i ett tomt register. Använd en egen datamapp för demo (--data).');
    const counts = await seedDemo(ctx, { seed });
    out(`Demodata skapad: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
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
  payout export --month ÅÅÅÅ-MM --format pain001|bgc-lon|paxml|csv --out FIL [--reason TEXT]
                exportera en attesterad utbetalning (XSD-kontrollerad; en andra export kräver --reason)

Lösenordet läses från KPR_PASSWORD eller första raden på standard in, aldrig från kommandoraden.
Datamappen anges med --data DIR eller KPR_DATA.
`;
}
