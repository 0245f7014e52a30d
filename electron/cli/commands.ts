import { existsSync, statSync } from 'node:fs';
import type { AppCore } from '../core/app-core';
import { verifyAuditChain } from '../audit/verify';
import { appliedMigrations } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { seedDemo } from '../seed/demo';
import { readPassword } from './password';

export interface CliOptions {
  user?: string;
  name?: string;
  unit?: string;
  seed?: string;
  args: string[];
}

const out = (line: string) => process.stdout.write(`${line}\n`);

async function login(core: AppCore, o: CliOptions): Promise<void> {
  const user = o.user ?? 'admin';
  await core.login(user, await readPassword(`Lösenord för ${user}: `));
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
  async 'verify-audit'(core: AppCore, o: CliOptions): Promise<number> {
    await login(core, o);
    const r = verifyAuditChain(core.serviceContext().raw, core.vault.auditAnchor());
    out(r.ok ? `Loggkedjan är hel: ${r.checked} rader.` : `Loggkedjan är BRUTEN vid rad ${r.firstBrokenId}: ${r.reason}`);
    return r.ok ? 0 : 1;
  },

  /** A synthetic municipality for demos and tests. */
  async 'seed-demo'(core: AppCore, o: CliOptions): Promise<number> {
    await login(core, o);
    const counts = await seedDemo(core.serviceContext(), { seed: Number(o.seed ?? 1) });
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

Lösenordet läses från KPR_PASSWORD eller första raden på standard in, aldrig från kommandoraden.
Datamappen anges med --data DIR eller KPR_DATA.
`;
}
